package org.concurbridge.bridge.masterdata;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Concur side of vendor sync for one company (Invoice Vendor v3.1), as the sync engine needs it. A company
 * without Concur Invoice answers 403 ({@link org.concurbridge.client.ConcurException} with that status).
 */
public interface VendorTarget {

    /** Every vendor (address) the company has, lazily. */
    Stream<VendorRecord> all();

    /** The vendor with that code and address code. */
    Optional<VendorRecord> find(String vendorCode, String addressCode);

    /** One batch call; one outcome per vendor, in order (a 200 with failed statuses gives failed outcomes). */
    List<Outcome> create(List<VendorRecord> vendors);

    List<Outcome> update(List<VendorRecord> vendors);

    Outcome delete(String vendorCode, String addressCode);

    /** The largest batch one call takes. */
    int batchSize();

    record Outcome(String key, boolean ok, String code, String message) {
    }
}

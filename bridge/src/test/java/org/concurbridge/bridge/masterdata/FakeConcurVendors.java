package org.concurbridge.bridge.masterdata;

import org.concurbridge.client.ConcurException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** An in-memory Concur vendor master for the engine's unit tests; {@code invoice=false} answers 403 as Concur does. */
final class FakeConcurVendors implements VendorTarget {
    final Map<String, VendorRecord> vendors = new LinkedHashMap<>();
    boolean invoice = true;
    int writeCalls;
    int reads;
    String refuseCode; // vendors with this code get a failed status in a 200

    private void check() {
        reads++;
        if (!invoice) {
            throw new ConcurException.Authentication("HTTP 403 Forbidden", 403, null, null, null);
        }
    }

    @Override
    public Stream<VendorRecord> all() {
        check();
        return new ArrayList<>(vendors.values()).stream();
    }

    @Override
    public Optional<VendorRecord> find(String vendorCode, String addressCode) {
        check();
        return Optional.ofNullable(vendors.get(VendorRecord.key(vendorCode, addressCode)));
    }

    @Override
    public List<Outcome> create(List<VendorRecord> batch) {
        check();
        writeCalls++;
        List<Outcome> out = new ArrayList<>();
        for (VendorRecord v : batch) {
            if (v.vendorCode().equals(refuseCode)) {
                out.add(new Outcome(v.key(), false, "1000", "The required field missing|CountryCode"));
            } else if (vendors.containsKey(v.key())) {
                out.add(new Outcome(v.key(), false, "1001", "vendor exists"));
            } else {
                vendors.put(v.key(), v);
                out.add(new Outcome(v.key(), true, null, null));
            }
        }
        return out;
    }

    @Override
    public List<Outcome> update(List<VendorRecord> batch) {
        check();
        writeCalls++;
        List<Outcome> out = new ArrayList<>();
        for (VendorRecord v : batch) {
            boolean had = vendors.containsKey(v.key());
            if (had) {
                vendors.put(v.key(), v);
            }
            out.add(new Outcome(v.key(), had, had ? null : "1002", had ? null : "no such vendor"));
        }
        return out;
    }

    @Override
    public Outcome delete(String vendorCode, String addressCode) {
        check();
        writeCalls++;
        return new Outcome(VendorRecord.key(vendorCode, addressCode),
                vendors.remove(VendorRecord.key(vendorCode, addressCode)) != null, null, null);
    }

    @Override
    public int batchSize() {
        return 3;
    }
}

package org.concurbridge.bridge.masterdata.concur;

import org.concurbridge.bridge.masterdata.VendorRecord;
import org.concurbridge.bridge.masterdata.VendorTarget;
import org.concurbridge.client.vendors.Vendor;
import org.concurbridge.client.vendors.VendorBank;
import org.concurbridge.client.vendors.VendorBatch;
import org.concurbridge.client.vendors.VendorQuery;
import org.concurbridge.client.vendors.VendorStatus;
import org.concurbridge.client.vendors.VendorsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link VendorTarget} over the Concur client's Vendor v3.1 calls. A vendor with a bank account is written in two
 * calls: the vendor (batch), then its banking (Vendor Bank, batch); a refused bank makes the vendor's outcome failed
 * with Concur's bank message (the next run sends both again).
 */
final class ConcurVendorTarget implements VendorTarget {
    /** Vendors per call: the client's maximum (docs/decisions.md, "Client: Vendor v3.1 ... batch size"). */
    static final int BATCH = VendorsClient.MAX_BATCH_SIZE;
    private final VendorsClient client;

    ConcurVendorTarget(VendorsClient client) {
        this.client = client;
    }

    @Override
    public Stream<VendorRecord> all() {
        return client.all(VendorQuery.all()).map(ConcurVendorTarget::record);
    }

    @Override
    public Optional<VendorRecord> find(String vendorCode, String addressCode) {
        return client.search(VendorQuery.byCodeAndAddress(vendorCode, addressCode)).vendors().stream()
                .filter(v -> v.vendorCode().equalsIgnoreCase(vendorCode) && v.addressCode().equalsIgnoreCase(addressCode))
                .findFirst().map(ConcurVendorTarget::record);
    }

    @Override
    public List<Outcome> create(List<VendorRecord> vendors) {
        return withBanks(vendors, client.create(vendors.stream().map(ConcurVendorTarget::vendor).toList(), b -> { }));
    }

    @Override
    public List<Outcome> update(List<VendorRecord> vendors) {
        return withBanks(vendors, client.update(vendors.stream().map(ConcurVendorTarget::vendor).toList(), b -> { }));
    }

    @Override
    public Outcome delete(String vendorCode, String addressCode) {
        VendorBatch b = client.delete(vendorCode, addressCode);
        return outcome(VendorRecord.key(vendorCode, addressCode), b.statuses().isEmpty() ? null : b.statuses().get(0));
    }

    @Override
    public int batchSize() {
        return Math.min(BATCH, client.batchSize());
    }

    private List<Outcome> withBanks(List<VendorRecord> vendors, VendorBatch batch) {
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < vendors.size(); i++) {
            out.add(outcome(vendors.get(i).key(), i < batch.statuses().size() ? batch.statuses().get(i) : null));
        }
        List<VendorBank> banks = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < vendors.size(); i++) {
            VendorRecord v = vendors.get(i);
            if (out.get(i).ok() && v.bank() != null) {
                VendorRecord.Bank b = v.bank();
                banks.add(new VendorBank(v.vendorCode(), v.addressCode(), b.accountNumber(), "CHCK",
                        b.nameOnAccount() == null ? v.name() : b.nameOnAccount(), "Y", b.routingNumber(), b.bankName(),
                        null, null, null, b.countryCode(), b.currencyCode(), null, null, null));
                owners.add(i);
            }
        }
        if (!banks.isEmpty()) {
            VendorBatch bankBatch = client.putBanks(banks);
            for (int j = 0; j < owners.size(); j++) {
                VendorStatus s = j < bankBatch.statuses().size() ? bankBatch.statuses().get(j) : null;
                if (s == null || !s.ok()) {
                    int i = owners.get(j);
                    out.set(i, new Outcome(vendors.get(i).key(), false, s == null || s.code() == null ? "bank"
                            : "bank." + s.code(), "the vendor was written but SAP Concur refused its bank account: "
                            + (s == null ? "no status" : s.message())));
                }
            }
        }
        return out;
    }

    private static Outcome outcome(String key, VendorStatus s) {
        if (s == null) {
            return new Outcome(key, false, "missing", "SAP Concur's answer had no status for this vendor");
        }
        return new Outcome(key, s.ok(), s.code() == null ? s.type() : s.code().toString(), s.message());
    }

    static Vendor vendor(VendorRecord r) {
        return Vendor.builder(r.vendorCode(), r.addressCode()).vendorName(r.name()).address1(r.address1())
                .city(r.city()).state(r.state()).postalCode(r.postalCode()).countryCode(r.countryCode())
                .currencyCode(r.currencyCode()).taxId(r.taxId()).paymentMethodType(r.paymentMethodType())
                .paymentTerms(r.paymentTerms()).build();
    }

    static VendorRecord record(Vendor v) {
        VendorBank b = v.banks().isEmpty() ? null : v.banks().get(0);
        return new VendorRecord(v.vendorCode(), v.addressCode(), v.vendorName(), v.address1(), v.city(), v.state(),
                v.postalCode(), v.countryCode(), v.currencyCode(), v.taxId(), v.paymentMethodType(), v.paymentTerms(),
                b == null ? null : new VendorRecord.Bank(b.accountNumber(), b.routingNumber(), b.bankName(),
                        b.countryCode(), b.currencyAlphaCode(), b.nameOnAccount()));
    }
}

package org.concurbridge.sandbox.vendors;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A vendor address record as the sandbox's Concur holds it (the Java/admin read of the vendor master): {@code fields}
 * has the documented field names ({@code VendorCode}, {@code AddressCode}, {@code VendorName}, ..., {@code Custom20})
 * with every non-empty value; {@code groups} the vendor groups; {@code banks} every bank account of this address
 * (active and inactive; the API's {@code VendorBankList} shows the active ones).
 */
public record StoredVendor(String id, Map<String, String> fields, List<String> groups, List<StoredBank> banks,
                           Instant createdAt, Instant updatedAt) {

    public StoredVendor {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        groups = List.copyOf(groups);
        banks = List.copyOf(banks);
    }

    /** A field by its documented name; null when empty. */
    public String field(String name) {
        return fields.get(name);
    }

    public String vendorCode() {
        return fields.get("VendorCode");
    }

    public String addressCode() {
        return fields.get("AddressCode");
    }

    public String vendorName() {
        return fields.get("VendorName");
    }
}

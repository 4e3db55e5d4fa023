package org.concurbridge.sandbox.vendors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One vendor address record as held by {@link Vendors} (mutable; guarded by the module's lock). */
final class VendorRecord {
    final String id;
    /** Documented field name → non-empty value. */
    final Map<String, String> fields = new HashMap<>();
    /** Upper-case group name → {id, name as first given}. */
    final Map<String, String[]> groups = new LinkedHashMap<>();
    final List<StoredBank> banks = new ArrayList<>();
    final Instant createdAt;
    Instant updatedAt;

    VendorRecord(String id, Instant at) {
        this.id = id;
        this.createdAt = at;
        this.updatedAt = at;
    }

    String code() {
        return fields.get("VendorCode");
    }

    String address() {
        return fields.get("AddressCode");
    }
}

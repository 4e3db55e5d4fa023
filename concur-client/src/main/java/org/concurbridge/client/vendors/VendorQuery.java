package org.concurbridge.client.vendors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A vendor search ({@code GET /invoice/vendors}): {@code limit} 1..1000 (Concur's default 25), {@code offset} from a
 * previous {@code NextPage} (or null), and search values by their documented query names ({@code vendorCode},
 * {@code addressCode}, {@code vendorName}, {@code searchType} = exact|begins|contains|ends, {@code custom1}…).
 */
public record VendorQuery(int limit, String offset, Map<String, String> search) {

    public static final int MAX_LIMIT = 1000;

    static final Set<String> NAMES;

    static {
        java.util.HashSet<String> names = new java.util.HashSet<>(Set.of("sortDirection", "sortBy", "searchType",
                "vendorCode", "vendorName", "taxID", "buyerAccountNumber", "addressCode", "address1", "address2",
                "address3", "city", "state", "postalCode", "country", "paymentMethodType", "approved"));
        for (int i = 1; i <= 20; i++) {
            names.add("custom" + i);
        }
        NAMES = Set.copyOf(names);
    }

    public VendorQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " (got " + limit + ")");
        }
        search = search == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(search));
        for (Map.Entry<String, String> e : search.entrySet()) {
            if (!NAMES.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown vendor search parameter '" + e.getKey() + "' (documented: "
                        + new java.util.TreeSet<>(NAMES) + ")");
            }
            Objects.requireNonNull(e.getValue(), e.getKey());
        }
    }

    /** Every vendor, 1000 per page. */
    public static VendorQuery all() {
        return new VendorQuery(MAX_LIMIT, null, Map.of());
    }

    /** The addresses of one vendor code. */
    public static VendorQuery byCode(String vendorCode) {
        return all().and("vendorCode", vendorCode);
    }

    /** One vendor record. */
    public static VendorQuery byCodeAndAddress(String vendorCode, String addressCode) {
        return byCode(vendorCode).and("addressCode", addressCode);
    }

    public VendorQuery and(String name, String value) {
        Map<String, String> s = new LinkedHashMap<>(search);
        s.put(name, value);
        return new VendorQuery(limit, offset, s);
    }

    public VendorQuery withLimit(int value) {
        return new VendorQuery(value, offset, search);
    }

    public VendorQuery withOffset(String value) {
        return new VendorQuery(limit, value, search);
    }
}

package org.concurbridge.sandbox.vendors;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code GET /invoice/vendors} query (vendors-v3.md "GET search parameters"): the page window, the sort and
 * the filters. {@link #parse} throws {@link IllegalArgumentException} with the {@code Message} of the 400.
 */
record VendorQuery(int limit, int offset, String searchType, boolean descending, VendorField sortBy, String approved,
                   String paymentMethod, Map<String, String> values) {

    /** Query name (lower case) → the fields it searches. */
    private static final Map<String, List<String>> SEARCH_FIELDS = searchFields();

    /** {@code query}: lower-case parameter names → trimmed non-blank values. */
    static VendorQuery parse(Map<String, String> query) {
        int limit = intQuery(query, "limit", Vendors.DEFAULT_LIMIT, 1, Vendors.MAX_LIMIT,
                "limit must be a whole number from 1 to " + Vendors.MAX_LIMIT);
        int offset = intQuery(query, "offset", 0, 0, Integer.MAX_VALUE,
                "offset must be the starting point taken from NextPage");
        String searchType = query.getOrDefault("searchtype", "exact").toLowerCase(Locale.ROOT);
        if (!List.of("exact", "begins", "contains", "ends").contains(searchType)) {
            throw new IllegalArgumentException("searchType must be exact, begins, contains or ends (got '"
                    + query.get("searchtype") + "')");
        }
        String direction = query.getOrDefault("sortdirection", "ascending").toLowerCase(Locale.ROOT);
        if (!direction.equals("ascending") && !direction.equals("descending")) {
            throw new IllegalArgumentException("sortDirection must be ascending or descending (got '"
                    + query.get("sortdirection") + "')");
        }
        String sortName = query.getOrDefault("sortby", "VendorName");
        VendorField sortBy = VendorField.BY_LOWER_NAME.get(sortName.toLowerCase(Locale.ROOT));
        if (sortBy == null) {
            throw new IllegalArgumentException("sortBy must name a vendor field such as VendorName, VendorCode or City"
                    + " (got '" + sortName + "')");
        }
        String approved = query.get("approved");
        if (approved != null && !approved.equalsIgnoreCase("true") && !approved.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("approved must be True or False (got '" + approved + "')");
        }
        String method = query.get("paymentmethodtype");
        if (method != null && !VendorField.PAYMENT_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("paymentMethodType must be one of ACH, CARD, CHECK, CLIENT, PAYPVD,"
                    + " VCHER, WIRE (got '" + method + "')");
        }
        Map<String, String> values = new LinkedHashMap<>();
        SEARCH_FIELDS.keySet().forEach(k -> {
            if (query.containsKey(k)) {
                values.put(k, query.get(k).toLowerCase(Locale.ROOT));
            }
        });
        return new VendorQuery(limit, offset, searchType, direction.equals("descending"), sortBy, approved, method,
                values);
    }

    /** Every search value matches one of its fields ({@code searchType}, case-insensitive), and the flags match. */
    boolean matches(VendorRecord r) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            boolean any = false;
            for (String field : SEARCH_FIELDS.get(e.getKey())) {
                any |= matches(r.fields.get(field), e.getValue());
            }
            if (!any) {
                return false;
            }
        }
        if (approved != null && "Y".equals(r.fields.get("Approved")) != approved.equalsIgnoreCase("true")) {
            return false;
        }
        return paymentMethod == null || paymentMethod.equalsIgnoreCase(r.fields.get("PaymentMethodType"));
    }

    private boolean matches(String value, String wanted) {
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return switch (searchType) {
            case "begins" -> v.startsWith(wanted);
            case "contains" -> v.contains(wanted);
            case "ends" -> v.endsWith(wanted);
            default -> v.equals(wanted);
        };
    }

    /** By {@code sortBy} (case-insensitive, empty values last), ties by code then address: stable pages. */
    Comparator<VendorRecord> order() {
        Comparator<String> values = descending ? String.CASE_INSENSITIVE_ORDER.reversed()
                : String.CASE_INSENSITIVE_ORDER;
        return Comparator.comparing((VendorRecord r) -> r.fields.get(sortBy.name()), Comparator.nullsLast(values))
                .thenComparing(r -> Vendors.key(r.code(), r.address()));
    }

    private static Map<String, List<String>> searchFields() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String f : List.of("VendorCode", "VendorName", "TaxID", "AddressCode", "Address1", "Address2",
                "Address3", "City", "State", "PostalCode")) {
            m.put(f.toLowerCase(Locale.ROOT), List.of(f));
        }
        m.put("buyeraccountnumber", List.of("AccountNumber"));
        m.put("country", List.of("Country", "CountryCode"));
        for (int i = 1; i <= 20; i++) {
            m.put("custom" + i, List.of("Custom" + i));
        }
        return Map.copyOf(m);
    }

    private static int intQuery(Map<String, String> q, String name, int fallback, int min, int max, String rule) {
        String v = q.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(rule + " (got '" + v + "')");
    }
}

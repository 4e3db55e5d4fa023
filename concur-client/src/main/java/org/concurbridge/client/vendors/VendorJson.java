package org.concurbridge.client.vendors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.concurbridge.client.MalformedResponseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the Vendor v3.1 JSON shapes (PascalCase members). Collections are read from both {@code Items} and
 * the element-named member ({@code Vendor}, {@code VendorBank}, {@code VendorGroup}) — the docs leave open which one
 * carries the answer — each as an array or a single object (the swagger types them as one object). Also reads the
 * same shapes from an XML tree ({@link org.concurbridge.client.Xml}), as in the 2015 samples.
 */
public final class VendorJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private VendorJson() {
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedResponseException("empty body where JSON was expected");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedResponseException("body is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The records of a collection: {@code Items} then {@code element}, arrays or single objects. */
    public static List<JsonNode> records(JsonNode root, String element) {
        if (root == null || !root.isObject()) {
            throw new MalformedResponseException("a collection should be a JSON object but is "
                    + (root == null ? "missing" : root.getNodeType()));
        }
        List<JsonNode> out = new ArrayList<>();
        out.addAll(arrayOrObject(root, "Items", element));
        out.addAll(arrayOrObject(root, element, null));
        return out;
    }

    /**
     * A member as a list: an array, a single object, or (XML trees, 2015 samples) an object wrapping the repeated
     * {@code inner} element.
     */
    static List<JsonNode> arrayOrObject(JsonNode n, String field, String inner) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || (v.isString() && v.stringValue().isBlank())) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(out::add);
        } else if (v.isObject()) {
            JsonNode wrapped = inner == null ? null : v.get(inner);
            if (wrapped != null && (wrapped.isArray() || wrapped.isObject())) {
                return arrayOrObject(v, inner, null);
            }
            out.add(v);
        } else {
            throw new MalformedResponseException("'" + field + "' should be an array or object but is " + v.getNodeType());
        }
        return out;
    }

    /** A page of a search answer. */
    public static VendorPage page(JsonNode root) {
        List<Vendor> vendors = new ArrayList<>();
        List<JsonNode> items = arrayOrObject(root, "Items", "Vendor");
        for (JsonNode n : items.isEmpty() ? arrayOrObject(root, "Vendor", null) : items) {
            vendors.add(vendor(n));
        }
        String next = text(root, "NextPage");
        return new VendorPage(vendors, next == null || next.isBlank() ? null : next, integer(root, "TotalCount"));
    }

    public static Vendor vendor(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new MalformedResponseException("a vendor should be an object");
        }
        String code = text(n, "VendorCode");
        if (code == null) {
            throw new MalformedResponseException("a vendor without VendorCode");
        }
        String address = text(n, "AddressCode");
        Vendor.Builder b = Vendor.builder(code, address == null ? "" : address);
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            JsonNode v = e.getValue();
            if ((v.isString() || v.isNumber() || v.isBoolean()) && !v.asString().isBlank()) {
                b.field(canonical(e.getKey()), v.asString());
            }
        }
        b.id(text(n, "ID")).uri(text(n, "URI"));
        List<VendorBank> banks = new ArrayList<>();
        for (JsonNode bank : arrayOrObject(n, "VendorBankList", "VendorBank")) {
            if (bank.isObject()) {
                banks.add(bank(bank, code));
            }
        }
        List<String> groups = new ArrayList<>();
        JsonNode gl = n.get("VendorGroupList");
        if (gl != null && gl.isArray()) {
            gl.forEach(g -> groups.add(g.isObject() ? text(g, "Name") : g.asString()));
        } else if (gl != null && gl.isString() && !gl.stringValue().isBlank()) {
            groups.add(gl.stringValue());
        }
        return b.banks(banks).groups(groups).build();
    }

    /** Names of the 2015 samples that differ from the current schema, read as the current field. */
    static final Map<String, String> HISTORICAL = Map.of("BUYERACCOUNTNUMBER", "AccountNumber",
            "PAYMENTTERMDAYS", "PaymentTerms", "DISCOUNTTEMSDAYS", "DiscountTermsDays");

    private static final Map<String, String> BY_UPPER;

    static {
        Map<String, String> m = new java.util.HashMap<>();
        Vendor.FIELD_NAMES.forEach(f -> m.put(f.toUpperCase(java.util.Locale.ROOT), f));
        for (int i = 1; i <= 20; i++) {
            m.put("CUSTOM" + i, "Custom" + i);
        }
        BY_UPPER = Map.copyOf(m);
    }

    /** A member name as the documented field (matched ignoring case, historical aliases included), or as given. */
    static String canonical(String name) {
        String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
        String f = BY_UPPER.get(upper);
        if (f != null) {
            return f;
        }
        return HISTORICAL.getOrDefault(upper, name);
    }

    /** A {@code VendorBank}; {@code vendorCode} stands in when the record names none (inside a vendor's list). */
    public static VendorBank bank(JsonNode n, String vendorCode) {
        String own = text(n, "VendorCode");
        return new VendorBank(own != null ? own : vendorCode == null ? "" : vendorCode, text(n, "AddressCode"),
                text(n, "AccountNumber"), text(n, "AccountType"), text(n, "NameOnAccount"), text(n, "IsActive"),
                text(n, "RoutingNumber"), text(n, "BankName"), text(n, "BranchLocation"), text(n, "BankCode"),
                text(n, "BranchCode"), text(n, "CountryCode"), text(n, "CurrencyAlphaCode"), text(n, "TransType"),
                text(n, "ID"), text(n, "URI"));
    }

    /** {@code {"Vendor": [...]}} with the writable fields (no ID, URI, lists). */
    static String vendors(List<Vendor> vendors) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("Vendor");
        for (Vendor v : vendors) {
            ObjectNode o = array.addObject();
            v.fields().forEach(o::put);
        }
        return MAPPER.writeValueAsString(root);
    }

    static String banks(List<VendorBank> banks) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("VendorBank");
        for (VendorBank b : banks) {
            ObjectNode o = array.addObject();
            put(o, "VendorCode", b.vendorCode());
            put(o, "AddressCode", b.addressCode());
            put(o, "AccountNumber", b.accountNumber());
            put(o, "AccountType", b.accountType());
            put(o, "NameOnAccount", b.nameOnAccount());
            put(o, "IsActive", b.isActive());
            put(o, "RoutingNumber", b.routingNumber());
            put(o, "BankName", b.bankName());
            put(o, "BranchLocation", b.branchLocation());
            put(o, "BankCode", b.bankCode());
            put(o, "BranchCode", b.branchCode());
            put(o, "CountryCode", b.countryCode());
            put(o, "CurrencyAlphaCode", b.currencyAlphaCode());
            put(o, "TransType", b.transType());
        }
        return MAPPER.writeValueAsString(root);
    }

    static String groups(List<String> groups) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("VendorGroup");
        groups.forEach(g -> array.addObject().put("Name", g));
        return MAPPER.writeValueAsString(root);
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isString() || v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        if (v.isObject() && v.isEmpty()) {
            return null;   // an empty XML element
        }
        throw new MalformedResponseException("field '" + field + "' should be a string but is " + v.getNodeType());
    }

    static Integer integer(JsonNode n, String field) {
        String t = text(n, field);
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(t.trim());
        } catch (NumberFormatException e) {
            throw new MalformedResponseException("field '" + field + "' should be a whole number");
        }
    }
}

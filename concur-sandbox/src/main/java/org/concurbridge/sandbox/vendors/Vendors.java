package org.concurbridge.sandbox.vendors;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.concurbridge.sandbox.HttpFailure;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxModule;
import org.concurbridge.sandbox.SandboxProduct;
import org.concurbridge.sandbox.SandboxRoutes;
import org.concurbridge.sandbox.SandboxState;
import org.concurbridge.sandbox.TokenRegistry.AccessGrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invoice Vendor v3.1 (vendors-v3.md): the vendor master of each company, keyed by {@code VendorCode} +
 * {@code AddressCode} (both case-insensitive). Endpoints under {@code {geo}/api/v3.1/invoice}: {@code GET vendors}
 * (search, paging by {@code NextPage}), {@code POST}/{@code PUT vendors} (batches of at most {@link #MAX_BATCH} with a
 * per-vendor {@code StatusList} in a 200), {@code DELETE vendors?vendorCode=&addressCode=}, {@code PUT vendor/banks},
 * {@code PUT}/{@code DELETE vendor/groups}. The Vendor v3 paths ({@code /api/v3.0/invoice/...}) answer 404 as a
 * decommissioned API unless {@link #v3Available(boolean)} brings them back. Callers need a company token with
 * {@code INVVEN} for a company that has bought Concur Invoice (403 otherwise). JSON only. Java API
 * {@code sb.vendors()}, admin API under {@code /admin/vendors} (docs/sandbox.md).
 */
public final class Vendors implements SandboxModule {

    static final String V31 = "/api/v3.1/invoice";
    static final String V30 = "/api/v3.0/invoice";
    public static final String SCOPE = "INVVEN";
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 1000;
    /** Most vendors (banks, groups) per POST/PUT: the status page's classic 1000 rule; more answers 400. */
    public static final int MAX_BATCH = 1000;

    /** {@code StatusList} codes and types (undocumented vocabulary: the sandbox's, see docs/sandbox.md). */
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";
    public static final int CODE_OK = 0;
    /** A required field is missing or a value exceeds its limit (2015 sample: 6000 "required field missing|Limit"). */
    public static final int CODE_MISSING_OR_LIMIT = 6000;
    public static final int CODE_INVALID_VALUE = 6001;
    public static final int CODE_DUPLICATE = 6002;
    public static final int CODE_NOT_FOUND = 6003;
    public static final int CODE_NAME_CONFLICT = 6004;
    public static final int CODE_TAX_ID_CONFLICT = 6005;

    private static final Logger log = LoggerFactory.getLogger(Vendors.class);
    private static final Set<String> ENVELOPE = Set.of("Items", "NextPage", "RequestRunSummary", "TotalCount");
    /** Regions under SAP export-control embargo where a country is only partly embargoed (Ukraine, per the docs). */
    private static final Map<String, List<String>> EMBARGOED_REGIONS = Map.of(
            "UA", List.of("crimea", "sevastopol", "donetsk", "luhansk"));

    enum Op { CREATE, UPDATE }

    private record Caller(SandboxCompany company, SandboxExchange ex, boolean v3) {
    }

    /** A processed record: the response item and whether it succeeded. */
    record Outcome(ObjectNode item, boolean ok, String message) {
    }

    private SandboxState state;
    private volatile boolean v3Available;
    /** Company UUID → key (upper-case code NUL upper-case address) → record. Guarded by {@code this}. */
    private final Map<String, TreeMap<String, VendorRecord>> companies = new HashMap<>();

    @Override
    public void register(SandboxRoutes routes, SandboxState sandboxState) {
        this.state = sandboxState;
        for (String base : List.of(V31, V30)) {
            boolean v3 = base.equals(V30);
            routes.geo(GET, base + "/vendors", ex -> serve(ex, v3, false, this::search));
            routes.geo(POST, base + "/vendors", ex -> serve(ex, v3, true, c -> write(c, Op.CREATE)));
            routes.geo(PUT, base + "/vendors", ex -> serve(ex, v3, true, c -> write(c, Op.UPDATE)));
            routes.geo(DELETE, base + "/vendors", ex -> serve(ex, v3, false, this::delete));
            routes.geo(PUT, base + "/vendor/banks", ex -> serve(ex, v3, true, this::banks));
            routes.geo(PUT, base + "/vendor/groups", ex -> serve(ex, v3, true, this::putGroups));
            routes.geo(DELETE, base + "/vendor/groups", ex -> serve(ex, v3, false, this::deleteGroup));
        }
        new VendorsAdmin(this).register(routes);
    }

    // =================================================================== Java API

    /**
     * Adds one vendor address record as a POST would (same validation; v3.1 rules); returns it. Throws
     * {@link IllegalArgumentException} with the failure status's message (e.g. a duplicate or a missing field).
     */
    public StoredVendor seed(String companyUuid, Map<String, String> fields) {
        ObjectNode node = state.json().createObjectNode();
        fields.forEach(node::put);
        Outcome o = apply(company(companyUuid), Op.CREATE, node, 1, false);
        if (!o.ok()) {
            throw new IllegalArgumentException(o.message());
        }
        return find(companyUuid, fields.get("VendorCode"), fields.get("AddressCode")).orElseThrow();
    }

    /**
     * Adds the vendors of a JSON document: {@code {"Vendor":[...]}}, a JSON array of vendors or one vendor object.
     * Each is added as a POST would; if any fails, the others stay added and an {@link IllegalArgumentException} lists
     * the failures. Returns the added records in order.
     */
    public List<StoredVendor> seedJson(String companyUuid, String json) {
        SandboxCompany company = company(companyUuid);
        JsonNode root = parse(json);
        List<JsonNode> nodes = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(nodes::add);
        } else if (root.isObject() && root.has("Vendor")) {
            root.get("Vendor").forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        List<StoredVendor> added = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).isObject()) {
                failures.add("record " + (i + 1) + ": not a JSON object");
                continue;
            }
            Outcome o = apply(company, Op.CREATE, (ObjectNode) nodes.get(i), i + 1, false);
            if (o.ok()) {
                added.add(find(companyUuid, o.item().path("VendorCode").asString(),
                        o.item().path("AddressCode").asString()).orElseThrow());
            } else {
                failures.add("record " + (i + 1) + ": " + o.message());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalArgumentException("vendors not added: " + String.join("; ", failures));
        }
        return added;
    }

    /**
     * Adds {@code count} vendors {@code <prefix>00001}, {@code <prefix>00002}, ... (address code {@code MAIN}, name
     * "Vendor &lt;code&gt;", US, USD, approved, CLIENT): a large existing vendor master, e.g. for a first load that
     * must adopt what exists. Codes already present are skipped. Returns how many were added.
     */
    public synchronized int generate(String companyUuid, String prefix, int count) {
        SandboxCompany company = company(companyUuid);
        if (prefix == null || prefix.isBlank() || prefix.length() > 26 || count < 0) {
            throw new IllegalArgumentException("prefix must be 1-26 characters and count zero or more (got '" + prefix
                    + "', " + count + ")");
        }
        int added = 0;
        for (int i = 1; i <= count; i++) {
            String code = prefix + String.format("%05d", i);
            if (records(company.uuid()).containsKey(key(code, "MAIN"))) {
                continue;
            }
            ObjectNode node = state.json().createObjectNode().put("VendorCode", code).put("AddressCode", "MAIN")
                    .put("VendorName", "Vendor " + code).put("CountryCode", "US").put("CurrencyCode", "USD");
            Outcome o = apply(company, Op.CREATE, node, i, false);
            if (!o.ok()) {
                throw new IllegalArgumentException(o.message());
            }
            added++;
        }
        log.info("vendors.generate company={} prefix={} count={} added={}", company.uuid(), prefix, count, added);
        return added;
    }

    /** Adds or updates a bank account as PUT /vendor/banks would; {@link IllegalArgumentException} on failure. */
    public StoredBank seedBank(String companyUuid, Map<String, String> fields) {
        ObjectNode node = state.json().createObjectNode();
        fields.forEach(node::put);
        Outcome o = applyBank(company(companyUuid), node, 1);
        if (!o.ok()) {
            throw new IllegalArgumentException(o.message());
        }
        return new StoredBank(o.item().path("ID").asString(), bankFields(o.item()));
    }

    /** Adds a vendor group to a vendor as PUT /vendor/groups would; {@link IllegalArgumentException} on failure. */
    public void addGroup(String companyUuid, String vendorCode, String addressCode, String groupName) {
        ObjectNode node = state.json().createObjectNode().put("Name", groupName);
        Outcome o = applyGroup(company(companyUuid), vendorCode, addressCode, node, 1, true);
        if (!o.ok()) {
            throw new IllegalArgumentException(o.message());
        }
    }

    /** Every vendor address record of the company, by VendorCode then AddressCode (case-insensitive). */
    public synchronized List<StoredVendor> all(String companyUuid) {
        return records(company(companyUuid).uuid()).values().stream().map(Vendors::view).toList();
    }

    public synchronized Optional<StoredVendor> find(String companyUuid, String vendorCode, String addressCode) {
        if (vendorCode == null || addressCode == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(records(company(companyUuid).uuid()).get(key(vendorCode, addressCode)))
                .map(Vendors::view);
    }

    public synchronized int count(String companyUuid) {
        return records(company(companyUuid).uuid()).size();
    }

    /** Removes every vendor of the company; returns how many. */
    public synchronized int clear(String companyUuid) {
        TreeMap<String, VendorRecord> recs = records(company(companyUuid).uuid());
        int n = recs.size();
        recs.clear();
        return n;
    }

    /**
     * Serves the decommissioned Vendor v3 paths ({@code /api/v3.0/invoice/...}) like v3.1 with v3's defaults
     * ({@code CountryCode} US, {@code CurrencyCode} USD) — the API before 2023-11-30. Default false: 404.
     */
    public void v3Available(boolean available) {
        this.v3Available = available;
    }

    public boolean v3Available() {
        return v3Available;
    }

    // =================================================================== HTTP: callers

    private void serve(SandboxExchange ex, boolean v3, boolean hasBody, Consumer<Caller> handler) {
        if (v3 && !v3Available) {
            throw HttpFailure.of(404, message("Vendor v3 (/api/v3.0/invoice) was decommissioned on 2023-11-30;"
                    + " use Vendor v3.1 (/api/v3.1/invoice)."));
        }
        AccessGrant grant = ex.requireAccessToken();
        SandboxCompany company = ex.companyOf(grant);
        ex.requireHomeGeo(company);
        if (!grant.hasScope(SCOPE)) {
            throw HttpFailure.of(403, message("The access token lacks the scope " + SCOPE + "."));
        }
        if (!state.hasProduct(company.uuid(), SandboxProduct.INVOICE)) {
            throw HttpFailure.of(403, message("The company has not purchased Concur Invoice: the Vendor API is not"
                    + " available to it."));
        }
        String accept = ex.ctx().header("Accept");
        if (accept != null && accept.contains("xml") && !accept.contains("json") && !accept.contains("*/*")) {
            throw HttpFailure.of(406, message("The sandbox emulates the JSON representation of the Vendor API only;"
                    + " send Accept: application/json."));
        }
        String type = ex.ctx().contentType();
        if (hasBody && type != null && type.contains("xml")) {
            throw HttpFailure.of(415, message("The sandbox emulates the JSON representation of the Vendor API only;"
                    + " send Content-Type: application/json."));
        }
        handler.accept(new Caller(company, ex, v3));
    }

    static Map<String, String> message(String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("Message", text);
        return body;
    }

    private static HttpFailure badRequest(String text) {
        return HttpFailure.of(400, message(text));
    }

    // =================================================================== HTTP: search

    private void search(Caller c) {
        VendorQuery query;
        try {
            query = VendorQuery.parse(query(c.ex()));
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        String base = state.geolocation(c.company().geo()).toString();
        ArrayNode items = state.json().createArrayNode();
        int total;
        int from;
        int end;
        synchronized (this) {
            List<VendorRecord> matches = new ArrayList<>();
            for (VendorRecord r : records(c.company().uuid()).values()) {
                if (query.matches(r)) {
                    matches.add(r);
                }
            }
            matches.sort(query.order());
            total = matches.size();
            from = Math.min(query.offset(), total);
            end = (int) Math.min((long) query.offset() + query.limit(), total);
            for (int i = from; i < end; i++) {
                items.add(render(matches.get(i), base, c.v3()));
            }
        }
        ObjectNode body = state.json().createObjectNode();
        body.set("Items", items);
        body.put("NextPage", end < total ? nextPage(c, end) : null);
        body.put("RequestRunSummary", "Vendors found: " + total + "; returned " + items.size() + " from offset "
                + from + ".");
        body.put("TotalCount", total);
        c.ex().json(200, body);
    }

    /** The same query with {@code offset} moved on, at the company's geolocation: a full URI. */
    private String nextPage(Caller c, int offset) {
        StringBuilder sb = new StringBuilder(state.geolocation(c.company().geo()).toString()).append(c.ex().path());
        char sep = '?';
        for (Map.Entry<String, List<String>> e : c.ex().ctx().queryParamMap().entrySet()) {
            if (e.getKey().equalsIgnoreCase("offset")) {
                continue;
            }
            for (String v : e.getValue()) {
                sb.append(sep).append(enc(e.getKey())).append('=').append(enc(v));
                sep = '&';
            }
        }
        return sb.append(sep).append("offset=").append(offset).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Query parameters by lower-case name (the 2015 samples use PascalCase names), first value, blank = absent. */
    private static Map<String, String> query(SandboxExchange ex) {
        Map<String, String> q = new HashMap<>();
        ex.ctx().queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty() && v.get(0) != null && !v.get(0).isBlank()) {
                q.putIfAbsent(k.toLowerCase(Locale.ROOT), v.get(0).trim());
            }
        });
        return q;
    }

    // =================================================================== HTTP: writes

    private void write(Caller c, Op op) {
        List<ObjectNode> vendors = records(c.ex(), "Vendor");
        ArrayNode items = state.json().createArrayNode();
        int failed = 0;
        synchronized (this) {
            for (int i = 0; i < vendors.size(); i++) {
                Outcome o = apply(c.company(), op, vendors.get(i), i + 1, c.v3());
                if (o.ok()) {
                    renderInto(o.item(), c);
                } else {
                    failed++;
                }
                items.add(o.item());
            }
        }
        log.info("vendors.write company={} op={} records={} failed={}", c.company().uuid(), op, vendors.size(), failed);
        c.ex().json(200, result(items, failed));
    }

    private ObjectNode result(ArrayNode items, int failed) {
        ObjectNode body = state.json().createObjectNode();
        body.set("Items", items);
        body.putNull("NextPage");
        body.put("RequestRunSummary", "Records processed: " + items.size() + "; succeeded: "
                + (items.size() - failed) + "; failed: " + failed + ".");
        body.put("TotalCount", items.size());
        return body;
    }

    /** The records of a write body {@code {"<member>": [...]}}; anything else is a 400. */
    private List<ObjectNode> records(SandboxExchange ex, String member) {
        String raw = ex.ctx().body();
        if (raw.isBlank()) {
            throw badRequest("The request body is required: {\"" + member + "\": [...]}.");
        }
        JsonNode root;
        try {
            root = state.json().readTree(raw);
        } catch (JacksonException e) {
            throw badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw badRequest("The request body must be a JSON object {\"" + member + "\": [...]}.");
        }
        for (String name : root.propertyNames()) {
            if (!name.equals(member) && !ENVELOPE.contains(name)) {
                throw badRequest("Unknown member '" + name + "' in the request body; expected {\"" + member
                        + "\": [...]}.");
            }
        }
        JsonNode list = root.get(member);
        if (list == null || !list.isArray()) {
            throw badRequest(member + " is required and must be an array: {\"" + member + "\": [...]}.");
        }
        if (list.isEmpty() || list.size() > MAX_BATCH) {
            throw badRequest("Request limit exceeded: send from 1 to " + MAX_BATCH + " " + member + " records per"
                    + " request (got " + list.size() + ").");
        }
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isObject()) {
                throw badRequest(member + " record " + (i + 1) + " is not a JSON object.");
            }
            out.add((ObjectNode) list.get(i));
        }
        return out;
    }

    /** Creates or updates one vendor address record; never throws for bad data (a failure status instead). */
    synchronized Outcome apply(SandboxCompany company, Op op, ObjectNode node, int recordNumber, boolean v3) {
        Map<String, String> supplied = new HashMap<>();
        Set<String> cleared = new HashSet<>();
        for (String name : node.propertyNames()) {
            if (VendorField.READ_ONLY.contains(name)) {
                continue;
            }
            VendorField f = VendorField.BY_NAME.get(name);
            if (f == null) {
                return fail(node, recordNumber, CODE_INVALID_VALUE, "Unknown field '" + name
                        + "' (field names are case-sensitive, e.g. VendorCode, AddressCode, VendorName).");
            }
            JsonNode v = node.get(name);
            if (v.isNull()) {
                continue;
            }
            if (!v.isValueNode()) {
                return fail(node, recordNumber, CODE_INVALID_VALUE, name + " must be a string.");
            }
            String value = v.asString().trim();
            if (value.isEmpty()) {
                continue;
            }
            if (f.clearable() && value.equalsIgnoreCase("N")) {
                cleared.add(name);
                continue;
            }
            String problem = f.check(value);
            if (problem != null) {
                return fail(node, recordNumber, problem.contains("exceeds") ? CODE_MISSING_OR_LIMIT
                        : CODE_INVALID_VALUE, problem);
            }
            supplied.put(name, f.normalize(value));
        }
        List<String> required = v3 ? List.of("VendorCode", "AddressCode")
                : List.of("VendorCode", "AddressCode", "CountryCode", "CurrencyCode");
        for (String r : required) {
            if (!supplied.containsKey(r)) {
                return fail(node, recordNumber, CODE_MISSING_OR_LIMIT, "The required field " + r + " is missing.");
            }
        }
        TreeMap<String, VendorRecord> recs = records(company.uuid());
        String key = key(supplied.get("VendorCode"), supplied.get("AddressCode"));
        VendorRecord existing = recs.get(key);
        Map<String, String> effective = new HashMap<>();
        if (op == Op.CREATE) {
            if (existing != null) {
                return fail(node, recordNumber, CODE_DUPLICATE, "A vendor with VendorCode "
                        + existing.code() + " and AddressCode " + existing.address() + " already exists.");
            }
            for (VendorField f : VendorField.ALL) {
                if (f.defaultValue() != null) {
                    effective.put(f.name(), f.defaultValue());
                }
            }
            if (v3) {
                effective.put("CountryCode", "US");
                effective.put("CurrencyCode", "USD");
            }
        } else {
            if (existing == null) {
                return fail(node, recordNumber, CODE_NOT_FOUND, "No vendor with VendorCode "
                        + supplied.get("VendorCode") + " and AddressCode " + supplied.get("AddressCode") + " exists.");
            }
            effective.putAll(existing.fields);
            // the stored spelling of the identifying codes stays
            supplied.remove("VendorCode");
            supplied.remove("AddressCode");
        }
        effective.putAll(supplied);
        cleared.forEach(effective::remove);
        String problem = crossCheck(effective);
        if (problem != null) {
            return fail(node, recordNumber, CODE_MISSING_OR_LIMIT, problem);
        }
        String name = effective.get("VendorName");
        List<VendorRecord> sameCode = sameCode(recs, effective.get("VendorCode")).stream()
                .filter(r -> r != existing).toList();
        if (op == Op.CREATE) {
            for (VendorRecord other : sameCode) {
                if (!same(other.fields.get("VendorName"), name)) {
                    return fail(node, recordNumber, CODE_NAME_CONFLICT, "VendorCode " + other.code() + " already has"
                            + " the name '" + other.fields.get("VendorName") + "': one Vendor Name per Vendor Code.");
                }
            }
        }
        String taxId = effective.get("TaxID");
        for (VendorRecord other : sameCode) {
            String otherTax = other.fields.get("TaxID");
            if (taxId != null && otherTax != null && !taxId.equalsIgnoreCase(otherTax)) {
                return fail(node, recordNumber, CODE_TAX_ID_CONFLICT, "TaxID must be identical for every record"
                        + " with VendorCode " + other.code() + " and this VendorName (address " + other.address()
                        + " has " + otherTax + ") or left blank.");
            }
        }
        Instant now = state.clock().instant();
        VendorRecord rec = existing != null ? existing : new VendorRecord(state.newUuid(), now);
        rec.fields.clear();
        rec.fields.putAll(effective);
        rec.updatedAt = now;
        if (existing == null) {
            recs.put(key, rec);
        } else {
            // one name per code: a new name on one address is the code's new name (docs/decisions.md)
            for (VendorRecord other : sameCode) {
                if (!same(other.fields.get("VendorName"), name)) {
                    if (name == null) {
                        other.fields.remove("VendorName");
                    } else {
                        other.fields.put("VendorName", name);
                    }
                    other.updatedAt = now;
                }
            }
        }
        ObjectNode item = state.json().createObjectNode();
        item.put("ID", rec.id);
        item.put("VendorCode", rec.code());
        item.put("AddressCode", rec.address());
        item.set("StatusList", statusList(CODE_OK, op == Op.CREATE ? "Vendor created." : "Vendor updated.",
                recordNumber, SUCCESS));
        return new Outcome(item, true, null);
    }

    /** Rules across fields: Card Voucher needs a contact e-mail; the export-control State rule. */
    private static String crossCheck(Map<String, String> v) {
        if ("VCHER".equals(v.get("PaymentMethodType")) && v.get("ContactEmail") == null) {
            return "ContactEmail is required when PaymentMethodType is VCHER (Card Voucher).";
        }
        List<String> regions = EMBARGOED_REGIONS.get(v.get("CountryCode"));
        if (regions != null) {
            String stateValue = v.get("State");
            if (stateValue == null) {
                return "State is required for CountryCode " + v.get("CountryCode") + " (SAP Export Control and"
                        + " Sanctions Compliance Policy).";
            }
            String s = stateValue.toLowerCase(Locale.ROOT);
            for (String r : regions) {
                if (s.contains(r)) {
                    return "State " + stateValue + " is an embargoed region (SAP Export Control and Sanctions"
                            + " Compliance Policy).";
                }
            }
        }
        return null;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : b != null && a.equalsIgnoreCase(b);
    }

    private Outcome fail(ObjectNode node, int recordNumber, int code, String text) {
        ObjectNode item = node.deepCopy();
        item.set("StatusList", statusList(code, text, recordNumber, FAILURE));
        return new Outcome(item, false, text);
    }

    private ArrayNode statusList(int code, String text, int recordNumber, String type) {
        ArrayNode list = state.json().createArrayNode();
        list.addObject().put("Code", code).put("Message", text).put("RecordNumber", recordNumber).put("Type", type);
        return list;
    }

    /** Fills a success item with the record as now stored (every field, ID, URI, banks, groups), status last. */
    private void renderInto(ObjectNode item, Caller c) {
        JsonNode status = item.get("StatusList");
        VendorRecord rec = records(c.company().uuid()).get(key(item.get("VendorCode").asString(),
                item.get("AddressCode").asString()));
        item.removeAll();
        item.setAll(render(rec, state.geolocation(c.company().geo()).toString(), c.v3()));
        item.set("StatusList", status);
    }

    private ObjectNode render(VendorRecord r, String geoBase, boolean v3) {
        ObjectNode o = state.json().createObjectNode();
        for (VendorField f : VendorField.ALL) {
            o.put(f.name(), r.fields.get(f.name()));
        }
        o.put("ID", r.id);
        String uri = uri(geoBase, v3, r);
        o.put("URI", uri);
        ArrayNode banks = o.putArray("VendorBankList");
        for (StoredBank b : r.banks) {
            if (b.active()) {
                banks.add(renderBank(b, uri));
            }
        }
        ArrayNode groups = o.putArray("VendorGroupList");
        r.groups.values().forEach(g -> groups.add(g[1]));
        return o;
    }

    private static String uri(String geoBase, boolean v3, VendorRecord r) {
        return geoBase + (v3 ? V30 : V31) + "/vendors?vendorCode=" + enc(r.code()) + "&addressCode="
                + enc(r.address());
    }

    private ObjectNode renderBank(StoredBank b, String vendorUri) {
        ObjectNode o = state.json().createObjectNode();
        for (String f : BANK_FIELDS.keySet()) {
            o.put(f, b.field(f));
        }
        o.put("ID", b.id());
        o.put("URI", vendorUri);
        return o;
    }

    // =================================================================== HTTP: delete

    private void delete(Caller c) {
        Map<String, String> q = query(c.ex());
        String code = q.get("vendorcode");
        String address = q.get("addresscode");
        if (code == null || address == null) {
            throw badRequest("vendorCode and addressCode are required query parameters.");
        }
        ArrayNode items = state.json().createArrayNode();
        boolean ok;
        synchronized (this) {
            VendorRecord r = records(c.company().uuid()).remove(key(code, address));
            ok = r != null;
            if (ok) {
                ObjectNode item = render(r, state.geolocation(c.company().geo()).toString(), c.v3());
                item.set("StatusList", statusList(CODE_OK, "Vendor deleted.", 1, SUCCESS));
                items.add(item);
            } else {
                ObjectNode item = state.json().createObjectNode().put("VendorCode", code).put("AddressCode", address);
                item.set("StatusList", statusList(CODE_NOT_FOUND, "No vendor with VendorCode " + code
                        + " and AddressCode " + address + " exists.", 1, FAILURE));
                items.add(item);
            }
        }
        log.info("vendors.delete company={} found={}", c.company().uuid(), ok);
        c.ex().json(200, result(items, ok ? 0 : 1));
    }

    // =================================================================== HTTP: banks

    /**
     * VendorBank fields and their length limits (vendors-v3.md "VendorBank"); 0 = no documented limit, or a field
     * checked against its vocabulary instead (AccountType, IsActive, CountryCode, CurrencyAlphaCode, TransType).
     */
    static final Map<String, Integer> BANK_FIELDS = bankFieldLimits();
    private static final Set<String> BANK_CURRENCIES = Set.of("USD", "EUR", "AUD", "GBP");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static Map<String, Integer> bankFieldLimits() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("VendorCode", 32);
        m.put("AddressCode", 32);
        m.put("AccountNumber", 0);
        m.put("AccountType", 0);
        m.put("NameOnAccount", 100);
        m.put("IsActive", 0);
        m.put("RoutingNumber", 0);
        m.put("BankName", 0);
        m.put("BranchLocation", 0);
        m.put("BankCode", 0);
        m.put("BranchCode", 0);
        m.put("CountryCode", 0);
        m.put("CurrencyAlphaCode", 0);
        m.put("TransType", 0);
        return m;
    }

    private void banks(Caller c) {
        List<ObjectNode> banks = records(c.ex(), "VendorBank");
        ArrayNode items = state.json().createArrayNode();
        int failed = 0;
        synchronized (this) {
            for (int i = 0; i < banks.size(); i++) {
                Outcome o = applyBank(c.company(), banks.get(i), i + 1);
                if (o.ok()) {
                    o.item().put("URI", uri(state.geolocation(c.company().geo()).toString(), c.v3(),
                            records(c.company().uuid()).get(key(o.item().get("VendorCode").asString(),
                                    o.item().get("AddressCode").asString()))));
                } else {
                    failed++;
                }
                items.add(o.item());
            }
        }
        log.info("vendors.banks company={} records={} failed={}", c.company().uuid(), banks.size(), failed);
        c.ex().json(200, result(items, failed));
    }

    synchronized Outcome applyBank(SandboxCompany company, ObjectNode node, int recordNumber) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String name : node.propertyNames()) {
            if (Set.of("ID", "URI", "StatusList").contains(name)) {
                continue;
            }
            Integer max = BANK_FIELDS.get(name);
            if (max == null) {
                return fail(node, recordNumber, CODE_INVALID_VALUE, "Unknown field '" + name + "' in VendorBank.");
            }
            JsonNode value = node.get(name);
            if (value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                return fail(node, recordNumber, CODE_INVALID_VALUE, name + " must be a string.");
            }
            String s = value.asString().trim();
            if (s.isEmpty()) {
                continue;
            }
            if (max > 0 && s.length() > max) {
                return fail(node, recordNumber, CODE_MISSING_OR_LIMIT, name + " exceeds the maximum of " + max
                        + " characters (got " + s.length() + ")");
            }
            v.put(name, s);
        }
        for (String r : List.of("VendorCode", "AddressCode", "AccountNumber", "AccountType", "NameOnAccount",
                "IsActive")) {
            if (!v.containsKey(r)) {
                return fail(node, recordNumber, CODE_MISSING_OR_LIMIT, "The required field " + r + " is missing.");
            }
        }
        String country = v.getOrDefault("CountryCode", "US");
        if (!country.equals(country.toUpperCase(Locale.ROOT)) || !COUNTRIES.contains(country)) {
            return fail(node, recordNumber, CODE_INVALID_VALUE, "CountryCode must be an upper-case ISO 3166-1 alpha-2"
                    + " country code (got '" + country + "')");
        }
        v.put("CountryCode", country);
        String type = v.get("AccountType").toUpperCase(Locale.ROOT);
        if (!type.equals("CHCK") && !(type.equals("SAVE") && country.equals("US"))) {
            return fail(node, recordNumber, CODE_INVALID_VALUE, "AccountType must be CHCK, or SAVE for a US account"
                    + " (got '" + v.get("AccountType") + "' for " + country + ")");
        }
        v.put("AccountType", type);
        String active = v.get("IsActive").toUpperCase(Locale.ROOT);
        if (!active.equals("Y") && !active.equals("N")) {
            return fail(node, recordNumber, CODE_INVALID_VALUE, "IsActive must be Y or N (got '" + v.get("IsActive")
                    + "')");
        }
        v.put("IsActive", active);
        String currency = v.getOrDefault("CurrencyAlphaCode", "USD").toUpperCase(Locale.ROOT);
        if (!BANK_CURRENCIES.contains(currency)) {
            return fail(node, recordNumber, CODE_INVALID_VALUE, "CurrencyAlphaCode must be USD, EUR, AUD or GBP (got '"
                    + currency + "')");
        }
        v.put("CurrencyAlphaCode", currency);
        if (v.containsKey("TransType")) {
            String trans = v.get("TransType").toUpperCase(Locale.ROOT);
            if (!trans.equals("ACH")) {
                return fail(node, recordNumber, CODE_INVALID_VALUE, "TransType must be ACH if given (got '"
                        + v.get("TransType") + "')");
            }
            v.put("TransType", trans);
        }
        VendorRecord rec = records(company.uuid()).get(key(v.get("VendorCode"), v.get("AddressCode")));
        if (rec == null) {
            return fail(node, recordNumber, CODE_NOT_FOUND, "No vendor with VendorCode " + v.get("VendorCode")
                    + " and AddressCode " + v.get("AddressCode") + " exists.");
        }
        v.put("VendorCode", rec.code());
        v.put("AddressCode", rec.address());
        StoredBank stored = null;
        boolean updated = false;
        for (int i = 0; i < rec.banks.size(); i++) {
            StoredBank b = rec.banks.get(i);
            if (b.field("AccountNumber").equals(v.get("AccountNumber"))) {
                stored = new StoredBank(b.id(), v);
                rec.banks.set(i, stored);
                updated = true;
            }
        }
        if (stored == null) {
            stored = new StoredBank(state.newUuid(), v);
            rec.banks.add(stored);
        }
        rec.updatedAt = state.clock().instant();
        ObjectNode item = state.json().createObjectNode();
        for (String f : BANK_FIELDS.keySet()) {
            item.put(f, stored.field(f));
        }
        item.put("ID", stored.id());
        item.putNull("URI");
        item.set("StatusList", statusList(CODE_OK, updated ? "Vendor bank updated." : "Vendor bank added.",
                recordNumber, SUCCESS));
        return new Outcome(item, true, null);
    }

    private static Map<String, String> bankFields(ObjectNode item) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : BANK_FIELDS.keySet()) {
            if (item.hasNonNull(f)) {
                m.put(f, item.get(f).asString());
            }
        }
        return m;
    }

    // =================================================================== HTTP: groups

    private void putGroups(Caller c) {
        String[] target = target(c, false);
        List<ObjectNode> groups = records(c.ex(), "VendorGroup");
        ArrayNode items = state.json().createArrayNode();
        int failed = 0;
        synchronized (this) {
            for (int i = 0; i < groups.size(); i++) {
                Outcome o = applyGroup(c.company(), target[0], target[1], groups.get(i), i + 1, true);
                failed += o.ok() ? 0 : 1;
                items.add(withUri(o.item(), c, target));
            }
        }
        c.ex().json(200, result(items, failed));
    }

    private void deleteGroup(Caller c) {
        String[] target = target(c, true);
        ObjectNode node = state.json().createObjectNode().put("Name", target[2]);
        Outcome o = applyGroup(c.company(), target[0], target[1], node, 1, false);
        ArrayNode items = state.json().createArrayNode().add(withUri(o.item(), c, target));
        c.ex().json(200, result(items, o.ok() ? 0 : 1));
    }

    private ObjectNode withUri(ObjectNode item, Caller c, String[] target) {
        synchronized (this) {
            VendorRecord r = records(c.company().uuid()).get(key(target[0], target[1]));
            item.put("URI", r == null ? null : uri(state.geolocation(c.company().geo()).toString(), c.v3(), r));
        }
        return item;
    }

    private String[] target(Caller c, boolean withGroup) {
        Map<String, String> q = query(c.ex());
        String code = q.get("vendorcode");
        String address = q.get("addresscode");
        String group = q.get("groupname");
        if (code == null || address == null || (withGroup && group == null)) {
            throw badRequest(withGroup ? "vendorCode, addressCode and groupName are required query parameters."
                    : "vendorCode and addressCode are required query parameters.");
        }
        return new String[] {code, address, group};
    }

    synchronized Outcome applyGroup(SandboxCompany company, String code, String address, ObjectNode node,
                                    int recordNumber, boolean add) {
        for (String name : node.propertyNames()) {
            if (!Set.of("Name", "ID", "URI", "StatusList").contains(name)) {
                return fail(node, recordNumber, CODE_INVALID_VALUE, "Unknown field '" + name + "' in VendorGroup.");
            }
        }
        JsonNode n = node.get("Name");
        String name = n == null || n.isNull() || !n.isValueNode() ? "" : n.asString().trim();
        if (name.isEmpty()) {
            return fail(node, recordNumber, CODE_MISSING_OR_LIMIT, "The required field Name is missing.");
        }
        VendorRecord rec = code == null || address == null ? null : records(company.uuid()).get(key(code, address));
        if (rec == null) {
            return fail(node, recordNumber, CODE_NOT_FOUND, "No vendor with VendorCode " + code + " and AddressCode "
                    + address + " exists.");
        }
        String k = name.toUpperCase(Locale.ROOT);
        String[] group = rec.groups.get(k);
        String text;
        if (add) {
            if (group == null) {
                group = new String[] {state.newUuid(), name};
                rec.groups.put(k, group);
                text = "Vendor group added.";
            } else {
                text = "The vendor is already in this group.";
            }
        } else {
            if (group == null) {
                return fail(node, recordNumber, CODE_NOT_FOUND, "The vendor is not in the group " + name + ".");
            }
            rec.groups.remove(k);
            text = "Vendor group deleted.";
        }
        rec.updatedAt = state.clock().instant();
        ObjectNode item = state.json().createObjectNode().put("Name", group[1]).put("ID", group[0]);
        item.putNull("URI");
        item.set("StatusList", statusList(CODE_OK, text, recordNumber, SUCCESS));
        return new Outcome(item, true, null);
    }

    // =================================================================== state

    private TreeMap<String, VendorRecord> records(String companyUuid) {
        synchronized (this) {
            return companies.computeIfAbsent(companyUuid, k -> new TreeMap<>());
        }
    }

    /** Every address record of a vendor code (the keys sort by code first). */
    private static java.util.Collection<VendorRecord> sameCode(TreeMap<String, VendorRecord> recs, String code) {
        String prefix = code.toUpperCase(Locale.ROOT);
        return recs.subMap(prefix + '\u0000', true, prefix + '\u0001', false).values();
    }

    static String key(String code, String address) {
        return code.toUpperCase(Locale.ROOT) + '\u0000' + address.toUpperCase(Locale.ROOT);
    }

    private static StoredVendor view(VendorRecord r) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (VendorField f : VendorField.ALL) {
            String v = r.fields.get(f.name());
            if (v != null) {
                fields.put(f.name(), v);
            }
        }
        return new StoredVendor(r.id, fields, r.groups.values().stream().map(g -> g[1]).toList(), r.banks,
                r.createdAt, r.updatedAt);
    }

    SandboxCompany company(String uuid) {
        return state.company(uuid).orElseThrow(() -> new IllegalArgumentException("no company " + uuid));
    }

    JsonNode parse(String json) {
        try {
            return state.json().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    SandboxState state() {
        return state;
    }
}

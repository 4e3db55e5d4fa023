package org.concurbridge.sandbox.fis;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurbridge.sandbox.HttpFailure;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxModule;
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
 * Financial Integration Service v4 (financial-integration-v4.md): the four endpoints under
 * {@code {geo}/financialintegration/fi/v4/companies/transactiontypes/{docType}/transactions} for {@code expense},
 * {@code invoice} and {@code cashadvance}, and the Java administration API ({@code sb.fis()}): load documents, generate
 * them, recall and re-approve, inspect states, confirmations and expected journals. The same operations are served
 * under {@code /admin/fis/...} (see docs/sandbox.md).
 */
public final class Fis implements SandboxModule {

    static final String BASE = "/financialintegration/fi/v4/companies/transactiontypes/{docType}/transactions";
    /** Page size when {@code limit} is absent (markdown, OLD swagger, NEW OpenAPI default). */
    static final int DEFAULT_LIMIT = 25;
    /** Largest page the sandbox serves; a larger {@code limit} is reduced to it ([INFERRED], docs/decisions-fis.md). */
    static final int MAX_LIMIT = 100;
    /** Largest number of documents per POST; more answers 400 ([INFERRED], docs/decisions-fis.md). */
    static final int MAX_BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(Fis.class);

    private SandboxState state;
    private FisStore store;
    private FisGenerator generator;
    private volatile Duration latency = Duration.ZERO;
    private volatile Envelope envelope = Envelope.PAGE;

    /**
     * How {@code GET …/transactions} wraps its documents. {@link #PAGE}: the documented {@code links/content/page}
     * (financial-integration-v4.md 2.1), an empty page without {@code content} (what a serializer that drops empty
     * members sends: issue 12). {@link #FI_DOCUMENTS}: the envelope of every official example file
     * ({@code {"fIDocuments":[…],"offset":null,"nextPage":null,"numberReturned":n}}, the NEW OpenAPI
     * {@code FiDocumentResponse}; a documented [CONFLICT]).
     */
    public enum Envelope { PAGE, FI_DOCUMENTS }

    /** The envelope every GET answers with from now on (default {@link Envelope#PAGE}). */
    public void envelope(Envelope value) {
        this.envelope = Objects.requireNonNull(value, "envelope");
    }

    @Override
    public void register(SandboxRoutes routes, SandboxState sandboxState) {
        this.state = sandboxState;
        this.store = new FisStore(sandboxState.clock(), sandboxState.json());
        this.generator = new FisGenerator(sandboxState.json());
        routes.geo(GET, BASE, this::transactions);
        routes.geo(POST, BASE + "/acknowledgements", this::acknowledgements);
        routes.geo(POST, BASE + "/postingconfirmations", this::postingConfirmations);
        routes.geo(POST, BASE + "/paymentconfirmations", this::paymentConfirmations);
        new FisAdmin(this).register(routes);
    }

    // =================================================================== Java API

    /**
     * Loads documents for a company: a bare financial document, one FIDocument envelope, an example file
     * ({@code {"fIDocuments": [...]}}) or a GET page ({@code {"content": [...]}}). An envelope's {@code id} is kept when
     * it is free, otherwise a new id is drawn. Returns the FIS ids, in order.
     */
    public List<String> add(String companyUuid, FisDocType docType, String json) {
        SandboxCompany company = company(companyUuid);
        JsonNode root = parse(json, "the document");
        List<JsonNode> envelopes = new ArrayList<>();
        if (root.has("fIDocuments") || root.has("content")) {
            root.path(root.has("fIDocuments") ? "fIDocuments" : "content").forEach(envelopes::add);
        } else if (root.has("document")) {
            envelopes.add(root);
        }
        List<String> ids = new ArrayList<>();
        if (envelopes.isEmpty()) {
            ids.add(addOne(company, docType, null, requireObject(root, "the document"), null));
        }
        for (JsonNode env : envelopes) {
            FisDocType type = env.hasNonNull("docType") ? FisDocType.parse(env.get("docType").asString()) : docType;
            if (docType != null && type != docType) {
                throw new IllegalArgumentException("document " + env.path("id").asString("") + " is of docType "
                        + type.pathValue() + ", not " + docType.pathValue());
            }
            String erpSystemId = env.hasNonNull("erpSystemId") ? env.get("erpSystemId").asString() : null;
            ids.add(addOne(company, type, env.path("id").asString(null),
                    requireObject(env.get("document"), "member 'document'"), erpSystemId));
        }
        return ids;
    }

    private String addOne(SandboxCompany company, FisDocType docType, String wantedId, ObjectNode document,
                          String erpSystemId) {
        FisDocType type = docType != null ? docType : detect(document);
        String id = wantedId != null && wantedId.matches("[0-9A-Za-z]{1,32}") && !store.exists(wantedId) ? wantedId
                : newId();
        String text = state.json().writeValueAsString(document);
        Supplier<ObjectNode> source = () -> (ObjectNode) parse(text, "stored document " + id);
        store.add(new FisStore.Rec(id, company.uuid(), type, source, null, null, null, revisionOf(type, document),
                erpSystemId == null || erpSystemId.isEmpty() ? null : erpSystemId));
        return id;
    }

    /**
     * Loads every expense, invoice and cash advance example of a directory (shared/concur-api/examples/fis/documents):
     * the {@code FI-API-ReportID-*}, {@code FI-API-CashAdvanceID-*} and {@code getting-started-example-*} files; the
     * funds-reservation files are other docTypes and are skipped. Returns the ids, by file name order.
     */
    public List<String> loadFixtures(String companyUuid, Path directory) {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(Fis::isFixture).sorted().toList()) {
                try {
                    ids.addAll(add(companyUuid, null, Files.readString(f)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fixtures directory " + directory, e);
        }
        return ids;
    }

    static boolean isFixture(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".json") && (name.startsWith("FI-API-ReportID-") || name.startsWith("FI-API-CashAdvanceID-")
                || name.startsWith("getting-started-example-"));
    }

    /**
     * Generates {@code count} documents for a company from {@code seed}, cycling through {@code mix} (empty = every
     * use case). Document {@code i} depends only on the seed and {@code i} (its FIS id comes from the sandbox's seeded
     * ids, so generating again never collides): its JSON and expected journal are
     * regenerated whenever needed, so memory grows by a small record per document. Returns the ids in queue order.
     */
    public List<String> generate(String companyUuid, long seed, int count, List<FisUseCase> mix) {
        SandboxCompany company = company(companyUuid);
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative (got " + count + ")");
        }
        List<FisUseCase> cases = mix == null || mix.isEmpty() ? List.of(FisUseCase.values()) : List.copyOf(mix);
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            FisUseCase useCase = FisGenerator.useCaseOf(i, cases);
            String id = newId();
            store.add(new FisStore.Rec(id, company.uuid(), useCase.docType(),
                    () -> generator.generate(seed, index, useCase, id).document(),
                    () -> generator.generate(seed, index, useCase, id).journal(),
                    useCase.name(), null, 1, null));
            ids.add(id);
        }
        log.info("fis.generate company={} seed={} count={} useCases={}", company.uuid(), seed, count, cases.size());
        return ids;
    }

    /** The document as the GET serves it (revision number of the current revision). */
    public ObjectNode document(String id) {
        return render(store.served(id));
    }

    /** The journal a generated document must post; empty for a loaded document. */
    public Optional<ExpectedJournal> expectedJournal(String id) {
        FisStore.Served s = store.served(id);
        if (s.expected() == null) {
            return Optional.empty();
        }
        ExpectedJournal j = s.expected().get();
        return Optional.of(new ExpectedJournal(id, j.useCase(), j.currency(), j.lines()));
    }

    public FisDocumentState state(String id) {
        return store.state(id);
    }

    /** Every document of a company, in queue order. */
    public List<FisDocumentState> documents(String companyUuid) {
        return store.states(company(companyUuid).uuid());
    }

    /** How many documents of the company are in each state. */
    public Map<FisStatus, Integer> counts(String companyUuid) {
        return store.counts(company(companyUuid).uuid());
    }

    /**
     * A processor recall: the document leaves the queue; acknowledging it answers 102, confirming it 112. Allowed in
     * any state but RECALLED (the real service allows it only before pickup and after a failed posting; the sandbox
     * lets tests force it at any step).
     */
    public void recall(String id) {
        store.recall(id);
    }

    /** Re-approval of a recalled document, unchanged, as a new queue item with a new id and revision + 1. */
    public String reapprove(String id) {
        return reapprove(id, true, null);
    }

    /**
     * Re-approval of a recalled document with revision + 1: under a new id ({@code newId}) or its own; with
     * {@code replacementJson} (a bare document) instead of the old one when not null. Returns the queued id.
     */
    public String reapprove(String id, boolean newId, String replacementJson) {
        Supplier<ObjectNode> replacement = null;
        if (replacementJson != null) {
            ObjectNode doc = requireObject(parse(replacementJson, "the replacement document"), "the replacement");
            String text = state.json().writeValueAsString(doc);
            replacement = () -> (ObjectNode) parse(text, "replacement of " + id);
        }
        return store.reapprove(id, newId ? newId() : null, replacement);
    }

    /** Forces a state (e.g. PENDING_SYSTEM_REFRESH: acknowledging answers 103, confirming 114). */
    public void setStatus(String id, FisStatus status) {
        store.setStatus(id, Objects.requireNonNull(status, "status"));
    }

    /** The next {@code times} calls about this document answer code 199 (unknown error, try again later). */
    public void failNext(String id, int times) {
        store.failNext(id, times);
    }

    /** A simulated latency added to every FIS API call (not to admin calls); zero by default. */
    public void latency(Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive (got " + value + ")");
        }
        this.latency = value;
    }

    public Duration latency() {
        return latency;
    }

    // =================================================================== HTTP API

    /** The caller of a FIS call: a valid company token with FISVC, at the company's data center. */
    private record Caller(SandboxCompany company, FisDocType docType) {
    }

    private Caller caller(SandboxExchange ex) {
        SandboxRoutes.pause(latency);
        AccessGrant grant = ex.requireAccessToken();
        SandboxCompany company = ex.companyOf(grant);
        ex.requireHomeGeo(company);
        if (!grant.hasScope("FISVC")) {
            throw failure(403, "The access token lacks the scope FISVC.");
        }
        String docType = ex.ctx().pathParam("docType");
        FisDocType type = FisDocType.fromPath(docType).orElseThrow(() -> failure(404,
                "Unsupported docType '" + docType + "': the sandbox serves expense, invoice and cashadvance."));
        return new Caller(company, type);
    }

    private void transactions(SandboxExchange ex) {
        Caller c = caller(ex);
        String docId = ex.query("docId");
        String systemId = ex.query("systemId");
        boolean asText = "text".equalsIgnoreCase(ex.ctx().header("documentFormatAs"));
        ObjectNode body = state.json().createObjectNode();
        ArrayNode links = body.putArray("links");
        if (docId != null) {
            if (!store.known(c.company().uuid(), c.docType(), docId)) {
                throw failure(404, "No " + c.docType().pathValue() + " document with docId '" + docId + "'.");
            }
            boolean ignoreStatus = "yes".equalsIgnoreCase(ex.query("ignoreDocumentStatus"));
            Optional<FisStore.Served> one = store.one(c.company().uuid(), c.docType(), docId, systemId, ignoreStatus);
            List<ObjectNode> docs = one.map(s -> List.of(envelope(c.company(), s, asText))).orElse(List.of());
            if (envelope == Envelope.FI_DOCUMENTS) {
                ex.json(200, fiDocuments(docs));
                return;
            }
            content(body, docs);
            links.add(link("self", ex, "docId=" + docId));
            page(body, 1, one.isPresent() ? 1 : 0, 0);
            ex.json(200, body);
            return;
        }
        int page = intParam(ex, "page", 0, 0, Integer.MAX_VALUE);
        int limit = Math.min(MAX_LIMIT, intParam(ex, "limit", DEFAULT_LIMIT, 1, Integer.MAX_VALUE));
        FisStore.Page p = store.ready(c.company().uuid(), c.docType(), systemId, page, limit);
        List<ObjectNode> docs = p.content().stream().map(s -> envelope(c.company(), s, asText)).toList();
        if (envelope == Envelope.FI_DOCUMENTS) {
            ex.json(200, fiDocuments(docs));
            return;
        }
        content(body, docs);
        int totalPages = (p.totalElements() + limit - 1) / limit;
        String extra = systemId == null ? "" : "&systemId=" + systemId;
        links.add(link("first", ex, pageQuery(limit, 0) + extra));
        links.add(link("self", ex, pageQuery(limit, page) + extra));
        if (page > 0) {
            links.add(link("prev", ex, pageQuery(limit, page - 1) + extra));
        }
        if (page + 1 < totalPages) {
            links.add(link("next", ex, pageQuery(limit, page + 1) + extra));
        }
        links.add(link("last", ex, pageQuery(limit, Math.max(0, totalPages - 1)) + extra));
        page(body, limit, p.totalElements(), page);
        ex.json(200, body);
    }

    /** The documents as {@code content}; an empty page has no {@code content} member (see {@link Envelope}). */
    private static void content(ObjectNode body, List<ObjectNode> docs) {
        if (!docs.isEmpty()) {
            ArrayNode content = body.putArray("content");
            docs.forEach(content::add);
        }
    }

    /** The envelope of the official example files: {@code fIDocuments}, {@code offset}, {@code nextPage}, count. */
    private ObjectNode fiDocuments(List<ObjectNode> docs) {
        ObjectNode body = state.json().createObjectNode();
        ArrayNode list = body.putArray("fIDocuments");
        docs.forEach(list::add);
        body.putNull("offset");
        body.putNull("nextPage");
        body.put("numberReturned", docs.size());
        return body;
    }

    private static String pageQuery(int limit, int page) {
        return "limit=" + limit + "&page=" + page + "&size=" + limit;
    }

    private void page(ObjectNode body, int size, int total, int number) {
        ObjectNode page = body.putObject("page");
        page.put("size", size);
        page.put("totalElements", total);
        page.put("totalPages", (total + size - 1) / size);
        page.put("number", number);
    }

    private ObjectNode link(String rel, SandboxExchange ex, String query) {
        ObjectNode l = state.json().createObjectNode();
        l.put("rel", rel);
        l.put("href", state.geolocation(ex.geo()) + ex.path() + "?" + query);
        for (String f : List.of("hreflang", "media", "title", "type", "deprecation")) {
            l.putNull(f);
        }
        return l;
    }

    private ObjectNode envelope(SandboxCompany company, FisStore.Served s, boolean asText) {
        ObjectNode env = state.json().createObjectNode();
        env.put("id", s.id());
        env.put("docType", s.docType().pathValue());
        env.put("companyId", companyId(company));
        env.put("entityId", "p" + Integer.toHexString(company.uuid().hashCode() & 0x7fffffff) + "nik5");
        env.put("companyUuid", company.uuid());
        env.put("erpSystemId", s.erpSystemId() == null ? "" : s.erpSystemId());
        ObjectNode doc = render(s);
        if (asText) {
            env.put("document", state.json().writeValueAsString(doc));
        } else {
            env.set("document", doc);
        }
        env.put("docStatus", s.status().name());
        env.putArray("links");
        return env;
    }

    /** The numeric Concur company id the envelopes carry (a stable number derived from the UUID). */
    static String companyId(SandboxCompany company) {
        return String.valueOf(100000 + Math.floorMod(company.uuid().hashCode(), 900000));
    }

    private ObjectNode render(FisStore.Served s) {
        ObjectNode doc = s.source().get();
        String header = switch (s.docType()) {
            case EXPENSE -> "report";
            case INVOICE -> "requestHeader";
            case CASH_ADVANCE -> null;
        };
        if (header != null && doc.get(header) instanceof ObjectNode h) {
            h.put("revisionNumber", String.valueOf(s.revision()));
        }
        return doc;
    }

    private void acknowledgements(SandboxExchange ex) {
        Caller c = caller(ex);
        JsonNode body = body(ex);
        JsonNode ids = items(body, "ids", "FIS document ids");
        String systemId = systemId(body, false);
        ArrayNode out = state.json().createArrayNode();
        for (JsonNode idNode : ids) {
            String id = idNode.isString() ? idNode.asString() : null;
            FisStore.Outcome o = store.acknowledge(c.company().uuid(), c.docType(), id, systemId);
            ObjectNode item = out.addObject();
            item.put("code", o.code().code());
            item.put("docId", id);
            item.put("systemId", systemId);
            item.put("acknowledgeResult", o.code() == FisCode.OK ? "SUCCESS" : "FAILURE");
            item.put("errorMessage", o.message());
        }
        ex.json(200, out);
    }

    private void postingConfirmations(SandboxExchange ex) {
        Caller c = caller(ex);
        JsonNode body = body(ex);
        String systemId = systemId(body, true);
        JsonNode items = items(body, "postingConfirmations", "posting confirmations");
        ArrayNode out = state.json().createArrayNode();
        for (JsonNode item : items) {
            String docId = item.path("docId").isString() ? item.get("docId").asString() : null;
            String status = item.path("overallPostingStatusCode").asString("").toLowerCase(Locale.ROOT);
            FisStore.Outcome o = docId == null
                    ? FisStore.Outcome.of(FisCode.INVALID_REQUEST, "FAILURE", "docId is required.")
                    : store.confirmPosting(c.company().uuid(), c.docType(), docId, systemId, item,
                            "success".equals(status), postingProblem(item, status));
            ObjectNode r = out.addObject();
            r.put("code", o.code().code());
            r.put("docId", docId);
            r.put("systemId", systemId);
            r.put("postingConfirmationResult", o.result());
            r.put("errorMessage", o.message());
            r.put("detailMessage", "");
        }
        ex.json(200, out);
    }

    /** Why a posting confirmation item is invalid (code 198), or null (section 2.3). */
    static String postingProblem(JsonNode item, String status) {
        if (!"success".equals(status) && !"error".equals(status)) {
            return "overallPostingStatusCode must be success or error.";
        }
        JsonNode docs = item.get("postingDocs");
        if (docs == null || !docs.isArray()) {
            return "postingDocs is required (an array, may be empty).";
        }
        for (int i = 0; i < docs.size(); i++) {
            JsonNode d = docs.get(i);
            if (d.path("companyId").asString("").isBlank()) {
                return "postingDocs[" + i + "].companyId is required.";
            }
            if (d.path("documentNumber").asString("").length() > 80) {
                return "postingDocs[" + i + "].documentNumber is longer than 80 characters.";
            }
            String date = d.path("postingDate").asString(null);
            if (date != null && !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return "postingDocs[" + i + "].postingDate must be YYYY-MM-DD.";
            }
        }
        JsonNode messages = item.get("systemMessages");
        if (messages == null || !messages.isArray()) {
            return "systemMessages is required (an array, may be empty).";
        }
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).path("messageShortText").asString("").length() > 1300) {
                return "systemMessages[" + i + "].messageShortText is longer than 1300 characters.";
            }
        }
        return null;
    }

    private void paymentConfirmations(SandboxExchange ex) {
        Caller c = caller(ex);
        if (c.docType() != FisDocType.EXPENSE) {
            throw failure(400, "Payment confirmations are supported for docType expense only (section 2.4).");
        }
        JsonNode body = body(ex);
        String systemId = systemId(body, true);
        JsonNode items = items(body, "processingConfirmation", "payment confirmations");
        ArrayNode out = state.json().createArrayNode();
        for (JsonNode item : items) {
            String docId = item.path("docId").isString() ? item.get("docId").asString() : null;
            FisStore.Outcome o = docId == null
                    ? FisStore.Outcome.of(FisCode.INVALID_PAYMENT, "FAILURE", "docId is required.")
                    : store.confirmPayment(c.company().uuid(), c.docType(), docId, systemId, item);
            ObjectNode r = out.addObject();
            r.put("code", o.code().code());
            r.put("docId", docId);
            r.put("systemId", systemId);
            r.put("paymentConfirmationResult", o.result());
            if (o.code() == FisCode.OK) {
                r.putNull("errorMessage");
            } else {
                r.put("errorMessage", o.message());
            }
            JsonNode ref = item.path("clearingDetails").path(0).path("clearingReference").path("paymentRef");
            r.put("paymentRef", ref.isString() ? ref.asString() : null);
            r.put("detailMessage", "");
        }
        ex.json(200, out);
    }

    private JsonNode body(SandboxExchange ex) {
        String text = ex.ctx().body();
        try {
            JsonNode node = state.json().readTree(text);
            if (node == null || !node.isObject()) {
                throw failure(400, "The request body must be a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw failure(400, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String systemId(JsonNode body, boolean required) {
        JsonNode v = body.get("systemId");
        if (v == null || v.isNull()) {
            if (required) {
                throw failure(400, "Member 'systemId' is required (it may be \"\").");
            }
            return null;
        }
        if (!v.isString() || v.asString().length() > 50) {
            throw failure(400, "Member 'systemId' must be a string of at most 50 characters.");
        }
        return v.asString();
    }

    /** The non-empty array {@code member} of a POST body, with at most {@link #MAX_BATCH} items; else 400. */
    private static JsonNode items(JsonNode body, String member, String what) {
        JsonNode items = body.get(member);
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw failure(400, "Member '" + member + "' is required: an array of " + what + ".");
        }
        if (items.size() > MAX_BATCH) {
            throw failure(400, "Member '" + member + "' has " + items.size() + " items; at most " + MAX_BATCH
                    + " are accepted per request.");
        }
        return items;
    }

    private static int intParam(SandboxExchange ex, String name, int fallback, int min, int max) {
        String v = ex.query(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw failure(400, "Query parameter '" + name + "' must be at least " + min + " (got " + v + ").");
            }
            return n;
        } catch (NumberFormatException e) {
            throw failure(400, "Query parameter '" + name + "' must be a whole number (got " + v + ").");
        }
    }

    /** A request-level error with the ExceptionJsonInfo body {@code {"message": ...}} of the NEW OpenAPI. */
    static HttpFailure failure(int status, String message) {
        return HttpFailure.of(status, Map.of("message", message));
    }

    // =================================================================== helpers

    SandboxCompany company(String uuid) {
        return state.company(uuid).orElseThrow(() -> new IllegalArgumentException("no company " + uuid));
    }

    FisStore store() {
        return store;
    }

    private String newId() {
        return state.newUuid().replace("-", "");
    }

    private JsonNode parse(String json, String what) {
        try {
            return state.json().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode requireObject(JsonNode node, String what) {
        if (node instanceof ObjectNode o) {
            return o;
        }
        throw new IllegalArgumentException(what + " must be a JSON object (an expense, invoice or cash advance"
                + " document)");
    }

    private static FisDocType detect(ObjectNode doc) {
        if (doc.has("report") || doc.has("expenseEntry")) {
            return FisDocType.EXPENSE;
        }
        if (doc.has("requestHeader") || doc.has("lineItem")) {
            return FisDocType.INVOICE;
        }
        if (doc.has("cashAdvanceData") || doc.has("journalData")) {
            return FisDocType.CASH_ADVANCE;
        }
        throw new IllegalArgumentException("cannot tell the docType: expected the sections of an expense (report,"
                + " expenseEntry), invoice (requestHeader, lineItem) or cash advance (cashAdvanceData, journalData)");
    }

    private static int revisionOf(FisDocType type, ObjectNode doc) {
        JsonNode r = switch (type) {
            case EXPENSE -> doc.path("report").path("revisionNumber");
            case INVOICE -> doc.path("requestHeader").path("revisionNumber");
            case CASH_ADVANCE -> null;
        };
        if (r == null || r.isMissingNode() || r.isNull()) {
            return 1;
        }
        try {
            return Integer.parseInt(r.asString().trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

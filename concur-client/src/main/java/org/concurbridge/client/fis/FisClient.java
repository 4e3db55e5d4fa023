package org.concurbridge.client.fis;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concurbridge.client.ApiCalls;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.MalformedResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Financial Integration Service v4 for one company (financial-integration-v4.md): read the ready documents, then
 * acknowledge them, confirm their posting, and confirm the payment of expense reports. Obtained from
 * {@code ConcurClient.fis()}; immutable and thread-safe ({@code with...} return a copy).
 *
 * <p>Request-level failures (network, 429, 5xx, 401 after one refresh, 400 …) are {@link ConcurException}s classified
 * once by the client's error classifier and retried by its retry policy (honouring {@code Retry-After}); per-document
 * problems come back as {@link FisOutcome}s with their {@link FisServiceCode}. Every POST is safe to repeat: a repeat
 * answers "already done" (101, 113, a duplicate {@code paymentRef}). Lists longer than {@link #batchSize()} are sent
 * in several calls (FIS documents no limit: the default of {@value #DEFAULT_BATCH_SIZE} is ours).
 */
public final class FisClient {

    /** Documents per page when not told otherwise (the documented default). */
    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int MAX_BATCH_SIZE = 1000;

    static final String BASE = "/financialintegration/fi/v4/companies/transactiontypes/";
    private static final Pattern CONTINUATION = Pattern.compile("page=(\\d{1,9})&limit=(\\d{1,4})");
    private static final DateTimeFormatter CLEARING_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(FisClient.class);

    private final ApiCalls calls;
    private final String systemId;
    private final int pageSize;
    private final int batchSize;

    private FisClient(ApiCalls calls, String systemId, int pageSize, int batchSize) {
        this.calls = calls;
        this.systemId = systemId;
        this.pageSize = pageSize;
        this.batchSize = batchSize;
    }

    /** Used by {@code ConcurClient.fis()}. */
    public static FisClient over(ApiCalls calls) {
        return new FisClient(Objects.requireNonNull(calls, "calls"), "", DEFAULT_PAGE_SIZE, DEFAULT_BATCH_SIZE);
    }

    /**
     * The ERP system id that takes ownership of acknowledged documents and is sent with every confirmation (≤ 50
     * characters; default {@code ""}). When not empty it also filters the ready queue.
     */
    public FisClient withSystemId(String value) {
        Objects.requireNonNull(value, "systemId");
        if (value.length() > 50) {
            throw new IllegalArgumentException("systemId must be at most 50 characters (got " + value.length() + ")");
        }
        return new FisClient(calls, value, pageSize, batchSize);
    }

    public FisClient withPageSize(int value) {
        if (value < 1 || value > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE + " (got " + value + ")");
        }
        return new FisClient(calls, systemId, value, batchSize);
    }

    public FisClient withBatchSize(int value) {
        if (value < 1 || value > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH_SIZE + " (got " + value + ")");
        }
        return new FisClient(calls, systemId, pageSize, value);
    }

    public String systemId() {
        return systemId;
    }

    public int pageSize() {
        return pageSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The first page of ready documents of a kind. */
    public FisPage transactions(FisDocumentKind kind) {
        return transactions(kind, null);
    }

    /**
     * A page of ready documents: the first when {@code nextPage} is null, else the page a previous
     * {@link FisPage#nextPage()} designates.
     */
    public FisPage transactions(FisDocumentKind kind, String nextPage) {
        Objects.requireNonNull(kind, "kind");
        int page = 0;
        int limit = pageSize;
        if (nextPage != null) {
            Matcher m = CONTINUATION.matcher(nextPage);
            if (!m.matches()) {
                throw new IllegalArgumentException("nextPage must be a value from FisPage.nextPage() (got '"
                        + nextPage + "')");
            }
            page = Integer.parseInt(m.group(1));
            limit = Integer.parseInt(m.group(2));
        }
        String query = "?page=" + page + "&limit=" + limit + (systemId.isEmpty() ? "" : "&systemId=" + enc(systemId));
        int requested = limit;
        FisPage result = calls.get("fisTransactions", path(kind) + query, Map.of("documentFormatAs", "json"),
                r -> page(kind, r, requested));
        log.info("concur.fis op=transactions kind={} page={} documents={} malformed={} totalElements={} next={}",
                kind.docType(), result.number(), result.documents().size(), result.malformed().size(),
                result.totalElements(), result.nextPage() != null);
        return result;
    }

    /**
     * One document by its FIS id: only while it is ready, or in any state with {@code ignoreStatus} (the
     * {@code ignoreDocumentStatus=yes} of the docs). Empty when Concur does not return it, or answers 404 for the id.
     */
    public Optional<FisReadResult> document(FisDocumentKind kind, String docId, boolean ignoreStatus) {
        PostingConfirmation.requireText(docId, "docId");
        String query = "?docId=" + enc(docId) + "&ignoreDocumentStatus=" + (ignoreStatus ? "yes" : "no")
                + (systemId.isEmpty() ? "" : "&systemId=" + enc(systemId));
        FisPage page;
        try {
            page = calls.get("fisDocument", path(kind) + query, Map.of("documentFormatAs", "json"),
                    r -> page(kind, r, 1));
        } catch (ConcurException.Permanent notFound) {
            if (notFound.httpStatus() != 404) {
                throw notFound;
            }
            // the NEW OpenAPI's 404 (ExceptionJsonInfo): Concur does not have this document for the company
            log.info("concur.fis op=document kind={} docId={} status=404 result=absent", kind.docType(), docId);
            return Optional.empty();
        }
        return page.documents().stream().findFirst();
    }

    public Optional<FisReadResult> document(FisDocumentKind kind, String docId) {
        return document(kind, docId, false);
    }

    /** Acknowledges documents (required, right after reading them); one outcome per id, in order. */
    public List<FisOutcome> acknowledge(FisDocumentKind kind, List<String> docIds) {
        return batches("fisAcknowledge", kind, docIds, batch -> {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode ids = body.putArray("ids");
            batch.forEach(id -> ids.add(PostingConfirmation.requireText(id, "docId")));
            body.put("systemId", systemId);
            return calls.post("fisAcknowledge", path(kind) + "/acknowledgements", body.toString(),
                    r -> outcomes(r, batch, "acknowledgeResult"));
        });
    }

    /** Posting confirmations, success or error; one outcome per confirmation, in order. */
    public List<FisOutcome> confirmPostings(FisDocumentKind kind, List<PostingConfirmation> confirmations) {
        return batches("fisConfirmPostings", kind, confirmations, batch -> {
            ObjectNode body = JSON.createObjectNode();
            body.put("systemId", systemId);
            ArrayNode items = body.putArray("postingConfirmations");
            batch.forEach(c -> items.add(json(c)));
            return calls.post("fisConfirmPostings", path(kind) + "/postingconfirmations", body.toString(),
                    r -> outcomes(r, batch.stream().map(PostingConfirmation::docId).toList(),
                            "postingConfirmationResult"));
        });
    }

    /** Payment confirmations (expense reports only: FIS accepts no other docType); one outcome each, in order. */
    public List<FisOutcome> confirmPayments(List<PaymentConfirmation> confirmations) {
        return batches("fisConfirmPayments", FisDocumentKind.EXPENSE, confirmations, batch -> {
            ObjectNode body = JSON.createObjectNode();
            body.put("systemId", systemId);
            ArrayNode items = body.putArray("processingConfirmation");
            batch.forEach(c -> items.add(json(c)));
            return calls.post("fisConfirmPayments", path(FisDocumentKind.EXPENSE) + "/paymentconfirmations",
                    body.toString(), r -> outcomes(r, batch.stream().map(PaymentConfirmation::docId).toList(),
                            "paymentConfirmationResult"));
        });
    }

    private <T> List<FisOutcome> batches(String op, FisDocumentKind kind, List<T> items,
                                         Function<List<T>, List<FisOutcome>> send) {
        Objects.requireNonNull(kind, "kind");
        List<FisOutcome> out = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += batchSize) {
            out.addAll(send.apply(List.copyOf(items.subList(from, Math.min(items.size(), from + batchSize)))));
        }
        Map<Integer, Integer> codes = new TreeMap<>();
        out.forEach(o -> codes.merge(o.rawCode(), 1, Integer::sum));
        log.info("concur.fis op={} kind={} documents={} codes={}", op, kind.docType(), items.size(), codes);
        return out;
    }

    private static String path(FisDocumentKind kind) {
        return BASE + kind.docType() + "/transactions";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ reading answers

    /** A page, its body parsed once (with decimal amounts) for the documents and the paging members. */
    private static FisPage page(FisDocumentKind kind, ApiCalls.Result r, int requestedLimit) {
        JsonNode root;
        List<FisReadResult> documents;
        try {
            root = FisDocuments.tree(r.body());
            if (root == null || !root.isObject()) {
                throw new MalformedResponseException("expected a page {links, content, page} or {fIDocuments}");
            }
            if (root.has("fIDocuments")) {
                return examplesEnvelope(kind, root, r.correlationId());
            }
            JsonNode content = root.get("content");
            if (content != null && !content.isNull() && !content.isArray()) {
                throw new MalformedResponseException("expected a page {links, content, page} with a content array");
            }
            // an empty queue may come without content (a serializer dropping empty members): no documents
            documents = content == null || content.isNull() ? List.of() : FisDocuments.read(root);
        } catch (FisDocumentException e) {
            throw new MalformedResponseException("unusable page: " + e.getMessage(), e);
        }
        JsonNode meta = root.path("page");
        int number = integer(meta, "number", 0);
        int size = integer(meta, "size", requestedLimit);
        int totalElements = integer(meta, "totalElements", documents.size());
        int totalPages = integer(meta, "totalPages", 0);
        return new FisPage(kind, documents, number, totalElements, totalPages,
                next(root.path("links"), number, size), r.correlationId());
    }

    /**
     * The envelope of the official example files ({@code {"fIDocuments":[…],"offset","nextPage","numberReturned"}}):
     * one page of documents; no continuation (the caller reads the first page again once they are acknowledged, which
     * is how the queue is drained anyway).
     */
    private static FisPage examplesEnvelope(FisDocumentKind kind, JsonNode root, String correlationId) {
        JsonNode list = root.get("fIDocuments");
        if (list != null && !list.isNull() && !list.isArray()) {
            throw new MalformedResponseException("fIDocuments should be an array but is " + list.getNodeType());
        }
        List<FisReadResult> documents;
        try {
            documents = list == null || list.isNull() ? List.of() : FisDocuments.read(root);
        } catch (FisDocumentException e) {
            throw new MalformedResponseException("unusable page: " + e.getMessage(), e);
        }
        return new FisPage(kind, documents, 0, documents.size(), documents.isEmpty() ? 0 : 1, null, correlationId);
    }

    /** The continuation of the {@code next} link: its {@code page} and {@code limit}/{@code size}, else ours. */
    private static String next(JsonNode links, int number, int size) {
        for (JsonNode link : links) {
            if ("next".equals(link.path("rel").asString(null))) {
                Map<String, String> q = query(link.path("href").asString(""));
                int page = parseOr(q.get("page"), number + 1);
                int limit = parseOr(q.containsKey("limit") ? q.get("limit") : q.get("size"), size);
                return "page=" + page + "&limit=" + Math.max(1, Math.min(MAX_PAGE_SIZE, limit));
            }
        }
        return null;
    }

    private static Map<String, String> query(String href) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw;
        try {
            raw = URI.create(href).getRawQuery();
        } catch (IllegalArgumentException e) {
            return out;
        }
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return out;
    }

    private static int parseOr(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int integer(JsonNode node, String field, int fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new MalformedResponseException("page." + field + " should be a whole number but is " + v);
        }
        return v.intValue();
    }

    /**
     * One outcome per requested id, in request order. Items are matched by {@code docId} (Concur answers in request
     * order, but the docs do not promise it); an id without an answer is an {@code UNKNOWN} outcome saying so.
     */
    private static List<FisOutcome> outcomes(ApiCalls.Result r, List<String> docIds, String resultField) {
        JsonNode root = r.json();
        if (!root.isArray()) {
            throw new MalformedResponseException("expected an array with one result per document");
        }
        Map<String, List<JsonNode>> byId = new LinkedHashMap<>();
        for (JsonNode item : root) {
            if (!item.isObject() || !item.path("code").isIntegralNumber()) {
                throw new MalformedResponseException("every result needs a numeric 'code': " + abbreviate(item));
            }
            byId.computeIfAbsent(item.path("docId").asString(""), k -> new ArrayList<>()).add(item);
        }
        List<FisOutcome> out = new ArrayList<>(docIds.size());
        for (String id : docIds) {
            List<JsonNode> items = byId.get(id);
            if (items == null || items.isEmpty()) {
                out.add(new FisOutcome(id, FisServiceCode.UNKNOWN, -1, null,
                        "Concur's answer has no result for this document", null, null));
                continue;
            }
            JsonNode item = items.remove(0);
            int code = item.get("code").intValue();
            out.add(new FisOutcome(id, FisServiceCode.of(code), code, text(item, resultField),
                    text(item, "errorMessage"), text(item, "detailMessage"), text(item, "paymentRef")));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
    }

    private static String abbreviate(JsonNode node) {
        String s = String.valueOf(node);
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }

    // ------------------------------------------------------------------ writing requests

    private static ObjectNode json(PostingConfirmation c) {
        ObjectNode item = JSON.createObjectNode();
        item.put("docId", c.docId());
        item.put("overallPostingStatusCode", c.success() ? "success" : "error");
        ArrayNode docs = item.putArray("postingDocs");
        for (PostingConfirmation.PostingDoc d : c.postingDocs()) {
            ObjectNode doc = docs.addObject();
            doc.put("companyId", d.companyId());
            doc.put("documentNumber", d.documentNumber());
            doc.put("fiscalYear", d.fiscalYear());
            doc.putArray("paymentRelevantLineItems");
            doc.put("postingDate", d.postingDate() == null ? null : d.postingDate().toString());
        }
        ArrayNode messages = item.putArray("systemMessages");
        for (PostingConfirmation.SystemMessage m : c.systemMessages()) {
            ObjectNode msg = messages.addObject();
            msg.put("concurTransactionLineItemId", m.lineItemId() == null ? "" : m.lineItemId());
            msg.put("messageId", m.messageId() == null ? "" : m.messageId());
            msg.put("messageLanguage", m.language());
            msg.put("messageLongText", "");
            msg.put("messageShortText", m.shortText());
        }
        return item;
    }

    private static ObjectNode json(PaymentConfirmation c) {
        ObjectNode item = JSON.createObjectNode();
        item.put("docId", c.docId());
        item.put("processingStatusCode", c.status().name());
        if (c.additionalMessage() != null) {
            item.put("additionalMessage", c.additionalMessage());
        }
        ArrayNode details = item.putArray("clearingDetails");
        for (PaymentConfirmation.Clearing cl : c.clearings()) {
            ObjectNode d = details.addObject();
            d.put("clearingDate", CLEARING_DATE.format(cl.clearingDate()));
            d.put("clearingAmount", cl.amount());
            d.put("clearingCurrency", cl.currency());
            ObjectNode receiver = d.putObject("receiver");
            receiver.put("receiverId", cl.receiverId());
            receiver.put("receiverName", cl.receiverName());
            receiver.put("receiverType", cl.receiverType());
            ObjectNode ref = d.putObject("clearingReference");
            ref.put("companyCode", cl.companyCode());
            ref.put("financialDocumentId", cl.financialDocumentId());
            ref.put("fiscalYear", cl.fiscalYear());
            ref.put("paymentRef", cl.paymentRef());
            ref.put("paymentMethod", cl.paymentMethod());
        }
        return item;
    }
}

package org.concurbridge.sandbox.fis;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.concurbridge.sandbox.SandboxClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The FIS documents of every company and the document state machine (financial-integration-v4.md section 3): READY
 * → ACKNOWLEDGED → POSTING_CONFIRMED_SUCCESS / _FAILURE → PAYMENT_CONFIRMED_*; a processor recall → RECALLED; a
 * re-approval puts a recalled document back in the queue with a higher revision. Each call answers per document with
 * the service codes of section 2.5. Documents are held as a small record plus a {@link Supplier} of their JSON, so
 * generated documents cost no memory until served. All operations are atomic (one lock).
 */
final class FisStore {

    /** Payment {@code clearingDate}: {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} or {@code yyyyMMdd} (NEW docs); the samples'
     * {@code 2019-02-06T12:00:00.27Z} is accepted too, as any ISO instant. */
    private static final Pattern COMPACT_DATE = Pattern.compile("\\d{8}");
    private static final Set<String> PAYMENT_CODES = Set.of("CP", "PP", "RE", "OB");

    private final SandboxClock clock;
    private final JsonMapper json;
    /** Per company, insertion order = queue order. */
    private final Map<String, LinkedHashMap<String, Rec>> byCompany = new HashMap<>();
    private final Map<String, Rec> byId = new HashMap<>();
    private final Set<String> paymentRefs = new HashSet<>();

    FisStore(SandboxClock clock, JsonMapper json) {
        this.clock = clock;
        this.json = json;
    }

    /** A stored document; mutable, guarded by the store's lock. */
    static final class Rec {
        final String id;
        final String companyUuid;
        final FisDocType docType;
        Supplier<ObjectNode> source;
        final Supplier<ExpectedJournal> expected;
        final String useCase;
        final String previousId;
        int revision;
        FisStatus status = FisStatus.READY;
        String erpSystemId;
        int systemErrors;
        /** The last accepted payment confirmation is a CP: only an RE is taken now. */
        boolean completelyPaid;
        final List<JsonNode> postings = new ArrayList<>();
        final List<JsonNode> payments = new ArrayList<>();
        final List<FisDocumentState.Transition> history = new ArrayList<>();

        Rec(String id, String companyUuid, FisDocType docType, Supplier<ObjectNode> source,
            Supplier<ExpectedJournal> expected, String useCase, String previousId, int revision, String erpSystemId) {
            this.id = id;
            this.companyUuid = companyUuid;
            this.docType = docType;
            this.source = source;
            this.expected = expected;
            this.useCase = useCase;
            this.previousId = previousId;
            this.revision = revision;
            this.erpSystemId = erpSystemId;
        }
    }

    /** One envelope to serve: the record's fields at the time of the call and its document. */
    record Served(String id, String companyUuid, FisDocType docType, FisStatus status, String erpSystemId,
                  int revision, Supplier<ObjectNode> source, Supplier<ExpectedJournal> expected) {
    }

    record Page(List<Served> content, int totalElements) {
    }

    synchronized void add(Rec rec) {
        if (byId.containsKey(rec.id)) {
            throw new IllegalArgumentException("a FIS document with id " + rec.id + " already exists");
        }
        byId.put(rec.id, rec);
        byCompany.computeIfAbsent(rec.companyUuid, c -> new LinkedHashMap<>()).put(rec.id, rec);
        rec.history.add(new FisDocumentState.Transition(clock.instant(), null, FisStatus.READY,
                rec.previousId == null ? "loaded" : "re-approved (revision " + rec.revision + ")"));
    }

    synchronized boolean exists(String id) {
        return byId.containsKey(id);
    }

    /** READY documents of one company and docType (and ERP system, when given), page {@code page} of {@code limit}. */
    synchronized Page ready(String companyUuid, FisDocType docType, String systemId, int page, int limit) {
        List<Served> content = new ArrayList<>();
        int total = 0;
        long skip = (long) page * limit;
        for (Rec r : byCompany.getOrDefault(companyUuid, new LinkedHashMap<>()).values()) {
            if (r.status != FisStatus.READY || r.docType != docType || !systemMatches(r, systemId)) {
                continue;
            }
            if (total >= skip && content.size() < limit) {
                content.add(served(r));
            }
            total++;
        }
        return new Page(content, total);
    }

    /** Whether the document exists for this company and docType (whatever its status): else {@code GET ?docId=} is 404. */
    synchronized boolean known(String companyUuid, FisDocType docType, String docId) {
        Rec r = byId.get(docId);
        return r != null && r.companyUuid.equals(companyUuid) && r.docType == docType;
    }

    /** {@code GET ?docId=}: the document if it belongs to the company and docType and (unless ignoreStatus) is READY. */
    synchronized Optional<Served> one(String companyUuid, FisDocType docType, String docId, String systemId,
                                      boolean ignoreStatus) {
        Rec r = byId.get(docId);
        if (r == null || !r.companyUuid.equals(companyUuid) || r.docType != docType || !systemMatches(r, systemId)
                || (!ignoreStatus && r.status != FisStatus.READY)) {
            return Optional.empty();
        }
        return Optional.of(served(r));
    }

    private static boolean systemMatches(Rec r, String systemId) {
        return systemId == null || r.erpSystemId == null || r.erpSystemId.isEmpty() || r.erpSystemId.equals(systemId);
    }

    private static Served served(Rec r) {
        return new Served(r.id, r.companyUuid, r.docType, r.status, r.erpSystemId, r.revision, r.source,
                r.expected);
    }

    /** The outcome for one document of a POST: service code, result word, message. */
    record Outcome(FisCode code, String result, String message) {
        static Outcome ok() {
            return new Outcome(FisCode.OK, "SUCCESS", "");
        }

        static Outcome of(FisCode code, String result, Object... args) {
            return new Outcome(code, result, code.message(args));
        }
    }

    synchronized Outcome acknowledge(String companyUuid, FisDocType docType, String docId, String systemId) {
        Rec r = find(companyUuid, docId);
        if (r == null) {
            return Outcome.of(FisCode.ACK_NOT_FOUND, "FAILURE");
        }
        if (r.docType != docType) {
            return Outcome.of(FisCode.ACK_WRONG_DOC_TYPE, "FAILURE", docType.pathValue());
        }
        if (systemError(r)) {
            return Outcome.of(FisCode.SYSTEM_ERROR, "FAILURE");
        }
        return switch (r.status) {
            case READY -> {
                if (systemId != null && systemIdDiffers(r, systemId)) {
                    yield Outcome.of(FisCode.SYSTEM_ID_MISMATCH, "FAILURE");
                }
                r.erpSystemId = systemId == null ? r.erpSystemId : systemId;
                move(r, FisStatus.ACKNOWLEDGED, "acknowledged");
                yield Outcome.ok();
            }
            case RECALLED -> Outcome.of(FisCode.ACK_RECALLED, "FAILURE");
            case PENDING_SYSTEM_REFRESH -> Outcome.of(FisCode.NOT_READY, "FAILURE");
            default -> Outcome.of(FisCode.ALREADY_ACKNOWLEDGED, "FAILURE", r.erpSystemId == null || r.erpSystemId
                    .isEmpty() ? "null" : r.erpSystemId);
        };
    }

    /**
     * One posting confirmation item. {@code problem} is a validation problem of the item found by the caller (code
     * 198), or null.
     */
    synchronized Outcome confirmPosting(String companyUuid, FisDocType docType, String docId, String systemId,
                                        JsonNode item, boolean success, String problem) {
        Rec r = find(companyUuid, docId);
        if (r == null) {
            return Outcome.of(FisCode.POSTING_NOT_FOUND, "DOCUMENT_NOT_FOUND");
        }
        if (r.docType != docType) {
            return Outcome.of(FisCode.POSTING_WRONG_DOC_TYPE, "FAILURE", docType.pathValue());
        }
        if (problem != null) {
            return Outcome.of(FisCode.INVALID_REQUEST, "FAILURE", problem);
        }
        if (systemError(r)) {
            return Outcome.of(FisCode.SYSTEM_ERROR, "SYSTEM_ERROR_OCCURRED");
        }
        if (systemIdDiffers(r, systemId)) {
            return Outcome.of(FisCode.SYSTEM_ID_MISMATCH, "FAILURE");
        }
        return switch (r.status) {
            case READY -> Outcome.of(FisCode.NOT_ACKNOWLEDGED, "NOT_YET_ACKNOWLEDGED");
            case RECALLED -> Outcome.of(FisCode.POSTING_RECALLED, "WAS_RECALLED");
            case ACKNOWLEDGED -> {
                r.postings.add(item);
                move(r, success ? FisStatus.POSTING_CONFIRMED_SUCCESS : FisStatus.POSTING_CONFIRMED_FAILURE,
                        "posting confirmation " + (success ? "success" : "error"));
                yield Outcome.ok();
            }
            case PENDING_SYSTEM_REFRESH -> Outcome.of(FisCode.UNKNOWN_STATE, "FAILURE");
            default -> Outcome.of(FisCode.ALREADY_CONFIRMED, "FAILURE");
        };
    }

    synchronized Outcome confirmPayment(String companyUuid, FisDocType docType, String docId, String systemId,
                                        JsonNode item) {
        Rec r = find(companyUuid, docId);
        if (r == null) {
            return Outcome.of(FisCode.POSTING_NOT_FOUND, "FAILURE");
        }
        if (r.docType != docType) {
            return Outcome.of(FisCode.POSTING_WRONG_DOC_TYPE, "FAILURE", docType.pathValue());
        }
        String problem = paymentProblem(item);
        if (problem != null) {
            return Outcome.of(FisCode.INVALID_PAYMENT, "FAILURE", problem);
        }
        if (systemError(r)) {
            return Outcome.of(FisCode.SYSTEM_ERROR, "SYSTEM_ERROR_OCCURRED");
        }
        if (systemIdDiffers(r, systemId)) {
            return Outcome.of(FisCode.SYSTEM_ID_MISMATCH, "FAILURE");
        }
        List<String> refs = new ArrayList<>();
        for (JsonNode detail : item.get("clearingDetails")) {
            String ref = detail.path("clearingReference").path("paymentRef").asString();
            if (paymentRefs.contains(ref) || refs.contains(ref)) {
                return Outcome.of(FisCode.INVALID_PAYMENT, "NOOP", "Payment confirmation already exist " + ref + ".");
            }
            refs.add(ref);
        }
        switch (r.status) {
            case RECALLED:
                return Outcome.of(FisCode.POSTING_RECALLED, "FAILURE");
            case POSTING_CONFIRMED_SUCCESS, PAYMENT_CONFIRMED_SUCCESS, PAYMENT_CONFIRMED_REVERSED:
                break;
            case PAYMENT_CONFIRMED_OBSOLETE:
                return Outcome.of(FisCode.PAYMENT_ALREADY_CONFIRMED, "FAILURE");
            default:
                return Outcome.of(FisCode.NOT_ACKNOWLEDGED, "NOT_POSTING_CONFIRMED");
        }
        String status = item.get("processingStatusCode").asString();
        // financial-integration-v4.md 2.4/2.5: PP = partially paid, RE = reversal, OB = obsolete, paymentRef unique per
        // confirmation (so a document can have several), 213 = "payment confirmation already posted". [INFERRED], the
        // lenient reading (the reference names no transitions): after PP more PP, a CP or an RE are accepted; after CP
        // only an RE (a payment reversed in the ERP), PP/CP get 213; an RE reopens the document to PP/CP/RE again;
        // OB closes it (213 afterwards).
        if (r.completelyPaid && !"RE".equals(status)) {
            return Outcome.of(FisCode.PAYMENT_ALREADY_CONFIRMED, "FAILURE");
        }
        paymentRefs.addAll(refs);
        r.payments.add(item);
        r.completelyPaid = "CP".equals(status);
        FisStatus next = switch (status) {
            case "RE" -> FisStatus.PAYMENT_CONFIRMED_REVERSED;
            case "OB" -> FisStatus.PAYMENT_CONFIRMED_OBSOLETE;
            default -> FisStatus.PAYMENT_CONFIRMED_SUCCESS;
        };
        move(r, next, "payment confirmation " + status);
        return Outcome.ok();
    }

    /** Why a payment confirmation item is invalid (code 298), or null. */
    static String paymentProblem(JsonNode item) {
        String status = item.path("processingStatusCode").asString(null);
        if (status == null || !PAYMENT_CODES.contains(status)) {
            return "processingStatusCode must be CP, PP, RE or OB (got " + status + ").";
        }
        JsonNode details = item.get("clearingDetails");
        if (details == null || !details.isArray() || details.isEmpty()) {
            return "clearingDetails is required.";
        }
        for (int i = 0; i < details.size(); i++) {
            JsonNode d = details.get(i);
            String date = d.path("clearingDate").asString(null);
            if (date == null || !validClearingDate(date)) {
                return "clearingDetails[" + i + "].clearingDate must be yyyy-MM-dd'T'HH:mm:ss.SSS'Z' or yyyyMMdd (got "
                        + date + ").";
            }
            if (!d.path("clearingAmount").isNumber()) {
                return "clearingDetails[" + i + "].clearingAmount must be a number.";
            }
            String ref = d.path("clearingReference").path("paymentRef").asString(null);
            if (ref == null || ref.isBlank()) {
                return "clearingDetails[" + i + "].clearingReference.paymentRef is required.";
            }
        }
        return null;
    }

    private static boolean validClearingDate(String date) {
        if (COMPACT_DATE.matcher(date).matches()) {
            try {
                DateTimeFormatter.BASIC_ISO_DATE.parse(date);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        try {
            Instant.parse(date);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean systemIdDiffers(Rec r, String systemId) {
        String stored = r.erpSystemId == null ? "" : r.erpSystemId;
        String given = systemId == null ? "" : systemId;
        return !stored.isEmpty() && !stored.equals(given);
    }

    private static boolean systemError(Rec r) {
        if (r.systemErrors > 0) {
            r.systemErrors--;
            return true;
        }
        return false;
    }

    private Rec find(String companyUuid, String docId) {
        Rec r = docId == null ? null : byId.get(docId);
        return r == null || !r.companyUuid.equals(companyUuid) ? null : r;
    }

    private void move(Rec r, FisStatus to, String cause) {
        r.history.add(new FisDocumentState.Transition(clock.instant(), r.status, to, cause));
        r.status = to;
    }

    // ---- admin ----

    synchronized Served served(String id) {
        return served(require(id));
    }

    synchronized Rec require(String id) {
        Rec r = byId.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no FIS document " + id);
        }
        return r;
    }

    /** A processor recall (financial-integration-v4.md section 3, matrix row 6). */
    synchronized void recall(String id) {
        Rec r = require(id);
        if (r.status == FisStatus.RECALLED) {
            throw new IllegalStateException("FIS document " + id + " is already recalled");
        }
        move(r, FisStatus.RECALLED, "recalled by a processor");
    }

    /**
     * Re-approval of a recalled document: back in the queue with revision + 1, under {@code newId} (a new queue item)
     * or, when {@code newId} is null, under its own id. {@code replacement} replaces the document (null = unchanged).
     * Returns the id it is queued under.
     */
    synchronized String reapprove(String id, String newId, Supplier<ObjectNode> replacement) {
        Rec r = require(id);
        if (r.status != FisStatus.RECALLED) {
            throw new IllegalStateException("FIS document " + id + " is " + r.status
                    + "; only a recalled document can be re-approved");
        }
        Supplier<ObjectNode> source = replacement != null ? replacement : r.source;
        if (newId == null) {
            r.source = source;
            r.revision++;
            r.erpSystemId = null;
            r.completelyPaid = false;
            move(r, FisStatus.READY, "re-approved (revision " + r.revision + ")");
            byCompany.get(r.companyUuid).remove(id);
            byCompany.get(r.companyUuid).put(id, r);
            return id;
        }
        add(new Rec(newId, r.companyUuid, r.docType, source, replacement != null ? null : r.expected, r.useCase, id,
                r.revision + 1, null));
        return newId;
    }

    synchronized void setStatus(String id, FisStatus status) {
        move(require(id), status, "set by the sandbox admin");
    }

    synchronized void failNext(String id, int times) {
        require(id).systemErrors = times;
    }

    synchronized FisDocumentState state(String id) {
        Rec r = require(id);
        return new FisDocumentState(r.id, r.companyUuid, r.docType, r.status, r.erpSystemId, r.revision,
                r.previousId, r.useCase, List.copyOf(r.postings), List.copyOf(r.payments), List.copyOf(r.history));
    }

    synchronized List<FisDocumentState> states(String companyUuid) {
        List<FisDocumentState> out = new ArrayList<>();
        for (Rec r : byCompany.getOrDefault(companyUuid, new LinkedHashMap<>()).values()) {
            out.add(state(r.id));
        }
        return out;
    }

    synchronized Map<FisStatus, Integer> counts(String companyUuid) {
        Map<FisStatus, Integer> counts = new LinkedHashMap<>();
        for (Rec r : byCompany.getOrDefault(companyUuid, new LinkedHashMap<>()).values()) {
            counts.merge(r.status, 1, Integer::sum);
        }
        return counts;
    }

    JsonMapper json() {
        return json;
    }
}

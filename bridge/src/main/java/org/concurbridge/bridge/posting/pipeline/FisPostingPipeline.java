package org.concurbridge.bridge.posting.pipeline;

import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.erp.ErpPosting;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.PaymentStatus;
import org.concurbridge.bridge.erp.PostingResult;
import org.concurbridge.bridge.erp.Reversal;
import org.concurbridge.bridge.erp.ValidationProblem;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.Problem;
import org.concurbridge.bridge.posting.fis.FisJournalBuilder;
import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.LedgerState;
import org.concurbridge.bridge.posting.ledger.PaymentLedger;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.ledger.ReportClaims;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.fis.FisClient;
import org.concurbridge.client.fis.FisDocumentKind;
import org.concurbridge.client.fis.FisOutcome;
import org.concurbridge.client.fis.FisPage;
import org.concurbridge.client.fis.FisReadResult;
import org.concurbridge.client.fis.FisServiceCode;
import org.concurbridge.client.fis.PaymentConfirmation;
import org.concurbridge.client.fis.PostingConfirmation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One posting run for one connection: Concur FIS → ledger → ERP → Concur. Every step is recorded in the
 * {@link PostingLedger} before the next one starts and every step can be repeated: acknowledgements and
 * confirmations answer 101/113 when already done, the ERP returns the first document for a repeated idempotency key,
 * and ledger transitions are guarded by the state they leave. See docs/posting.md for the exactly-once argument.
 */
public final class FisPostingPipeline {
    private static final Logger log = LoggerFactory.getLogger(FisPostingPipeline.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<FisDocumentKind> KINDS = List.of(FisDocumentKind.EXPENSE, FisDocumentKind.INVOICE,
            FisDocumentKind.CASH_ADVANCE);
    private static final String EXPENSE = docType(FisDocumentKind.EXPENSE);
    /** How long after its CP a PAYMENT_CONFIRMED report's payment is still watched for a reversal in the ERP. */
    static final Duration REVERSAL_WATCH = Duration.ofDays(90);

    /** Settings of a run. */
    public record Settings(Duration retryBackoff, Duration maxBackoff, int maxDocumentsPerRun) {
    }

    /** What a run did (the job's progress message). */
    public static final class Stats {
        int received;
        int acknowledged;
        int posted;
        int confirmed;
        int errorConfirmed;
        int failed;
        int recalled;
        int superseded;
        int paymentConfirmed;
        int partPaymentConfirmed;
        int paymentReversed;
        int recognised;
        int servedAgain;
        int concurCalls;
        int erpCalls;
        /** Where the run is: {@code expense page 2}, {@code retries invoice}, {@code payments}. */
        String phase = "starting";

        /** FIS calls made (each page read, each batch of acknowledgements or confirmations, each single read). */
        public int concurCalls() {
            return concurCalls;
        }

        /** ERP adapter calls made (each postAll of a page, each reversal, each payment status query). */
        public int erpCalls() {
            return erpCalls;
        }

        public int received() {
            return received;
        }

        public int posted() {
            return posted;
        }

        public int confirmed() {
            return confirmed;
        }

        public int failed() {
            return failed;
        }

        @Override
        public String toString() {
            return "received " + received + ", acknowledged " + acknowledged + ", posted " + posted + ", confirmed "
                    + confirmed + ", error-confirmed " + errorConfirmed + ", failed " + failed + ", recalled "
                    + recalled + ", superseded " + superseded + ", payments confirmed " + paymentConfirmed
                    + (partPaymentConfirmed == 0 ? "" : ", partial payments confirmed " + partPaymentConfirmed)
                    + (paymentReversed == 0 ? "" : ", payments reversed " + paymentReversed)
                    + (recognised == 0 ? "" : ", already posted from an extract " + recognised)
                    + (servedAgain == 0 ? "" : ", served again and confirmed again " + servedAgain);
        }
    }

    private final String companyUuid;
    private final FisClient fis;
    private final ErpAdapter erp;
    private final PostingLedger ledger;
    private final PostingMapping mapping;
    private final FisJournalBuilder builder;
    private final Clock clock;
    private final Settings settings;
    private final Stats stats = new Stats();
    private final List<PostingLedger.Event> events = new ArrayList<>();
    private final Consumer<Stats> progress;
    private FisLane lane;
    private FisLane erpLane;
    private PendingConfirmation pending;

    /** A page's posting confirmation on the FIS lane, recorded by {@link #finishConfirmation}. */
    private record PendingConfirmation(List<LedgerDocument> rows, CompletableFuture<List<FisOutcome>> outcomes) {
    }

    public FisPostingPipeline(String companyUuid, FisClient fis, ErpAdapter erp, PostingLedger ledger,
                              PostingMapping mapping, Clock clock, Settings settings, Consumer<Stats> progress) {
        this.companyUuid = companyUuid;
        this.fis = fis;
        this.erp = erp;
        this.ledger = ledger;
        this.mapping = mapping;
        this.builder = new FisJournalBuilder(mapping);
        this.clock = clock;
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Runs once: first finishes what earlier runs left (crash, retry due), then reads each document type's queue,
     * then confirms payments. Concur failures ({@code ConcurException}) and ERP authentication failures end the run
     * (thrown); the ledger keeps every document where it stood.
     */
    public Stats run() {
        try (FisLane l = new FisLane("fis-" + companyUuid); FisLane e = new FisLane("erp-" + companyUuid)) {
            lane = l;
            erpLane = e;
            resume();
            for (FisDocumentKind kind : KINDS) {
                readQueue(kind);
            }
            confirmPayments();
            flushEvents();
            return stats;
        } finally {
            lane = null;
            erpLane = null;
            pending = null; // a confirmation not recorded is repeated by the next run (113: already confirmed)
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // reading and acknowledging

    /**
     * Pages through one document type's queue. The FIS calls follow each other on the FIS lane, the ERP posts on the
     * ERP lane, while this thread does the ledger work. The lane's order is: acknowledge N+1, read N+2, confirm N,
     * acknowledge N+2, …: page N is posted into the ERP while page N+1 is read and recorded, page N's post is
     * recorded while page N+1 is acknowledged and page N+2 read, and page N+2 is recorded while page N's confirmation
     * is in flight. A page is still recorded before it is acknowledged, acknowledged before it is posted, and posted
     * (its ERP numbers recorded) before it is confirmed; the next page is read only after the acknowledgement.
     */
    private void readQueue(FisDocumentKind kind) {
        Set<String> seen = new HashSet<>();
        CompletableFuture<FisPage> next = stats.received < settings.maxDocumentsPerRun() ? firstPage(kind) : null;
        int pageNo = 0;
        PagePost posting = null; // the previous page, its ERP post in flight while this page is recorded
        try {
            while (next != null) {
                stats.phase = docType(kind) + " page " + ++pageNo;
                FisPage page = FisLane.await(next);
                next = null;
                event(null, "fis.transactions", "OK", docType(kind) + " documents=" + page.documents().size()
                        + " totalElements=" + page.totalElements(), page.correlationId());
                if (page.documents().isEmpty()) {
                    break;
                }
                boolean anyNew = false;
                for (FisReadResult r : page.documents()) {
                    anyNew |= seen.add(r.id());
                }
                List<LedgerDocument> rows = receive(kind, page.documents());
                if (!anyNew) {
                    // the same documents again: none of them could be acknowledged; the next run tries again
                    log.warn("event=fis_queue_stuck company={} docType={} documents={}", companyUuid,
                            docType(kind), rows.size());
                    break;
                }
                // on the lane: this page's acknowledgement, right behind it the read of the next page (acknowledged
                // documents leave the queue), then the previous page's confirmation once its ERP post is recorded
                Acknowledgement ack = startAcknowledge(kind, rows);
                servedAgain(kind, rows); // before the next read, so that these have left the queue too
                if (stats.received < settings.maxDocumentsPerRun()) {
                    next = firstPage(kind);
                }
                finishProcess(posting);
                posting = null;
                finishAcknowledge(ack);
                posting = startProcess(reload(rows));
                progress.accept(stats); // once per page: this page read and acknowledged, the previous one posted
            }
            finishProcess(posting);
            posting = null;
        } finally {
            if (posting != null) {
                // the run ends by an exception: let the ERP post in flight end; its rows stay ACKNOWLEDGED and the
                // next run posts them again, which the ERP answers with the documents already posted
                posting.settle();
            }
        }
        finishConfirmation();
        flushEvents();
    }

    /** Queues a read of the first page (always the first: acknowledged documents leave the queue). */
    private CompletableFuture<FisPage> firstPage(FisDocumentKind kind) {
        stats.concurCalls++;
        return lane.submit(() -> fis.transactions(kind));
    }

    /**
     * Records a page: builds each document and inserts the new ones in one batch; returns the page's rows without
     * their documents (the page is read again, in full, once it is acknowledged).
     */
    private List<LedgerDocument> receive(FisDocumentKind kind, List<FisReadResult> page) {
        List<PostingLedger.ReceivedBuilt> fresh = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<BuildResult> builds = new ArrayList<>();
        for (FisReadResult read : page) {
            BuildResult built = read instanceof FisReadResult.Parsed p ? builder.build(p.document())
                    : FisJournalBuilder.malformed((FisReadResult.Malformed) read, "fis:" + read.id());
            builds.add(built);
            keys.add(keyOf(read.id(), revisionOf(built)));
        }
        // by idempotency key (one FIS document revision): its unique index finds a page's rows however large the
        // ledger grows
        Set<String> known = ledger.knownKeys(companyUuid, keys);
        for (int i = 0; i < page.size(); i++) {
            FisReadResult read = page.get(i);
            BuildResult built = builds.get(i);
            String key = keys.get(i);
            if (known.contains(key)) {
                continue;
            }
            int revision = revisionOf(built);
            String concurId = built.document() != null ? built.document().header().concurId() : null;
            String systemId = read instanceof FisReadResult.Parsed p && p.document().erpSystemId() != null
                    && !p.document().erpSystemId().isBlank() ? p.document().erpSystemId() : fis.systemId();
            fresh.add(receivedBuilt(new PostingLedger.Received(companyUuid, PostingLedger.FIS, docType(kind),
                    read.id(), concurId, revision, key, systemId), built));
        }
        Map<String, LedgerDocument> byKey = new java.util.HashMap<>();
        ledger.inTransaction(() -> {
            ledger.receiveAll(fresh);
            ledger.headsByIdempotencyKeys(companyUuid, keys).forEach(r -> byKey.put(r.idempotencyKey(), r));
            for (PostingLedger.ReceivedBuilt f : fresh) {
                LedgerDocument row = byKey.get(f.received().idempotencyKey());
                event(row.id(), "received", f.documentJson() != null ? "OK" : "PROBLEMS",
                        f.documentJson() != null ? "mapping " + f.mappingVersion() : f.problems(), null);
            }
            flushEvents();
        });
        stats.received += fresh.size();
        return keys.stream().map(byKey::get).toList();
    }

    /** A document that does not build is keyed by its id and revision 1. */
    private static int revisionOf(BuildResult built) {
        return built.document() != null ? built.document().header().revision() : 1;
    }

    private PostingLedger.ReceivedBuilt receivedBuilt(PostingLedger.Received r, BuildResult built) {
        PostingDocument d = built.document();
        if (d == null) {
            return new PostingLedger.ReceivedBuilt(r, null, null, null, mapping.version(), null, null,
                    problemsText(built.problems()));
        }
        return new PostingLedger.ReceivedBuilt(r, d.kind().name(), d.header().currency(), d.totalDebit(),
                d.mappingVersion(), JournalEntries.postingDate(d, today()), JSON.writeValueAsString(d), null);
    }

    private List<LedgerDocument> reload(List<LedgerDocument> rows) {
        return ledger.byIds(rows.stream().map(LedgerDocument::id).toList());
    }

    private void store(long id, BuildResult built) {
        PostingDocument d = built.document();
        if (d == null) {
            ledger.built(id, null, null, null, mapping.version(), null, null, problemsText(built.problems()));
            event(id, "build", "PROBLEMS", problemsText(built.problems()), null);
            return;
        }
        ledger.built(id, d.kind().name(), d.header().currency(), d.totalDebit(), d.mappingVersion(),
                JournalEntries.postingDate(d, today()), JSON.writeValueAsString(d), null);
    }

    private void acknowledge(FisDocumentKind kind, List<LedgerDocument> rows) {
        Acknowledgement ack = startAcknowledge(kind, rows);
        if (ack != null) {
            finishConfirmation(); // the previous page's, recorded while this acknowledgement is in flight
        }
        finishAcknowledge(ack);
    }

    /** A page's acknowledgement on the FIS lane. */
    private record Acknowledgement(List<LedgerDocument> rows, CompletableFuture<List<FisOutcome>> outcomes) {
    }

    /** Queues the acknowledgement of the rows not yet acknowledged; null when there is none. */
    private Acknowledgement startAcknowledge(FisDocumentKind kind, List<LedgerDocument> rows) {
        List<LedgerDocument> toAck = rows.stream().filter(r -> r.state() == LedgerState.RECEIVED
                || r.state() == LedgerState.FAILED && r.failedStep() == LedgerState.RECEIVED).toList();
        if (toAck.isEmpty()) {
            return null;
        }
        return new Acknowledgement(toAck, bySystemIdAsync(toAck, (client, rows0) ->
                client.acknowledge(kind, rows0.stream().map(LedgerDocument::sourceDocId).toList())));
    }

    /** Records Concur's answer to an acknowledgement. */
    private void finishAcknowledge(Acknowledgement ack) {
        if (ack == null) {
            return;
        }
        List<LedgerDocument> toAck = ack.rows();
        List<FisOutcome> outcomes = FisLane.await(ack.outcomes());
        List<Long> accepted = new ArrayList<>();
        for (int i = 0; i < toAck.size(); i++) {
            LedgerDocument row = toAck.get(i);
            FisOutcome o = outcomes.get(i);
            event(row.id(), "fis.acknowledge", o.code().name(), describe(o), null);
            switch (o.meaning()) {
                case DONE, ALREADY_DONE -> {
                    if (row.state() == LedgerState.RECEIVED) {
                        accepted.add(row.id());
                    } else if (moveFailedTo(row, LedgerState.ACKNOWLEDGED)) {
                        stats.acknowledged++;
                    }
                }
                case RECALLED -> recalledBeforePosting(row, "recalled before acknowledgement (" + o.rawCode() + ")");
                default -> fail(row, LedgerState.RECEIVED, "acknowledgement refused: " + describe(o));
            }
        }
        ledger.inTransaction(() -> {
            stats.acknowledged += ledger.acknowledgedAll(accepted);
            flushEvents();
        });
    }

    /**
     * Documents Concur serves again although the ledger has them confirmed (Concur lost the acknowledgement and the
     * confirmation: a restored tenant, a restarted sandbox). They are acknowledged and confirmed again with what the
     * ledger recorded (the ERP document number, or the error text), never posted again; otherwise they would block
     * the queue for good.
     */
    private void servedAgain(FisDocumentKind kind, List<LedgerDocument> rows) {
        List<Long> ids = rows.stream().filter(r -> r.state() == LedgerState.CONFIRMED
                || r.state() == LedgerState.PAYMENT_CONFIRMED || r.state() == LedgerState.ERROR_CONFIRMED)
                .map(LedgerDocument::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        List<LedgerDocument> done = ledger.byIds(ids); // with their documents, for the confirmations
        finishConfirmation();
        List<FisOutcome> acks = bySystemId(done, (client, group) -> client.acknowledge(kind,
                group.stream().map(LedgerDocument::sourceDocId).toList()));
        List<LedgerDocument> acknowledged = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            FisOutcome o = acks.get(i);
            event(done.get(i).id(), "fis.acknowledge", o.code().name(), "served again by SAP Concur although "
                    + done.get(i).state() + " here: " + describe(o), null);
            if (o.isDone()) {
                acknowledged.add(done.get(i));
            }
        }
        List<FisOutcome> outcomes = bySystemId(acknowledged, (client, group) -> client.confirmPostings(kind,
                group.stream().map(this::confirmationAgain).toList()));
        int confirmedAgain = 0;
        for (int i = 0; i < acknowledged.size(); i++) {
            LedgerDocument row = acknowledged.get(i);
            FisOutcome o = outcomes.get(i);
            event(row.id(), "fis.confirmPosting", o.code().name(), (row.state() == LedgerState.ERROR_CONFIRMED
                    ? "error again: " : "success again " + row.erpDocumentNumber() + ": ") + describe(o), null);
            if (o.isDone()) {
                stats.servedAgain++;
                confirmedAgain++;
            }
        }
        log.warn("event=fis_served_again company={} docType={} documents={} confirmedAgain={}", companyUuid,
                docType(kind), done.size(), confirmedAgain);
        flushEvents();
    }

    /** The confirmation a served-again document was given: success with its ERP document, or its error. */
    private PostingConfirmation confirmationAgain(LedgerDocument r) {
        if (r.state() == LedgerState.ERROR_CONFIRMED) {
            return PostingConfirmation.error(r.sourceDocId(), PostingConfirmation.SystemMessage.of(
                    r.errorText() != null ? r.errorText() : "the document could not be posted"));
        }
        return success(r);
    }

    /** The success confirmation of a posted row: its ERP document, company and posting date. */
    private PostingConfirmation success(LedgerDocument r) {
        PostingDocument doc = JSON.readValue(r.documentJson(), PostingDocument.class);
        LocalDate date = r.postingDate() != null ? r.postingDate() : today();
        return PostingConfirmation.success(r.sourceDocId(), new PostingConfirmation.PostingDoc(
                doc.header().company(), r.erpDocumentNumber(), String.valueOf(date.getYear()), date));
    }

    /** A FAILED row whose failure was at acknowledgement: acknowledged now. */
    private boolean moveFailedTo(LedgerDocument row, LedgerState state) {
        return row.state() == LedgerState.FAILED && state == LedgerState.ACKNOWLEDGED
                && ledger.acknowledgedAfterFailure(row.id());
    }

    // ---------------------------------------------------------------------------------------------------------
    // resuming

    private void resume() {
        List<LedgerDocument> due = ledger.due(companyUuid, PostingLedger.FIS, settings.maxDocumentsPerRun());
        if (due.isEmpty()) {
            return;
        }
        log.info("event=posting_resume company={} documents={}", companyUuid, due.size());
        for (FisDocumentKind kind : KINDS) {
            List<LedgerDocument> ofKind = due.stream().filter(r -> r.docType().equals(docType(kind))).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            stats.phase = "retries " + docType(kind);
            acknowledge(kind, ofKind);
            process(reload(ofKind));
            finishConfirmation();
            progress.accept(stats);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // posting and confirming

    /** Posts the acknowledged rows of one document type and confirms them (success or error) in batches. */
    private void process(List<LedgerDocument> rows) {
        finishProcess(startProcess(rows));
    }

    /**
     * A page on its way into the ERP: prepared on the run's thread, its {@code postAll} running on the ERP lane while
     * the run's thread records the next page; {@link #finishProcess} records the outcome and confirms.
     */
    private record PagePost(FisDocumentKind kind, List<LedgerDocument> rows, List<LedgerDocument> toPost,
                            Map<Long, String> errors, CompletableFuture<List<ErpPosting.BatchResult>> results) {

        /** Waits for the ERP post in flight, whatever its outcome (the run is ending by an exception). */
        void settle() {
            if (results != null) {
                results.exceptionally(e -> null).join();
            }
        }
    }

    /**
     * Builds the page's journal entries, claims its reports and starts its ERP post on the ERP lane (one post in
     * flight at a time: the previous page's is finished before). Null when there is nothing to do.
     */
    private PagePost startProcess(List<LedgerDocument> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        FisDocumentKind kind = kindOf(rows.get(0).docType());
        List<LedgerDocument> toPost = new ArrayList<>();
        List<JournalEntry> entries = new ArrayList<>();
        Map<Long, String> errors = new LinkedHashMap<>();
        for (LedgerDocument row : rows) {
            LedgerState at = row.state() == LedgerState.FAILED ? row.failedStep() : row.state();
            if (at != LedgerState.ACKNOWLEDGED) {
                continue;
            }
            row = rebuildIfMappingChanged(kind, row);
            if (row == null) {
                continue;
            }
            if (row.documentJson() == null) {
                errors.put(row.id(), row.errorText() != null ? row.errorText() : "the document could not be read");
                continue;
            }
            PostingDocument doc = JSON.readValue(row.documentJson(), PostingDocument.class);
            Optional<String> currencyProblem = JournalEntries.currencyProblem(doc);
            if (currencyProblem.isPresent()) {
                errors.put(row.id(), currencyProblem.get());
                continue;
            }
            JournalEntry entry = JournalEntries.toEntry(doc, row.idempotencyKey(), today());
            if (!replaceEarlierRevision(row, doc, entry.postingDate())) {
                continue;
            }
            toPost.add(row);
            entries.add(entry);
        }
        postedElsewhere(toPost, entries);
        CompletableFuture<List<ErpPosting.BatchResult>> results = null;
        if (!toPost.isEmpty()) {
            // postAll validates every entry against the ERP (accounts, cost objects, partners, tax codes, balance) in
            // the same round trip and writes nothing for an invalid one: its Permanent failure carries every problem
            stats.erpCalls++;
            List<JournalEntry> page = List.copyOf(entries);
            results = erpLane.submit(() -> erp.postAll(page));
        }
        return new PagePost(kind, rows, toPost, errors, results);
    }

    /** Records a page's ERP post (numbers, rejections), sends its error confirmations and queues its success ones. */
    private void finishProcess(PagePost page) {
        if (page == null) {
            return;
        }
        FisDocumentKind kind = page.kind();
        Map<Long, String> errors = page.errors();
        post(page.toPost(), page.results(), errors);
        confirmErrors(kind, errors);
        List<LedgerDocument> posted = reload(page.rows()).stream()
                .filter(r -> r.state() == LedgerState.POSTED
                        || r.state() == LedgerState.FAILED && r.failedStep() == LedgerState.POSTED)
                .toList();
        confirmPostings(kind, posted);
        flushEvents();
    }

    /**
     * Claims each report before it is posted (see {@link ReportClaims}) and takes out of {@code rows}/{@code entries}
     * the documents whose report an extract row holds. When that row's posting stands (a report posted from an
     * SAE/PRAE extract before the customer switched to FIS), the document is POSTED with that row's ERP number and
     * linked to it, and the success confirmation that follows tells Concur that number; while the extract row is
     * still being posted, the document waits (FAILED, retried).
     */
    private void postedElsewhere(List<LedgerDocument> rows, List<JournalEntry> entries) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, ReportClaims.Holder> held = ledger.claims().claimAll(rows.stream().map(r ->
                new ReportClaims.Claim(companyUuid, r.docType(), r.concurId(), r.idempotencyKey())).toList());
        for (int i = rows.size() - 1; i >= 0; i--) {
            LedgerDocument row = rows.get(i);
            ReportClaims.Holder h = held.get(row.idempotencyKey());
            if (h == null || h.row() != null && PostingLedger.FIS.equals(h.row().source())) {
                // ours, or another FIS document of the same report id: FIS documents are told apart by their own
                // ids and revisions (a re-approval supersedes, see replaceEarlierRevision), as before
                continue;
            }
            rows.remove(i);
            entries.remove(i);
            if (!h.posted()) {
                fail(row, LedgerState.ACKNOWLEDGED, "report " + row.concurId() + " is being posted by "
                        + h.idempotencyKey() + (h.row() == null ? "" : " (" + h.row().state()
                        + (h.row().errorText() == null ? "" : ": " + h.row().errorText()) + ")")
                        + "; this document waits for it so that the report is posted once");
                continue;
            }
            if (ledger.claims().postedAs(row.id(), h.row())) {
                stats.recognised++;
                event(row.id(), "posted.elsewhere", "ALREADY_POSTED", "report " + row.concurId()
                        + " is already in the ERP as " + h.row().erpDocumentNumber() + " (" + h.row().source()
                        + " " + h.idempotencyKey() + "); not posted again, confirmed with that document", null);
                log.info("event=posting_recognised company={} doc={} report={} postedAs={} erpDocument={}",
                        companyUuid, row.sourceDocId(), row.concurId(), h.idempotencyKey(),
                        h.row().erpDocumentNumber());
            }
        }
        flushEvents();
    }

    private void post(List<LedgerDocument> rows, CompletableFuture<List<ErpPosting.BatchResult>> answer,
                      Map<Long, String> errors) {
        if (rows.isEmpty()) {
            return;
        }
        List<ErpPosting.BatchResult> results;
        try {
            results = FisLane.await(answer);
        } catch (ErpException.Retriable e) {
            for (LedgerDocument row : rows) {
                event(row.id(), "erp.post", "RETRIABLE", e.getMessage(), null);
                fail(row, LedgerState.ACKNOWLEDGED, "ERP unavailable: " + e.getMessage());
            }
            return;
        }
        Map<Long, String> numbers = new LinkedHashMap<>();
        try {
            for (int i = 0; i < rows.size(); i++) {
                LedgerDocument row = rows.get(i);
                ErpPosting.BatchResult r = results.get(i);
                if (r.failure() == null) {
                    PostingResult p = r.result();
                    numbers.put(row.id(), p.document().documentNumber());
                    event(row.id(), "erp.post", p.alreadyPosted() ? "ALREADY_POSTED" : "OK",
                            "document " + p.document().documentNumber(), null);
                } else if (r.failure() instanceof ErpException.Permanent p) {
                    String text = p.problems().isEmpty() ? "the ERP refused the posting: " + p.getMessage()
                            : erpProblemsText(p.problems());
                    event(row.id(), "erp.post", "REJECTED", text, null);
                    errors.put(row.id(), text);
                } else if (r.failure() instanceof ErpException.Retriable e) {
                    event(row.id(), "erp.post", "RETRIABLE", e.getMessage(), null);
                    fail(row, LedgerState.ACKNOWLEDGED, "ERP unavailable: " + e.getMessage());
                } else {
                    event(row.id(), "erp.post", "AUTHENTICATION", r.failure().getMessage(), null);
                    throw r.failure(); // the ERP refuses our credentials: nothing else will post either
                }
            }
        } finally {
            // whatever the ERP took is recorded with its number before anything else happens
            ledger.inTransaction(() -> {
                stats.posted += ledger.postedAll(numbers);
                flushEvents();
            });
        }
    }

    /**
     * Sends the success confirmations of posted rows on the FIS lane without waiting for the answer;
     * {@link #finishConfirmation} records it (a crash before that repeats the confirmation: 113, already confirmed).
     */
    private void confirmPostings(FisDocumentKind kind, List<LedgerDocument> rows) {
        if (rows.isEmpty()) {
            return;
        }
        finishConfirmation();
        Map<Long, PostingConfirmation> confirmations = new java.util.HashMap<>();
        for (LedgerDocument r : rows) {
            confirmations.put(r.id(), success(r));
        }
        pending = new PendingConfirmation(rows, bySystemIdAsync(rows, (client, group) ->
                client.confirmPostings(kind, group.stream().map(r -> confirmations.get(r.id())).toList())));
    }

    /** Records the answer to the pending posting confirmation, if any. */
    private void finishConfirmation() {
        if (pending == null) {
            return;
        }
        List<LedgerDocument> rows = pending.rows();
        CompletableFuture<List<FisOutcome>> answer = pending.outcomes();
        pending = null;
        List<FisOutcome> outcomes = FisLane.await(answer);
        List<Long> accepted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            LedgerDocument row = rows.get(i);
            FisOutcome o = outcomes.get(i);
            event(row.id(), "fis.confirmPosting", o.code().name(), "success " + row.erpDocumentNumber() + ": "
                    + describe(o), null);
            switch (o.meaning()) {
                case DONE, ALREADY_DONE -> accepted.add(row.id());
                case RECALLED -> reverseRecalled(row);
                default -> fail(row, LedgerState.POSTED, "posting confirmation refused: " + describe(o));
            }
        }
        ledger.inTransaction(() -> {
            stats.confirmed += ledger.confirmedAll(accepted);
            flushEvents();
        });
    }

    private void confirmErrors(FisDocumentKind kind, Map<Long, String> errors) {
        if (errors.isEmpty()) {
            return;
        }
        List<LedgerDocument> rows = ledger.byIds(errors.keySet());
        List<FisOutcome> outcomes = bySystemId(rows, (client, group) -> client.confirmPostings(kind,
                group.stream().map(r -> PostingConfirmation.error(r.sourceDocId(),
                        PostingConfirmation.SystemMessage.of(errors.get(r.id())))).toList()));
        for (int i = 0; i < rows.size(); i++) {
            LedgerDocument row = rows.get(i);
            FisOutcome o = outcomes.get(i);
            event(row.id(), "fis.confirmPosting", o.code().name(), "error: " + describe(o), null);
            switch (o.meaning()) {
                case DONE, ALREADY_DONE -> {
                    if (ledger.errorConfirmed(row.id(), errors.get(row.id()))) {
                        stats.errorConfirmed++;
                    }
                }
                case RECALLED -> recalledBeforePosting(row, "recalled before the error confirmation");
                default -> fail(row, LedgerState.ACKNOWLEDGED, errors.get(row.id())
                        + " (error confirmation refused: " + describe(o) + ")");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // recall, re-approval, retry with a changed mapping

    private void recalledBeforePosting(LedgerDocument row, String reason) {
        if (ledger.recalled(row.id(), reason)) {
            stats.recalled++;
            event(row.id(), "recalled", "OK", reason + "; nothing was posted", null);
        }
    }

    /** Recalled after it was posted (112 on the confirmation): backed out of the ERP, then REVERSED. */
    private void reverseRecalled(LedgerDocument row) {
        String reversalKey = row.idempotencyKey() + "#recall";
        try {
            stats.erpCalls++;
            PostingResult r = erp.reverse(new Reversal(reversalKey, row.idempotencyKey(), today(),
                    "Recalled in SAP Concur: reversal of " + row.erpDocumentNumber()));
            event(row.id(), "erp.reverse", "OK", "reversal " + r.document().documentNumber(), null);
            if (ledger.reversed(row.id(), r.document().documentNumber(), "recalled in SAP Concur after posting")) {
                stats.recalled++;
            }
        } catch (ErpException.Retriable e) {
            fail(row, LedgerState.POSTED, "recalled after posting; reversal waits for the ERP: " + e.getMessage());
        }
    }

    /**
     * A re-approved revision of a report that was already posted: the earlier ERP document is reversed first and the
     * earlier row SUPERSEDED, both rows linked. Returns false when the reversal must wait (ERP down).
     */
    private boolean replaceEarlierRevision(LedgerDocument row, PostingDocument doc, LocalDate date) {
        if (row.revision() <= 1) {
            return true; // a first revision replaces nothing
        }
        Optional<LedgerDocument> earlier = ledger.postedEarlierRevision(companyUuid, row.docType(), row.concurId(),
                row.revision(), row.id());
        if (earlier.isEmpty()) {
            return true;
        }
        LedgerDocument e = earlier.get();
        try {
            stats.erpCalls++;
            PostingResult r = erp.reverse(new Reversal(e.idempotencyKey() + "#superseded", e.idempotencyKey(), date,
                    "Replaced by revision " + row.revision() + " of " + doc.header().reference()));
            ledger.superseded(e.id(), r.document().documentNumber());
            for (long linked : ledger.claims().linkedTo(e.id())) { // FIS rows that stood for e's posting
                ledger.superseded(linked, r.document().documentNumber());
            }
            ledger.supersedes(row.id(), e.id());
            event(e.id(), "erp.reverse", "OK", "superseded by revision " + row.revision() + "; reversal "
                    + r.document().documentNumber(), null);
            event(row.id(), "supersedes", "OK", "replaces " + e.idempotencyKey() + " (" + e.erpDocumentNumber()
                    + ")", null);
            stats.superseded++;
            return true;
        } catch (ErpException.Retriable ex) {
            fail(row, LedgerState.ACKNOWLEDGED, "reversal of the earlier revision waits for the ERP: "
                    + ex.getMessage());
            return false;
        }
    }

    /**
     * A document waiting for a retry that was built with another mapping is read again from Concur and rebuilt with
     * the connection's current one (a mapping fix applies to documents not yet posted, never to posted ones); so is
     * one recorded but never built (the process stopped in between).
     */
    private LedgerDocument rebuildIfMappingChanged(FisDocumentKind kind, LedgerDocument row) {
        boolean neverBuilt = row.mappingVersion() == null; // stopped between recording and building it
        if (!neverBuilt && (row.state() != LedgerState.FAILED || mapping.version().equals(row.mappingVersion()))) {
            return row;
        }
        stats.concurCalls++;
        Optional<FisReadResult> read = lane.call(() -> fis.document(kind, row.sourceDocId(), true));
        if (read.isEmpty()) {
            fail(row, LedgerState.ACKNOWLEDGED, "SAP Concur no longer has the document");
            return null;
        }
        BuildResult built = read.get() instanceof FisReadResult.Parsed p ? builder.build(p.document())
                : FisJournalBuilder.malformed((FisReadResult.Malformed) read.get(), row.idempotencyKey());
        store(row.id(), built);
        event(row.id(), "rebuilt", built.isOk() ? "OK" : "PROBLEMS", "with mapping " + mapping.version(), null);
        LedgerDocument rebuilt = ledger.find(row.id()).orElseThrow();
        return built.isOk() ? rebuilt : withError(rebuilt, problemsText(built.problems()));
    }

    private static LedgerDocument withError(LedgerDocument r, String error) {
        return new LedgerDocument(r.id(), r.companyUuid(), r.source(), r.docType(), r.sourceDocId(), r.concurId(),
                r.revision(), r.idempotencyKey(), r.kind(), r.currency(), r.total(), r.mappingVersion(), r.state(),
                r.failedStep(), r.erpDocumentNumber(), error, r.attempts(), r.nextAttemptAt(), null,
                r.supersedesId(), r.reversalDocumentNumber(), r.postingDate(), r.createdAt(), r.updatedAt(),
                r.postedAt(), r.confirmedAt(), r.paidAt(), r.erpSystemId());
    }

    // ---------------------------------------------------------------------------------------------------------
    // payments

    /**
     * Payment confirmations for CONFIRMED expense reports: {@code PP} each time the ERP's paid amount of the employee
     * payable grows while it is partly paid, {@code CP} once it is paid; each says what was paid since the previous
     * one. {@code RE} when the paid amount went down (a payment reversed in the ERP), also for PAYMENT_CONFIRMED
     * reports paid within {@link #REVERSAL_WATCH}. Each is recorded PENDING before it is sent (a confirmation left
     * pending by an earlier run is sent again as it was, before anything new is planned for its document), ACCEPTED
     * after; CP moves the row to PAYMENT_CONFIRMED, RE back to CONFIRMED.
     */
    private void confirmPayments() {
        stats.phase = "payments";
        List<LedgerDocument> waiting = ledger.awaitingPayment(companyUuid, EXPENSE,
                clock.instant().minus(REVERSAL_WATCH), settings.maxDocumentsPerRun());
        if (waiting.isEmpty()) {
            return;
        }
        PaymentLedger payments = ledger.payments();
        Map<Long, PaymentLedger.Progress> progress = payments.progress(waiting.stream().map(LedgerDocument::id)
                .toList());
        List<LedgerDocument> toPlan = waiting.stream().filter(r -> progress.get(r.id()).pending() == null).toList();
        payments.planAll(planPayments(toPlan, progress));
        Map<Long, PaymentLedger.Payment> byDocument = new LinkedHashMap<>(); // one at a time per document
        payments.byDocuments(waiting.stream().map(LedgerDocument::id).toList(), PaymentLedger.State.PENDING)
                .forEach(p -> byDocument.putIfAbsent(p.documentId(), p));
        if (byDocument.isEmpty()) {
            return;
        }
        Map<Long, LedgerDocument> rows = new java.util.HashMap<>(); // with their documents
        ledger.byIds(byDocument.keySet()).forEach(r -> rows.put(r.id(), r));
        List<PaymentLedger.Payment> pending = List.copyOf(byDocument.values());
        List<LedgerDocument> sent = pending.stream().map(p -> rows.get(p.documentId())).toList();
        List<FisOutcome> outcomes = bySystemId(sent, (client, group) -> client.confirmPayments(group.stream()
                .map(r -> paymentConfirmation(r, byDocument.get(r.id()))).toList()));
        for (int i = 0; i < pending.size(); i++) {
            paymentAnswered(sent.get(i), pending.get(i), outcomes.get(i));
        }
        flushEvents();
    }

    /**
     * What to confirm for documents without a pending confirmation: PP/CP where the ERP's paid amount grew (CONFIRMED
     * rows), RE where it went down below what Concur was told. The rows come without their documents; those of the
     * documents with something to confirm are read in full (the payment reference names the ERP company).
     */
    private List<PaymentLedger.Payment> planPayments(List<LedgerDocument> rows,
                                                     Map<Long, PaymentLedger.Progress> progress) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, String> keys = erpKeys(rows);
        stats.erpCalls++;
        Map<String, PaymentStatus> status = erp.paymentStatus(List.copyOf(keys.values()));
        List<LedgerDocument> changed = new ArrayList<>();
        for (LedgerDocument row : rows) {
            PaymentStatus s = status.get(keys.get(row.id()));
            if (s == null) {
                continue;
            }
            PaymentLedger.Progress p = progress.get(row.id());
            BigDecimal growth = s.paid().subtract(p.paidConfirmed());
            if (growth.signum() < 0 && !refusedAlready(p, s)
                    || growth.signum() > 0 && row.state() == LedgerState.CONFIRMED) {
                changed.add(row);
            } // else nothing new since the last confirmation
        }
        List<PaymentLedger.Payment> planned = new ArrayList<>();
        for (LedgerDocument row : changed.isEmpty() ? List.<LedgerDocument>of()
                : ledger.byIds(changed.stream().map(LedgerDocument::id).toList())) {
            PaymentStatus s = status.get(keys.get(row.id()));
            PaymentLedger.Progress p = progress.get(row.id());
            BigDecimal growth = s.paid().subtract(p.paidConfirmed());
            int seq = p.lastSeq() + 1;
            if (growth.signum() < 0) {
                planned.add(reversal(row, s, p, seq));
            } else {
                String status0 = s.state() == PaymentStatus.State.PAID ? "CP" : "PP";
                LocalDate paidOn = s.paidOn() != null ? s.paidOn() : today();
                planned.add(new PaymentLedger.Payment(0, row.id(), seq, status0, growth, s.paid(), s.payable(),
                        s.currency(), paidOn, paymentRef(row, seq), s.reference(), null, PaymentLedger.State.PENDING,
                        null, null, null));
            }
        }
        return planned;
    }

    /**
     * An RE for a paid amount that went down in the ERP: its clearing amount is the decrease (positive, as in the
     * documented sample), dated the day the bridge saw it (a deleted ERP payment has no date), and the reason says
     * from what to what and which ERP document and payment.
     */
    private PaymentLedger.Payment reversal(LedgerDocument row, PaymentStatus s, PaymentLedger.Progress p, int seq) {
        String reason = "Payment reversed in the ERP: the paid amount of ERP document " + row.erpDocumentNumber()
                + " went from " + plain(p.paidConfirmed()) + " to " + plain(s.paid()) + " " + s.currency()
                + (s.reference() == null ? "" : " (latest ERP payment " + s.reference() + ")");
        log.warn("event=payment_decreased company={} doc={} confirmed={} erpPaid={} action=RE", companyUuid,
                row.sourceDocId(), p.paidConfirmed(), s.paid());
        return new PaymentLedger.Payment(0, row.id(), seq, "RE", p.paidConfirmed().subtract(s.paid()), s.paid(),
                s.payable(), s.currency(), today(), paymentRef(row, seq), s.reference(), reason,
                PaymentLedger.State.PENDING, null, null, null);
    }

    /**
     * Concur refused the latest confirmation, an RE for this very paid amount (213: it holds a final confirmation,
     * e.g. OB): it is not sent again every run; a further change of the ERP's paid amount is planned again.
     */
    private static boolean refusedAlready(PaymentLedger.Progress p, PaymentStatus s) {
        return p.lastRejected() != null && p.lastRejected().reversal()
                && p.lastRejected().paidTotal().compareTo(s.paid()) == 0;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "?" : amount.stripTrailingZeros().toPlainString();
    }

    /**
     * The ERP idempotency key under which each row's posting is in the ERP: its own, or for a report recognised as
     * posted from an extract, the extract row's.
     */
    private Map<Long, String> erpKeys(List<LedgerDocument> rows) {
        Map<Long, LedgerDocument> postedAs = ledger.claims().postedAs(rows.stream().map(LedgerDocument::id).toList());
        Map<Long, String> keys = new LinkedHashMap<>();
        rows.forEach(r -> keys.put(r.id(), postedAs.containsKey(r.id()) ? postedAs.get(r.id()).idempotencyKey()
                : r.idempotencyKey()));
        return keys;
    }

    /**
     * {@code <company>/<ERP document>/<fiscal year>/<n>}, the format of the documented sample
     * ({@code US01/667799/2019/2}): unique per confirmation (Concur requires it) and the same when a confirmation is
     * sent again after a crash (then Concur answers NOOP: already confirmed).
     */
    private String paymentRef(LedgerDocument row, int seq) {
        PostingDocument doc = JSON.readValue(row.documentJson(), PostingDocument.class);
        return doc.header().company() + "/" + row.erpDocumentNumber() + "/" + fiscalYear(row) + "/" + seq;
    }

    private String fiscalYear(LedgerDocument row) {
        return String.valueOf((row.postingDate() != null ? row.postingDate() : today()).getYear());
    }

    private PaymentConfirmation paymentConfirmation(LedgerDocument row, PaymentLedger.Payment p) {
        PostingDocument doc = JSON.readValue(row.documentJson(), PostingDocument.class);
        String employee = doc.header().party() == null ? null : doc.header().party().id();
        String employeeName = doc.header().party() == null ? null : doc.header().party().name();
        return new PaymentConfirmation(row.sourceDocId(), PaymentConfirmation.Status.valueOf(p.status()), p.message(),
                List.of(new PaymentConfirmation.Clearing(p.clearingDate().atStartOfDay().toInstant(ZoneOffset.UTC),
                        p.clearingAmount(), p.currency(), employee, employeeName, "EMPLOYEE", doc.header().company(),
                        row.erpDocumentNumber(), fiscalYear(row), p.paymentRef(), "E")));
    }

    private void paymentAnswered(LedgerDocument row, PaymentLedger.Payment p, FisOutcome o) {
        String what = p.status() + " " + plain(p.clearingAmount()) + " " + p.currency() + " (paid "
                + plain(p.paidTotal()) + " of " + plain(p.payable()) + ") ref " + p.paymentRef()
                + (p.erpReference() == null ? "" : ", ERP payment " + p.erpReference())
                + (p.message() == null ? "" : ", reason \"" + p.message() + "\"");
        event(row.id(), "fis.confirmPayment", o.code().name(), what + ": " + describe(o), null);
        switch (o.meaning()) {
            case DONE, ALREADY_DONE -> {
                if (p.reversal() && o.code() == FisServiceCode.PAYMENT_ALREADY_CONFIRMED) {
                    // 213 to an RE: Concur holds a final confirmation and did not take the reversal
                    ledger.payments().rejected(p.id(), describe(o));
                    log.warn("event=payment_reversal_refused company={} doc={} ref={} outcome=\"{}\"", companyUuid,
                            row.sourceDocId(), p.paymentRef(), describe(o));
                    return;
                }
                ledger.payments().accepted(p.id(), describe(o));
                if (p.reversal()) {
                    ledger.paymentReversed(row.id()); // a PP reversed leaves the row CONFIRMED: nothing to move
                    stats.paymentReversed++;
                } else if ((p.complete() || o.code() == FisServiceCode.PAYMENT_ALREADY_CONFIRMED)
                        && ledger.paymentConfirmed(row.id())) {
                    // CP, or 213: Concur already holds a final payment confirmation for the document
                    stats.paymentConfirmed++;
                } else if (!p.complete()) {
                    stats.partPaymentConfirmed++;
                }
            }
            case RETRY_LATER -> log.warn("event=payment_confirmation_later company={} doc={} ref={} outcome=\"{}\"",
                    companyUuid, row.sourceDocId(), p.paymentRef(), describe(o)); // stays pending: sent again
            default -> ledger.payments().rejected(p.id(), describe(o));
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * One batch call per ERP system id (Concur answers 99 when a document's preset or acknowledging system id differs
     * from the request's); the outcomes come back in the order of {@code rows}.
     */
    private List<FisOutcome> bySystemId(List<LedgerDocument> rows,
                                        java.util.function.BiFunction<FisClient, List<LedgerDocument>,
                                                List<FisOutcome>> call) {
        return FisLane.await(bySystemIdAsync(rows, call));
    }

    /** {@link #bySystemId} queued on the FIS lane. */
    private CompletableFuture<List<FisOutcome>> bySystemIdAsync(List<LedgerDocument> rows,
            java.util.function.BiFunction<FisClient, List<LedgerDocument>, List<FisOutcome>> call) {
        Map<String, List<LedgerDocument>> groups = new LinkedHashMap<>();
        for (LedgerDocument r : rows) {
            groups.computeIfAbsent(r.erpSystemId() == null ? fis.systemId() : r.erpSystemId(),
                    k -> new ArrayList<>()).add(r);
        }
        stats.concurCalls += groups.values().stream()
                .mapToInt(g -> (g.size() + fis.batchSize() - 1) / fis.batchSize()).sum();
        return lane.submit(() -> {
            Map<Long, FisOutcome> byRow = new java.util.HashMap<>();
            groups.forEach((systemId, group) -> {
                FisClient client = systemId.equals(fis.systemId()) ? fis : fis.withSystemId(systemId);
                List<FisOutcome> outcomes = call.apply(client, group);
                for (int i = 0; i < group.size(); i++) {
                    byRow.put(group.get(i).id(), outcomes.get(i));
                }
            });
            return rows.stream().map(r -> byRow.get(r.id())).toList();
        });
    }

    private void fail(LedgerDocument row, LedgerState step, String reason) {
        int attempt = row.attempts() + 1;
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        if (wait.compareTo(settings.maxBackoff()) > 0) {
            wait = settings.maxBackoff();
        }
        Instant next = clock.instant().plus(wait);
        if (ledger.failed(row.id(), step, reason, next)) {
            stats.failed++;
            event(row.id(), "failed", "RETRY", reason + "; attempt " + attempt + ", next at " + next, null);
            log.warn("event=posting_failed company={} doc={} step={} attempt={} next={} reason=\"{}\"", companyUuid,
                    row.sourceDocId(), step, attempt, next, reason);
        }
    }

    /** Buffers an event; {@link #flushEvents} writes the buffer in one batch after each step. */
    private void event(Long id, String step, String outcome, String detail, String correlationId) {
        events.add(ledger.newEvent(id, companyUuid, step, outcome, detail, correlationId));
    }

    private void flushEvents() {
        ledger.eventsAll(events);
        events.clear();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The ERP idempotency key of one revision of a FIS document. */
    public static String keyOf(String docId, int revision) {
        return "fis:" + docId + "@r" + revision;
    }

    static String docType(FisDocumentKind kind) {
        return switch (kind) {
            case EXPENSE -> "expense";
            case INVOICE -> "invoice";
            case CASH_ADVANCE -> "cashadvance";
        };
    }

    static FisDocumentKind kindOf(String docType) {
        return KINDS.stream().filter(k -> docType(k).equals(docType)).findFirst().orElseThrow();
    }

    private static String describe(FisOutcome o) {
        return o.rawCode() + (o.result() == null ? "" : " " + o.result())
                + (o.errorMessage() == null ? "" : ": " + o.errorMessage());
    }

    static String problemsText(List<Problem> problems) {
        return problems.stream().map(p -> (p.field() == null || p.field().isEmpty() ? "" : p.field() + ": ")
                + p.message()).collect(Collectors.joining("; "));
    }

    /** "unknown account 474230 on line 2 (account)": what a Concur processor can act on. */
    static String erpProblemsText(List<ValidationProblem> problems) {
        return problems.stream().map(p -> p.message() + (p.value() == null ? "" : " " + p.value())
                        + (p.line() > 0 ? " on line " + p.line() : "") + " (" + p.field() + ")")
                .collect(Collectors.joining("; "));
    }
}

package org.concurbridge.bridge.posting.extractjob;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.erp.ErpPosting;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.ValidationProblem;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.DocumentKind;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.extract.ExtractCheck;
import org.concurbridge.bridge.posting.extract.ExtractJournalBuilder;
import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.LedgerState;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.ledger.ReportClaims;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.posting.pipeline.JournalEntries;
import org.concurbridge.client.extract.ExtractZip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts one downloaded extract delivery (a CSV, or a zip of them) through the posting ledger and the ERP adapter, as
 * FIS does: every report becomes a ledger row keyed {@code sae:<batch>:<report key>} (source {@code SAE}/{@code PRAE},
 * doc type {@code expense}/{@code cashadvance}/{@code invoice}, Concur id = report id), is validated by the ERP and
 * posted with that key, and reaches POSTED with the ERP document number. Extract files have no posting confirmation:
 * POSTED is the end of the road.
 *
 * <ul>
 *   <li>A file that fails its control totals, is truncated or unusable, or a zip with unexpected members, is
 *       <b>held</b>: nothing of it reaches the ledger; the reason is returned.</li>
 *   <li>A quarantined report (unreadable row, unknown account…) gets a FAILED ledger row naming the problems, so it is
 *       visible on the dashboard; the other reports post.</li>
 *   <li>A report already posted (or being posted) under another key — through FIS, or from an earlier batch — is
 *       recognised by its doc type and Concur report id ({@link ReportClaims}) and not posted again (an event is
 *       added to that row).</li>
 *   <li>A file fetched twice posts nothing the second time: the ledger finds the rows by their keys.</li>
 * </ul>
 */
public class ExtractPoster {

    private static final Logger log = LoggerFactory.getLogger(ExtractPoster.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Reports received, posted and recorded per chunk: ledger writes and ERP posting in batches of this size. */
    static final int CHUNK = 500;

    /** The result: held with reasons, or the counts. */
    public record Outcome(boolean held, String reason, ExtractDeliveries.Counts counts) {
    }

    private final String companyUuid;
    private final ErpAdapter erp;
    private final PostingLedger ledger;
    private final PostingMapping mapping;
    private final Clock clock;
    private final boolean holdFileOnRowProblem;
    private final Duration retryBackoff;
    private final int chunkSize;

    public ExtractPoster(String companyUuid, ErpAdapter erp, PostingLedger ledger, PostingMapping mapping, Clock clock,
                         boolean holdFileOnRowProblem, Duration retryBackoff) {
        this(companyUuid, erp, ledger, mapping, clock, holdFileOnRowProblem, retryBackoff, CHUNK);
    }

    /** With another number of reports per chunk (tests). */
    ExtractPoster(String companyUuid, ErpAdapter erp, PostingLedger ledger, PostingMapping mapping, Clock clock,
                  boolean holdFileOnRowProblem, Duration retryBackoff, int chunkSize) {
        this.companyUuid = companyUuid;
        this.erp = erp;
        this.ledger = ledger;
        this.mapping = mapping;
        this.clock = clock;
        this.holdFileOnRowProblem = holdFileOnRowProblem;
        this.retryBackoff = retryBackoff;
        this.chunkSize = chunkSize;
    }

    /**
     * Checks every file of the delivery first (control totals, truncation, held file — nothing is kept but the
     * verdict); only when none is held, reads them again and posts report by report, {@link #CHUNK} reports at a time
     * (each chunk is recorded, posted and marked POSTED before the next is read: a run that stops half-way leaves
     * whole chunks behind, and the next run posts the rest by the same keys).
     * Memory is bounded by one chunk and the largest report, whatever the file size.
     */
    public Outcome post(ExtractJournalBuilder.Format format, Path file, boolean zip) {
        return post(format, file, zip, counts -> { });
    }

    /** {@link #post(ExtractJournalBuilder.Format, Path, boolean)}, telling {@code chunkPosted} the counts after each chunk. */
    public Outcome post(ExtractJournalBuilder.Format format, Path file, boolean zip,
                        Consumer<ExtractDeliveries.Counts> chunkPosted) {
        ExtractJournalBuilder builder = new ExtractJournalBuilder(mapping).withHoldFileOnRowProblem(holdFileOnRowProblem);
        ExtractZip archive = null;
        try {
            List<ExtractJournalBuilder.Source> sources;
            if (zip) {
                try {
                    archive = ExtractZip.open(file);
                } catch (ExtractZip.ExtractZipException e) {
                    return new Outcome(true, e.problem().describe(), null);
                }
                ExtractZip z = archive;
                sources = z.members().stream()
                        .map(m -> ExtractJournalBuilder.Source.of(m.name(), () -> z.open(m))).toList();
            } else {
                sources = List.of(ExtractJournalBuilder.Source.of(file));
            }
            List<ExtractCheck> checks = new ArrayList<>();
            for (ExtractJournalBuilder.Source source : sources) {
                checks.add(builder.check(format, source));
            }
            List<String> held = checks.stream().filter(ExtractCheck::held)
                    .flatMap(c -> c.heldReasons().stream()
                            .map(r -> r.startsWith(c.fileName()) ? r : c.fileName() + ": " + r))
                    .toList();
            if (!held.isEmpty()) {
                log.warn("event=extract_held company={} file={} reasons=\"{}\"", companyUuid, file, held);
                return new Outcome(true, String.join("; ", held), null);
            }
            Chunk chunk = new Chunk(format, checks.isEmpty() ? null : checks.get(0).batchId(), chunkPosted);
            for (int i = 0; i < sources.size(); i++) {
                ExtractCheck check = checks.get(i);
                builder.build(format, sources.get(i), check, r -> chunk.add(check, r));
            }
            chunk.flush();
            return new Outcome(false, null, chunk.counts());
        } catch (ExtractZip.ExtractZipException e) {
            return new Outcome(true, e.problem().describe(), null);
        } finally {
            if (archive != null) {
                archive.close();
            }
        }
    }

    /** The reports of a delivery waiting to be recorded and posted together, and the run's counts. */
    private final class Chunk {
        private final ExtractJournalBuilder.Format format;
        private final String batchId;
        private final Consumer<ExtractDeliveries.Counts> onChunk;
        private final List<Built> pending = new ArrayList<>();
        private int documents;
        private int postedCount;
        private int quarantined;
        private int already;

        Chunk(ExtractJournalBuilder.Format format, String batchId, Consumer<ExtractDeliveries.Counts> onChunk) {
            this.format = format;
            this.batchId = batchId;
            this.onChunk = onChunk;
        }

        ExtractDeliveries.Counts counts() {
            return new ExtractDeliveries.Counts(batchId, documents, postedCount, quarantined, already);
        }

        void add(ExtractCheck check, BuildResult result) {
            pending.add(new Built(result, check.fileName(), check.batchId()));
            documents++;
            if (pending.size() >= chunkSize) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<Built> ok = new ArrayList<>();
            for (Built b : pending) {
                if (b.result().isOk()) {
                    ok.add(b);
                } else {
                    quarantine(format, b.result());
                    quarantined++;
                }
            }
            pending.clear();
            List<Built> fresh = claimed(format, ok);
            already += ok.size() - fresh.size();
            Map<String, PostingDocument> built = new HashMap<>();
            fresh.forEach(b -> built.put(b.doc().idempotencyKey(), b.doc()));
            postedCount += post(receive(format, fresh), built);
            onChunk.accept(counts());
        }
    }

    /** One report's build result and the file (zip member) and batch it came from. */
    private record Built(BuildResult result, String fileName, String batchId) {
        PostingDocument doc() {
            return result.document();
        }
    }

    /**
     * The documents whose report this key may post: each claims its report ({@link ReportClaims}, one batch per
     * chunk); a report already posted (or being posted) under another key — through FIS, or from an earlier batch —
     * is left out, with an event on the holder's row.
     */
    private List<Built> claimed(ExtractJournalBuilder.Format format, List<Built> docs) {
        Map<String, ReportClaims.Holder> holders = ledger.claims().claimAll(docs.stream()
                .map(b -> new ReportClaims.Claim(companyUuid, docType(b.doc().kind()), b.doc().header().concurId(),
                        erpKey(companyUuid, b.doc().idempotencyKey()))).toList());
        List<Built> mine = new ArrayList<>();
        List<PostingLedger.Event> events = new ArrayList<>();
        for (Built b : docs) {
            PostingDocument doc = b.doc();
            ReportClaims.Holder holder = holders.get(erpKey(companyUuid, doc.idempotencyKey()));
            if (holder == null) {
                mine.add(b);
                continue;
            }
            if (holder.row() != null) {
                events.add(ledger.newEvent(holder.row().id(), companyUuid, "extract", "ALREADY_POSTED", "report "
                        + doc.header().concurId() + " is also in " + format + " batch " + b.batchId() + " ("
                        + doc.idempotencyKey() + "); not posted again", null));
            }
            log.info("event=extract_report_already_held company={} report={} key={} heldBy={}", companyUuid,
                    doc.header().concurId(), doc.idempotencyKey(), holder.idempotencyKey());
        }
        ledger.eventsAll(events);
        return mine;
    }

    /**
     * Records the documents not in the ledger yet, with their events, in one transaction; returns every document's
     * row, in order.
     */
    private List<LedgerDocument> receive(ExtractJournalBuilder.Format format, List<Built> docs) {
        if (docs.isEmpty()) {
            return List.of();
        }
        List<String> keys = docs.stream().map(b -> b.doc().idempotencyKey()).toList();
        Map<String, LedgerDocument> rows = new HashMap<>();
        ledger.inTransaction(() -> {
            Map<String, LedgerDocument> known = new HashMap<>();
            ledger.bySourceDocIds(companyUuid, format.name(), keys).forEach(r -> known.put(r.sourceDocId(), r));
            List<PostingLedger.ReceivedBuilt> fresh = new ArrayList<>();
            Map<String, String> fileOf = new HashMap<>();
            for (Built b : docs) {
                PostingDocument doc = b.doc();
                LedgerDocument row = known.get(doc.idempotencyKey());
                if (row == null) {
                    fresh.add(new PostingLedger.ReceivedBuilt(received(format, doc), doc.kind().name(),
                            doc.header().currency(), doc.totalDebit(), doc.mappingVersion(),
                            JournalEntries.postingDate(doc, today()), JSON.writeValueAsString(doc), null));
                    fileOf.put(doc.idempotencyKey(), b.fileName());
                } else if (row.state() == LedgerState.RECEIVED && row.documentJson() == null) {
                    // received by an earlier run that stopped before recording the document
                    ledger.built(row.id(), doc.kind().name(), doc.header().currency(), doc.totalDebit(),
                            doc.mappingVersion(), JournalEntries.postingDate(doc, today()),
                            JSON.writeValueAsString(doc), null);
                }
            }
            ledger.receiveAll(fresh);
            ledger.bySourceDocIds(companyUuid, format.name(), keys).forEach(r -> rows.put(r.sourceDocId(), r));
            ledger.eventsAll(fileOf.entrySet().stream().map(e -> ledger.newEvent(rows.get(e.getKey()).id(),
                    companyUuid, "extract", "RECEIVED", "from " + e.getValue(), null)).toList());
        });
        return keys.stream().map(rows::get).toList();
    }

    private PostingLedger.Received received(ExtractJournalBuilder.Format format, PostingDocument doc) {
        return new PostingLedger.Received(companyUuid, format.name(), docType(doc.kind()), doc.idempotencyKey(),
                doc.header().concurId(), 1, erpKey(companyUuid, doc.idempotencyKey()), null);
    }

    /**
     * The ERP idempotency key of an extract document: its source id ({@code sae:<batch>:<report>}) with the company
     * inserted ({@code sae:<company>:<batch>:<report>}), since batch ids and report keys are per-company sequences in
     * Concur and companies may share an ERP. Rows recorded before V11_2 keep the key they were posted with (the row's
     * {@code idempotency_key} is what the ERP knows; look-ups go by company and source id).
     */
    static String erpKey(String companyUuid, String sourceDocId) {
        int colon = sourceDocId.indexOf(':');
        return sourceDocId.substring(0, colon + 1) + companyUuid + sourceDocId.substring(colon);
    }

    /**
     * Posts the rows that are RECEIVED with their document, or FAILED and due, in one {@code postAll} (which
     * validates every entry against the ERP and writes nothing for an invalid one); returns how many reached POSTED.
     * Also used for the rows of earlier runs (a crash after receiving, an ERP that was down).
     */
    public int postDue(List<LedgerDocument> rows) {
        return post(rows, Map.of());
    }

    /** {@link #postDue}, taking the documents just built by their key instead of reading their stored JSON again. */
    private int post(List<LedgerDocument> rows, Map<String, PostingDocument> built) {
        List<LedgerDocument> toPost = new ArrayList<>();
        List<JournalEntry> entries = new ArrayList<>();
        Instant now = clock.instant();
        for (LedgerDocument row : rows) {
            boolean due = row.state() == LedgerState.RECEIVED
                    || row.state() == LedgerState.FAILED && row.nextAttemptAt() != null
                    && !row.nextAttemptAt().isAfter(now);
            if (!due || row.documentJson() == null) {
                continue;
            }
            PostingDocument doc = built.get(row.sourceDocId());
            if (doc == null) {
                doc = JSON.readValue(row.documentJson(), PostingDocument.class);
            }
            toPost.add(row);
            entries.add(JournalEntries.toEntry(doc, row.idempotencyKey(), today()));
        }
        if (toPost.isEmpty()) {
            return 0;
        }
        List<ErpPosting.BatchResult> results;
        try {
            results = erp.postAll(entries);
        } catch (ErpException.Retriable e) {
            toPost.forEach(row -> fail(row, "ERP unavailable: " + e.getMessage()));
            return 0;
        }
        Map<Long, String> numbers = new LinkedHashMap<>();
        List<PostingLedger.Event> events = new ArrayList<>();
        Map<LedgerDocument, String> failures = new LinkedHashMap<>();
        ErpException stop = null;
        for (int i = 0; i < toPost.size() && stop == null; i++) {
            LedgerDocument row = toPost.get(i);
            ErpPosting.BatchResult r = results.get(i);
            if (r.failure() == null) {
                numbers.put(row.id(), r.result().document().documentNumber());
                events.add(ledger.newEvent(row.id(), companyUuid, "erp.post",
                        r.result().alreadyPosted() ? "ALREADY_POSTED" : "OK",
                        "document " + r.result().document().documentNumber(), null));
            } else if (r.failure() instanceof ErpException.Permanent p) {
                failures.put(row, "the ERP rejects the journal: " + (p.problems().isEmpty() ? p.getMessage()
                        : text(p.problems())));
            } else if (r.failure() instanceof ErpException.Retriable e) {
                failures.put(row, "ERP unavailable: " + e.getMessage());
            } else {
                stop = r.failure();   // the ERP refuses our credentials: nothing else will post either
            }
        }
        // whatever the ERP took is recorded with its number, in one transaction, before anything else happens
        int[] done = {0};
        ledger.inTransaction(() -> {
            done[0] = ledger.postedAll(numbers);
            ledger.eventsAll(events);
            failures.forEach(this::fail);
        });
        if (stop != null) {
            throw stop;
        }
        return done[0];
    }

    private void quarantine(ExtractJournalBuilder.Format format, BuildResult r) {
        String problems = r.problems().stream().map(Object::toString).collect(Collectors.joining("; "));
        LedgerDocument row = ledger.receive(new PostingLedger.Received(companyUuid, format.name(),
                format == ExtractJournalBuilder.Format.SAE ? "expense" : "invoice", r.key(), null, 1, erpKey(companyUuid, r.key()), null));
        if (row.state() == LedgerState.RECEIVED) {
            ledger.built(row.id(), null, null, null, mapping.version(), null, null, problems);
            ledger.failed(row.id(), LedgerState.RECEIVED, "quarantined: " + problems,
                    clock.instant().plus(Duration.ofDays(36500)));
            ledger.event(row.id(), companyUuid, "extract", "QUARANTINED", problems, null);
        }
        log.warn("event=extract_quarantined company={} key={} problems=\"{}\"", companyUuid, r.key(), problems);
    }

    private void fail(LedgerDocument row, String reason) {
        int attempt = row.attempts() + 1;
        Instant next = clock.instant().plus(retryBackoff.multipliedBy(1L << Math.min(attempt - 1, 20)));
        ledger.failed(row.id(), LedgerState.RECEIVED, reason, next);
        ledger.event(row.id(), companyUuid, "failed", "RETRY", reason + "; attempt " + attempt, null);
        log.warn("event=extract_posting_failed company={} key={} reason=\"{}\"", companyUuid, row.idempotencyKey(),
                reason);
    }

    static String docType(DocumentKind kind) {
        return switch (kind) {
            case EXPENSE_REPORT -> "expense";
            case CASH_ADVANCE -> "cashadvance";
            case INVOICE -> "invoice";
        };
    }

    private static String text(List<ValidationProblem> problems) {
        return problems.stream().map(ValidationProblem::toString).collect(Collectors.joining("; "));
    }

    private LocalDate today() {
        return clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}

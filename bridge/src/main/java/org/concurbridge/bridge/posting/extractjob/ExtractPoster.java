package org.concurbridge.bridge.posting.extractjob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.erp.ErpPosting;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.ValidationProblem;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.DocumentKind;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.extract.ExtractBuild;
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

    public ExtractPoster(String companyUuid, ErpAdapter erp, PostingLedger ledger, PostingMapping mapping, Clock clock,
                         boolean holdFileOnRowProblem, Duration retryBackoff) {
        this.companyUuid = companyUuid;
        this.erp = erp;
        this.ledger = ledger;
        this.mapping = mapping;
        this.clock = clock;
        this.holdFileOnRowProblem = holdFileOnRowProblem;
        this.retryBackoff = retryBackoff;
    }

    /** Builds every file of the delivery first; posts only when none is held. */
    public Outcome post(ExtractJournalBuilder.Format format, Path file, boolean zip) {
        ExtractJournalBuilder builder = new ExtractJournalBuilder(mapping).withHoldFileOnRowProblem(holdFileOnRowProblem);
        List<ExtractBuild> builds = new ArrayList<>();
        try {
            if (zip) {
                try (ExtractZip z = ExtractZip.open(file)) {
                    for (ExtractZip.Member m : z.members()) {
                        try (InputStream in = z.open(m)) {
                            builds.add(builder.build(format, in, m.name()));
                        }
                    }
                } catch (ExtractZip.ExtractZipException e) {
                    return new Outcome(true, e.problem().describe(), null);
                }
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    builds.add(builder.build(format, in, file.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the downloaded extract " + file, e);
        }
        List<String> held = builds.stream().filter(ExtractBuild::held)
                .flatMap(b -> b.heldReasons().stream().map(r -> r.startsWith(b.fileName()) ? r : b.fileName() + ": " + r))
                .toList();
        if (!held.isEmpty()) {
            log.warn("event=extract_held company={} file={} reasons=\"{}\"", companyUuid, file, held);
            return new Outcome(true, String.join("; ", held), null);
        }
        int documents = 0;
        int quarantined = 0;
        int already = 0;
        List<LedgerDocument> rows = new ArrayList<>();
        for (ExtractBuild b : builds) {
            for (BuildResult r : b.results()) {
                documents++;
                if (!r.isOk()) {
                    quarantine(format, r);
                    quarantined++;
                    continue;
                }
                PostingDocument doc = r.document();
                String docType = docType(doc.kind());
                // one posting per report: FIS (or an earlier batch) may hold it; claimed before the row is recorded
                ReportClaims.Holder holder = ledger.claims().claimAll(List.of(new ReportClaims.Claim(companyUuid,
                        docType, doc.header().concurId(), doc.idempotencyKey()))).get(doc.idempotencyKey());
                if (holder != null) {
                    if (holder.row() != null) {
                        ledger.event(holder.row().id(), companyUuid, "extract", "ALREADY_POSTED", "report "
                                + doc.header().concurId() + " is also in " + format + " batch " + b.batchId()
                                + " (" + doc.idempotencyKey() + "); not posted again", null);
                    }
                    log.info("event=extract_report_already_held company={} report={} key={} heldBy={}",
                            companyUuid, doc.header().concurId(), doc.idempotencyKey(), holder.idempotencyKey());
                    already++;
                    continue;
                }
                LedgerDocument row = ledger.receive(new PostingLedger.Received(companyUuid, format.name(), docType,
                        doc.idempotencyKey(), doc.header().concurId(), 1, doc.idempotencyKey(), null));
                if (row.state() == LedgerState.RECEIVED && row.documentJson() == null) {
                    ledger.built(row.id(), doc.kind().name(), doc.header().currency(), doc.totalDebit(),
                            doc.mappingVersion(), JournalEntries.postingDate(doc, today()),
                            JSON.writeValueAsString(doc), null);
                    ledger.event(row.id(), companyUuid, "extract", "RECEIVED", "from " + b.fileName(), null);
                }
                rows.add(ledger.find(row.id()).orElseThrow());
            }
        }
        int posted = postDue(rows);
        String batchId = builds.isEmpty() ? null : builds.get(0).batchId();
        return new Outcome(false, null, new ExtractDeliveries.Counts(batchId, documents, posted, quarantined, already));
    }

    /**
     * Posts the rows that are RECEIVED with their document, or FAILED and due; returns how many reached POSTED.
     * Also used for the rows of earlier runs (a crash after receiving, an ERP that was down).
     */
    public int postDue(List<LedgerDocument> rows) {
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
            PostingDocument doc = JSON.readValue(row.documentJson(), PostingDocument.class);
            JournalEntry entry = JournalEntries.toEntry(doc, row.idempotencyKey(), today());
            List<ValidationProblem> problems;
            try {
                problems = erp.validate(entry);
            } catch (ErpException.Retriable e) {
                fail(row, "ERP unavailable: " + e.getMessage());
                continue;
            }
            if (!problems.isEmpty()) {
                fail(row, "the ERP rejects the journal: " + text(problems));
                continue;
            }
            toPost.add(row);
            entries.add(entry);
        }
        if (toPost.isEmpty()) {
            return 0;
        }
        int posted = 0;
        List<ErpPosting.BatchResult> results = erp.postAll(entries);
        for (int i = 0; i < toPost.size(); i++) {
            LedgerDocument row = toPost.get(i);
            ErpPosting.BatchResult r = results.get(i);
            if (r.failure() == null) {
                ledger.posted(row.id(), r.result().document().documentNumber());
                ledger.event(row.id(), companyUuid, "erp.post", r.result().alreadyPosted() ? "ALREADY_POSTED" : "OK",
                        "document " + r.result().document().documentNumber(), null);
                posted++;
            } else if (r.failure() instanceof ErpException.Permanent p) {
                fail(row, "the ERP refused the posting: " + (p.problems().isEmpty() ? p.getMessage()
                        : text(p.problems())));
            } else if (r.failure() instanceof ErpException.Retriable e) {
                fail(row, "ERP unavailable: " + e.getMessage());
            } else {
                throw r.failure();
            }
        }
        return posted;
    }

    private void quarantine(ExtractJournalBuilder.Format format, BuildResult r) {
        String problems = r.problems().stream().map(Object::toString).collect(Collectors.joining("; "));
        LedgerDocument row = ledger.receive(new PostingLedger.Received(companyUuid, format.name(),
                format == ExtractJournalBuilder.Format.SAE ? "expense" : "invoice", r.key(), null, 1, r.key(), null));
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

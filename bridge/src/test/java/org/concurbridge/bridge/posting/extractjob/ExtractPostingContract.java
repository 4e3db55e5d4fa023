package org.concurbridge.bridge.posting.extractjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.concurbridge.bridge.connect.ConcurClients;
import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.jobs.JobOutcome;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.jobs.RunProgress;
import org.concurbridge.bridge.posting.pipeline.FisPostingJob;
import org.concurbridge.bridge.testsupport.ErpBooks;
import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.LedgerState;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.ledger.ReportClaims;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.extract.FileFault;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code extract-posting} end to end, both editions: the real sandbox over loopback (Extracts v1 and Payment Batches,
 * SAE and PRAE generated from the FIS generator's documents), the real posting ledger and the real SQL adapter.
 * Subclasses choose the database (H2, PostgreSQL). Polling waits advance the sandbox's clock instead of sleeping
 * ({@link SandboxClockSleeper}).
 */
abstract class ExtractPostingContract {

    static final SandboxForTests concur = SandboxClockSleeper.CONCUR;
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;
    static final String STANDARD = SandboxDemo.STANDARD_COMPANY;
    static final List<Duration> WAITS = SandboxClockSleeper.WAITS;

    @Autowired
    ExtractPostingJob job;
    @Autowired
    FisPostingJob fisJob;
    @Autowired
    QuickConnectService quickConnect;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    ConcurClients clients;
    @Autowired
    PostingLedger ledger;
    @Autowired
    ExtractDeliveries deliveries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.concurbridge.bridge.erp.ErpAdapter erp;

    ErpBooks books;

    ConcurSandbox sb() {
        return concur.sandbox();
    }

    @BeforeEach
    void connect() {
        books = new ErpBooks(jdbc);
        WAITS.clear();
        sb().extracts().timing(Duration.ZERO, Duration.ZERO);
        sb().paymentBatches().closeTime(Duration.ZERO);
        for (String company : List.of(COMPANY, STANDARD)) {
            concur.connectOnce(quickConnect, connections, clients, company);
            job.run(company);   // drains what earlier tests left extractable: each test sees only its documents
        }
        WAITS.clear();
    }

    @AfterEach
    void clearFaults() {
        sb().faults().clear();
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    private List<String> generate(long seed, int count, List<FisUseCase> mix) {
        return generate(COMPANY, seed, count, mix);
    }

    private List<String> generate(String company, long seed, int count, List<FisUseCase> mix) {
        List<String> ids = sb().fis().generate(company, seed, count, mix);
        books.knowEverythingIn(ids.stream().map(id -> sb().fis().document(id).toString()).toList(), Set.of());
        return ids;
    }

    private List<LedgerDocument> rows(String source) {
        return rows(COMPANY, source);
    }

    private List<LedgerDocument> rows(String company, String source) {
        List<LedgerDocument> out = new ArrayList<>();
        for (LedgerState s : LedgerState.values()) {
            out.addAll(ledger.list(company, s, 10_000));
        }
        return out.stream().filter(r -> r.source().equals(source)).toList();
    }

    @Test
    void aRunStartsJobsPollsThemAndPostsEveryReportAndInvoiceOnceIntoTheSqlAdapter() {
        sb().extracts().timing(Duration.ofSeconds(30), Duration.ofSeconds(60));
        List<String> ids = generate(101L, 2 * FisUseCase.values().length, List.of());
        int saeBefore = rows("SAE").size();
        int praeBefore = rows("PRAE").size();

        List<RunProgress> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobResult result = job.run(COMPANY, reports::add);

        assertThat(result.outcome()).as(result.message()).isEqualTo(JobOutcome.OK);
        // progress per extract job and file, never per document; the last report holds the run's final figures
        assertThat(reports).extracting(RunProgress::phase).contains("retries posted")
                .anyMatch(p -> p.matches("SAE job \\S+: waiting for the file"))
                .anyMatch(p -> p.matches("SAE job \\S+: posting file \\d"))
                .anyMatch(p -> p.matches("PRAE job \\S+: file \\d posted"))
                .endsWith("done");
        assertThat(reports.size()).isLessThan(ids.size());
        RunProgress last = reports.get(reports.size() - 1);
        assertThat(result.message()).contains("documents=" + last.read() + " posted=" + last.posted()
                + " quarantined=" + last.failed());
        assertThat(last.read()).isEqualTo(ids.size());
        assertThat(WAITS).isNotEmpty().allMatch(d -> d.compareTo(Duration.ofSeconds(40)) <= 0);
        List<LedgerDocument> sae = rows("SAE");
        List<LedgerDocument> prae = rows("PRAE");
        long invoices = ids.stream().filter(id -> sb().fis().document(id).toString().contains("\"requestHeader\""))
                .count();
        assertThat(prae.size() - praeBefore).isEqualTo(invoices);
        assertThat(sae.size() - saeBefore).isEqualTo(ids.size() - invoices);
        for (LedgerDocument row : sae.subList(0, sae.size() - saeBefore)) {
            assertThat(row.state()).as(row.idempotencyKey() + " " + row.errorText()).isEqualTo(LedgerState.POSTED);
            assertThat(books.documents(row.idempotencyKey())).isEqualTo(1);
            assertThat(books.imbalance(row.idempotencyKey())).isZero();
        }
        // the next run finds no new document: nothing more is posted
        int before = books.totalDocuments();
        assertThat(job.run(COMPANY).outcome()).isEqualTo(JobOutcome.OK);
        assertThat(books.totalDocuments()).isEqualTo(before);
    }

    @Test
    void aFileWithWrongControlTotalsIsHeldWholeWithTheReasonAndNothingPosts() {
        generate(102L, 4, List.of(FisUseCase.MILEAGE));
        int before = books.totalDocuments();
        sb().extracts().faultNextJob(COMPANY, FileFault.wrongTotals());

        JobResult result = job.run(COMPANY);

        assertThat(result.outcome()).isEqualTo(JobOutcome.FAILED);
        assertThat(result.message()).contains("held");
        assertThat(books.totalDocuments()).isEqualTo(before);
        assertThat(deliveries.list(COMPANY, 5)).anySatisfy(d -> {
            assertThat(d.state()).isEqualTo(ExtractDeliveries.State.HELD);
            assertThat(d.detail()).contains("JOURNAL_TOTAL_MISMATCH").contains("expected");
        });
    }

    @Test
    void anUnparseableReportIsQuarantinedAndTheOthersPost() {
        List<String> ids = generate(103L, 3, List.of(FisUseCase.MILEAGE));
        String broken = sb().fis().document(ids.get(1)).path("report").path("reportId").asString();
        sb().extracts().faultNextJob(COMPANY, FileFault.badRows(broken));

        JobResult result = job.run(COMPANY);

        assertThat(result.message()).contains("quarantined=1");
        List<LedgerDocument> failed = ledger.list(COMPANY, LedgerState.FAILED, 100);
        assertThat(failed).anySatisfy(r -> assertThat(r.errorText()).contains("quarantined").contains("line"));
        for (String id : List.of(ids.get(0), ids.get(2))) {
            String report = sb().fis().document(id).path("report").path("reportId").asString();
            assertThat(rows("SAE")).anySatisfy(r -> {
                assertThat(r.concurId()).isEqualTo(report);
                assertThat(r.state()).isEqualTo(LedgerState.POSTED);
            });
        }
    }

    @Test
    void aJobThatFailsInConcurIsRecordedAndItsReportsComeWithTheNextJob() {
        List<String> ids = generate(104L, 2, List.of(FisUseCase.CASH));
        sb().extracts().failNextJob(COMPANY);

        JobResult failed = job.run(COMPANY);

        assertThat(failed.outcome()).isEqualTo(JobOutcome.FAILED);
        assertThat(failed.message()).contains("failed in SAP Concur");
        assertThat(deliveries.list(COMPANY, 5)).anyMatch(d -> d.state() == ExtractDeliveries.State.FAILED);
        assertThat(job.run(COMPANY).outcome()).isEqualTo(JobOutcome.OK);
        for (String id : ids) {
            String report = sb().fis().document(id).path("report").path("reportId").asString();
            assertThat(rows("SAE")).anyMatch(r -> report.equals(r.concurId()) && r.state() == LedgerState.POSTED);
        }
    }

    @Test
    void reportsAlreadyPostedThroughFisAreRecognisedAndNotPostedAgain() {
        List<String> ids = generate(105L, 3, List.of(FisUseCase.MILEAGE, FisUseCase.VAT_SINGLE));
        for (int i = 0; i < 5; i++) {
            fisJob.run(COMPANY);
        }
        int before = books.totalDocuments();
        int saeBefore = rows("SAE").size();

        JobResult result = job.run(COMPANY);

        assertThat(result.message()).contains("alreadyPosted=" + ids.size());
        assertThat(rows("SAE")).hasSize(saeBefore);
        assertThat(books.totalDocuments()).isEqualTo(before);
    }

    @Test
    void aReportPostedFromAnExtractIsConfirmedThroughFisWithItsErpDocumentAndNotPostedAgain() {
        List<String> ids = generate(106L, 3, List.of(FisUseCase.MILEAGE, FisUseCase.CASH_ADVANCE_ISSUED,
                FisUseCase.INVOICE));
        assertThat(job.run(COMPANY).outcome()).isEqualTo(JobOutcome.OK);

        for (int i = 0; i < 3; i++) {
            fisJob.run(COMPANY); // the FIS queue also holds what earlier tests left: it is posted or recognised too
        }

        java.util.Set<String> docTypes = new java.util.HashSet<>();
        for (String id : ids) {
            LedgerDocument fis = ledger.bySourceDocId(COMPANY, id).get(0);
            LedgerDocument extract = extractRow(fis.docType(), fis.concurId());
            docTypes.add(fis.docType());
            assertThat(extract.state()).isEqualTo(LedgerState.POSTED);
            assertThat(fis.state()).as(fis.errorText()).isEqualTo(LedgerState.CONFIRMED);
            assertThat(fis.erpDocumentNumber()).isEqualTo(extract.erpDocumentNumber());
            assertThat(ledger.claims().postedAs(List.of(fis.id())).get(fis.id()).id()).isEqualTo(extract.id());
            // the ERP holds one document for the report: the extract's
            assertThat(books.documents(extract.idempotencyKey())).isEqualTo(1);
            assertThat(books.documents(fis.idempotencyKey())).isZero();
            var state = sb().fis().state(id);
            assertThat(state.status()).isEqualTo(org.concurbridge.sandbox.fis.FisStatus.POSTING_CONFIRMED_SUCCESS);
            assertThat(state.postingConfirmations()).hasSize(1);
            assertThat(state.postingConfirmations().get(0).toString()).contains("\"success\"")
                    .contains(extract.erpDocumentNumber());
            assertThat(ledger.events(fis.id())).anySatisfy(e -> assertThat(e.step() + " " + e.detail())
                    .contains("posted.elsewhere").contains(extract.erpDocumentNumber()));
        }
        assertThat(docTypes).containsExactlyInAnyOrder("expense", "cashadvance", "invoice");

        // payment of the report in the ERP (under the extract's key) is confirmed through FIS
        LedgerDocument report = ledger.bySourceDocId(COMPANY, ids.get(0)).get(0);
        LedgerDocument posted = extractRow("expense", report.concurId());
        var status = erp.paymentStatus(List.of(posted.idempotencyKey())).get(posted.idempotencyKey());
        BigDecimal toldBefore = toldPaid(posted);
        books.pay(posted.idempotencyKey(), status.payable(), java.time.LocalDate.of(2026, 3, 2));
        fisJob.run(COMPANY);
        assertThat(ledger.find(report.id()).orElseThrow().state()).isEqualTo(LedgerState.PAYMENT_CONFIRMED);
        // the reconciliation counts the payment once, on the extract row that stands for the report
        assertThat(toldPaid(posted)).isEqualByComparingTo(toldBefore.add(status.payable()));
        assertThat(sb().fis().state(ids.get(0)).paymentConfirmations()).singleElement()
                .satisfies(n -> assertThat(n.toString()).contains("\"CP\"").contains(posted.erpDocumentNumber()));
    }

    /** The reconciliation's "told Concur paid" of the row's posting day and currency (zero without a row). */
    BigDecimal toldPaid(LedgerDocument row) {
        return ledger.daily(COMPANY, row.postingDate(), row.postingDate()).stream()
                .filter(d -> d.currency().equals(row.currency())).map(PostingLedger.DailyTotals::toldPaid)
                .findFirst().orElse(BigDecimal.ZERO);
    }

    @Test
    void theExtractJobAndTheFisJobPostingTheSameReportsAtOnceLeaveOneErpDocumentPerReport() throws Exception {
        List<String> ids = generate(107L, 4, List.of(FisUseCase.MILEAGE, FisUseCase.VAT_SINGLE));
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var extracted = pool.submit(() -> {
                start.await();
                return job.run(COMPANY);
            });
            var fised = pool.submit(() -> {
                start.await();
                return fisJob.run(COMPANY);
            });
            extracted.get();
            fised.get();
        } finally {
            pool.shutdownNow();
        }
        // FIS documents that waited for the extract's posting are retried now
        for (int i = 0; i < 3; i++) {
            for (String id : ids) {
                ledger.bySourceDocId(COMPANY, id).forEach(r -> ledger.retryNow(r.id()));
            }
            fisJob.run(COMPANY);
        }
        for (String id : ids) {
            LedgerDocument fis = ledger.bySourceDocId(COMPANY, id).get(0);
            assertThat(fis.state()).as(fis.errorText()).isEqualTo(LedgerState.CONFIRMED);
            java.util.List<LedgerDocument> extract = rows("SAE").stream()
                    .filter(r -> fis.concurId().equals(r.concurId())).toList();
            int inErp = books.documents(fis.idempotencyKey())
                    + extract.stream().mapToInt(r -> books.documents(r.idempotencyKey())).sum();
            assertThat(inErp).as("ERP documents of report " + fis.concurId()).isEqualTo(1);
            assertThat(sb().fis().state(id).status())
                    .isEqualTo(org.concurbridge.sandbox.fis.FisStatus.POSTING_CONFIRMED_SUCCESS);
        }
    }

    @Test
    void concurrentClaimsOfOneReportFromTwoSourcesLeaveExactlyOneHolder() throws Exception {
        int threads = 8;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        String report = "RACE-" + System.nanoTime();
        List<java.util.concurrent.Future<java.util.Map<String, ReportClaims.Holder>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String key = (i % 2 == 0 ? "sae:B" + i + ":" : "fis:") + report + "#" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return ledger.claims().claimAll(List.of(new ReportClaims.Claim(COMPANY, "expense", report,
                            key)));
                }));
            }
            List<String> holders = new ArrayList<>();
            int winners = 0;
            for (var a : answers) {
                var held = a.get();
                if (held.isEmpty()) {
                    winners++;
                } else {
                    holders.add(held.values().iterator().next().idempotencyKey());
                }
            }
            assertThat(winners).isEqualTo(1);
            assertThat(holders).hasSize(threads - 1).containsOnly(holders.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReportClaimIsTakenOverFromARowThatEndedWithoutAPostingAndKeptByOneStillStanding() {
        String report = "ENDED-" + System.nanoTime();
        LedgerDocument first = ledger.receive(new PostingLedger.Received(COMPANY, PostingLedger.FIS, "expense",
                "doc-" + report, report, 1, "fis:doc-" + report + "@r1", null));
        ReportClaims claims = ledger.claims();
        assertThat(claims.claimAll(List.of(new ReportClaims.Claim(COMPANY, "expense", report,
                first.idempotencyKey())))).isEmpty();

        // still standing (received, to be posted): a second source yields to it
        var held = claims.claimAll(List.of(new ReportClaims.Claim(COMPANY, "expense", report, "sae:B1:" + report)));
        assertThat(held.get("sae:B1:" + report).idempotencyKey()).isEqualTo(first.idempotencyKey());
        assertThat(held.get("sae:B1:" + report).posted()).isFalse();

        // error-confirmed: nothing of it in the ERP, the next row of the report takes the claim over
        ledger.errorConfirmed(first.id(), "unknown account (test)");
        assertThat(claims.claimAll(List.of(new ReportClaims.Claim(COMPANY, "expense", report, "sae:B2:" + report))))
                .isEmpty();
        assertThat(claims.claimAll(List.of(new ReportClaims.Claim(COMPANY, "expense", report,
                first.idempotencyKey()))).get(first.idempotencyKey()).idempotencyKey()).isEqualTo("sae:B2:" + report);
    }

    private LedgerDocument extractRow(String docType, String concurId) {
        List<LedgerDocument> out = new ArrayList<>(rows("SAE"));
        out.addAll(rows("PRAE"));
        return out.stream().filter(r -> r.docType().equals(docType) && concurId.equals(r.concurId())).findFirst()
                .orElseThrow(() -> new AssertionError("no extract row for " + docType + " " + concurId));
    }

    private static final List<FisUseCase> EXPENSES = java.util.Arrays.stream(FisUseCase.values())
            .filter(u -> u != FisUseCase.INVOICE).toList();

    private String reportId(String fisId) {
        var d = sb().fis().document(fisId);
        return d.has("report") ? d.path("report").path("reportId").asString()
                : d.path("cashAdvanceData").path("cashAdvanceId").asString();
    }

    @Test
    void standardRunClosesTheOpenBatchesWaitsForTheCloseAndPostsEveryReportOnce() {
        sb().paymentBatches().closeTime(Duration.ofSeconds(90));
        List<String> ids = generate(STANDARD, 201L, EXPENSES.size(), EXPENSES);
        Set<Long> earlier = new java.util.HashSet<>(deliveries.list(STANDARD, 1000).stream()
                .map(ExtractDeliveries.Delivery::id).toList());

        JobResult result = job.run(STANDARD);

        assertThat(result.outcome()).as(result.message()).isEqualTo(JobOutcome.OK);
        assertThat(WAITS).isNotEmpty();
        for (String id : ids) {
            String report = reportId(id);
            assertThat(rows(STANDARD, "SAE")).as(report).anySatisfy(r -> {
                assertThat(r.concurId()).isEqualTo(report);
                assertThat(r.state()).as(r.errorText()).isEqualTo(LedgerState.POSTED);
                assertThat(books.documents(r.idempotencyKey())).isEqualTo(1);
                assertThat(books.imbalance(r.idempotencyKey())).isZero();
            });
        }
        assertThat(deliveries.list(STANDARD, 1000).stream().filter(d -> !earlier.contains(d.id())).toList())
                .isNotEmpty().allMatch(d -> d.origin() == ExtractDeliveries.Origin.BATCH
                        && d.state() == ExtractDeliveries.State.PROCESSED);
        int before = books.totalDocuments();
        assertThat(job.run(STANDARD).outcome()).isEqualTo(JobOutcome.OK);
        assertThat(books.totalDocuments()).isEqualTo(before);
    }

    @Test
    void aBatchClosedByHandIsNotMissed() {
        List<String> ids = generate(STANDARD, 202L, 2, List.of(FisUseCase.CASH));
        var open = sb().paymentBatches().batches(STANDARD).stream()
                .filter(b -> b.status().equals(org.concurbridge.sandbox.paymentbatch.PaymentBatch.OPEN)
                        && b.count() > 0).findFirst().orElseThrow();
        var closed = sb().paymentBatches().closeByHand(STANDARD, open.currency());

        JobResult result = job.run(STANDARD);

        assertThat(result.outcome()).as(result.message()).isEqualTo(JobOutcome.OK);
        assertThat(deliveries.find(STANDARD, ExtractDeliveries.Origin.BATCH, closed.batchId()))
                .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(ExtractDeliveries.State.PROCESSED));
        for (String id : ids) {
            assertThat(rows(STANDARD, "SAE")).anyMatch(r -> reportId(id).equals(r.concurId())
                    && r.state() == LedgerState.POSTED);
        }
    }

    @Test
    void aStandardBatchFileThatIsTruncatedIsHeldAndNothingPosts() {
        generate(STANDARD, 203L, 3, List.of(FisUseCase.MILEAGE));
        sb().paymentBatches().faultNextBatch(STANDARD, FileFault.truncated());
        int before = books.totalDocuments();

        JobResult result = job.run(STANDARD);

        assertThat(result.outcome()).isEqualTo(JobOutcome.FAILED);
        assertThat(result.message()).contains("held").contains("TRUNCATED");
        assertThat(books.totalDocuments()).isEqualTo(before);
    }

    @Test
    void aStartedJobLeftByACrashIsResumedAndAFileFetchedTwicePostsOnce() {
        generate(104L, 2, List.of(FisUseCase.MILEAGE));
        String jobId = sb().extracts().startJob(COMPANY, "Standard Accounting Extract");
        var jobs = clients.client(COMPANY).extracts().jobs(clients.client(COMPANY).extracts()
                .definitionNamed("Standard Accounting Extract").orElseThrow());
        var started = jobs.stream().filter(j -> j.id().contains(jobId)).findFirst().orElseThrow();
        deliveries.started(COMPANY, ExtractDeliveries.Origin.JOB, started.id(), "Standard Accounting Extract", "SAE",
                started.startTime());   // the crash: recorded as started, never processed

        JobResult result = job.run(COMPANY);

        assertThat(result.outcome()).as(result.message()).isEqualTo(JobOutcome.OK);
        assertThat(deliveries.find(COMPANY, ExtractDeliveries.Origin.JOB, started.id()))
                .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(ExtractDeliveries.State.PROCESSED));
        // the same file once more, as if fetched twice: every report is found in the ledger, nothing posts
        java.nio.file.Path file = java.nio.file.Path.of("target/extract-posting-it/twice.csv");
        clients.client(COMPANY).extracts().download(clients.client(COMPANY).extracts().status(started), file);
        int before = books.totalDocuments();
        var again = new org.concurbridge.bridge.posting.extractjob.ExtractPoster(COMPANY, erp, ledger,
                org.concurbridge.bridge.posting.mapping.PostingMapping.none(), java.time.Clock.systemUTC(), false,
                Duration.ofSeconds(30)).post(org.concurbridge.bridge.posting.extract.ExtractJournalBuilder.Format.SAE,
                file, false);
        assertThat(again.held()).isFalse();
        assertThat(again.counts().posted()).isZero();
        assertThat(books.totalDocuments()).isEqualTo(before);
    }

    @Test
    void aRunThatStopsHalfWayThroughAFileLeavesWholeChunksAndTheNextPostsTheRestOnce() throws Exception {
        List<String> ids = generate(108L, 5, List.of(FisUseCase.MILEAGE));
        Set<String> reports = new java.util.HashSet<>(ids.stream().map(this::reportId).toList());
        java.nio.file.Path file = java.nio.file.Path.of("target/extract-posting-it/half-way.csv");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, sb().extracts().jobFile(sb().extracts().startJob(COMPANY,
                "Standard Accounting Extract")));
        String batch = new org.concurbridge.bridge.posting.extract.ExtractJournalBuilder(
                org.concurbridge.bridge.posting.mapping.PostingMapping.none()).check(
                org.concurbridge.bridge.posting.extract.ExtractJournalBuilder.Format.SAE,
                org.concurbridge.bridge.posting.extract.ExtractJournalBuilder.Source.of(file)).batchId();
        int[] calls = {0};
        org.concurbridge.bridge.erp.ErpAdapter crashing = (org.concurbridge.bridge.erp.ErpAdapter)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[]{org.concurbridge.bridge.erp.ErpAdapter.class}, (proxy, method, args) -> {
                            if (method.getName().equals("postAll") && ++calls[0] == 2) {
                                throw new IllegalStateException("the process dies during the second chunk");
                            }
                            try {
                                return method.invoke(erp, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        int before = books.totalDocuments();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> poster(crashing).post(
                org.concurbridge.bridge.posting.extract.ExtractJournalBuilder.Format.SAE, file, false))
                .hasMessageContaining("dies");

        java.util.function.Supplier<List<LedgerDocument>> ours = () -> rows("SAE").stream()
                .filter(r -> reports.contains(r.concurId())
                        && r.idempotencyKey().startsWith("sae:" + COMPANY + ":" + batch + ":"))
                .toList();
        assertThat(ours.get()).hasSize(4);   // chunks 1 and 2 were received, chunk 3 never read
        assertThat(ours.get()).filteredOn(r -> r.state() == LedgerState.POSTED).hasSize(2);
        assertThat(books.totalDocuments()).isEqualTo(before + 2);

        List<ExtractDeliveries.Counts> chunks = new ArrayList<>();
        var outcome = poster(erp).post(org.concurbridge.bridge.posting.extract.ExtractJournalBuilder.Format.SAE,
                file, false, chunks::add);

        assertThat(outcome.counts().posted()).isEqualTo(3);
        // the counts so far after each chunk (for the run's progress), the last equal to the outcome
        assertThat(chunks).extracting(ExtractDeliveries.Counts::documents).containsExactly(2, 4, 5);
        assertThat(chunks.get(2)).isEqualTo(outcome.counts());
        assertThat(ours.get()).hasSize(5).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(LedgerState.POSTED);
            assertThat(books.documents(r.idempotencyKey())).isEqualTo(1);
        });
        assertThat(books.totalDocuments()).isEqualTo(before + 5);
    }

    /** Two reports per chunk, so that five reports take three chunks. */
    private ExtractPoster poster(org.concurbridge.bridge.erp.ErpAdapter to) {
        return new ExtractPoster(COMPANY, to, ledger, org.concurbridge.bridge.posting.mapping.PostingMapping.none(),
                java.time.Clock.systemUTC(), false, Duration.ofSeconds(30), 2);
    }
}

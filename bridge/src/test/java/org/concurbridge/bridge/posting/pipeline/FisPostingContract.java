package org.concurbridge.bridge.posting.pipeline;

import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.connect.ConcurClients;
import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.jobs.JobOutcome;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.LedgerState;
import org.concurbridge.bridge.posting.ledger.PaymentLedger;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.posting.FisExamples;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.store.ConnectionState;
import org.concurbridge.bridge.testsupport.ErpBooks;
import org.concurbridge.bridge.testsupport.JournalNets;
import org.concurbridge.bridge.testsupport.LogCapture;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.client.Secret;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.RecordedRequest;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.faults.FaultRule;
import org.concurbridge.sandbox.fis.ExpectedJournal;
import org.concurbridge.sandbox.fis.FisDocType;
import org.concurbridge.sandbox.fis.FisDocumentState;
import org.concurbridge.sandbox.fis.FisStatus;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The posting pipeline end to end: the real sandbox over loopback (FIS v4), the real posting ledger and the real SQL
 * adapter (ERP tables) on the store database. Subclasses choose the database (H2, PostgreSQL).
 */
abstract class FisPostingContract {
    static final SandboxForTests concur = new SandboxForTests();
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;

    @Autowired
    FisPostingJob job;
    @Autowired
    QuickConnectService quickConnect;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    ConcurClients clients;
    @Autowired
    PostingLedger ledger;
    @Autowired
    ConnectionMappings mappings;
    @Autowired
    ErpAdapter erp;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    BridgeProperties properties;

    ErpBooks books;

    ConcurSandbox sb() {
        return concur.sandbox();
    }

    @BeforeEach
    void connect() {
        books = new ErpBooks(jdbc);
        sb().clearRequests();
        concur.connectOnce(quickConnect, connections, clients, COMPANY);
    }

    @AfterEach
    void clearFaults() {
        jdbc.sql("delete from posting_mappings").update();
        sb().faults().clear();
        sb().fis().latency(Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    FisRuns runs() {
        return new FisRuns(job, sb(), ledger, COMPANY);
    }

    JobResult drain() {
        return runs().drain();
    }

    List<String> jsons(List<String> ids) {
        return runs().jsons(ids);
    }

    LedgerDocument row(String docId) {
        return runs().row(docId);
    }

    @Test
    void everyGeneratedUseCasePostsOnceWithTheExpectedJournalAndIsConfirmed() {
        List<String> ids = sb().fis().generate(COMPANY, 11L, 2 * FisUseCase.values().length, List.of());
        books.knowEverythingIn(jsons(ids), Set.of());

        JobResult result = drain();

        assertThat(result.outcome()).as(result.message()).isEqualTo(JobOutcome.OK);
        for (String id : ids) {
            LedgerDocument row = row(id);
            FisDocumentState state = sb().fis().state(id);
            ExpectedJournal expected = sb().fis().expectedJournal(id).orElseThrow();
            assertThat(row.state()).as(id + " " + expected.useCase() + " " + row.errorText())
                    .isEqualTo(LedgerState.CONFIRMED);
            assertThat(state.status()).as(id).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
            assertThat(state.postingConfirmations().get(0).toString()).contains(row.erpDocumentNumber());
            assertThat(books.documents(row.idempotencyKey())).isEqualTo(1);
            assertThat(books.nets(row.idempotencyKey())).as(expected.useCase().catalogueId())
                    .isEqualTo(JournalNets.of(expected));
            assertThat(books.imbalance(row.idempotencyKey())).isZero();
        }
        // a second run changes nothing
        int before = books.totalDocuments();
        assertThat(job.run(COMPANY).message()).startsWith("received 0, acknowledged 0, posted 0");
        assertThat(books.totalDocuments()).isEqualTo(before);
    }

    static final String FIS = "/financialintegration/fi/v4/companies/transactiontypes/*/transactions";

    /** How many requests to the FIS route ({@code acknowledgements}, …) named the document: what was sent. */
    long sent(String route, String docId) {
        return sb().requests().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/" + route)
                && r.body() != null && r.body().contains(docId)).count();
    }

    /** The documents named by the first request to the FIS route (the one a {@code times(1)} fault hit). */
    List<String> inFirst(String route, List<String> ids) {
        RecordedRequest first = sb().requests().stream().filter(r -> r.method().equals("POST")
                && r.path().endsWith("/" + route)).findFirst().orElseThrow();
        return ids.stream().filter(first.body()::contains).toList();
    }

    /** Each document: one ERP document with the generator's nets, confirmed once with its number, CONFIRMED. */
    void postedOnceAsExpected(List<String> ids) {
        for (String id : ids) {
            LedgerDocument row = row(id);
            FisDocumentState state = sb().fis().state(id);
            assertThat(row.state()).as(id + " " + row.errorText()).isEqualTo(LedgerState.CONFIRMED);
            assertThat(state.status()).as(id).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
            assertThat(state.postingConfirmations()).as(id).hasSize(1);
            assertThat(state.postingConfirmations().get(0).toString()).contains(row.erpDocumentNumber());
            assertThat(books.documents(row.idempotencyKey())).as(id).isEqualTo(1);
            assertThat(books.nets(row.idempotencyKey())).as(id)
                    .isEqualTo(JournalNets.of(sb().fis().expectedJournal(id).orElseThrow()));
        }
    }

    @Test
    void anAcknowledgementWhoseAnswerIsLostIsSentAgainAndEachDocumentIsPostedAndConfirmedOnce() {
        List<String> ids = sb().fis().generate(COMPANY, 81L, 6, List.of(FisUseCase.MILEAGE));
        books.knowEverythingIn(jsons(ids), Set.of());
        // Concur acknowledges the first page, then the connection drops before its answer
        sb().faults().add(FaultRule.on("POST", FIS + "/acknowledgements").loseAnswer().times(1));

        drain();

        assertThat(sb().faults().list()).singleElement().satisfies(f -> assertThat(f.fired()).isEqualTo(1));
        List<String> lost = inFirst("acknowledgements", ids);
        assertThat(lost).isNotEmpty();
        for (String id : ids) {
            assertThat(sent("acknowledgements", id)).as("acknowledgements sent for " + id)
                    .isEqualTo(lost.contains(id) ? 2 : 1);
            assertThat(sent("postingconfirmations", id)).as("posting confirmations sent for " + id).isEqualTo(1);
        }
        postedOnceAsExpected(ids);
    }

    @Test
    void aPostingConfirmationWhoseAnswerIsLostIsSentAgainWithTheSameNumberAndNothingIsPostedTwice() {
        List<String> ids = sb().fis().generate(COMPANY, 82L, 6, List.of(FisUseCase.MILEAGE));
        books.knowEverythingIn(jsons(ids), Set.of());
        // Concur records the first confirmation, then the connection drops before its answer
        sb().faults().add(FaultRule.on("POST", FIS + "/postingconfirmations").loseAnswer().times(1));

        drain();

        assertThat(sb().faults().list()).singleElement().satisfies(f -> assertThat(f.fired()).isEqualTo(1));
        List<String> lost = inFirst("postingconfirmations", ids);
        assertThat(lost).isNotEmpty();
        for (String id : ids) {
            assertThat(sent("acknowledgements", id)).as("acknowledgements sent for " + id).isEqualTo(1);
            assertThat(sent("postingconfirmations", id)).as("posting confirmations sent for " + id)
                    .isEqualTo(lost.contains(id) ? 2 : 1);
        }
        for (String id : lost) {
            List<String> bodies = sb().requests().stream().filter(r -> r.path().endsWith("/postingconfirmations")
                    && r.body().contains(id)).map(RecordedRequest::body).toList();
            assertThat(bodies.get(1)).as("the same confirmation again").contains(row(id).erpDocumentNumber());
        }
        postedOnceAsExpected(ids);
    }

    @Test
    void everyOfficialExampleDocumentPostsAsBuiltAndIsConfirmed() {
        List<String> ids = sb().fis().loadFixtures(COMPANY, FisExamples.DIR);
        books.knowEverythingIn(jsons(ids), Set.of());

        drain();

        assertThat(ids).hasSizeGreaterThanOrEqualTo(30);
        for (String id : ids) {
            LedgerDocument row = row(id);
            assertThat(row.state()).as(id + " " + row.errorText()).isEqualTo(LedgerState.CONFIRMED);
            assertThat(sb().fis().state(id).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
            assertThat(books.documents(row.idempotencyKey())).isEqualTo(1);
            assertThat(books.imbalance(row.idempotencyKey())).isZero();
            var built = new org.concurbridge.bridge.posting.fis.FisJournalBuilder(PostingMapping.none())
                    .build(FisExamples.parse(sb().fis().document(id).toString())).document();
            assertThat(books.nets(row.idempotencyKey())).as(id).isEqualTo(JournalNets.ofLines(built.lines()));
        }
    }

    @Test
    void documentsConcurServesAgainAfterTheyWereConfirmedAreConfirmedAgainWithTheirErpDocumentAndNotPostedTwice() {
        List<String> ids = sb().fis().generate(COMPANY, 23L, 3, List.of(FisUseCase.MILEAGE));
        books.knowEverythingIn(jsons(ids), Set.of());
        String bad = sb().fis().add(COMPANY, FisDocType.EXPENSE, sb().fis().document(ids.get(0)).toString()
                .replaceFirst("\"totalApprovedAmount\":\\s*[0-9.]+", "\"totalApprovedAmount\":\"lots\"")).get(0);
        drain();
        assertThat(sb().fis().state(bad).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_FAILURE);
        int before = books.totalDocuments();
        // Concur loses what it was told (a restored tenant): the documents are ready for pickup again
        for (String id : ids) {
            sb().fis().setStatus(id, FisStatus.READY);
        }
        sb().fis().setStatus(bad, FisStatus.READY);

        JobResult again = drain();

        assertThat(again.outcome()).as(again.message()).isEqualTo(JobOutcome.OK);
        assertThat(again.message()).contains("served again and confirmed again 4").contains("posted 0");
        assertThat(books.totalDocuments()).isEqualTo(before);
        for (String id : ids) {
            LedgerDocument row = row(id);
            FisDocumentState state = sb().fis().state(id);
            assertThat(row.state()).isEqualTo(LedgerState.CONFIRMED);
            assertThat(state.status()).as(id).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
            assertThat(state.postingConfirmations()).hasSize(2)
                    .allSatisfy(c -> assertThat(c.toString()).contains(row.erpDocumentNumber()));
            assertThat(books.documents(row.idempotencyKey())).isEqualTo(1);
        }
        assertThat(sb().fis().state(bad).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_FAILURE);
        assertThat(sb().fis().state(bad).postingConfirmations()).hasSize(2)
                .allSatisfy(c -> assertThat(c.toString()).contains("totalApprovedAmount"));
    }

    @Test
    void malformedDocumentGetsAnErrorConfirmationNamingTheFieldAndTheRestOfThePageProceeds() {
        List<String> good = sb().fis().generate(COMPANY, 21L, 3, List.of(FisUseCase.MILEAGE));
        books.knowEverythingIn(jsons(good), Set.of());
        var bad = sb().fis().document(sb().fis().generate(COMPANY, 22L, 1, List.of(FisUseCase.MILEAGE)).get(0));
        String badJson = bad.toString().replaceFirst("\"totalApprovedAmount\":\\s*[0-9.]+",
                "\"totalApprovedAmount\":\"lots\"");
        String badId = sb().fis().add(COMPANY, FisDocType.EXPENSE, badJson).get(0);
        String unbalanced = bad.toString().replaceFirst("\"totalApprovedAmount\":\\s*[0-9.]+",
                "\"totalApprovedAmount\":999999.99");
        String unbalancedId = sb().fis().add(COMPANY, FisDocType.EXPENSE, unbalanced).get(0);

        drain();

        FisDocumentState badState = sb().fis().state(badId);
        assertThat(badState.status()).isEqualTo(FisStatus.POSTING_CONFIRMED_FAILURE);
        assertThat(badState.postingConfirmations().get(0).toString()).contains("report.totalApprovedAmount");
        assertThat(row(badId).state()).isEqualTo(LedgerState.ERROR_CONFIRMED);
        assertThat(sb().fis().state(unbalancedId).postingConfirmations().get(0).toString())
                .contains("report.totalApprovedAmount").contains("999999.99");
        assertThat(books.documents(row(badId).idempotencyKey())).isZero();
        for (String id : good) {
            assertThat(sb().fis().state(id).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
        }
    }

    @Test
    void unknownAccountOrInactiveCostObjectGetsAnErrorConfirmationNamingItAndLine() {
        List<String> ids = sb().fis().generate(COMPANY, 31L, 1, List.of(FisUseCase.MILEAGE));
        String account = sb().fis().expectedJournal(ids.get(0)).orElseThrow().lines().get(0).account();
        List<String> allocated = sb().fis().generate(COMPANY, 32L, 1, List.of(FisUseCase.ALLOCATION));
        books.knowEverythingIn(jsons(List.of(ids.get(0), allocated.get(0))), Set.of());
        mappings.set(COMPANY, "accounts:\n  \"" + account + "\": \"9999-NOT-IN-ERP\"\n", "test");
        var costObjects = sb().fis().expectedJournal(allocated.get(0)).orElseThrow().lines().get(0).costObjects();
        var first = costObjects.entrySet().iterator().next();
        books.deactivateCostObject(first.getKey(), first.getValue());

        drain();

        String message = sb().fis().state(ids.get(0)).postingConfirmations().get(0).toString();
        assertThat(message).contains("unknown account 9999-NOT-IN-ERP on line 1");
        assertThat(sb().fis().state(ids.get(0)).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_FAILURE);
        assertThat(sb().fis().state(allocated.get(0)).postingConfirmations().get(0).toString())
                .contains("cost object is inactive " + first.getKey() + ":" + first.getValue());
        assertThat(row(allocated.get(0)).state()).isEqualTo(LedgerState.ERROR_CONFIRMED);
        assertThat(books.documents(row(ids.get(0)).idempotencyKey())).isZero();
    }

    @Test
    void erpDownMeansNoConfirmationAndARetryWithBackoffThatPostsOnce() {
        List<String> ids = sb().fis().generate(COMPANY, 41L, 4, List.of());
        books.knowEverythingIn(jsons(ids), Set.of());
        AtomicBoolean down = new AtomicBoolean(true);
        ErpAdapter flaky = failingWhile(down);
        Duration backoff = Duration.ofMillis(1);
        FisPostingPipeline.Stats first = pipeline(flaky, backoff).run();

        assertThat(first.failed()).isEqualTo(4);
        for (String id : ids) {
            assertThat(sb().fis().state(id).status()).isEqualTo(FisStatus.ACKNOWLEDGED);
            assertThat(row(id).state()).isEqualTo(LedgerState.FAILED);
            assertThat(row(id).nextAttemptAt()).isAfter(row(id).updatedAt().minusMillis(1));
            assertThat(row(id).errorText()).contains("ERP unavailable");
        }
        down.set(false);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> !ledger.due(COMPANY, PostingLedger.FIS, 10).isEmpty());
        pipeline(flaky, backoff).run();
        for (String id : ids) {
            assertThat(sb().fis().state(id).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
            assertThat(books.documents(row(id).idempotencyKey())).isEqualTo(1);
            assertThat(row(id).attempts()).isEqualTo(1);
        }
    }

    @Test
    void recallBeforeAcknowledgementPostsNothingAndRecallAfterPostingReversesIt() {
        List<String> ids = sb().fis().generate(COMPANY, 51L, 2, List.of(FisUseCase.CASH));
        books.knowEverythingIn(jsons(ids), Set.of());
        // the bridge recorded the first one, then stopped before acknowledging; a processor recalled it meanwhile
        String early = ids.get(0);
        ledger.receive(new PostingLedger.Received(COMPANY, PostingLedger.FIS, "expense", early, null, 1,
                FisPostingPipeline.keyOf(early, 1), ""));
        sb().fis().recall(early);
        // the second was acknowledged and posted, then recalled before the confirmation went out
        AtomicBoolean down = new AtomicBoolean(false);
        String late = ids.get(1);
        ErpAdapter recallingAfterPost = recallAfterPost(late);

        pipeline(recallingAfterPost, Duration.ofMillis(1)).run();

        assertThat(row(early).state()).isEqualTo(LedgerState.RECALLED);
        assertThat(books.documents(FisPostingPipeline.keyOf(early, 1))).isZero();
        LedgerDocument lateRow = row(late);
        assertThat(lateRow.state()).as(lateRow.errorText()).isEqualTo(LedgerState.REVERSED);
        assertThat(books.documents(lateRow.idempotencyKey())).isEqualTo(1);
        assertThat(books.reversesKey(lateRow.idempotencyKey() + "#recall")).isEqualTo(lateRow.idempotencyKey());
        assertThat(books.nets(lateRow.idempotencyKey()).values().stream().map(BigDecimal::negate).toList())
                .isEqualTo(books.nets(lateRow.idempotencyKey() + "#recall").values().stream().toList());
        assertThat(down).isFalse();
    }

    @Test
    void reApprovedReportReversesTheEarlierPostingAndPostsTheNewRevisionBothLinked() {
        List<String> ids = sb().fis().generate(COMPANY, 61L, 1, List.of(FisUseCase.VAT_SINGLE));
        books.knowEverythingIn(jsons(ids), Set.of());
        drain();
        LedgerDocument first = row(ids.get(0));
        assertThat(first.state()).isEqualTo(LedgerState.CONFIRMED);

        sb().fis().recall(ids.get(0));
        String again = sb().fis().reapprove(ids.get(0));
        drain();

        LedgerDocument second = row(again);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.state()).isEqualTo(LedgerState.CONFIRMED);
        assertThat(second.supersedesId()).isEqualTo(first.id());
        LedgerDocument old = ledger.find(first.id()).orElseThrow();
        assertThat(old.state()).isEqualTo(LedgerState.SUPERSEDED);
        assertThat(old.reversalDocumentNumber()).isNotBlank();
        assertThat(books.reversesKey(first.idempotencyKey() + "#superseded")).isEqualTo(first.idempotencyKey());
        assertThat(books.documents(second.idempotencyKey())).isEqualTo(1);
        assertThat(sb().fis().state(again).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
    }

    @Test
    void paymentIsConfirmedOnceTheErpPaysTheEmployee() {
        List<String> ids = sb().fis().generate(COMPANY, 71L, 2, List.of(FisUseCase.MILEAGE));
        books.knowEverythingIn(jsons(ids), Set.of());
        drain();
        LedgerDocument paid = row(ids.get(0));
        BigDecimal payable = erp.paymentStatus(List.of(paid.idempotencyKey())).get(paid.idempotencyKey()).payable();
        books.pay(paid.idempotencyKey(), payable, LocalDate.now(clock));

        job.run(COMPANY);

        assertThat(row(ids.get(0)).state()).isEqualTo(LedgerState.PAYMENT_CONFIRMED);
        FisDocumentState state = sb().fis().state(ids.get(0));
        assertThat(state.status()).isEqualTo(FisStatus.PAYMENT_CONFIRMED_SUCCESS);
        assertThat(state.paymentConfirmations().get(0).toString()).contains(payable.stripTrailingZeros().toPlainString());
        assertThat(row(ids.get(1)).state()).isEqualTo(LedgerState.CONFIRMED);
        assertThat(sb().fis().state(ids.get(1)).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
    }

    /** A generated mileage report, posted and confirmed by the job: its FIS id, ledger row and ERP payable. */
    record PostedReport(String id, LedgerDocument row, BigDecimal payable) {
    }

    PostedReport postedMileageReport(long seed) {
        List<String> ids = sb().fis().generate(COMPANY, seed, 1, List.of(FisUseCase.MILEAGE));
        books.knowEverythingIn(jsons(ids), Set.of());
        drain();
        LedgerDocument doc = row(ids.get(0));
        String key = doc.idempotencyKey();
        return new PostedReport(ids.get(0), doc, erp.paymentStatus(List.of(key)).get(key).payable());
    }

    @Test
    void partialPaymentsAreConfirmedPpOncePerChangeOfThePaidAmountThenCp() {
        PostedReport posted = postedMileageReport(73L);
        List<String> ids = List.of(posted.id());
        LedgerDocument doc = posted.row();
        String key = doc.idempotencyKey();
        BigDecimal payable = posted.payable();
        BigDecimal first = payable.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN);
        BigDecimal second = payable.subtract(first).divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN);
        BigDecimal rest = payable.subtract(first).subtract(second);
        LocalDate today = LocalDate.now(clock);

        books.pay(key, first, today.minusDays(2));
        job.run(COMPANY);
        job.run(COMPANY); // the paid amount did not change: nothing more is sent
        assertThat(sb().fis().state(ids.get(0)).paymentConfirmations()).hasSize(1);
        assertThat(row(ids.get(0)).state()).isEqualTo(LedgerState.CONFIRMED);

        books.pay(key, second, today.minusDays(1));
        job.run(COMPANY);
        books.pay(key, rest, today);
        job.run(COMPANY);
        job.run(COMPANY);

        List<JsonNode> sent = sb().fis().state(ids.get(0)).paymentConfirmations();
        assertThat(sent).extracting(n -> n.get("processingStatusCode").asString()).containsExactly("PP", "PP", "CP");
        assertThat(sent).extracting(n -> n.get("clearingDetails").get(0).get("clearingAmount").decimalValue()
                .setScale(2)).containsExactly(first, second, rest.setScale(2));
        assertThat(sent).extracting(n -> n.get("clearingDetails").get(0).get("clearingDate").asString())
                .containsExactly(today.minusDays(2) + "T00:00:00.000Z", today.minusDays(1) + "T00:00:00.000Z",
                        today + "T00:00:00.000Z");
        assertThat(sent).extracting(n -> n.get("clearingDetails").get(0).get("clearingReference").get("paymentRef")
                .asString()).doesNotHaveDuplicates()
                .allSatisfy(ref -> assertThat(ref).contains("/" + doc.erpDocumentNumber() + "/"));
        assertThat(sb().fis().state(ids.get(0)).status()).isEqualTo(FisStatus.PAYMENT_CONFIRMED_SUCCESS);

        assertThat(row(ids.get(0)).state()).isEqualTo(LedgerState.PAYMENT_CONFIRMED);
        List<PaymentLedger.Payment> recorded = ledger.payments().byDocuments(List.of(doc.id()), null);
        assertThat(recorded).extracting(PaymentLedger.Payment::status).containsExactly("PP", "PP", "CP");
        assertThat(recorded).allSatisfy(p -> assertThat(p.state()).isEqualTo(PaymentLedger.State.ACCEPTED));
        assertThat(recorded).extracting(p -> p.paidTotal().setScale(2)).containsExactly(first,
                first.add(second), payable.setScale(2));
        assertThat(ledger.payments().paidConfirmed(List.of(doc.id())).get(doc.id())).isEqualByComparingTo(payable);
        assertThat(ledger.events(doc.id())).filteredOn(e -> e.step().equals("fis.confirmPayment")).hasSize(3);
    }

    @Test
    void aPaymentConfirmationWhoseAnswerWasLostIsSentAgainWithTheSameReferenceAndCountedOnce() {
        PostedReport posted = postedMileageReport(74L);
        List<String> ids = List.of(posted.id());
        LedgerDocument doc = posted.row();
        BigDecimal payable = posted.payable();
        books.pay(doc.idempotencyKey(), BigDecimal.ONE, LocalDate.now(clock));
        // Concur records the PP, then the connection drops before its answer
        runs().runLosingOnePaymentConfirmationAnswer();

        assertThat(sb().fis().state(ids.get(0)).paymentConfirmations()).hasSize(1);
        String ref = sb().fis().state(ids.get(0)).paymentConfirmations().get(0).get("clearingDetails").get(0)
                .get("clearingReference").get("paymentRef").asString();
        assertThat(sb().requests()).filteredOn(r -> r.path().endsWith("/paymentconfirmations"))
                .as("the PP sent, its answer lost, sent again with the same paymentRef " + ref)
                .hasSize(2).allSatisfy(r -> assertThat(r.body()).contains(ids.get(0)).contains(ref));
        List<PaymentLedger.Payment> recorded = ledger.payments().byDocuments(List.of(doc.id()), null);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).state()).isEqualTo(PaymentLedger.State.ACCEPTED);
        assertThat(recorded.get(0).clearingAmount()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(row(ids.get(0)).state()).isEqualTo(LedgerState.CONFIRMED);

        books.pay(doc.idempotencyKey(), payable.subtract(BigDecimal.ONE), LocalDate.now(clock));
        job.run(COMPANY);
        assertThat(sb().fis().state(ids.get(0)).paymentConfirmations()).extracting(
                n -> n.get("processingStatusCode").asString()).containsExactly("PP", "CP");
        assertThat(row(ids.get(0)).state()).isEqualTo(LedgerState.PAYMENT_CONFIRMED);
    }

    @Test
    void aPaymentReversedInTheErpIsSentReWithTheReasonOnceEvenIfItsAnswerIsLostThenThePaymentAgainCp() {
        PostedReport posted = postedMileageReport(75L);
        List<String> ids = List.of(posted.id());
        LedgerDocument doc = posted.row();
        String key = doc.idempotencyKey();
        BigDecimal payable = posted.payable();
        LocalDate today = LocalDate.now(clock);
        books.pay(key, payable, today);
        job.run(COMPANY);
        assertThat(row(ids.get(0)).state()).isEqualTo(LedgerState.PAYMENT_CONFIRMED);
        BigDecimal toldPaidWhenPaid = toldPaid(doc);

        // the payment bounces: the ERP books it back; Concur records the RE but its answer is lost (as if the bridge
        // stopped between the call and the ledger write)
        books.pay(key, payable.negate(), today);
        runs().runLosingOnePaymentConfirmationAnswer();
        job.run(COMPANY); // the paid amount did not change again: nothing more is sent

        List<JsonNode> sent = sb().fis().state(ids.get(0)).paymentConfirmations();
        assertThat(sent).extracting(n -> n.get("processingStatusCode").asString()).containsExactly("CP", "RE");
        JsonNode re = sent.get(1);
        assertThat(re.get("additionalMessage").asString()).contains(doc.erpDocumentNumber())
                .contains("went from " + payable.stripTrailingZeros().toPlainString() + " to 0");
        assertThat(re.get("clearingDetails").get(0).get("clearingAmount").decimalValue()).isEqualByComparingTo(payable);
        assertThat(sb().fis().state(ids.get(0)).status()).isEqualTo(FisStatus.PAYMENT_CONFIRMED_REVERSED);
        LedgerDocument reversed = row(ids.get(0));
        assertThat(reversed.state()).isEqualTo(LedgerState.CONFIRMED);
        assertThat(reversed.paidAt()).isNull();
        List<PaymentLedger.Payment> recorded = ledger.payments().byDocuments(List.of(doc.id()), null);
        assertThat(recorded).extracting(PaymentLedger.Payment::status).containsExactly("CP", "RE");
        assertThat(recorded).allSatisfy(p -> assertThat(p.state()).isEqualTo(PaymentLedger.State.ACCEPTED));
        assertThat(recorded.get(1).message()).isEqualTo(re.get("additionalMessage").asString());
        assertThat(ledger.payments().paidConfirmed(List.of(doc.id())).get(doc.id())).isZero();
        assertThat(toldPaid(doc)).isEqualByComparingTo(toldPaidWhenPaid.subtract(payable));
        assertThat(ledger.partlyPaid(COMPANY, doc.postingDate(), doc.postingDate())).extracting(LedgerDocument::id)
                .contains(doc.id());

        // paid again: CP again (FIS takes a new payment after a reversal)
        books.pay(key, payable, today.plusDays(1));
        job.run(COMPANY);
        assertThat(sb().fis().state(ids.get(0)).paymentConfirmations()).extracting(
                n -> n.get("processingStatusCode").asString()).containsExactly("CP", "RE", "CP");
        assertThat(sb().fis().state(ids.get(0)).status()).isEqualTo(FisStatus.PAYMENT_CONFIRMED_SUCCESS);
        assertThat(row(ids.get(0)).state()).isEqualTo(LedgerState.PAYMENT_CONFIRMED);
        assertThat(ledger.payments().paidConfirmed(List.of(doc.id())).get(doc.id())).isEqualByComparingTo(payable);
        assertThat(toldPaid(doc)).isEqualByComparingTo(toldPaidWhenPaid);
        assertThat(ledger.partlyPaid(COMPANY, doc.postingDate(), doc.postingDate())).extracting(LedgerDocument::id)
                .doesNotContain(doc.id());
    }

    @Test
    void aReversalConcurRefusesWith213IsRecordedRejectedOnceAndTheDocumentStaysPaid() {
        PostedReport posted = postedMileageReport(76L);
        List<String> ids = List.of(posted.id());
        LedgerDocument doc = posted.row();
        String key = doc.idempotencyKey();
        BigDecimal payable = posted.payable();
        books.pay(key, payable, LocalDate.now(clock));
        job.run(COMPANY);
        sb().fis().setStatus(ids.get(0), FisStatus.PAYMENT_CONFIRMED_OBSOLETE); // a final state: 213 to anything

        books.pay(key, payable.negate(), LocalDate.now(clock));
        job.run(COMPANY);
        job.run(COMPANY); // the same decrease is not sent again every run

        List<PaymentLedger.Payment> recorded = ledger.payments().byDocuments(List.of(doc.id()), null);
        assertThat(recorded).extracting(PaymentLedger.Payment::status).containsExactly("CP", "RE");
        assertThat(recorded.get(1).state()).isEqualTo(PaymentLedger.State.REJECTED);
        assertThat(recorded.get(1).outcome()).startsWith("213");
        assertThat(row(ids.get(0)).state()).isEqualTo(LedgerState.PAYMENT_CONFIRMED);
        assertThat(ledger.payments().paidConfirmed(List.of(doc.id())).get(doc.id())).isEqualByComparingTo(payable);
        assertThat(ledger.events(doc.id())).filteredOn(e -> e.step().equals("fis.confirmPayment")).hasSize(2);
    }

    /** The reconciliation's "told Concur paid" of the document's posting day and currency. */
    BigDecimal toldPaid(LedgerDocument doc) {
        return ledger.daily(COMPANY, doc.postingDate(), doc.postingDate()).stream()
                .filter(d -> d.currency().equals(doc.currency())).findFirst().orElseThrow().toldPaid();
    }

    /**
     * Two pages of documents Concur serves again (confirmed here already), new documents behind them: each served-again
     * page is acknowledged again before the next page is read, so none comes back in it, and the whole queue is
     * confirmed in one run without a fis_queue_stuck warning and without posting anything twice.
     */
    @Test
    void documentsServedAgainAreAcknowledgedBeforeTheNextPageIsReadSoOneRunConfirmsTheWholeQueue() {
        int pageSize = 2;
        List<String> old = sb().fis().generate(COMPANY, 29L, 2 * pageSize, List.of(FisUseCase.MILEAGE));
        books.knowEverythingIn(jsons(old), Set.of());
        drain();
        old.forEach(id -> assertThat(sb().fis().state(id).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS));
        int before = books.totalDocuments();
        // Concur loses what it was told (a restored tenant); new documents arrive behind the old ones
        old.forEach(id -> sb().fis().setStatus(id, FisStatus.READY));
        List<String> fresh = sb().fis().generate(COMPANY, 31L, pageSize + 1, List.of(FisUseCase.MILEAGE));
        books.knowEverythingIn(jsons(fresh), Set.of());
        assertThat(sb().fis().counts(COMPANY).get(FisStatus.READY)).as("the queue: the old documents, then the new")
                .isEqualTo(old.size() + fresh.size());
        sb().fis().latency(Duration.ofMillis(20)); // every call takes a while: a read racing an acknowledgement shows
        sb().clearRequests();

        FisPostingPipeline.Stats stats;
        String logged;
        try (LogCapture logs = LogCapture.start()) {
            stats = new FisPostingPipeline(COMPANY, clients.client(COMPANY).fis().withPageSize(pageSize), erp, ledger,
                    mappings.mapping(COMPANY), clock, new FisPostingPipeline.Settings(Duration.ofSeconds(30),
                    Duration.ofSeconds(30), 1000), x -> { }).run();
            logged = logs.text();
        }

        List<RecordedRequest> log = sb().requests();
        String trace = log.stream().map(r -> r.method() + " " + r.path() + " " + r.body()).toList().toString();
        List<Integer> reads = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).method().equals("GET") && log.get(i).path().endsWith("/expense/transactions")) {
                reads.add(i);
            }
        }
        // queue order = page order: old page 1, old page 2, new pages, the empty page that ends the queue
        assertThat(reads).as(trace).hasSize(2 + 2 + 1);
        for (int n = 0; n < old.size(); n++) {
            String id = old.get(n);
            List<Integer> acks = new ArrayList<>();
            for (int i = 0; i < log.size(); i++) {
                if (log.get(i).method().equals("POST")
                        && log.get(i).path().endsWith("/expense/transactions/acknowledgements")
                        && log.get(i).body().contains(id)) {
                    acks.add(i);
                }
            }
            int servedBy = reads.get(n / pageSize);
            int nextRead = reads.get(n / pageSize + 1);
            assertThat(acks).as(id + " (read by request " + servedBy + ") is acknowledged once, before the next read"
                    + " (request " + nextRead + "): " + trace).hasSize(1)
                    .allSatisfy(a -> assertThat(a).isBetween(servedBy + 1, nextRead - 1));
        }

        assertThat(logged).contains("event=fis_served_again").doesNotContain("fis_queue_stuck");
        // one warning per page, each with that page's figures (not the run's running total)
        assertThat(logged.lines().filter(l -> l.contains("event=fis_served_again")).toList()).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("documents=" + pageSize + " confirmedAgain=" + pageSize));
        assertThat(stats.servedAgain).as(stats.toString()).isEqualTo(old.size());
        assertThat(stats.received).as(stats.toString()).isEqualTo(fresh.size());
        assertThat(stats.posted).as(stats.toString()).isEqualTo(fresh.size());
        assertThat(sb().fis().counts(COMPANY).getOrDefault(FisStatus.READY, 0)).as("left for the next run").isZero();
        for (String id : old) {
            LedgerDocument row = row(id);
            assertThat(sb().fis().state(id).status()).as(id).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
            assertThat(sb().fis().state(id).postingConfirmations()).hasSize(2)
                    .allSatisfy(c -> assertThat(c.toString()).contains(row.erpDocumentNumber()));
            assertThat(books.documents(row.idempotencyKey())).as("posted once: " + id).isEqualTo(1);
        }
        for (String id : fresh) {
            assertThat(sb().fis().state(id).status()).as(id).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
            assertThat(books.documents(row(id).idempotencyKey())).as("posted once: " + id).isEqualTo(1);
        }
        assertThat(books.totalDocuments()).as("only the new documents were posted").isEqualTo(before + fresh.size());
    }

    @Test
    void http429StormIsWaitedOutWithRetryAfterAndEverythingPosts() {
        List<String> ids = sb().fis().generate(COMPANY, 81L, 3, List.of(FisUseCase.MILEAGE));
        books.knowEverythingIn(jsons(ids), Set.of());
        sb().faults().add(FaultRule.on("POST", "/financialintegration/fi/v4/companies/transactiontypes/*/transactions/acknowledgements")
                .status(429).retryAfter(Duration.ofSeconds(1)).times(2));

        JobResult result = drain();

        assertThat(result.outcome()).isEqualTo(JobOutcome.OK);
        List<Integer> acks = sb().requests().stream().filter(r -> r.path().endsWith("/acknowledgements"))
                .map(r -> r.status()).toList();
        assertThat(acks).as(sb().requests().stream().map(r -> r.method() + " " + r.path() + " " + r.status())
                .toList().toString()).startsWith(429, 429, 200);
        ids.forEach(id -> assertThat(sb().fis().state(id).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS));
    }

    @Test
    void tokenRevokedMidRunMarksTheConnectionForReconnectAndLosesNothing() {
        List<String> ids = sb().fis().generate(COMPANY, 91L, 2, List.of(FisUseCase.MILEAGE));
        books.knowEverythingIn(jsons(ids), Set.of());
        sb().revokeAll(COMPANY);

        JobResult result = job.run(COMPANY);

        assertThat(result.outcome()).isEqualTo(JobOutcome.FAILED);
        assertThat(result.message()).contains("reconnect");
        assertThat(connections.find(COMPANY).orElseThrow().state()).isEqualTo(ConnectionState.NEEDS_RECONNECT);
        ids.forEach(id -> assertThat(sb().fis().state(id).status()).isEqualTo(FisStatus.READY));
        clients.evict(COMPANY);
        quickConnect.connect(COMPANY, Secret.of(sb().companyRequestToken(COMPANY)), "admin-user");
        drain();
        ids.forEach(id -> assertThat(sb().fis().state(id).status()).as(row(id).errorText())
                .isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS));
    }

    // ---- helpers ----

    FisPostingPipeline pipeline(ErpAdapter adapter, Duration backoff) {
        return new FisPostingPipeline(COMPANY, clients.client(COMPANY).fis(), adapter, ledger,
                mappings.mapping(COMPANY), clock, new FisPostingPipeline.Settings(backoff, backoff, 1000), s -> { });
    }

    /** The real adapter, but the ERP is unreachable while {@code down} holds (validate and post fail retriably). */
    ErpAdapter failingWhile(AtomicBoolean down) {
        return (ErpAdapter) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ErpAdapter.class},
                (proxy, method, args) -> {
                    if (down.get() && (method.getName().equals("validate") || method.getName().startsWith("post"))) {
                        throw new ErpException.Retriable("connection refused (test: ERP down)", null);
                    }
                    return invoke(method, args);
                });
    }

    /** The real adapter; right after posting {@code docId} a processor recalls it in Concur. */
    ErpAdapter recallAfterPost(String docId) {
        return (ErpAdapter) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ErpAdapter.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, args);
                    if (method.getName().equals("postAll")) {
                        sb().fis().recall(docId);
                    }
                    return result;
                });
    }

    private Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(erp, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

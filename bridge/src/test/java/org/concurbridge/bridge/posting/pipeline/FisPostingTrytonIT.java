package org.concurbridge.bridge.posting.pipeline;

import org.concurbridge.bridge.connect.ConcurClients;
import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.tryton.TrytonPayments;
import org.concurbridge.bridge.erp.tryton.TrytonReferenceData;
import org.concurbridge.bridge.jobs.JobOutcome;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.FisExamples;
import org.concurbridge.bridge.posting.bench.ErpReferenceData;
import org.concurbridge.bridge.posting.fis.FisJournalBuilder;
import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.LedgerState;
import org.concurbridge.bridge.posting.ledger.PaymentLedger;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.testsupport.JournalNets;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.fis.ExpectedJournal;
import org.concurbridge.sandbox.fis.FisDocumentState;
import org.concurbridge.sandbox.fis.FisStatus;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FIS posting job end to end into one real trytond database with four companies, one per currency the
 * documents come in (EUR {@code CB01}, USD {@code US01}, GBP {@code GB01}, CAD {@code CA01}): the real sandbox over
 * loopback, the real ledger (H2) and the Tryton adapter over JSON-RPC routing each entry to the company of its
 * company code. The connection's mapping chooses the company by the document's currency ({@code documentCurrency}
 * rules), so every official example and every generated use case posts in one run, each exactly once into the
 * company of its currency, with the expected debits and credits per account there and nothing in the others.
 */
@SpringBootTest(properties = "bridge.jobs.enabled=false")
class FisPostingTrytonIT {
    static final SandboxForTests concur = new SandboxForTests();
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;
    static TrytonReferenceData.Companies tryton;

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
    Clock clock;

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "fis-posting-tryton");
        tryton = TrytonReferenceData.databaseWithFourCompanies("fis_posting");
        tryton.register(registry);
    }

    ConcurSandbox sb() {
        return concur.sandbox();
    }

    @BeforeEach
    void connect() {
        concur.connectOnce(quickConnect, connections, clients, COMPANY);
        mappings.set(COMPANY, tryton.mappingByDocumentCurrency(), "test");
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    @Test
    void everyGeneratedUseCasePostsOnceIntoTheCompanyOfItsCurrencyWithTheExpectedJournal() {
        List<String> ids = sb().fis().generate(COMPANY, 11L, FisUseCase.values().length, List.of());
        tryton.createFor(ErpReferenceData.entriesOf(runs().jsons(ids)));

        JobResult result = runs().drain();

        assertThat(result.outcome()).as(result.message()).isEqualTo(JobOutcome.OK);
        Set<String> currencies = new HashSet<>();
        for (String id : ids) {
            ExpectedJournal expected = sb().fis().expectedJournal(id).orElseThrow();
            checkPosted(id, expected.currency(), JournalNets.of(expected));
            currencies.add(expected.currency());
        }
        assertThat(currencies).as("the use cases reach every company").containsExactlyInAnyOrder(
                tryton.currencies().values().toArray(String[]::new));
        Map<String, Integer> before = tryton.moves();
        assertThat(job.run(COMPANY).message()).startsWith("received 0, acknowledged 0, posted 0");
        assertThat(tryton.moves()).isEqualTo(before);
    }

    @Test
    void everyOfficialExamplePostsAsBuiltIntoTheCompanyOfItsCurrencyAndPostingItAgainAddsNothing() {
        List<String> ids = sb().fis().loadFixtures(COMPANY, FisExamples.DIR);
        tryton.createFor(ErpReferenceData.entriesOf(runs().jsons(ids)));

        runs().drain();

        assertThat(ids).hasSizeGreaterThanOrEqualTo(30);
        for (String id : ids) {
            String json = sb().fis().document(id).toString();
            BuildResult built = new FisJournalBuilder(PostingMapping.none()).build(FisExamples.parse(json));
            JournalEntry entry = ErpReferenceData.entriesOf(List.of(json)).get(0);
            checkPosted(id, entry.currency(), JournalNets.ofLines(built.document().lines()));
            // the same document posted again under its key: Tryton answers with the move it already has
            LedgerDocument row = runs().row(id);
            BuildResult mapped = new FisJournalBuilder(mappings.mapping(COMPANY)).build(FisExamples.parse(json));
            JournalEntry again = JournalEntries.toEntry(mapped.document(), row.idempotencyKey(), LocalDate.now(clock));
            assertThat(erp.post(again).alreadyPosted()).as(id).isTrue();
            assertThat(tryton.moves(row.idempotencyKey())).as(id).isEqualTo(tryton.onceIn(entry.currency()));
        }
    }

    /**
     * A payment in Tryton is a reconciliation of the report's payable line with a bank payment; a payment that
     * bounces is undone the way a Tryton user does it (Unreconcile Lines, then Cancel Moves on the payment move). The
     * bridge confirms CP, then RE once with the reason (even when Concur's answer to the RE is lost), then CP again
     * when Tryton pays anew.
     */
    @Test
    void aPaymentUnreconciledAndCancelledInTrytonIsSentReWithTheReasonOnceThenThePaymentAgainCp() {
        List<String> ids = sb().fis().generate(COMPANY, 75L, 1, List.of(FisUseCase.MILEAGE));
        tryton.createFor(ErpReferenceData.entriesOf(runs().jsons(ids)));
        runs().drain();
        String id = ids.get(0);
        LedgerDocument doc = runs().row(id);
        assertThat(doc.state()).as(doc.errorText()).isEqualTo(LedgerState.CONFIRMED);
        String key = doc.idempotencyKey();
        TrytonPayments payments = tryton.payments(doc.currency());
        BigDecimal payable = erp.paymentStatus(List.of(key)).get(key).payable();
        long payment = payments.pay(key, payable, doc.postingDate());

        job.run(COMPANY);

        assertThat(runs().row(id).state()).isEqualTo(LedgerState.PAYMENT_CONFIRMED);
        assertThat(sb().fis().state(id).status()).isEqualTo(FisStatus.PAYMENT_CONFIRMED_SUCCESS);

        // the payment bounces: unreconciled and cancelled in Tryton; Concur records the RE but its answer is lost
        payments.bounce(payment, "Returned by the bank");
        assertThat(payments.reconciled(key)).isFalse();
        runs().runLosingOnePaymentConfirmationAnswer();
        job.run(COMPANY); // the paid amount did not change again: nothing more is sent

        List<JsonNode> sent = sb().fis().state(id).paymentConfirmations();
        assertThat(sent).extracting(n -> n.get("processingStatusCode").asString()).containsExactly("CP", "RE");
        JsonNode re = sent.get(1);
        assertThat(re.get("additionalMessage").asString()).contains("ERP document " + doc.erpDocumentNumber())
                .contains("went from " + payable.stripTrailingZeros().toPlainString() + " to 0 " + doc.currency());
        assertThat(re.get("clearingDetails").get(0).get("clearingAmount").decimalValue()).isEqualByComparingTo(payable);
        assertThat(sb().fis().state(id).status()).isEqualTo(FisStatus.PAYMENT_CONFIRMED_REVERSED);
        LedgerDocument reversed = runs().row(id);
        assertThat(reversed.state()).isEqualTo(LedgerState.CONFIRMED);
        assertThat(reversed.paidAt()).isNull();
        List<PaymentLedger.Payment> recorded = ledger.payments().byDocuments(List.of(doc.id()), null);
        assertThat(recorded).extracting(PaymentLedger.Payment::status).containsExactly("CP", "RE");
        assertThat(recorded).allSatisfy(p -> assertThat(p.state()).isEqualTo(PaymentLedger.State.ACCEPTED));
        assertThat(ledger.payments().paidConfirmed(List.of(doc.id())).get(doc.id())).isZero();

        // Tryton pays again: CP again
        payments.pay(key, payable, doc.postingDate());
        job.run(COMPANY);
        assertThat(sb().fis().state(id).paymentConfirmations()).extracting(
                n -> n.get("processingStatusCode").asString()).containsExactly("CP", "RE", "CP");
        assertThat(sb().fis().state(id).status()).isEqualTo(FisStatus.PAYMENT_CONFIRMED_SUCCESS);
        assertThat(runs().row(id).state()).isEqualTo(LedgerState.PAYMENT_CONFIRMED);
        assertThat(ledger.payments().paidConfirmed(List.of(doc.id())).get(doc.id())).isEqualByComparingTo(payable);
    }

    /**
     * One document: confirmed in the ledger and to Concur with Tryton's number, exactly one move in the company of
     * its currency booked as expected per account, and no move in the other companies.
     */
    private void checkPosted(String id, String currency, Map<String, BigDecimal> expectedNets) {
        LedgerDocument row = runs().row(id);
        FisDocumentState state = sb().fis().state(id);
        assertThat(tryton.currencies()).as(id + " has a company in its currency").containsValue(currency);
        assertThat(row.state()).as(id + " " + row.errorText()).isEqualTo(LedgerState.CONFIRMED);
        assertThat(state.status()).as(id).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
        assertThat(state.postingConfirmations().get(0).toString()).contains(row.erpDocumentNumber());
        assertThat(tryton.moves(row.idempotencyKey())).as(id).isEqualTo(tryton.onceIn(currency));
        assertThat(tryton.bookedNets(currency, row.idempotencyKey())).as(id)
                .isEqualTo(expectedNets);
    }

    private FisRuns runs() {
        return new FisRuns(job, sb(), ledger, COMPANY);
    }
}

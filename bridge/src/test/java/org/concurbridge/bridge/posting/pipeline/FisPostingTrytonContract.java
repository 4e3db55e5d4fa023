package org.concurbridge.bridge.posting.pipeline;

import org.concurbridge.bridge.connect.ConcurClients;
import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.tryton.TrytonReferenceData;
import org.concurbridge.bridge.erp.tryton.TrytonRpc;
import org.concurbridge.bridge.erp.tryton.TrytonServer;
import org.concurbridge.bridge.jobs.JobOutcome;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.FisExamples;
import org.concurbridge.bridge.posting.bench.ErpReferenceData;
import org.concurbridge.bridge.posting.fis.FisJournalBuilder;
import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.LedgerState;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.store.ConnectionState;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.client.Secret;
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
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FIS posting job end to end into a real trytond: the real sandbox over loopback, the real ledger (H2) and the
 * Tryton adapter over JSON-RPC into company {@code CB01} ({@code TrytonDemoSeed}, with Concur's codes, parties,
 * analytic accounts, taxes and fiscal years created by {@link TrytonReferenceData}). A Tryton company keeps its books
 * in one currency and the adapter posts into one company, so each subclass runs the same documents against a company
 * in one currency ({@link #COMPANY_CURRENCIES}): the documents in that currency post exactly once and are checked per
 * account against the generator's expected journal or the built journal; the others must get an error confirmation
 * naming the company currency and leave nothing in Tryton. Together the subclasses post every document.
 */
abstract class FisPostingTrytonContract {
    static final SandboxForTests concur = new SandboxForTests();
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;
    /** The Tryton companies the subclasses post into: together they take every document the tests read. */
    static final java.util.Set<String> COMPANY_CURRENCIES = java.util.Set.of("EUR", "USD", "GBP", "CAD");
    static ErpConfig.Tryton tryton;

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

    TrytonRpc rpc;

    /** The currency of the Tryton company the subclass posts into. */
    abstract String trytonCurrency();

    /** A fresh copy of the seeded Tryton database with the company's currency set, and the adapter pointed at it. */
    static void useTryton(DynamicPropertyRegistry registry, String currency) {
        concur.register(registry, "fis-posting-tryton-" + currency.toLowerCase(java.util.Locale.ROOT));
        tryton = TrytonReferenceData.databaseIn(currency, "fis_posting");
        TrytonReferenceData.properties(tryton).forEach((k, v) -> registry.add(k, () -> v));
    }

    ConcurSandbox sb() {
        return concur.sandbox();
    }

    @BeforeEach
    void connect() {
        if (rpc == null) {
            rpc = TrytonReferenceData.rpc(tryton);
        }
        if (connections.find(COMPANY).filter(c -> c.state() == ConnectionState.CONNECTED).isEmpty()) {
            clients.evict(COMPANY);
            quickConnect.connect(COMPANY, Secret.of(sb().companyRequestToken(COMPANY)), "admin-user");
        }
        // every Concur ledger posts into the one Tryton company; its currency stays the document's
        mappings.set(COMPANY, "companies:\n  - company: CB01\n", "test");
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    @Test
    void everyGeneratedUseCaseInTheCompanyCurrencyPostsOnceWithTheExpectedJournal() {
        List<String> ids = sb().fis().generate(COMPANY, 11L, FisUseCase.values().length, List.of());
        new TrytonReferenceData(rpc, tryton.companyId()).createFor(jsons(ids));

        JobResult result = drain();

        assertThat(result.outcome()).as(result.message()).isEqualTo(JobOutcome.OK);
        int posted = 0;
        for (String id : ids) {
            ExpectedJournal expected = sb().fis().expectedJournal(id).orElseThrow();
            if (checkPosted(id, expected.currency(), nets(expected.lines().stream()
                    .map(l -> Map.entry(l.account(), l.debit().subtract(l.credit()))).toList()))) {
                posted++;
            }
        }
        assertThat(posted).as("documents in " + trytonCurrency()).isGreaterThanOrEqualTo(1);
        int before = totalMoves();
        assertThat(job.run(COMPANY).message()).startsWith("received 0, acknowledged 0, posted 0");
        assertThat(totalMoves()).isEqualTo(before);
    }

    @Test
    void everyOfficialExampleInTheCompanyCurrencyPostsAsBuiltAndPostingItAgainAddsNothing() {
        List<String> ids = sb().fis().loadFixtures(COMPANY, FisExamples.DIR);
        new TrytonReferenceData(rpc, tryton.companyId()).createFor(jsons(ids));

        drain();

        assertThat(ids).hasSizeGreaterThanOrEqualTo(30);
        int posted = 0;
        for (String id : ids) {
            String json = sb().fis().document(id).toString();
            BuildResult built = new FisJournalBuilder(PostingMapping.none()).build(FisExamples.parse(json));
            JournalEntry entry = ErpReferenceData.entriesOf(List.of(json)).get(0);
            if (checkPosted(id, entry.currency(), nets(built.document().lines().stream()
                    .map(l -> Map.entry(l.account(), l.debit().subtract(l.credit()))).toList()))) {
                posted++;
                // the same document posted again under its key: Tryton answers with the move it already has
                LedgerDocument row = row(id);
                BuildResult mapped = new FisJournalBuilder(mappings.mapping(COMPANY)).build(FisExamples.parse(json));
                JournalEntry again = JournalEntries.toEntry(mapped.document(), row.idempotencyKey(),
                        LocalDate.now(clock));
                assertThat(erp.post(again).alreadyPosted()).as(id).isTrue();
                assertThat(moves(row.idempotencyKey())).isEqualTo(1);
            }
        }
        assertThat(posted).as("examples in " + trytonCurrency()).isGreaterThanOrEqualTo(1);
    }

    /**
     * Checks one document: posted, confirmed and booked as expected when it is in Tryton's currency (returns true),
     * else error-confirmed naming the currency with nothing in Tryton.
     */
    private boolean checkPosted(String id, String currency, Map<String, BigDecimal> expectedNets) {
        LedgerDocument row = row(id);
        FisDocumentState state = sb().fis().state(id);
        assertThat(COMPANY_CURRENCIES).as(id + " is posted by one of the subclasses").contains(currency);
        if (!trytonCurrency().equals(currency)) {
            assertThat(row.state()).as(id + " in " + currency).isEqualTo(LedgerState.ERROR_CONFIRMED);
            assertThat(state.status()).isEqualTo(FisStatus.POSTING_CONFIRMED_FAILURE);
            assertThat(state.postingConfirmations().get(0).toString()).contains("companyCurrency")
                    .contains(currency);
            assertThat(moves(row.idempotencyKey())).isZero();
            return false;
        }
        assertThat(row.state()).as(id + " " + row.errorText()).isEqualTo(LedgerState.CONFIRMED);
        assertThat(state.status()).as(id).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
        assertThat(state.postingConfirmations().get(0).toString()).contains(row.erpDocumentNumber());
        assertThat(moves(row.idempotencyKey())).as(id).isEqualTo(1);
        Map<String, BigDecimal> booked = bookedNets(row.idempotencyKey());
        assertThat(booked).as(id).isEqualTo(expectedNets);
        return true;
    }

    // ---- helpers ----

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

    static Map<String, BigDecimal> nets(List<Map.Entry<String, BigDecimal>> lines) {
        Map<String, BigDecimal> nets = new TreeMap<>();
        lines.forEach(l -> nets.merge(l.getKey(), l.getValue(), BigDecimal::add));
        nets.values().removeIf(v -> v.signum() == 0);
        nets.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_UP));
        return nets;
    }

    int moves(String key) {
        return TrytonReferenceData.moves(rpc, tryton.companyId(), key);
    }

    int totalMoves() {
        return rpc.model("account.move", "search_count", Map.of("company", tryton.companyId()), List.of()).asInt();
    }

    Map<String, BigDecimal> bookedNets(String key) {
        return TrytonReferenceData.bookedNets(rpc, tryton.companyId(), key);
    }
}

package org.concurbridge.bridge.posting.extractjob;

import org.concurbridge.bridge.connect.ConcurClients;
import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.erp.tryton.TrytonReferenceData;
import org.concurbridge.bridge.erp.tryton.TrytonRpc;
import org.concurbridge.bridge.jobs.JobOutcome;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.LedgerState;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.pipeline.ConnectionMappings;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.store.ConnectionState;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.client.Secret;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.fis.ExpectedJournal;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extract posting end to end into a real trytond (company {@code CB01} kept in the subclass's currency): a Professional SAE extract job
 * and a Standard payment batch from the sandbox, through the extract job, into the Tryton adapter. Each report in
 * that currency is posted once with the generator's expected debits and credits per account; a report in another currency is
 * refused naming the company currency (see {@code FisPostingTrytonContract} for why) and leaves nothing in Tryton.
 */
abstract class ExtractPostingTrytonContract {
    static final SandboxForTests concur = SandboxClockSleeper.CONCUR;
    static ErpConfig.Tryton tryton;

    @Autowired
    ExtractPostingJob job;
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

    TrytonRpc rpc;

    /** The currency of the Tryton company the subclass posts into. */
    abstract String currency();

    static void useTryton(DynamicPropertyRegistry registry, String currency) {
        concur.register(registry, "extract-posting-tryton-" + currency.toLowerCase(java.util.Locale.ROOT));
        tryton = TrytonReferenceData.databaseIn(currency, "extract_posting");
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
        sb().extracts().timing(Duration.ZERO, Duration.ZERO);
        sb().paymentBatches().closeTime(Duration.ZERO);
        for (String company : List.of(SandboxDemo.PROFESSIONAL_COMPANY, SandboxDemo.STANDARD_COMPANY)) {
            if (connections.find(company).filter(c -> c.state() == ConnectionState.CONNECTED).isEmpty()) {
                clients.evict(company);
                quickConnect.connect(company, Secret.of(sb().companyRequestToken(company)), "admin-user");
            }
            mappings.set(company, "companies:\n  - company: CB01\n", "test");
        }
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    @Test
    void professionalSaeExtractPostsEveryReportOnceIntoTrytonWithTheExpectedJournal() {
        postsEveryReportOnce(SandboxDemo.PROFESSIONAL_COMPANY, 301L);
    }

    @Test
    void standardPaymentBatchPostsEveryReportOnceIntoTrytonWithTheExpectedJournal() {
        postsEveryReportOnce(SandboxDemo.STANDARD_COMPANY, 302L);
    }

    private void postsEveryReportOnce(String company, long seed) {
        job.run(company);   // drains what earlier classes left extractable: this test sees only its documents
        List<FisUseCase> expenses = java.util.Arrays.stream(FisUseCase.values())
                .filter(u -> u != FisUseCase.INVOICE && u.docType() == FisUseCase.MILEAGE.docType()).toList();
        List<String> ids = sb().fis().generate(company, seed, expenses.size(), expenses);
        new TrytonReferenceData(rpc, tryton.companyId()).createFor(ids.stream()
                .map(id -> sb().fis().document(id).toString()).toList());

        JobResult result = job.run(company);

        assertThat(result.outcome()).as(result.message()).isEqualTo(JobOutcome.OK);
        int posted = 0;
        for (String id : ids) {
            String report = sb().fis().document(id).path("report").path("reportId").asString();
            ExpectedJournal expected = sb().fis().expectedJournal(id).orElseThrow();
            LedgerDocument row = sae(company, report);
            int moves = TrytonReferenceData.moves(rpc, tryton.companyId(), row.idempotencyKey());
            assertThat(List.of("EUR", "USD", "GBP", "CAD")).as(report + " is posted by one of the subclasses")
                    .contains(expected.currency());
            if (!currency().equals(expected.currency())) {
                assertThat(row.state()).as(report).isNotEqualTo(LedgerState.POSTED);
                assertThat(row.errorText()).as(report).contains("companyCurrency");
                assertThat(moves).isZero();
                continue;
            }
            posted++;
            assertThat(row.state()).as(report + " " + expected.useCase() + " " + row.errorText())
                    .isEqualTo(LedgerState.POSTED);
            assertThat(moves).as(report).isEqualTo(1);
            assertThat(TrytonReferenceData.bookedNets(rpc, tryton.companyId(), row.idempotencyKey()))
                    .as(report + " " + expected.useCase()).isEqualTo(nets(expected));
        }
        assertThat(posted).as("reports in " + currency()).isGreaterThanOrEqualTo(1);
        int before = rpc.model("account.move", "search_count", Map.of("company", tryton.companyId()), List.of())
                .asInt();
        assertThat(job.run(company).outcome()).isEqualTo(JobOutcome.OK);
        assertThat(rpc.model("account.move", "search_count", Map.of("company", tryton.companyId()), List.of())
                .asInt()).isEqualTo(before);
    }

    private LedgerDocument sae(String company, String report) {
        List<LedgerDocument> out = new ArrayList<>();
        for (LedgerState s : LedgerState.values()) {
            ledger.list(company, s, 10_000).stream()
                    .filter(r -> r.source().equals("SAE") && report.equals(r.concurId())).forEach(out::add);
        }
        assertThat(out).as("SAE ledger rows of " + report).hasSize(1);
        return out.get(0);
    }

    private static Map<String, BigDecimal> nets(ExpectedJournal journal) {
        Map<String, BigDecimal> nets = new TreeMap<>();
        journal.lines().forEach(l -> nets.merge(l.account(), l.debit().subtract(l.credit()), BigDecimal::add));
        nets.values().removeIf(v -> v.signum() == 0);
        nets.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_UP));
        return nets;
    }
}

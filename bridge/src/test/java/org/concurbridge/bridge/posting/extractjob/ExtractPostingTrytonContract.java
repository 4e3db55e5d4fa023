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
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.fis.ExpectedJournal;
import org.concurbridge.sandbox.fis.FisDocType;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extract posting end to end into a real trytond (company {@code CB01} kept in the subclass's currency): Professional
 * SAE and PRAE extract jobs and a Standard payment batch from the sandbox, through the extract job, into the Tryton
 * adapter. Each expense report, cash advance and invoice in that currency is posted once with the generator's
 * expected debits and credits per account; one in another currency is refused naming the company currency (see
 * {@code FisPostingTrytonContract} for why) and leaves nothing in Tryton.
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
            concur.connect(company, connections, clients, quickConnect);
            mappings.set(company, "companies:\n  - company: CB01\n", "test");
        }
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    /**
     * Professional: one Extracts v1 job per definition — the SAE (expense reports, cash advances issued, applied and
     * returned) and the PRAE (invoices) — so every generated use case comes through an extract file.
     */
    @Test
    void professionalSaeAndPraeExtractsPostEveryReportCashAdvanceAndInvoiceOnceIntoTrytonWithTheExpectedJournal() {
        postsEveryDocumentOnce(SandboxDemo.PROFESSIONAL_COMPANY, 301L, List.of(FisUseCase.values()));
    }

    /**
     * Standard: payment batches are employee batches (SAE of expense reports and cash advances); SAP Concur Standard
     * has no Invoice, so no PRAE comes this way.
     */
    @Test
    void standardPaymentBatchPostsEveryReportAndCashAdvanceOnceIntoTrytonWithTheExpectedJournal() {
        postsEveryDocumentOnce(SandboxDemo.STANDARD_COMPANY, 302L, java.util.Arrays.stream(FisUseCase.values())
                .filter(u -> u.docType() != FisDocType.INVOICE).toList());
    }

    private void postsEveryDocumentOnce(String company, long seed, List<FisUseCase> useCases) {
        job.run(company);   // drains what earlier classes left extractable: this test sees only its documents
        List<String> ids = sb().fis().generate(company, seed, useCases.size(), useCases);
        new TrytonReferenceData(rpc, tryton.companyId()).createFor(ids.stream()
                .map(id -> sb().fis().document(id).toString()).toList());

        JobResult result = job.run(company);

        assertThat(result.outcome()).as(result.message()).isEqualTo(JobOutcome.OK);
        int posted = 0;
        java.util.Set<FisUseCase> seen = new java.util.HashSet<>();
        for (String id : ids) {
            ExpectedJournal expected = sb().fis().expectedJournal(id).orElseThrow();
            seen.add(expected.useCase());
            LedgerDocument row = extracted(company, id);
            String doc = expected.useCase() + " " + row.concurId();
            int moves = TrytonReferenceData.moves(rpc, tryton.companyId(), row.idempotencyKey());
            assertThat(List.of("EUR", "USD", "GBP", "CAD")).as(doc + " is posted by one of the subclasses")
                    .contains(expected.currency());
            if (!currency().equals(expected.currency())) {
                assertThat(row.state()).as(doc).isNotEqualTo(LedgerState.POSTED);
                assertThat(row.errorText()).as(doc).contains("companyCurrency");
                assertThat(moves).isZero();
                continue;
            }
            posted++;
            assertThat(row.state()).as(doc + " " + row.errorText()).isEqualTo(LedgerState.POSTED);
            assertThat(moves).as(doc).isEqualTo(1);
            assertThat(TrytonReferenceData.bookedNets(rpc, tryton.companyId(), row.idempotencyKey()))
                    .as(doc).isEqualTo(nets(expected));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(useCases);
        assertThat(posted).as("documents in " + currency()).isGreaterThanOrEqualTo(1);
        int before = rpc.model("account.move", "search_count", Map.of("company", tryton.companyId()), List.of())
                .asInt();
        assertThat(job.run(company).outcome()).isEqualTo(JobOutcome.OK);
        assertThat(rpc.model("account.move", "search_count", Map.of("company", tryton.companyId()), List.of())
                .asInt()).isEqualTo(before);
    }

    /**
     * The one ledger row of a generated document from an extract: PRAE by request id for an invoice, SAE by report
     * id for a report, SAE by cash advance id for an issued cash advance.
     */
    private LedgerDocument extracted(String company, String fisId) {
        JsonNode d = sb().fis().document(fisId);
        String source = d.has("requestHeader") ? "PRAE" : "SAE";
        String concurId = d.has("requestHeader") ? d.path("requestHeader").path("requestId").asString()
                : d.has("report") ? d.path("report").path("reportId").asString()
                : d.path("cashAdvanceData").path("cashAdvanceId").asString();
        List<LedgerDocument> out = new ArrayList<>();
        for (LedgerState s : LedgerState.values()) {
            ledger.list(company, s, 10_000).stream()
                    .filter(r -> r.source().equals(source) && concurId.equals(r.concurId())).forEach(out::add);
        }
        assertThat(out).as(source + " ledger rows of " + concurId).hasSize(1);
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

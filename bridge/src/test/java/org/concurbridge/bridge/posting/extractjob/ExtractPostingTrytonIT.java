package org.concurbridge.bridge.posting.extractjob;

import org.concurbridge.bridge.connect.ConcurClients;
import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.erp.tryton.TrytonReferenceData;
import org.concurbridge.bridge.jobs.JobOutcome;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.posting.bench.ErpReferenceData;
import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.LedgerState;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.pipeline.ConnectionMappings;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.testsupport.JournalNets;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extract posting end to end into one real trytond database with four companies, one per currency the documents
 * come in (EUR {@code CB01}, USD {@code US01}, GBP {@code GB01}, CAD {@code CA01}): Professional SAE and PRAE extract
 * jobs and a Standard payment batch from the sandbox, through the extract job, into the Tryton adapter, which routes
 * each entry to the company the mapping chose by the document's currency. Every expense report, cash advance and
 * invoice posts once into the company of its currency with the generator's expected debits and credits per account,
 * nothing in the other companies; a second run adds nothing.
 */
@SpringBootTest(properties = {"bridge.jobs.enabled=false", "bridge.extracts.enabled=true",
        "bridge.extracts.poll-initial=10s", "bridge.extracts.poll-max=40s",
        "bridge.extracts.work-dir=target/extract-posting-tryton-it"})
@Import(SandboxClockSleeper.class)
class ExtractPostingTrytonIT {
    static final SandboxForTests concur = SandboxClockSleeper.CONCUR;
    static TrytonReferenceData.Companies tryton;

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

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "extract-posting-tryton");
        tryton = TrytonReferenceData.databaseWithFourCompanies("extract_posting");
        tryton.register(registry);
    }

    ConcurSandbox sb() {
        return concur.sandbox();
    }

    @BeforeEach
    void connect() {
        sb().extracts().timing(Duration.ZERO, Duration.ZERO);
        sb().paymentBatches().closeTime(Duration.ZERO);
        for (String company : List.of(SandboxDemo.PROFESSIONAL_COMPANY, SandboxDemo.STANDARD_COMPANY)) {
            concur.connectOnce(quickConnect, connections, clients, company);
            mappings.set(company, tryton.mappingByDocumentCurrency(), "test");
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
    void professionalSaeAndPraeExtractsPostEveryDocumentOnceIntoTheCompanyOfItsCurrency() {
        postsEveryDocumentOnce(SandboxDemo.PROFESSIONAL_COMPANY, 301L, List.of(FisUseCase.values()));
    }

    /**
     * Standard: payment batches are employee batches (SAE of expense reports and cash advances); SAP Concur Standard
     * has no Invoice, so no PRAE comes this way.
     */
    @Test
    void standardPaymentBatchPostsEveryReportAndCashAdvanceOnceIntoTheCompanyOfItsCurrency() {
        postsEveryDocumentOnce(SandboxDemo.STANDARD_COMPANY, 302L, java.util.Arrays.stream(FisUseCase.values())
                .filter(u -> u.docType() != FisDocType.INVOICE).toList());
    }

    private void postsEveryDocumentOnce(String company, long seed, List<FisUseCase> useCases) {
        job.run(company);   // drains what earlier tests left extractable: this test sees only its documents
        List<String> ids = sb().fis().generate(company, seed, useCases.size(), useCases);
        tryton.createFor(ErpReferenceData.entriesOf(ids.stream()
                .map(id -> sb().fis().document(id).toString()).toList()));

        JobResult result = job.run(company);

        assertThat(result.outcome()).as(result.message()).isEqualTo(JobOutcome.OK);
        Set<FisUseCase> seen = new HashSet<>();
        Set<String> currencies = new HashSet<>();
        for (String id : ids) {
            ExpectedJournal expected = sb().fis().expectedJournal(id).orElseThrow();
            seen.add(expected.useCase());
            currencies.add(expected.currency());
            LedgerDocument row = extracted(company, id);
            String doc = expected.useCase() + " " + row.concurId();
            assertThat(tryton.currencies()).as(doc + " has a company in its currency")
                    .containsValue(expected.currency());
            assertThat(row.state()).as(doc + " " + row.errorText()).isEqualTo(LedgerState.POSTED);
            assertThat(tryton.moves(row.idempotencyKey())).as(doc).isEqualTo(tryton.onceIn(expected.currency()));
            assertThat(tryton.bookedNets(expected.currency(), row.idempotencyKey()))
                    .as(doc).isEqualTo(JournalNets.of(expected));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(useCases);
        assertThat(currencies).as("the documents reach more than one company").hasSizeGreaterThan(1);
        Map<String, Integer> before = tryton.moves();
        assertThat(job.run(company).outcome()).isEqualTo(JobOutcome.OK);
        assertThat(tryton.moves()).isEqualTo(before);
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
}

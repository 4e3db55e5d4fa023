package org.concurbridge.bridge.web;

import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.LedgerState;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.pipeline.FisPostingJob;
import org.concurbridge.bridge.posting.pipeline.FisPostingPipeline;
import org.concurbridge.bridge.testsupport.BridgeHttp;
import org.concurbridge.bridge.testsupport.ErpBooks;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.store.ConnectionState;
import org.concurbridge.client.Secret;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.fis.FisStatus;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents and reconciliation pages over real HTTP: documents with state, amounts, ERP number and error text,
 * the state filter, retry of a FAILED document, and the daily totals with the differences listed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bridge.jobs.enabled=false")
class PostingPagesIT {
    static final SandboxForTests concur = new SandboxForTests();
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;

    @LocalServerPort
    int port;
    @Autowired
    QuickConnectService quickConnect;
    @Autowired
    FisPostingJob job;
    @Autowired
    PostingLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConnectionRepository connections;

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "posting-pages-it");
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    @Test
    void documentsPageShowsEachDocumentFiltersByStateRetriesAFailedOneAndReconciles() {
        var sb = concur.sandbox();
        quickConnect.connect(COMPANY, Secret.of(sb.companyRequestToken(COMPANY)), "admin-user");
        ErpBooks books = new ErpBooks(jdbc);
        List<String> ids = new java.util.ArrayList<>(sb.fis().generate(COMPANY, 5L, 2, List.of(FisUseCase.MILEAGE)));
        ids.addAll(sb.fis().generate(COMPANY, 7L, 1, List.of(FisUseCase.INVOICE)));
        books.knowEverythingIn(ids.stream().map(id -> sb.fis().document(id).toString()).toList(), java.util.Set.of());
        // the invoice is coded to an account the ERP has closed
        String unknown = sb.fis().expectedJournal(ids.get(2)).orElseThrow().lines().get(0).account();
        books.deactivateAccount(unknown);
        List<String> late = sb.fis().generate(COMPANY, 6L, 1, List.of(FisUseCase.MILEAGE));
        // a document whose acknowledgement failed earlier: FAILED, waiting a long time for its next attempt
        String waiting = late.get(0);
        LedgerDocument held = ledger.receive(new PostingLedger.Received(COMPANY, PostingLedger.FIS, "expense",
                waiting, null, 1, FisPostingPipeline.keyOf(waiting, 1), ""));
        ledger.failed(held.id(), LedgerState.RECEIVED, "SAP Concur did not answer (test)",
                Instant.now().plus(1, ChronoUnit.DAYS));
        sb.fis().setStatus(waiting, FisStatus.PENDING_SYSTEM_REFRESH); // not in the queue until retried
        job.run(COMPANY);

        BridgeHttp admin = new BridgeHttp(port, BridgeHttp.Redirects.FOLLOW);
        admin.signIn(SandboxForTests.ADMIN_USER, SandboxForTests.ADMIN_PASSWORD);
        HttpResponse<String> page = admin.get("/connections/" + COMPANY + "/documents");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        for (String id : ids) {
            assertThat(html).contains("data-doc=\"" + id + "\"");
        }
        LedgerDocument good = ledger.bySourceDocId(COMPANY, ids.get(0)).get(0);
        String amount = new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(
                java.util.Locale.ROOT)).format(good.total());
        assertThat(html).contains("account is inactive " + unknown + " on line").contains("ERROR_CONFIRMED")
                .contains("CONFIRMED").contains(amount).contains(good.currency()).contains(good.erpDocumentNumber()).containsPattern("JE\\d{10}")
                .contains("retry-" + held.id());

        HttpResponse<String> failedOnly = admin.get("/connections/" + COMPANY + "/documents?state=FAILED");
        assertThat(failedOnly.body()).contains("data-doc=\"" + waiting + "\"").doesNotContain("data-doc=\"" + ids.get(0));
        assertThat(admin.get("/connections/" + COMPANY + "/documents?state=NOPE").statusCode()).isEqualTo(400);

        HttpResponse<String> detail = admin.get("/connections/" + COMPANY + "/documents/" + held.id());
        assertThat(detail.body()).contains("SAP Concur did not answer (test)").contains("FAILED");

        // retry: due now; the next run acknowledges, posts and confirms it
        sb.fis().setStatus(waiting, FisStatus.READY);
        HttpResponse<String> retried = admin.submit("/connections/" + COMPANY + "/documents",
                "/connections/" + COMPANY + "/documents/" + held.id() + "/retry", Map.of());
        assertThat(retried.body()).contains("is retried on the next fis-posting run");
        books.knowEverythingIn(List.of(sb.fis().document(waiting).toString()), java.util.Set.of());
        job.run(COMPANY);
        assertThat(ledger.find(held.id()).orElseThrow().state()).isEqualTo(LedgerState.CONFIRMED);
        assertThat(sb.fis().state(waiting).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
        HttpResponse<String> notFailed = admin.submit("/connections/" + COMPANY + "/documents",
                "/connections/" + COMPANY + "/documents/" + held.id() + "/retry", Map.of());
        assertThat(notFailed.body()).contains("only FAILED documents can be retried");

        HttpResponse<String> recon = admin.get("/connections/" + COMPANY + "/reconciliation?from=2000-01-01&to=2100-01-01");
        assertThat(recon.statusCode()).isEqualTo(200);
        LedgerDocument bad = ledger.bySourceDocId(COMPANY, ids.get(2)).get(0);
        assertThat(recon.body()).contains("data-day=\"" + bad.postingDate() + "\"")
                .contains(bad.sourceDocId()).contains("badge-bad");
        assertThat(admin.get("/connections/" + COMPANY + "/reconciliation?from=2026-02-01&to=2026-01-01").statusCode())
                .isEqualTo(400);
    }

    @Test
    void documentsPageShowsWhatWasPaidSoFarAndTheDocumentPageEachPaymentConfirmation() {
        var sb = concur.sandbox();
        if (connections.find(COMPANY).filter(c -> c.state() == ConnectionState.CONNECTED).isEmpty()) {
            quickConnect.connect(COMPANY, Secret.of(sb.companyRequestToken(COMPANY)), "admin-user");
        }
        ErpBooks books = new ErpBooks(jdbc);
        List<String> ids = sb.fis().generate(COMPANY, 9L, 1, List.of(FisUseCase.MILEAGE));
        books.knowEverythingIn(ids.stream().map(id -> sb.fis().document(id).toString()).toList(), java.util.Set.of());
        job.run(COMPANY);
        LedgerDocument doc = ledger.bySourceDocId(COMPANY, ids.get(0)).get(0);
        books.pay(doc.idempotencyKey(), new java.math.BigDecimal("0.25"), java.time.LocalDate.of(2026, 1, 2));
        job.run(COMPANY);

        BridgeHttp admin = new BridgeHttp(port, BridgeHttp.Redirects.FOLLOW);
        admin.signIn(SandboxForTests.ADMIN_USER, SandboxForTests.ADMIN_PASSWORD);
        String list = admin.get("/connections/" + COMPANY + "/documents").body();
        assertThat(list).containsPattern("data-doc=\"" + ids.get(0) + "\"[\\s\\S]*?class=\"mono paid\">0\\.25<");
        String detail = admin.get("/connections/" + COMPANY + "/documents/" + doc.id()).body();
        assertThat(detail).contains("Payment confirmations").contains(">PP<").contains(">0.25<")
                .contains("/" + doc.erpDocumentNumber() + "/").contains("ACCEPTED");

        // the reconciliation counts the partial payment: what Concur was told was paid, and the document listed
        String recon = admin.get("/connections/" + COMPANY + "/reconciliation?from=" + doc.postingDate() + "&to="
                + doc.postingDate()).body();
        assertThat(recon).containsPattern("data-day=\"" + doc.postingDate() + "\"[\\s\\S]*?<td>"
                + doc.currency() + "</td>[\\s\\S]*?class=\"mono told-paid\">0\\.25(00)*<");
        assertThat(recon).containsPattern("id=\"payment-differences\"[\\s\\S]*?data-doc=\"" + ids.get(0)
                + "\"[\\s\\S]*?CONFIRMED[\\s\\S]*?class=\"mono told-paid\">0\\.25(00)*<");
    }
}

package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.concurbridge.sandbox.extract.ExtractFiles;
import org.concurbridge.sandbox.extract.FileFault;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.concurbridge.sandbox.paymentbatch.PaymentBatch;
import org.concurbridge.sandbox.paymentbatch.PaymentBatches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Payment Batches v1.1/v1.2 over real HTTP: batch lists with encrypted Batch-URLs, asynchronous close watched through
 * the list on the sandbox clock, synchronous close with File-Url (and regeneration for a closed batch), the SAE file,
 * the "no reports" failure, batches closed by hand, faults, scope / edition / company isolation, and the element
 * names of the 2015 examples.
 */
class PaymentBatchesIT {

    private static final Http HTTP = new Http();

    private ConcurSandbox sb;
    private String company;
    private String token;

    @BeforeEach
    void start() {
        sb = ConcurSandbox.builder().seed(31L).clock(SandboxClock.fixed(Instant.parse("2026-04-01T07:00:00Z")))
                .build().start();
        company = SandboxDemo.STANDARD_COMPANY;
        token = FisApiITSupport.token(sb, HTTP, company);
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    /**
     * A link the sandbox returned: {@code Batch-URL} on the legacy host over https, {@code File-Url} over plain http,
     * like the samples ({@link LegacyLinks}); its path sent to the company's geolocation as a client must.
     */
    private URI link(String legacy) {
        if (legacy.startsWith(sb.baseUri().toString())) {
            return URI.create(legacy);
        }
        String host = legacy.startsWith(LegacyLinks.HTTPS) ? LegacyLinks.HTTPS : LegacyLinks.HTTP;
        assertThat(legacy).startsWith(host + "/api/");
        return at(sb.geolocation("eu"), legacy.substring(host.length()));
    }

    private URI list(String filter) {
        return at(sb.geolocation("eu"), "/api/expense/paymentbatch/v1.1/batchlist" + filter);
    }

    private Map<String, Element> summaries(String filter) {
        HttpResponse<String> r = HTTP.get(list(filter), token);
        assertThat(r.statusCode()).isEqualTo(200);
        Element root = XmlDoc.parse(r.body());
        assertThat(root.getLocalName()).isEqualTo("BatchList");
        assertThat(root.getNamespaceURI()).isEqualTo(PaymentBatches.NAMESPACE);
        return XmlDoc.children(root, "BatchSummary").stream()
                .collect(Collectors.toMap(s -> XmlDoc.text(s, "Currency"), s -> s));
    }

    private HttpResponse<String> post(String uri, String bearer) {
        return HTTP.send(HttpRequest.newBuilder(link(uri)).header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String v12(String batchUrl) {
        return batchUrl.replace("/v1.1/", "/v1.2/") + "/close";
    }

    @Test
    void openBatchesPerCurrencyCarryTheirReportsTotalsAndEncryptedUrls() {
        List<String> ids = sb.fis().generate(company, 42L, 9, List.of(FisUseCase.CASH, FisUseCase.VAT_SINGLE,
                FisUseCase.CASH_ADVANCE_BELOW));
        Map<String, Element> open = summaries("/OPEN");
        List<PaymentBatch> batches = sb.paymentBatches().batches(company);
        assertThat(open.keySet()).isEqualTo(batches.stream().map(PaymentBatch::currency).collect(Collectors.toSet()));
        assertThat(batches.stream().mapToInt(PaymentBatch::count).sum()).isEqualTo(ids.size());
        for (PaymentBatch b : batches) {
            Element s = open.get(b.currency());
            assertThat(XmlDoc.childNames(s)).containsExactly("BatchName", "BatchID", "BatchTotal", "Currency", "Count",
                    "Type", "PaymentMethod", "Batch-URL");
            assertThat(XmlDoc.text(s, "BatchID")).isEqualTo(b.batchId());
            assertThat(XmlDoc.text(s, "Count")).isEqualTo(Integer.toString(b.count()));
            assertThat(XmlDoc.text(s, "Type")).isEqualTo("Employee");
            assertThat(XmlDoc.text(s, "BatchName")).isEqualTo(b.currency() + ": Employees Batch Paid by Company Check"
                    + " (via Accounts Payable)");
            String url = XmlDoc.text(s, "Batch-URL");
            assertThat(url).startsWith(LegacyLinks.HTTPS + "/api/expense/paymentbatch/v1.1/batch/")
                    .doesNotContain(b.batchId());
            assertThat(new BigDecimal(XmlDoc.text(s, "BatchTotal"))).isEqualByComparingTo(b.total());
        }
        // The totals are what the employees are owed: reimbursements less cash advances recovered.
        BigDecimal expected = BigDecimal.ZERO;
        for (String id : ids) {
            for (var line : sb.fis().expectedJournal(id).orElseThrow().lines()) {
                if (line.account().equals("EMPL")) {
                    expected = expected.add(line.credit()).subtract(line.debit());
                }
            }
        }
        assertThat(batches.stream().map(PaymentBatch::total).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(expected);
        assertThat(summaries("/CLOSED")).isEmpty();
        assertThat(summaries("")).hasSameSizeAs(open);
        assertThat(summaries("/")).hasSameSizeAs(open);
        assertThat(HTTP.get(list("/HALFOPEN"), token).statusCode()).isEqualTo(400);
    }

    @Test
    void anAsynchronousCloseFinishesOnTheSandboxClockAndTheSynchronousCloseThenGivesTheFile() {
        List<String> first = sb.fis().generate(company, 1L, 3, List.of(FisUseCase.VAT_SINGLE));
        Element batch = summaries("/OPEN").values().iterator().next();
        String url = XmlDoc.text(batch, "Batch-URL");
        HttpResponse<String> closing = post(v12(url), token);
        assertThat(closing.statusCode()).isEqualTo(200);
        Element status = XmlDoc.parse(closing.body());
        assertThat(status.getLocalName()).isEqualTo("BatchStatus");
        assertThat(XmlDoc.text(status, "Status")).isEqualTo("SUCCESS");
        assertThat(XmlDoc.text(status, "JobQueueKey")).isNotBlank();

        List<String> later = sb.fis().generate(company, 2L, 2, List.of(FisUseCase.VAT_SINGLE));
        assertThat(summaries("/CLOSED")).as("closing takes a while").isEmpty();
        sb.clock().advance(Duration.ofSeconds(60));
        Element closed = summaries("/CLOSED").values().iterator().next();
        assertThat(XmlDoc.text(closed, "BatchID")).isEqualTo(XmlDoc.text(batch, "BatchID"));
        assertThat(XmlDoc.text(closed, "Count")).isEqualTo("3");
        Element reopened = summaries("/OPEN").values().iterator().next();
        assertThat(XmlDoc.text(reopened, "BatchID")).isNotEqualTo(XmlDoc.text(batch, "BatchID"));
        assertThat(XmlDoc.text(reopened, "Count")).as("documents approved after the close").isEqualTo("2");

        HttpResponse<String> sync = post(url + "/close", token);
        assertThat(sync.statusCode()).isEqualTo(200);
        Element withFile = XmlDoc.parse(sync.body());
        assertThat(XmlDoc.text(withFile, "BatchStatus")).isEqualTo("CLOSED");
        assertThat(XmlDoc.text(withFile, "Status")).isEqualTo("SUCCESS");
        String fileUrl = XmlDoc.text(withFile, "File-Url");
        assertThat(fileUrl).as("plain http like the sample").startsWith(LegacyLinks.HTTP + "/api/expense/paymentbatch/v1.1/batch/")
                .endsWith("/file");
        HttpResponse<String> file = HTTP.get(link(fileUrl), token);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = file.body().split("\n");
        assertThat(lines[0]).startsWith("EXTRACT|2026-04-01|" + (lines.length - 1) + "|").endsWith("|1");
        PaymentBatch view = sb.paymentBatches().batch(XmlDoc.text(batch, "BatchID"));
        assertThat(view.documents()).extracting(d -> d.fisId()).containsExactlyElementsOf(first)
                .doesNotContainAnyElementsOf(later);
        assertThat(sb.paymentBatches().expectedJournals(view.batchId())).hasSize(3);

        // v1.1 on the closed batch regenerates the file under a new File-Url: same content, same batch id.
        String again = XmlDoc.text(XmlDoc.parse(post(url + "/close", token).body()), "File-Url");
        assertThat(again).isNotEqualTo(fileUrl);
        assertThat(HTTP.get(link(again), token).body()).isEqualTo(file.body());
        assertThat(HTTP.get(link(fileUrl), token).statusCode()).isEqualTo(200);
        assertThat(sb.paymentBatches().batch(view.batchId()).fileKeys()).hasSize(2);
        assertThat(XmlDoc.text(XmlDoc.parse(post(v12(url), token).body()), "BatchStatus"))
                .as("v1.2 on a closed batch").isEqualTo("CLOSED");
    }

    @Test
    void aSynchronousCloseOfAnOpenBatchClosesAtOnceAndABatchWithoutReportsFailsWith500() {
        sb.fis().generate(company, 3L, 2, List.of(FisUseCase.IBCP_CARD));
        String url = XmlDoc.text(summaries("/OPEN").values().iterator().next(), "Batch-URL");
        Element closed = XmlDoc.parse(post(url + "/close", token).body());
        assertThat(XmlDoc.text(closed, "BatchStatus")).isEqualTo("CLOSED");
        assertThat(summaries("/CLOSED")).hasSize(1);

        Element empty = summaries("/OPEN").values().iterator().next();
        assertThat(XmlDoc.text(empty, "Count")).isEqualTo("0");
        String emptyUrl = XmlDoc.text(empty, "Batch-URL");
        for (String close : List.of(v12(emptyUrl), emptyUrl + "/close")) {
            HttpResponse<String> failed = post(close, token);
            assertThat(failed.statusCode()).as(close).isEqualTo(500);
            Element error = XmlDoc.parse(failed.body());
            assertThat(error.getLocalName()).isEqualTo("Error");
            assertThat(XmlDoc.text(error, "Message")).contains("no reports").contains("30 minutes");
        }
        assertThat(post(at(sb.geolocation("eu"), "/api/expense/paymentbatch/v1.2/batch/nope/close").toString(),
                token).statusCode()).isEqualTo(404);
        assertThat(HTTP.get(at(sb.geolocation("eu"), "/api/expense/paymentbatch/v1.1/batch/nope/file"), token)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aBatchClosedByHandIsListedClosedAndItsFileIsObtainedWithTheSynchronousClose() {
        List<String> ids = sb.fis().generate(company, 4L, 2, List.of(FisUseCase.VAT_SINGLE));
        String currency = sb.paymentBatches().batches(company).get(0).currency();
        HttpResponse<String> byHand = HTTP.postJson(at(sb.baseUri(), "/admin/payment-batches/companies/" + company
                + "/close-by-hand?currency=" + currency), "");
        assertThat(byHand.statusCode()).isEqualTo(200);
        assertThat(json(byHand).get("closedByHand").asBoolean()).isTrue();
        Element closed = summaries("/CLOSED").get(currency);
        assertThat(XmlDoc.text(closed, "BatchID")).isEqualTo(json(byHand).get("batchId").asString());
        String fileUrl = XmlDoc.text(XmlDoc.parse(post(XmlDoc.text(closed, "Batch-URL") + "/close", token).body()),
                "File-Url");
        assertThat(HTTP.get(link(fileUrl), token).body().split("\n")).hasSize(1 + sb.paymentBatches()
                .batch(XmlDoc.text(closed, "BatchID")).documents().stream().mapToInt(d -> d.rows()).sum());
        assertThat(sb.paymentBatches().batch(XmlDoc.text(closed, "BatchID")).documents())
                .extracting(d -> d.fisId()).containsExactlyElementsOf(ids);
        assertThatThrownBy(() -> sb.paymentBatches().closeByHand(company, currency))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no reports");
        assertThat(HTTP.postJson(at(sb.baseUri(), "/admin/payment-batches/companies/" + company
                + "/close-by-hand?currency=" + currency), "").statusCode()).isEqualTo(409);
    }

    @Test
    void fileFaultsApplyToTheBatchFile() throws Exception {
        List<String> ids = sb.fis().generate(company, 5L, 3, List.of(FisUseCase.VAT_SINGLE));
        sb.paymentBatches().faultNextBatch(company, FileFault.truncated());
        String url = XmlDoc.text(summaries("/OPEN").values().iterator().next(), "Batch-URL");
        String fileUrl = XmlDoc.text(XmlDoc.parse(post(url + "/close", token).body()), "File-Url");
        String truncated = HTTP.get(link(fileUrl), token).body();
        assertThat(truncated).doesNotEndWith("\n");

        String batchId = sb.paymentBatches().batches(company).get(0).batchId();
        String reportId = sb.fis().document(ids.get(1)).get("report").get("reportId").asString();
        String reportKey = sb.fis().document(ids.get(1)).get("report").get("reportKey").asString();
        assertThat(HTTP.postJson(at(sb.baseUri(), "/admin/payment-batches/batches/" + batchId + "/fault"),
                "{\"kind\":\"BAD_ROWS\",\"report\":\"" + reportKey + "\"}").statusCode()).isEqualTo(200);
        String bad = HTTP.get(link(fileUrl), token).body();
        assertThat(bad.lines().filter(l -> l.contains(reportId))).allMatch(l -> l.contains(" BROKEN\"")).isNotEmpty();

        sb.paymentBatches().fault(batchId, FileFault.unexpectedZipMember());
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link(fileUrl))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        assertThat(ExtractsIT.unzip(zip.body()).keySet()).contains(ExtractFiles.UNEXPECTED_MEMBER);
    }

    @Test
    void callersNeedAPaybatTokenOfAStandardCompanyAndSeeOnlyTheirOwnBatches() {
        sb.fis().generate(company, 6L, 2, List.of(FisUseCase.VAT_SINGLE));
        assertThat(HTTP.get(list("/OPEN"), null).statusCode()).isEqualTo(401);
        // an expired or revoked token is 403 on the classic APIs (only a missing header is 401)
        assertThat(sb.revokeAccessTokens(company)).isPositive();
        HttpResponse<String> expired = HTTP.get(list("/OPEN"), token);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(XmlDoc.text(XmlDoc.parse(expired.body()), "Message")).contains("expired or revoked");
        token = FisApiITSupport.token(sb, HTTP, company);
        assertThat(HTTP.get(at(sb.geolocation("us"), "/api/expense/paymentbatch/v1.1/batchlist/OPEN"), token)
                .statusCode()).isEqualTo(301);

        sb.registerApp("no-paybat", "secret", "http://localhost/x", "openid company.read EXTRCT");
        Map<String, String> form = Http.passwordGrant(company, sb.companyRequestToken(company));
        form.put("client_id", "no-paybat");
        form.put("client_secret", "secret");
        String noScope = json(HTTP.postForm(at(sb.geolocation("glz"), "/oauth2/v0/token"), form))
                .get("access_token").asString();
        HttpResponse<String> forbidden = HTTP.get(list("/OPEN"), noScope);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(XmlDoc.text(XmlDoc.parse(forbidden.body()), "Message")).contains("PAYBAT");

        String pro = FisApiITSupport.token(sb, HTTP, SandboxDemo.PROFESSIONAL_COMPANY);
        assertThat(HTTP.get(at(sb.geolocation("us"), "/api/expense/paymentbatch/v1.1/batchlist/OPEN"), pro)
                .statusCode()).isEqualTo(403);

        String other = sb.addCompany("Other Standard", "Standard Edition", "eu").uuid();
        String otherToken = FisApiITSupport.token(sb, HTTP, other);
        String url = XmlDoc.text(summaries("/OPEN").values().iterator().next(), "Batch-URL");
        assertThat(XmlDoc.children(XmlDoc.parse(HTTP.get(list(""), otherToken).body()))).isEmpty();
        assertThat(post(url + "/close", otherToken).statusCode()).isEqualTo(404);
        String fileUrl = XmlDoc.text(XmlDoc.parse(post(url + "/close", token).body()), "File-Url");
        assertThat(HTTP.get(link(fileUrl), otherToken).statusCode()).isEqualTo(400);
    }

    @Test
    void responsesHaveTheElementsOfTheOfficialExamples() throws Exception {
        Path examples = ConformanceIT.locateExamples().resolve("payment-batches-v1/historical-2015");
        Element exampleList = XmlDoc.parse(Files.readString(examples.resolve("get-batchlist-response.xml")).trim());
        String closeText = Files.readString(examples.resolve("close-batch-response.txt"));
        Element exampleClose = XmlDoc.parse(closeText.substring(closeText.indexOf('<')).trim());

        sb.fis().generate(company, 7L, 2, List.of(FisUseCase.VAT_SINGLE));
        Element listed = XmlDoc.parse(HTTP.get(list("/OPEN"), token).body());
        assertThat(listed.getNamespaceURI()).isEqualTo(exampleList.getNamespaceURI());
        assertThat(XmlDoc.childNames(XmlDoc.children(listed).get(0)))
                .containsExactlyElementsOf(XmlDoc.childNames(XmlDoc.children(exampleList).get(0)));
        String url = XmlDoc.text(XmlDoc.children(listed).get(0), "Batch-URL");
        Element closed = XmlDoc.parse(post(url + "/close", token).body());
        assertThat(closed.getNamespaceURI()).isEqualTo(exampleClose.getNamespaceURI());
        assertThat(XmlDoc.childNames(closed)).containsExactlyElementsOf(XmlDoc.childNames(exampleClose));
        assertThat(XmlDoc.text(closed, "BatchStatus")).isEqualTo(XmlDoc.text(exampleClose, "BatchStatus"));
        assertThat(XmlDoc.text(closed, "Status")).isEqualTo(XmlDoc.text(exampleClose, "Status"));
    }

    @Test
    void theAdminApiShowsBatchesAndSetsFaultsAndTheCloseTime() {
        sb.fis().generate(company, 8L, 2, List.of(FisUseCase.VAT_SINGLE));
        HttpResponse<String> listed = HTTP.get(at(sb.baseUri(), "/admin/payment-batches/companies/" + company
                + "/batches"), null);
        assertThat(json(listed)).hasSize(1);
        String batchId = json(listed).get(0).get("batchId").asString();
        assertThat(json(HTTP.get(at(sb.baseUri(), "/admin/payment-batches/batches/" + batchId), null))
                .get("status").asString()).isEqualTo("OPEN");
        assertThat(HTTP.get(at(sb.baseUri(), "/admin/payment-batches/batches/" + batchId + "/expected-journals"),
                null).statusCode()).as("not closed yet").isEqualTo(409);
        assertThat(HTTP.postJson(at(sb.baseUri(), "/admin/payment-batches/close-time?seconds=5"), "").statusCode())
                .isEqualTo(200);
        assertThat(HTTP.postJson(at(sb.baseUri(), "/admin/payment-batches/companies/" + company
                + "/next-batch/fault"), "{\"kind\":\"WRONG_TOTALS\"}").statusCode()).isEqualTo(200);
        String url = XmlDoc.text(summaries("/OPEN").values().iterator().next(), "Batch-URL");
        post(v12(url), token);
        sb.clock().advance(Duration.ofSeconds(5));
        assertThat(summaries("/CLOSED")).hasSize(1);
        assertThat(sb.paymentBatches().batch(batchId).fault()).isEqualTo(FileFault.wrongTotals());
        assertThat(json(HTTP.get(at(sb.baseUri(), "/admin/payment-batches/batches/" + batchId
                + "/expected-journals"), null)).properties()).hasSize(2);
        assertThat(HTTP.get(at(sb.baseUri(), "/admin/payment-batches/batches/nope"), null).statusCode())
                .isEqualTo(404);
    }
}

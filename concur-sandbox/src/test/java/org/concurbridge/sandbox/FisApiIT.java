package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.concurbridge.sandbox.faults.FaultRule;
import org.concurbridge.sandbox.fis.Fis;
import org.concurbridge.sandbox.fis.FisDocType;
import org.concurbridge.sandbox.fis.FisDocumentState;
import org.concurbridge.sandbox.fis.FisStatus;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * FIS v4 over real HTTP on loopback: paging, GET by docId, every per-document service code of section 2.5 with the
 * state transitions of section 3, recall and re-approval, FISVC scope, company isolation, request-level errors,
 * faults and latency, the admin API.
 */
class FisApiIT {

    private static final String FIS = "/financialintegration/fi/v4/companies/transactiontypes/";
    private static final Http HTTP = new Http();
    private static ConcurSandbox sb;
    private static int companies;

    private String company;
    private String token;

    @BeforeAll
    static void start() {
        sb = ConcurSandbox.builder().seed(11L).build().start();
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    @BeforeEach
    void freshCompany() {
        company = sb.addCompany("FIS company " + (++companies), "CTE", "us").uuid();
        token = token(company);
    }

    static String token(String company) {
        return FisApiITSupport.token(sb, HTTP, company);
    }

    private static URI uri(String docType, String suffix) {
        return at(sb.geolocation("us"), FIS + docType + "/transactions" + suffix);
    }

    private JsonNode get(String docType, String query) {
        HttpResponse<String> r = HTTP.get(uri(docType, query), token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private HttpResponse<String> post(String docType, String endpoint, String body, String bearer) {
        return HTTP.send(HttpRequest.newBuilder(uri(docType, "/" + endpoint)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private JsonNode ack(String docType, String... ids) {
        HttpResponse<String> r = post(docType, "acknowledgements",
                "{\"systemId\":\"ERP1\",\"ids\":" + Http.JSON.writeValueAsString(List.of(ids)) + "}", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    static String posting(String docId, String status) {
        return "{\"docId\":\"" + docId + "\",\"overallPostingStatusCode\":\"" + status + "\",\"postingDocs\":"
                + ("success".equals(status) ? "[{\"companyId\":\"1000\",\"documentNumber\":\"D-" + docId
                + "\",\"fiscalYear\":\"2026\",\"paymentRelevantLineItems\":[],\"postingDate\":\"2026-03-01\"}]" : "[]")
                + ",\"systemMessages\":[" + ("error".equals(status) ? "{\"concurTransactionLineItemId\":\"\","
                + "\"messageId\":\"E1\",\"messageLanguage\":\"EN\",\"messageLongText\":\"\",\"messageShortText\":"
                + "\"Unknown account 474230 on line 1\"}" : "") + "]}";
    }

    private JsonNode confirm(String docType, String systemId, String... items) {
        HttpResponse<String> r = post(docType, "postingconfirmations", "{\"systemId\":\"" + systemId
                + "\",\"postingConfirmations\":[" + String.join(",", items) + "]}", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    static String payment(String docId, String status, String ref, String date) {
        return "{\"docId\":\"" + docId + "\",\"processingStatusCode\":\"" + status + "\",\"clearingDetails\":[{"
                + "\"clearingDate\":\"" + date + "\",\"clearingAmount\":120.50,\"clearingCurrency\":\"USD\","
                + "\"receiver\":{\"receiverId\":\"E1\",\"receiverName\":\"Anna\",\"receiverType\":\"EMPLOYEE\"},"
                + "\"clearingReference\":{\"companyCode\":\"1000\",\"financialDocumentId\":\"D1\",\"fiscalYear\":"
                + "\"2026\",\"paymentRef\":\"" + ref + "\",\"paymentMethod\":\"E\"}}]}";
    }

    private JsonNode pay(String... items) {
        HttpResponse<String> r = post("expense", "paymentconfirmations", "{\"systemId\":\"ERP1\","
                + "\"processingConfirmation\":[" + String.join(",", items) + "]}", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private List<String> generate(int count, FisUseCase... mix) {
        return sb.fis().generate(company, companies, count, List.of(mix));
    }

    @Test
    void pagesThroughReadyDocumentsFollowingTheNextLinks() {
        List<String> ids = generate(60, FisUseCase.CASH);
        generate(0);
        JsonNode first = get("expense", "?limit=25");
        assertThat(first.get("page").toString())
                .isEqualTo("{\"size\":25,\"totalElements\":60,\"totalPages\":3,\"number\":0}");
        assertThat(first.get("links").findValuesAsString("rel")).containsExactly("first", "self", "next", "last");
        Set<String> seen = new HashSet<>();
        JsonNode page = first;
        int pages = 0;
        while (true) {
            pages++;
            page.get("content").forEach(d -> {
                assertThat(d.get("docStatus").asString()).isEqualTo("READY");
                assertThat(d.get("companyUuid").asString()).isEqualTo(company);
                assertThat(d.get("document").get("report").isObject()).isTrue();
                seen.add(d.get("id").asString());
            });
            JsonNode next = null;
            for (JsonNode l : page.get("links")) {
                if (l.get("rel").asString().equals("next")) {
                    next = l;
                }
            }
            if (next == null) {
                break;
            }
            HttpResponse<String> r = HTTP.get(URI.create(next.get("href").asString()), token);
            page = json(r);
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(get("expense", "").get("content")).as("default limit 25").hasSize(25);
        assertThat(get("expense", "?limit=500").get("page").get("size").asInt()).as("capped").isEqualTo(100);
        assertThat(get("invoice", "").get("page").get("totalElements").asInt()).as("per docType").isZero();
    }

    @Test
    void theExampleFilesEnvelopeCanBeServed() {
        List<String> ids = generate(2, FisUseCase.INVOICE);
        sb.fis().envelope(Fis.Envelope.FI_DOCUMENTS);
        try {
            JsonNode all = get("invoice", "");
            assertThat(all.get("fIDocuments")).hasSize(2);
            assertThat(all.get("numberReturned").asInt()).isEqualTo(2);
            assertThat(all.get("nextPage").isNull()).isTrue();
            assertThat(get("invoice", "?docId=" + ids.get(1)).get("fIDocuments").get(0).get("id").asString())
                    .isEqualTo(ids.get(1));
        } finally {
            sb.fis().envelope(Fis.Envelope.PAGE);
        }
    }

    @Test
    void acknowledgedDocumentsLeaveTheQueueAndDocIdHonoursIgnoreDocumentStatus() {
        List<String> ids = generate(3, FisUseCase.INVOICE);
        assertThat(get("invoice", "?docId=" + ids.get(0)).get("content")).hasSize(1);
        assertThat(ack("invoice", ids.get(0)).get(0).get("code").asInt()).isZero();
        assertThat(get("invoice", "").get("page").get("totalElements").asInt()).isEqualTo(2);
        assertThat(get("invoice", "?docId=" + ids.get(0)).has("content")).as("an empty answer has no content").isFalse();
        HttpResponse<String> unknown = HTTP.get(uri("invoice", "?docId=0123456789ABCDEF0123456789ABCDEF"), token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("message").asString()).contains("0123456789ABCDEF0123456789ABCDEF");
        JsonNode again = get("invoice", "?docId=" + ids.get(0) + "&ignoreDocumentStatus=yes").get("content");
        assertThat(again.get(0).get("docStatus").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(again.get(0).get("erpSystemId").asString()).isEqualTo("ERP1");
        HttpResponse<String> text = HTTP.send(HttpRequest.newBuilder(uri("invoice", "?docId=" + ids.get(1)))
                .header("Authorization", "Bearer " + token).header("documentFormatAs", "text").GET().build());
        JsonNode doc = json(text).get("content").get(0).get("document");
        assertThat(doc.isString()).isTrue();
        assertThat(Http.JSON.readTree(doc.asString()).get("requestHeader").get("requestId").isString()).isTrue();
    }

    @Test
    void acknowledgementCodes() {
        List<String> ids = generate(6, FisUseCase.CASH);
        String invoice = generate(1, FisUseCase.INVOICE).get(0);
        sb.fis().recall(ids.get(2));
        sb.fis().setStatus(ids.get(3), FisStatus.PENDING_SYSTEM_REFRESH);
        sb.fis().failNext(ids.get(4), 1);
        ack("expense", ids.get(1));
        JsonNode r = ack("expense", ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(4), "0000", invoice);
        assertThat(r.findValues("code")).extracting(JsonNode::asInt).containsExactly(0, 101, 102, 103, 199, 104, 105);
        assertThat(r.findValuesAsString("acknowledgeResult"))
                .containsExactly("SUCCESS", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE");
        assertThat(r.get(1).get("errorMessage").asString())
                .isEqualTo("This document was previously acknowledged by SystemId: ERP1.");
        assertThat(ack("expense", ids.get(4)).get(0).get("code").asInt()).as("199 was transient").isZero();
        assertThat(sb.fis().state(ids.get(0)).status()).isEqualTo(FisStatus.ACKNOWLEDGED);
    }

    @Test
    void postingConfirmationCodesAndTransitions() {
        List<String> ids = generate(8, FisUseCase.ALLOCATION);
        String invoice = generate(1, FisUseCase.INVOICE).get(0);
        ack("expense", ids.get(0), ids.get(1), ids.get(3), ids.get(4), ids.get(6));
        sb.fis().recall(ids.get(3));
        sb.fis().setStatus(ids.get(4), FisStatus.PENDING_SYSTEM_REFRESH);
        JsonNode r = confirm("expense", "ERP1", posting(ids.get(0), "success"), posting(ids.get(1), "error"),
                posting(ids.get(2), "success"), posting(ids.get(3), "success"), posting(ids.get(4), "success"),
                posting("ffff", "success"), posting(invoice, "success"), posting(ids.get(6), "maybe"));
        assertThat(r.findValues("code")).extracting(JsonNode::asInt)
                .containsExactly(0, 0, 111, 112, 114, 116, 115, 198);
        assertThat(r.findValuesAsString("postingConfirmationResult")).containsExactly("SUCCESS", "SUCCESS",
                "NOT_YET_ACKNOWLEDGED", "WAS_RECALLED", "FAILURE", "DOCUMENT_NOT_FOUND", "FAILURE", "FAILURE");
        assertThat(confirm("expense", "ERP1", posting(ids.get(0), "error")).get(0).get("code").asInt())
                .as("confirming twice").isEqualTo(113);
        assertThat(confirm("expense", "OTHER", posting(ids.get(6), "success")).get(0).get("code").asInt())
                .as("another systemId").isEqualTo(99);
        FisDocumentState ok = sb.fis().state(ids.get(0));
        assertThat(ok.status()).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
        assertThat(ok.postingConfirmations()).singleElement()
                .satisfies(c -> assertThat(c.get("postingDocs").get(0).get("companyId").asString()).isEqualTo("1000"));
        assertThat(ok.history()).extracting(FisDocumentState.Transition::to).containsExactly(FisStatus.READY,
                FisStatus.ACKNOWLEDGED, FisStatus.POSTING_CONFIRMED_SUCCESS);
        assertThat(sb.fis().state(ids.get(1)).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_FAILURE);
        assertThat(sb.fis().state(ids.get(1)).postingConfirmations().get(0).get("systemMessages").get(0)
                .get("messageShortText").asString()).isEqualTo("Unknown account 474230 on line 1");
    }

    @Test
    void paymentConfirmationCodesAndTransitions() {
        List<String> ids = generate(5, FisUseCase.CASH);
        ack("expense", ids.get(0), ids.get(1), ids.get(2), ids.get(3));
        confirm("expense", "ERP1", posting(ids.get(0), "success"), posting(ids.get(1), "success"),
                posting(ids.get(2), "error"));
        String iso = "2026-03-02T12:00:00.000Z";
        JsonNode r = pay(payment(ids.get(0), "PP", "R-1", iso), payment(ids.get(0), "CP", "R-2", "20260303"),
                payment(ids.get(0), "PP", "R-3", iso), payment(ids.get(1), "CP", "R-1", iso),
                payment(ids.get(1), "XX", "R-4", iso), payment(ids.get(1), "CP", "R-5", "03/02/2026"),
                payment(ids.get(2), "CP", "R-6", iso), payment(ids.get(3), "CP", "R-7", iso),
                payment(ids.get(4), "CP", "R-8", iso), payment("0000", "CP", "R-9", iso));
        assertThat(r.findValues("code")).extracting(JsonNode::asInt)
                .containsExactly(0, 0, 213, 298, 298, 298, 111, 111, 111, 116);
        assertThat(r.findValuesAsString("paymentConfirmationResult")).containsExactly("SUCCESS", "SUCCESS", "FAILURE",
                "NOOP", "FAILURE", "FAILURE", "NOT_POSTING_CONFIRMED", "NOT_POSTING_CONFIRMED", "NOT_POSTING_CONFIRMED",
                "FAILURE");
        assertThat(r.get(3).get("errorMessage").asString()).isEqualTo("Payment confirmation already exist R-1.");
        assertThat(r.get(0).get("errorMessage").isNull()).isTrue();
        assertThat(r.get(0).get("paymentRef").asString()).isEqualTo("R-1");
        assertThat(sb.fis().state(ids.get(0)).status()).isEqualTo(FisStatus.PAYMENT_CONFIRMED_SUCCESS);
        assertThat(sb.fis().state(ids.get(0)).paymentConfirmations()).hasSize(2);
        assertThat(pay(payment(ids.get(1), "RE", "R-10", iso)).get(0).get("code").asInt()).isZero();
        assertThat(sb.fis().state(ids.get(1)).status()).isEqualTo(FisStatus.PAYMENT_CONFIRMED_REVERSED);
        // after an RE the document takes PP/CP again; after that CP only an RE; an OB closes it
        assertThat(pay(payment(ids.get(1), "PP", "R-12", iso), payment(ids.get(1), "CP", "R-13", iso),
                payment(ids.get(1), "PP", "R-14", iso), payment(ids.get(1), "RE", "R-15", iso),
                payment(ids.get(1), "OB", "R-16", iso), payment(ids.get(1), "CP", "R-17", iso),
                payment(ids.get(1), "RE", "R-18", iso)).findValues("code")).extracting(JsonNode::asInt)
                .containsExactly(0, 0, 213, 0, 0, 213, 213);
        assertThat(sb.fis().state(ids.get(1)).status()).isEqualTo(FisStatus.PAYMENT_CONFIRMED_OBSOLETE);
        assertThat(sb.fis().state(ids.get(1)).paymentConfirmations()).extracting(
                n -> n.get("processingStatusCode").asString()).containsExactly("RE", "PP", "CP", "RE", "OB");
        HttpResponse<String> invoice = post("invoice", "paymentconfirmations",
                "{\"systemId\":\"\",\"processingConfirmation\":[" + payment(ids.get(0), "CP", "R-11", iso) + "]}",
                token);
        assertThat(invoice.statusCode()).isEqualTo(400);
        assertThat(json(invoice).get("message").asString()).contains("expense only");
    }

    @Test
    void recallAndReapprovalUnderANewIdOrTheSameId() {
        List<String> ids = generate(2, FisUseCase.VAT_SINGLE);
        ack("expense", ids.get(0));
        confirm("expense", "ERP1", posting(ids.get(0), "error"));
        sb.fis().recall(ids.get(0));
        String again = sb.fis().reapprove(ids.get(0));
        assertThat(again).isNotEqualTo(ids.get(0));
        JsonNode queued = get("expense", "?docId=" + again).get("content").get(0);
        assertThat(queued.get("document").get("report").get("revisionNumber").asString()).isEqualTo("2");
        assertThat(queued.get("document").get("report").get("reportId").asString())
                .isEqualTo(sb.fis().document(ids.get(0)).get("report").get("reportId").asString());
        assertThat(sb.fis().state(again).previousId()).isEqualTo(ids.get(0));
        assertThat(sb.fis().expectedJournal(again).orElseThrow().lines())
                .isEqualTo(sb.fis().expectedJournal(ids.get(0)).orElseThrow().lines());
        assertThat(ack("expense", ids.get(0)).get(0).get("code").asInt()).as("old id stays recalled").isEqualTo(102);

        sb.fis().recall(ids.get(1));
        assertThat(sb.fis().reapprove(ids.get(1), false, null)).isEqualTo(ids.get(1));
        JsonNode same = get("expense", "?docId=" + ids.get(1)).get("content").get(0);
        assertThat(same.get("document").get("report").get("revisionNumber").asString()).isEqualTo("2");
        assertThat(ack("expense", ids.get(1)).get(0).get("code").asInt()).isZero();
        assertThatThrownBy(() -> sb.fis().reapprove(ids.get(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only a recalled document");
    }

    @Test
    void requiresACompanyTokenWithFisvcAndIsolatesCompanies() {
        String mine = generate(1, FisUseCase.CASH).get(0);
        assertThat(HTTP.get(uri("expense", ""), null).statusCode()).isEqualTo(401);
        sb.registerApp("no-fis-app", "no-fis-secret", "http://localhost/x", "openid company.read");
        java.util.Map<String, String> form = Http.passwordGrant(company, sb.companyRequestToken(company));
        form.put("client_id", "no-fis-app");
        form.put("client_secret", "no-fis-secret");
        String noFis = json(HTTP.postForm(at(sb.geolocation("glz"), "/oauth2/v0/token"), form))
                .get("access_token").asString();
        HttpResponse<String> forbidden = HTTP.get(uri("expense", ""), noFis);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(json(forbidden).get("message").asString()).contains("FISVC");

        String other = sb.addCompany("Other FIS company", "CTE", "us").uuid();
        String otherToken = token(other);
        assertThat(json(HTTP.get(uri("expense", ""), otherToken)).has("content")).isFalse();
        assertThat(HTTP.get(uri("expense", "?docId=" + mine + "&ignoreDocumentStatus=yes"), otherToken).statusCode())
                .as("another company's document is unknown").isEqualTo(404);
        assertThat(json(post("expense", "acknowledgements", "{\"ids\":[\"" + mine + "\"]}", otherToken))
                .get(0).get("code").asInt()).isEqualTo(104);
        assertThat(sb.fis().state(mine).status()).isEqualTo(FisStatus.READY);
        HttpResponse<String> elsewhere = HTTP.get(at(sb.geolocation("eu"), FIS + "expense/transactions"), token);
        assertThat(elsewhere.statusCode()).isEqualTo(301);
    }

    @Test
    void requestLevelErrorsAnswer400Or404WithAMessage() {
        assertThat(post("expense", "acknowledgements", "{not json", token).statusCode()).isEqualTo(400);
        assertThat(json(post("expense", "acknowledgements", "{\"systemId\":\"\"}", token)).get("message").asString())
                .contains("'ids'");
        assertThat(json(post("expense", "postingconfirmations", "{\"postingConfirmations\":[]}", token))
                .get("message").asString()).contains("'systemId'");
        assertThat(HTTP.get(uri("payroll", ""), token).statusCode()).isEqualTo(404);
        assertThat(HTTP.get(uri("expense", "?page=-1"), token).statusCode()).isEqualTo(400);
        StringBuilder many = new StringBuilder("{\"ids\":[");
        for (int i = 0; i <= 1000; i++) {
            many.append(i == 0 ? "" : ",").append("\"x").append(i).append('"');
        }
        assertThat(post("expense", "acknowledgements", many + "]}", token).statusCode()).isEqualTo(400);
    }

    @Test
    void faultRulesAndLatencyApplyToFisEndpoints() {
        generate(1, FisUseCase.CASH);
        String id = sb.faults().add(FaultRule.on("GET", FIS + "*/transactions").status(429)
                .retryAfter(Duration.ofSeconds(2)).company(company).times(1));
        HttpResponse<String> limited = HTTP.get(uri("expense", ""), token);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(HTTP.get(uri("expense", ""), token).statusCode()).isEqualTo(200);
        sb.faults().remove(id);
        sb.fis().latency(Duration.ofMillis(30));
        try {
            long started = System.nanoTime();
            assertThat(HTTP.get(uri("expense", ""), token).statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        } finally {
            sb.fis().latency(Duration.ZERO);
        }
        assertThat(sb.requests()).extracting(RecordedRequest::path).contains(FIS + "expense/transactions");
    }

    @Test
    void adminApiGeneratesRecallsReapprovesAndReportsStatesAndJournals() {
        URI admin = at(sb.baseUri(), "/admin/fis/companies/" + company);
        JsonNode generated = json(HTTP.postJson(at(admin, "/generate"),
                "{\"seed\":5,\"count\":4,\"mix\":[\"2.4\",\"INVOICE\"]}"));
        assertThat(generated.get("count").asInt()).isEqualTo(4);
        String id = generated.get("ids").get(0).asString();
        URI doc = at(sb.baseUri(), "/admin/fis/documents/" + id);
        JsonNode journal = json(HTTP.get(at(doc, "/expected-journal"), null));
        assertThat(journal.get("useCase").asString()).isEqualTo("VAT_PARTIAL");
        assertThat(journal.get("lines").findValuesAsString("account")).contains("V19P", "EMPL");
        assertThat(json(HTTP.get(at(doc, "/document"), null)).get("report").get("reportId").isString()).isTrue();
        assertThat(json(HTTP.postJson(at(doc, "/recall"), "")).get("status").asString()).isEqualTo("RECALLED");
        JsonNode re = json(HTTP.postJson(at(doc, "/reapprove"), ""));
        assertThat(re.get("status").asString()).isEqualTo("READY");
        assertThat(re.get("previousId").asString()).isEqualTo(id);
        assertThat(re.get("revision").asInt()).isEqualTo(2);
        assertThat(HTTP.postJson(at(doc, "/recall"), "").statusCode()).as("already recalled").isEqualTo(409);
        String bare = sb.fis().document(generated.get("ids").get(1).asString()).toString();
        JsonNode loaded = json(HTTP.postJson(at(admin, "/documents?docType=invoice"), bare));
        assertThat(HTTP.get(at(sb.baseUri(), "/admin/fis/documents/" + loaded.get("ids").get(0).asString()
                + "/expected-journal"), null).statusCode()).isEqualTo(404);
        assertThat(json(HTTP.get(at(admin, "/counts"), null)).get("READY").asInt()).as("3 + re-approved + loaded")
                .isEqualTo(5);
        assertThat(HTTP.get(at(sb.baseUri(), "/admin/fis/documents/nope"), null).statusCode()).isEqualTo(404);
        assertThat(HTTP.postJson(at(admin, "/generate"), "{\"seed\":1,\"count\":1,\"mix\":[\"9.9\"]}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void everyOfficialExpenseInvoiceAndCashAdvanceExampleLoadsAsAFixture() {
        List<String> ids = sb.fis().loadFixtures(company, ConformanceIT.locateExamples().resolve("fis/documents"));
        assertThat(ids).hasSize(32).doesNotHaveDuplicates();
        assertThat(get("expense", "?limit=100").get("page").get("totalElements").asInt()).isEqualTo(27);
        assertThat(get("cashadvance", "").get("page").get("totalElements").asInt()).isEqualTo(4);
        JsonNode invoices = get("invoice", "").get("content");
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).get("document").get("vendor").get("vendorName").asString()).isEqualTo("Test Vendor");
        List<FisDocType> types = new ArrayList<>();
        sb.fis().documents(company).forEach(s -> types.add(s.docType()));
        assertThat(types).containsOnly(FisDocType.values());
    }
}

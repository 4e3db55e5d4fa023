package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.concurbridge.client.fis.ExpenseDocument;
import org.concurbridge.client.fis.FisClient;
import org.concurbridge.client.fis.FisDocument;
import org.concurbridge.client.fis.FisDocumentKind;
import org.concurbridge.client.fis.FisOutcome;
import org.concurbridge.client.fis.FisPage;
import org.concurbridge.client.fis.FisReadResult;
import org.concurbridge.client.fis.FisServiceCode;
import org.concurbridge.client.fis.PaymentConfirmation;
import org.concurbridge.client.fis.PostingConfirmation;
import org.concurbridge.sandbox.RecordedRequest;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.faults.FaultRule;
import org.concurbridge.sandbox.fis.FisDocType;
import org.concurbridge.sandbox.fis.FisStatus;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@link FisClient} against the sandbox's FIS v4 over loopback HTTP. */
class FisClientIT extends SandboxTestSupport {

    private static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;
    private static final String BASE = "/financialintegration/fi/v4/companies/transactiontypes/";

    private FisClient fis;

    @BeforeEach
    void client() {
        fis = concur(managerFor(COMPANY)).fis().withSystemId("ERP-1");
    }

    private List<String> generate(int count, FisUseCase... mix) {
        return sandbox.fis().generate(COMPANY, 42L, count, List.of(mix));
    }

    private static List<String> ids(FisPage page) {
        return page.documents().stream().map(FisReadResult::id).toList();
    }

    @Test
    void pagesThroughEveryGeneratedDocumentOfEachKindAndParsesThemAll() {
        List<String> generated = generate(3 * FisUseCase.values().length);
        for (FisDocumentKind kind : FisDocumentKind.values()) {
            Set<String> expected = new HashSet<>();
            generated.stream().filter(id -> sandbox.fis().state(id).docType() == FisDocType.fromPath(kind.docType())
                    .orElseThrow()).forEach(expected::add);
            List<String> seen = new ArrayList<>();
            FisClient small = fis.withPageSize(7);
            FisPage page = small.transactions(kind);
            int pages = 1;
            seen.addAll(ids(page));
            assertThat(page.malformed()).isEmpty();
            while (page.nextPage() != null) {
                page = small.transactions(kind, page.nextPage());
                assertThat(page.malformed()).as(kind + " page " + page.number()).isEmpty();
                seen.addAll(ids(page));
                pages++;
            }
            assertThat(seen).as(kind.docType()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(pages).isEqualTo((expected.size() + 6) / 7);
            assertThat(page.totalElements()).isEqualTo(expected.size());
        }
    }

    @Test
    void readAcknowledgeAndReadTheFirstPageAgainDrainsTheQueue() {
        List<String> generated = generate(60, FisUseCase.CASH, FisUseCase.ITEMIZED_HOTEL);
        List<String> acknowledged = new ArrayList<>();
        for (FisPage page = fis.transactions(FisDocumentKind.EXPENSE); !page.documents().isEmpty();
             page = fis.transactions(FisDocumentKind.EXPENSE)) {
            List<FisOutcome> outcomes = fis.acknowledge(FisDocumentKind.EXPENSE, ids(page));
            assertThat(outcomes).allMatch(FisOutcome::isDone);
            acknowledged.addAll(ids(page));
        }
        assertThat(acknowledged).containsExactlyInAnyOrderElementsOf(generated);
        assertThat(requests("GET", BASE + "expense/transactions")).hasSize(4);
        assertThat(sandbox.fis().state(generated.get(0)).erpSystemId()).isEqualTo("ERP-1");
    }

    @Test
    void anEmptyQueueWithoutContentTheExampleEnvelopeAndAnUnknownDocIdAreAnswersNotFailures() {
        FisPage empty = fis.transactions(FisDocumentKind.INVOICE);
        assertThat(empty.documents()).isEmpty();
        assertThat(empty.nextPage()).isNull();
        assertThat(requests("GET", BASE + "invoice/transactions")).extracting(RecordedRequest::status)
                .as("read once, not retried as a malformed body").containsExactly(200);

        String unknown = "0123456789ABCDEF0123456789ABCDEF";
        assertThat(fis.document(FisDocumentKind.INVOICE, unknown, true)).isEmpty();
        assertThat(sandbox.requests()).filteredOn(r -> r.path().equals(BASE + "invoice/transactions"))
                .extracting(RecordedRequest::status).containsExactly(200, 404);

        List<String> ids = generate(3, FisUseCase.INVOICE);
        sandbox.fis().envelope(org.concurbridge.sandbox.fis.Fis.Envelope.FI_DOCUMENTS);
        FisPage examples = fis.transactions(FisDocumentKind.INVOICE);
        assertThat(ids(examples)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(examples.malformed()).isEmpty();
        assertThat(examples.nextPage()).isNull();
        assertThat(fis.document(FisDocumentKind.INVOICE, ids.get(0))).map(FisReadResult::id).contains(ids.get(0));
    }

    @Test
    void acknowledgePostAndPayRoundTripWithServiceCodes() {
        List<String> ids = generate(3, FisUseCase.CASH);
        assertThat(fis.acknowledge(FisDocumentKind.EXPENSE, ids)).allMatch(o -> o.code() == FisServiceCode.SUCCESS);
        FisOutcome again = fis.acknowledge(FisDocumentKind.EXPENSE, ids.subList(0, 1)).get(0);
        assertThat(again.code()).isEqualTo(FisServiceCode.ALREADY_ACKNOWLEDGED);
        assertThat(again.meaning()).isEqualTo(FisServiceCode.Meaning.ALREADY_DONE);
        assertThat(again.errorMessage()).contains("ERP-1");

        List<FisOutcome> posted = fis.confirmPostings(FisDocumentKind.EXPENSE, List.of(
                PostingConfirmation.success(ids.get(0), new PostingConfirmation.PostingDoc("1000", "JE-77", "2026",
                        LocalDate.of(2026, 3, 2))),
                PostingConfirmation.error(ids.get(1), new PostingConfirmation.SystemMessage("entry-1", "ACC-404",
                        "EN", "Unknown account 474230 on line 1"))));
        assertThat(posted).extracting(FisOutcome::code).containsExactly(FisServiceCode.SUCCESS, FisServiceCode.SUCCESS);
        assertThat(sandbox.fis().state(ids.get(0)).status()).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
        assertThat(sandbox.fis().state(ids.get(0)).postingConfirmations().get(0).get("postingDocs").get(0)
                .get("documentNumber").asString()).isEqualTo("JE-77");
        assertThat(sandbox.fis().state(ids.get(1)).postingConfirmations().get(0).get("systemMessages").get(0)
                .get("messageShortText").asString()).isEqualTo("Unknown account 474230 on line 1");
        FisOutcome twice = fis.confirmPostings(FisDocumentKind.EXPENSE,
                List.of(PostingConfirmation.success(ids.get(0)))).get(0);
        assertThat(twice.code()).isEqualTo(FisServiceCode.ALREADY_CONFIRMED);
        assertThat(twice.isDone()).isTrue();
        assertThat(fis.confirmPostings(FisDocumentKind.EXPENSE, List.of(PostingConfirmation.success(ids.get(2))))
                .get(0).code()).isEqualTo(FisServiceCode.SUCCESS);

        PaymentConfirmation paid = payment(ids.get(0), "1000/JE-77/2026/1");
        assertThat(fis.confirmPayments(List.of(paid)).get(0).code()).isEqualTo(FisServiceCode.SUCCESS);
        assertThat(sandbox.fis().state(ids.get(0)).status()).isEqualTo(FisStatus.PAYMENT_CONFIRMED_SUCCESS);
        assertThat(sandbox.fis().state(ids.get(0)).paymentConfirmations().get(0).get("clearingDetails").get(0)
                .get("clearingDate").asString()).isEqualTo("2026-03-05T10:00:00.000Z");
        FisOutcome duplicate = fis.confirmPayments(List.of(payment(ids.get(2), "1000/JE-77/2026/1"))).get(0);
        assertThat(duplicate.code()).isEqualTo(FisServiceCode.INVALID_PAYMENT_REQUEST);
        assertThat(duplicate.result()).isEqualTo("NOOP");
        assertThat(duplicate.meaning()).isEqualTo(FisServiceCode.Meaning.ALREADY_DONE);
        FisOutcome beforePosting = fis.confirmPayments(List.of(payment(ids.get(1), "R-2"))).get(0);
        assertThat(beforePosting.meaning()).isEqualTo(FisServiceCode.Meaning.NOT_YET);
        assertThat(beforePosting.result()).isEqualTo("NOT_POSTING_CONFIRMED");
    }

    private static PaymentConfirmation payment(String docId, String ref) {
        return new PaymentConfirmation(docId, PaymentConfirmation.Status.CP, null, List.of(
                new PaymentConfirmation.Clearing(Instant.parse("2026-03-05T10:00:00Z"), new BigDecimal("120.50"),
                        "USD", "E1", "Anna", "EMPLOYEE", "1000", "JE-77", "2026", ref, "E")));
    }

    @Test
    void aRecallMidFlowShowsAs102Or112() {
        List<String> ids = generate(2, FisUseCase.VAT_SINGLE);
        FisPage page = fis.transactions(FisDocumentKind.EXPENSE);
        assertThat(ids(page)).containsExactlyElementsOf(ids);
        sandbox.fis().recall(ids.get(0));
        List<FisOutcome> acked = fis.acknowledge(FisDocumentKind.EXPENSE, ids);
        assertThat(acked.get(0).code()).isEqualTo(FisServiceCode.RECALLED_BEFORE_ACKNOWLEDGEMENT);
        assertThat(acked.get(0).meaning()).isEqualTo(FisServiceCode.Meaning.RECALLED);
        sandbox.fis().recall(ids.get(1));
        FisOutcome confirmed = fis.confirmPostings(FisDocumentKind.EXPENSE,
                List.of(PostingConfirmation.success(ids.get(1)))).get(0);
        assertThat(confirmed.code()).isEqualTo(FisServiceCode.RECALLED_BEFORE_CONFIRMATION);
        assertThat(confirmed.result()).isEqualTo("WAS_RECALLED");
        String reapproved = sandbox.fis().reapprove(ids.get(1));
        FisDocument back = ((FisReadResult.Parsed) fis.document(FisDocumentKind.EXPENSE, reapproved).orElseThrow())
                .document();
        assertThat(((ExpenseDocument) back.document()).report().revisionNumber()).isEqualTo(2);
    }

    @Test
    void http429And503AreRetriedHonouringRetryAfter() {
        List<String> ids = generate(2, FisUseCase.CASH);
        sandbox.faults().add(FaultRule.on("GET", BASE + "expense/transactions").status(429)
                .retryAfter(Duration.ofSeconds(3)).times(1));
        sandbox.faults().add(FaultRule.on("POST", BASE + "expense/transactions/acknowledgements").status(503)
                .times(2));

        FisPage page = fis.transactions(FisDocumentKind.EXPENSE);
        List<FisOutcome> outcomes = fis.acknowledge(FisDocumentKind.EXPENSE, ids(page));

        assertThat(ids(page)).containsExactlyElementsOf(ids);
        assertThat(outcomes).allMatch(o -> o.code() == FisServiceCode.SUCCESS);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(requests("POST", BASE + "expense/transactions/acknowledgements"))
                .extracting(RecordedRequest::status).containsExactly(503, 503, 200);
    }

    @Test
    void aTruncatedAnswerIsRetriedAndTheRepeatReportsAlreadyDone() {
        String id = generate(1, FisUseCase.CASH).get(0);
        sandbox.faults().add(FaultRule.on("POST", BASE + "expense/transactions/acknowledgements").malformed()
                .times(1));

        FisOutcome outcome = fis.acknowledge(FisDocumentKind.EXPENSE, List.of(id)).get(0);

        assertThat(outcome.code()).isEqualTo(FisServiceCode.ALREADY_ACKNOWLEDGED);
        assertThat(outcome.isDone()).isTrue();
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void persistent503EndsAsRetriableNamingTheOperation() {
        sandbox.faults().add(FaultRule.on("GET", BASE + "invoice/transactions").status(503));

        ConcurException.Retriable e = catchThrowableOfType(ConcurException.Retriable.class,
                () -> fis.transactions(FisDocumentKind.INVOICE));

        assertThat(e.getMessage()).startsWith("fisTransactions failed: HTTP 503");
        assertThat(requests("GET", BASE + "invoice/transactions")).hasSize(3);
    }

    @Test
    void aMalformedDocumentIsReportedWithItsIdAndPathAndTheRestOfThePageIsUsable() {
        List<String> good = generate(3, FisUseCase.CASH);
        ObjectNode broken = sandbox.fis().document(good.get(0));
        ((ObjectNode) broken.get("expenseEntry").get(0)).put("entryApprovedAmount", "twelve");
        String bad = sandbox.fis().add(COMPANY, FisDocType.EXPENSE,
                JsonMapper.builder().build().writeValueAsString(broken)).get(0);

        FisPage page = fis.transactions(FisDocumentKind.EXPENSE);

        assertThat(page.parsed()).extracting(FisDocument::id).containsExactlyElementsOf(good);
        assertThat(page.malformed()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(bad);
            assertThat(m.jsonPath()).isEqualTo("$.content[3].document.expenseEntry[0].entryApprovedAmount");
            assertThat(m.reason()).contains("number");
        });
    }

    @Test
    void longListsAreSentInBatchesAndAnsweredInOrder() {
        List<String> ids = generate(230, FisUseCase.CASH);
        List<String> asked = new ArrayList<>(ids);
        asked.add(1, "0123456789abcdef0123456789abcdef");

        List<FisOutcome> outcomes = fis.acknowledge(FisDocumentKind.EXPENSE, asked);

        assertThat(outcomes).extracting(FisOutcome::docId).containsExactlyElementsOf(asked);
        assertThat(outcomes.get(1).code()).isEqualTo(FisServiceCode.NOT_FOUND_ON_ACKNOWLEDGEMENT);
        assertThat(outcomes).filteredOn(o -> o.code() == FisServiceCode.SUCCESS).hasSize(230);
        assertThat(requests("POST", BASE + "expense/transactions/acknowledgements")).hasSize(3);
    }

    @Test
    void documentByIdWhileReadyOrWhateverItsStatus() {
        String id = generate(1, FisUseCase.INVOICE).get(0);
        assertThat(fis.document(FisDocumentKind.INVOICE, id)).isPresent();
        fis.acknowledge(FisDocumentKind.INVOICE, List.of(id));
        assertThat(fis.document(FisDocumentKind.INVOICE, id)).isEmpty();
        FisReadResult any = fis.document(FisDocumentKind.INVOICE, id, true).orElseThrow();
        assertThat(((FisReadResult.Parsed) any).document().docStatus()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void requestBodiesHaveEveryMemberOfTheOfficialRequestExamples() {
        List<String> ids = generate(1, FisUseCase.CASH);
        fis.acknowledge(FisDocumentKind.EXPENSE, ids);
        fis.confirmPostings(FisDocumentKind.EXPENSE, List.of(PostingConfirmation.success(ids.get(0),
                new PostingConfirmation.PostingDoc("1000", "JE-1", "2026", LocalDate.of(2026, 3, 2))),
                PostingConfirmation.error("0c06ab044834454d91f83cbd7b6431d2", PostingConfirmation.SystemMessage.of("x"))));
        fis.confirmPayments(List.of(new PaymentConfirmation(ids.get(0), PaymentConfirmation.Status.RE, "wrong system",
                payment(ids.get(0), "R-1").clearings())));
        for (String[] pair : new String[][] {{"acknowledgements", "post-acknowledgements-request.json"},
            {"postingconfirmations", "post-postingconfirmations-request.json"},
            {"paymentconfirmations", "post-paymentconfirmations-request.json"}}) {
            RecordedRequest sent = requests("POST", BASE + "expense/transactions/" + pair[0]).get(0);
            JsonNode example = JSON.readTree(ConcurApiExamples.examples("fis/api").resolve(pair[1]).toFile());
            assertThat(missing(example, JSON.readTree(sent.body()), "$")).as(pair[1]).isEmpty();
            assertThat(sent.headers()).containsEntry("Content-Type", "application/json");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Members of the example (recursively; arrays by their first element) that the actual body lacks. */
    private static List<String> missing(JsonNode example, JsonNode actual, String path) {
        List<String> out = new ArrayList<>();
        if (example.isObject()) {
            for (String name : example.propertyNames()) {
                if (!actual.has(name)) {
                    out.add(path + "." + name);
                } else {
                    out.addAll(missing(example.get(name), actual.get(name), path + "." + name));
                }
            }
        } else if (example.isArray() && !example.isEmpty() && actual.isArray() && !actual.isEmpty()) {
            out.addAll(missing(example.get(0), actual.get(0), path + "[0]"));
        }
        return out;
    }

    @Test
    void aRevokedConnectionIsAnAuthenticationFailure() {
        generate(1, FisUseCase.CASH);
        sandbox.revokeAll(COMPANY);
        sandbox.clock().advance(Duration.ofHours(2));

        ConcurException e = catchThrowableOfType(ConcurException.class,
                () -> fis.transactions(FisDocumentKind.EXPENSE));

        assertThat(e).isInstanceOf(ConcurException.Authentication.class);
    }
}

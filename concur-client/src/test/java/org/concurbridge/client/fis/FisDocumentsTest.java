package org.concurbridge.client.fis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FisDocumentsTest {

    static final Path EXAMPLES = locateExamples();

    static Path locateExamples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/concur-api/examples/fis/documents");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = p.resolve("../shared/concur-api/examples/fis/documents").normalize();
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        return Path.of("/work/shared/concur-api/examples/fis/documents");
    }

    /** Every expense, invoice and cash advance example (the funds-reservation files are a docType outside scope). */
    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().contains("FundsReservation"))
                    .sorted().toList().stream();
        }
    }

    @Test
    void theExampleFolderHoldsAllThirtyTwoPostingExamples() throws IOException {
        assertThat(examples()).hasSize(32);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyOfficialExampleParsesCompletely(Path file) throws IOException {
        List<FisReadResult> results;
        try (InputStream in = Files.newInputStream(file)) {
            results = FisDocuments.read(in);
        }
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r).isInstanceOf(FisReadResult.Parsed.class));
        for (FisReadResult r : results) {
            FisDocument doc = ((FisReadResult.Parsed) r).document();
            if (doc.document() instanceof ExpenseDocument e) {
                assertThat(e.report().reportId()).isNotBlank();
                assertThat(e.report().employeeCurrencyAlphaCode()).hasSize(3);
                assertThat(e.expenseEntry()).isNotEmpty().allSatisfy(entry -> assertThat(entry.allocation())
                        .allSatisfy(a -> assertThat(a.journal()).allSatisfy(j ->
                                assertThat(j.amountGross()).isNotNull())));
            } else if (doc.document() instanceof InvoiceDocument i) {
                assertThat(i.requestHeader().requestId()).isNotBlank();
                assertThat(i.lineItem()).isNotEmpty();
            } else if (doc.document() instanceof CashAdvanceDocument c) {
                assertThat(c.cashAdvanceData().cashAdvanceId()).isNotBlank();
                assertThat(c.journalData()).isNotEmpty();
            }
        }
    }

    @Test
    void exampleEnvelopeGivesIdsKindAndExactMoney() throws IOException {
        FisDocument doc = single("FI-API-ReportID-0EE74C75C9344DEA942F-Example-2.3.json");
        assertThat(doc.id()).isEqualTo("c24e213de1514b21a403aac205e51ec4");
        assertThat(doc.kind()).isEqualTo(FisDocumentKind.EXPENSE);
        assertThat(doc.entityId()).isEqualTo("p0153808bco5");
        ExpenseDocument e = (ExpenseDocument) doc.document();
        ExpenseDocument.Journal j = e.expenseEntry().get(0).allocation().get(0).journal().get(0);
        assertThat(j.amountNetOfTax()).isEqualByComparingTo("88.5");
        assertThat(j.amountNetOfReclaim()).isEqualByComparingTo("96.46");
        assertThat(j.taxGuid()).containsExactly("6EB6084E1B77EC47AF158B78D20851A0", "BE652F1E149E66438A45DCECE07AE425");
        ExpenseDocument.Tax tax = e.expenseEntry().get(0).allocation().get(0).tax().get(1);
        assertThat(tax.taxCode()).isEqualTo("JC1U");
        assertThat(tax.amountReclaim()).isEqualByComparingTo("3.54");
        assertThat(e.report().revisionNumber()).isEqualTo(1);
        assertThat(e.report().reportSubmitDate()).isNotNull();
        assertThat(e.expenseEntry().get(0).entryIsPersonal()).isEqualTo(YesNo.N);
        assertThat(e.expenseEntry().get(0).allocation().get(0).custom().text("allocationCustom4Code"))
                .isEqualTo("70-AUT");
    }

    @Test
    void gettingStartedDocumentsAreReadBareWithTheirKindDetected() throws IOException {
        FisDocument inv = single("getting-started-example-invoice-document.json");
        assertThat(inv.id()).isNull();
        InvoiceDocument i = (InvoiceDocument) inv.document();
        assertThat(i.requestHeader().invoiceDate()).isEqualTo(LocalDate.of(2018, 8, 8));
        assertThat(i.requestHeader().submitDate()).isEqualTo(LocalDate.of(2018, 9, 5));
        assertThat(i.requestHeader().requestTotal()).isEqualByComparingTo("50");
        assertThat(i.lineItem().get(0).allocation().get(0).journal().accountCode()).isEqualTo("MATER");

        CashAdvanceDocument ca = (CashAdvanceDocument) single("getting-started-example-cashadvance-document.json").document();
        assertThat(ca.journalData().get(0).debitOrCredit()).isEqualTo("DR");
        assertThat(ca.cashAdvanceData().issuedDate()).isEqualTo(Instant.parse("2018-03-06T03:54:36.993Z"));
    }

    @Test
    void moneyWrittenWithExponentOrTrailingZerosIsExact() {
        String json = """
                {"report":{"reportId":"R1","totalApprovedAmount":0E-8},
                 "expenseEntry":[{"entryApprovedAmount":50.00000000,"allocation":[{"journal":[{"amountGross":0.1}]}]}]}
                """;
        ExpenseDocument e = (ExpenseDocument) FisDocuments.parse(FisDocumentKind.EXPENSE, stream(json));
        assertThat(e.report().totalApprovedAmount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(e.expenseEntry().get(0).entryApprovedAmount()).isEqualTo(new BigDecimal("50.00000000"));
        assertThat(e.expenseEntry().get(0).allocation().get(0).journal().get(0).amountGross())
                .isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void wrongTypeIsReportedWithTheJsonPathOfTheMember() {
        String json = """
                {"report":{"reportId":"R1"},
                 "expenseEntry":[{},{},{"allocation":[{"journal":[{"amountGross":"ten"}]}]}]}
                """;
        assertThatThrownBy(() -> FisDocuments.parse(FisDocumentKind.EXPENSE, stream(json)))
                .isInstanceOfSatisfying(FisDocumentException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.expenseEntry[2].allocation[0].journal[0].amountGross");
                    assertThat(e.reason()).contains("a number").contains("ten");
                });
    }

    @Test
    void badFlagAndBadDateNameTheirMembers() {
        assertThatThrownBy(() -> FisDocuments.parse(FisDocumentKind.EXPENSE,
                stream("{\"expenseEntry\":[{\"entryIsPersonal\":\"maybe\"}]}")))
                .isInstanceOfSatisfying(FisDocumentException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.expenseEntry[0].entryIsPersonal");
                    assertThat(e.reason()).contains("\"Y\" or \"N\"");
                });
        assertThatThrownBy(() -> FisDocuments.parse(FisDocumentKind.INVOICE,
                stream("{\"requestHeader\":{\"invoiceDate\":\"31.12.2018\"}}")))
                .isInstanceOfSatisfying(FisDocumentException.class,
                        e -> assertThat(e.jsonPath()).isEqualTo("$.requestHeader.invoiceDate"));
        assertThatThrownBy(() -> FisDocuments.parse(FisDocumentKind.EXPENSE,
                stream("{\"report\":{\"reportSubmitDate\":\"yesterday\"}}")))
                .isInstanceOfSatisfying(FisDocumentException.class,
                        e -> assertThat(e.jsonPath()).isEqualTo("$.report.reportSubmitDate"));
    }

    @Test
    void malformedDocumentInAPageDoesNotSpoilTheOthers() {
        String page = """
                {"links":[],"page":{"size":3,"totalElements":3,"totalPages":1,"number":0},
                 "content":[
                  {"id":"a1","docType":"expense","document":{"report":{"reportId":"R1"},"expenseEntry":[]}},
                  {"id":"b2","docType":"expense","document":{"report":{"reportKey":"not-a-key"}}},
                  {"id":"c3","docType":"payroll","document":{}},
                  {"id":"d4","docType":"cashadvance","document":"{\\"cashAdvanceData\\":{\\"cashAdvanceId\\":\\"X\\"},\\"journalData\\":[]}"}
                 ]}
                """;
        List<FisReadResult> results = FisDocuments.read(stream(page));
        assertThat(results).hasSize(4);
        assertThat(results.get(0)).isInstanceOf(FisReadResult.Parsed.class);
        assertThat(results.get(1)).isEqualTo(new FisReadResult.Malformed("b2", FisDocumentKind.EXPENSE,
                "$.content[1].document.report.reportKey", "expected a number but was \"not-a-key\""));
        assertThat(results.get(2)).isInstanceOfSatisfying(FisReadResult.Malformed.class, m -> {
            assertThat(m.jsonPath()).isEqualTo("$.content[2].docType");
            assertThat(m.reason()).contains("payroll");
        });
        assertThat(results.get(3)).isInstanceOfSatisfying(FisReadResult.Parsed.class, p ->
                assertThat(((CashAdvanceDocument) p.document().document()).cashAdvanceData().cashAdvanceId())
                        .isEqualTo("X"));
    }

    @Test
    void notJsonIsReportedWithLineAndColumn() {
        assertThatThrownBy(() -> FisDocuments.read(stream("{\"report\": {\"reportId\": \n  12,, }")))
                .isInstanceOfSatisfying(FisDocumentException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$");
                    assertThat(e.reason()).startsWith("not valid JSON at line 2");
                });
        assertThatThrownBy(() -> FisDocuments.read(stream("{\"hello\":1}")))
                .isInstanceOfSatisfying(FisDocumentException.class,
                        e -> assertThat(e.reason()).startsWith("not a FIS document"));
    }

    private static FisDocument single(String name) throws IOException {
        try (InputStream in = Files.newInputStream(EXAMPLES.resolve(name))) {
            List<FisReadResult> r = FisDocuments.read(in);
            assertThat(r).hasSize(1);
            return ((FisReadResult.Parsed) r.get(0)).document();
        }
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}

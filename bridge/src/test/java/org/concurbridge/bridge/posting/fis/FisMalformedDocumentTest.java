package org.concurbridge.bridge.posting.fis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.FisExamples;
import org.concurbridge.bridge.posting.Problem;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.fis.FisReadResult;
import org.junit.jupiter.api.Test;

/** Bad documents: missing fields, wrong types and unbalanced amounts each give a problem naming document and field. */
class FisMalformedDocumentTest {

    private final FisJournalBuilder builder = new FisJournalBuilder(PostingMapping.none());

    private static String expense(String report, String entries) {
        return """
                {"employee":{"employeeId":"E1","employeeFirstName":"Ann","employeeLastName":"Lee"},
                 "report":%s,
                 "expenseEntry":%s}
                """.formatted(report, entries);
    }

    private static final String REPORT = """
            {"reportId":"R1","ledgerCode":"DEFAULT","employeeCurrencyAlphaCode":"EUR","totalApprovedAmount":10}""";

    private static String entry(String journal) {
        return """
                [{"expenseTypeName":"Taxi","entryApprovedAmount":10,
                  "allocation":[{"allocationCustom1Code":"CC1","journal":[%s]}]}]""".formatted(journal);
    }

    private List<Problem> problems(String json) {
        BuildResult r = builder.build(FisExamples.parse(json));
        assertThat(r.isOk()).isFalse();
        assertThat(r.document()).isNull();
        return r.problems();
    }

    @Test
    void validDocumentBuilds() {
        BuildResult r = builder.build(FisExamples.parse(expense(REPORT,
                entry("{\"journalPayer\":\"COMP\",\"journalPayee\":\"EMPL\",\"journalAccountCode\":\"6100\",\"amountGross\":10}"))));
        assertThat(r.problems()).isEmpty();
        assertThat(FisExamples.totals(r.document())).containsExactly("6100 Dr 10.00", "EMPL Cr 10.00");
        assertThat(r.key()).isEqualTo("fis:expense:R1:r1");
    }

    @Test
    void missingRequiredFieldsAreAllNamed() {
        String json = """
                {"employee":{},"report":{"ledgerCode":"DEFAULT"},
                 "expenseEntry":[{"allocation":[{"journal":[{"journalPayer":"COMP","journalPayee":"EMPL","amountGross":5},
                                                           {"journalPayer":"COMP","journalPayee":"EMPL","journalAccountCode":"1"}]}]}],
                 "cashAdvanceApplication":[{"cashAdvanceApplicationAmount":-5}]}
                """;
        assertThat(problems(json)).extracting(Problem::field, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("report.reportId", "required"),
                org.assertj.core.groups.Tuple.tuple("report.employeeCurrencyAlphaCode", "required"),
                org.assertj.core.groups.Tuple.tuple("employee.employeeId", "required"),
                org.assertj.core.groups.Tuple.tuple("expenseEntry[0].allocation[0].journal[0].journalAccountCode",
                        "required (and the entry has no clearingAccountCode)"),
                org.assertj.core.groups.Tuple.tuple("expenseEntry[0].allocation[0].journal[1].amountGross", "required"),
                org.assertj.core.groups.Tuple.tuple("cashAdvanceApplication[0].cashAdvanceClearingAccountCode", "required"));
    }

    @Test
    void problemsNameTheDocumentByItsFisId() {
        String page = """
                {"content":[{"id":"0123abcd","docType":"expense","document":%s}]}
                """.formatted(expense(REPORT, entry("{\"journalPayer\":\"COMP\",\"journalPayee\":\"EMPL\",\"amountGross\":10}")));
        BuildResult r = builder.build(((FisReadResult.Parsed) FisExamples.read(page).get(0)).document());
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.document()).isEqualTo("fis:0123abcd");
            assertThat(p.toString()).isEqualTo("fis:0123abcd expenseEntry[0].allocation[0].journal[0].journalAccountCode: "
                    + "required (and the entry has no clearingAccountCode)");
        });
    }

    @Test
    void wrongTypeBecomesAProblemOnTheFieldInsideTheDocument() {
        String page = """
                {"fIDocuments":[
                  {"id":"good","docType":"expense","document":%s},
                  {"id":"bad","docType":"expense","document":{"report":{"reportId":"R2"},
                     "expenseEntry":[{"allocation":[{"journal":[{"amountGross":"ten"}]}]}]}}]}
                """.formatted(expense(REPORT,
                entry("{\"journalPayer\":\"COMP\",\"journalPayee\":\"EMPL\",\"journalAccountCode\":\"6100\",\"amountGross\":10}")));
        List<FisReadResult> read = FisExamples.read(page);

        assertThat(builder.build(((FisReadResult.Parsed) read.get(0)).document()).isOk()).isTrue();
        BuildResult bad = FisJournalBuilder.malformed((FisReadResult.Malformed) read.get(1), "page.json");
        assertThat(bad.problems()).containsExactly(new Problem("fis:bad",
                "expenseEntry[0].allocation[0].journal[0].amountGross", "expected a number but was \"ten\""));
    }

    @Test
    void payerAndPayeeMustIncludeTheCompany() {
        assertThat(problems(expense(REPORT, entry(
                "{\"journalPayer\":\"EMPL\",\"journalPayee\":\"IBCP\",\"journalAccountCode\":\"6100\",\"amountGross\":10}"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("expenseEntry[0].allocation[0].journal[0].journalPayer");
                    assertThat(p.message()).contains("EMPL").contains("IBCP").contains("COMP");
                });
    }

    @Test
    void journalsThatDoNotAddUpToTheApprovedAmountAreCaught() {
        assertThat(problems(expense(REPORT, entry(
                "{\"journalPayer\":\"COMP\",\"journalPayee\":\"EMPL\",\"journalAccountCode\":\"6100\",\"amountGross\":9.99}"))))
                .extracting(Problem::field, Problem::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("expenseEntry[0].entryApprovedAmount",
                                "is 10.00 but its journals' amountGross add up to 9.99"));
    }

    @Test
    void reportTotalThatDoesNotMatchItsEntriesIsCaught() {
        String report = REPORT.replace("\"totalApprovedAmount\":10", "\"totalApprovedAmount\":12.5");
        assertThat(problems(expense(report, entry(
                "{\"journalPayer\":\"COMP\",\"journalPayee\":\"EMPL\",\"journalAccountCode\":\"6100\",\"amountGross\":10}"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("report.totalApprovedAmount");
                    assertThat(p.message()).isEqualTo("is 12.50 but the entries' approved amounts add up to 10.00");
                });
    }

    @Test
    void taxThatDoesNotExplainGrossMinusNetIsCaught() {
        String entries = """
                [{"entryApprovedAmount":10,"allocation":[{
                   "journal":[{"journalPayer":"COMP","journalPayee":"EMPL","journalAccountCode":"37","amountGross":10,
                               "amountNetOfTax":8.50,"taxGuid":["T1"]}],
                   "tax":[{"taxGuid":"T1","taxAuthorityLabel":"DEVAT","amountTax":1.60,"amountReclaim":1.60}]}]}]""";
        assertThat(problems(expense(REPORT, entries))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("expenseEntry[0].allocation[0].journal[0].amountNetOfTax");
            assertThat(p.message()).isEqualTo("amountGross 10.00 minus amountNetOfTax 8.50 is 1.50 but its taxes add up to 1.60");
        });
    }

    @Test
    void cashAdvanceWithBadDirectionOrAmountIsCaught() {
        String ca = """
                {"employeeData":{"employeeId":"E1"},
                 "cashAdvanceData":{"cashAdvanceId":"CA1","currencyAlphaCode":"USD","employeeCurrencyAlphaCode":"USD",
                                    "requestAmount":100},
                 "journalData":[{"payer":"COMP","payee":"EMPL","accountCode":"CADV","amount":100,"debitOrCredit":"XX"},
                                {"payer":"COMP","payee":"EMPL","accountCode":"CADV","amount":90,"debitOrCredit":"DR"}]}
                """;
        assertThat(problems(ca)).extracting(Problem::field).containsExactly(
                "journalData[0].debitOrCredit", "cashAdvanceData.requestAmount");
    }

    @Test
    void unbalancedInvoiceAmountsAreCaught() {
        String invoice = """
                {"requestHeader":{"requestId":"I1","currencyAlphaCode":"EUR","requestTotal":120,"ledgerCode":"DEFAULT"},
                 "vendor":{"vendorCode":"V1"},
                 "lineItem":[{"allocation":[{"journal":{"accountCode":"6000","amountGross":100,"amountNet":90,
                                                        "amountShipping":5,"tax":null}}]}]}
                """;
        assertThat(problems(invoice)).extracting(Problem::field, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lineItem[0].allocation[0].journal.amountGross",
                        "is 100.00 but amountNet 90.00 + amountShipping 5.00 + tax 0.00 is 95.00"),
                org.assertj.core.groups.Tuple.tuple("requestHeader.requestTotal",
                        "is 120.00 but the line allocations' amountGross add up to 100.00"));
    }
}

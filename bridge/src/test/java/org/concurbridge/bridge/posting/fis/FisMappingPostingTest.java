package org.concurbridge.bridge.posting.fis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.FisExamples;
import org.concurbridge.bridge.posting.JournalLine;
import org.concurbridge.bridge.posting.LineRole;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.Problem;
import org.concurbridge.bridge.posting.mapping.MappingConfig;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.junit.jupiter.api.Test;

/** The catalogue examples posted with a connection's mapping (src/test/resources/posting/mapping-example.yaml). */
class FisMappingPostingTest {

    static PostingMapping example() throws Exception {
        return PostingMapping.load(Path.of(FisMappingPostingTest.class.getResource("/posting/mapping-example.yaml").toURI()));
    }

    @Test
    void mappedAccountsOffsetsAndCompanyReplaceConcurCodes() throws Exception {
        PostingMapping mapping = example();
        PostingDocument doc = new FisJournalBuilder(mapping).build(FisExamples.document("ReportID-52F40A7F26D74F1AAFFB")).document();

        // 105, 109, 130 are not mapped: they pass through; CADV → 1410; EMPL → payable 2100
        assertThat(FisExamples.totals(doc)).containsExactlyInAnyOrder(
                "105 Dr 60.00", "109 Dr 245.00", "130 Dr 10.00", "1410 Cr 400.00", "2100 Dr 85.00");
        assertThat(doc.header().company()).isEqualTo("UK01");
        assertThat(doc.header().companyCurrency()).isEqualTo("GBP");
        assertThat(doc.header().exchangeRate()).isEqualByComparingTo("1");
        assertThat(doc.mappingVersion()).isEqualTo(mapping.version()).startsWith("sha256:");
    }

    @Test
    void personalCardChargeOwedByTheEmployeeGoesToTheReceivableWhenMapped() throws Exception {
        PostingDocument doc = new FisJournalBuilder(example()).build(FisExamples.document("Example-6.2.4.json")).document();

        // 6.2.4 as printed: employee (personal) Dr 14 on the receivable, employee (out of pocket) Cr 35, card 284
        assertThat(FisExamples.totals(doc)).containsExactlyInAnyOrder(
                "1930 Cr 14.00", "1930 Dr 14.00", "6110 Dr 305.00", "2220 Cr 284.00", "1420 Dr 14.00", "2100 Cr 35.00");
        JournalLine receivable = doc.lines().stream().filter(l -> l.account().equals("1420")).findFirst().orElseThrow();
        assertThat(receivable.partner()).isEqualTo(doc.header().party().id());
        assertThat(receivable.payerPayeeType()).isEqualTo("EMPL");
        assertThat(receivable.role()).isEqualTo(LineRole.OFFSET);
    }

    @Test
    void partiallyDeductibleVatSplitsIntoDeductibleAndNonDeductibleAccounts() throws Exception {
        PostingDocument doc = new FisJournalBuilder(example()).build(FisExamples.document("Example-2.4.json")).document();

        // The catalogue prints 3.16 / 3.16 (half of 6.32); the JSON's reclaimable amounts are 1.22 + 1.95 = 3.17.
        assertThat(FisExamples.totals(doc)).containsExactlyInAnyOrder(
                "6120 Dr 48.68", "1575 Dr 3.17", "6875 Dr 3.15", "2100 Cr 55.00");
        assertThat(doc.header().company()).isEqualTo("CA01");
        assertThat(doc.lines()).filteredOn(l -> l.role() == LineRole.TAX).extracting(l -> l.tax().code() + " "
                        + l.tax().jurisdiction() + " " + (l.tax().deductible() ? "deductible " : "non-deductible ") + l.debit())
                .containsExactly("JC1E CA-SK deductible 1.22", "JC1E CA-SK non-deductible 1.21",
                        "JC2T CA-SK deductible 1.95", "JC2T CA-SK non-deductible 1.94");
    }

    @Test
    void costObjectsComeFromTheAllocationIntoErpDimensions() throws Exception {
        PostingDocument doc = new FisJournalBuilder(example()).build(FisExamples.document("Example-4.1.json")).document();

        List<JournalLine> breakfast = doc.lines().stream()
                .filter(l -> l.source().startsWith("expenseEntry[2]")).toList();
        assertThat(breakfast).extracting(JournalLine::debit, JournalLine::costObjects).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("12.50"),
                        Map.of("costCenter", "21-BELLEV1", "businessUnit", "0021")),
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("12.50"),
                        Map.of("costCenter", "1000", "businessUnit", "BE01")));
        assertThat(breakfast).extracting(JournalLine::source).containsExactly(
                "expenseEntry[2].allocation[0].journal[0]", "expenseEntry[2].allocation[1].journal[0]");
        assertThat(doc.lines()).filteredOn(l -> l.role() == LineRole.OFFSET)
                .allSatisfy(l -> assertThat(l.costObjects()).isEmpty());
    }

    @Test
    void strictMappingNamesTheFieldOfEveryUnmappedCode() throws Exception {
        PostingMapping strict = PostingMapping.from(new MappingConfig(null, true, null,
                Map.of("474230", "6110"), Map.of("EMPL", MappingConfig.OffsetRule.of("2100")), null, null, null, null));
        BuildResult r = new FisJournalBuilder(strict).build(FisExamples.document("Example-6.1.6.json"));

        assertThat(r.isOk()).isFalse();
        assertThat(r.problems()).extracting(Problem::field).containsExactly(
                "expenseEntry[0].allocation[0].journal[0].journalPayee",
                "expenseEntry[1].allocation[0].journal[0].journalPayee",
                "expenseEntry[2].allocation[0].journal[0].journalPayee");
        assertThat(r.problems()).allSatisfy(p -> {
            assertThat(p.document()).isEqualTo("fis:963aed2e727e46998ba78a6645961ab8");
            assertThat(p.message()).isEqualTo("payment code \"IBCP\" has no offset account in the mapping");
        });
    }

    @Test
    void unmatchedCompanyIsAProblemOnTheLedger() throws Exception {
        PostingMapping m = PostingMapping.from(new MappingConfig(null, null,
                List.of(new MappingConfig.CompanyRule(null, "SAP", "DE01", "EUR", null)), null, null, null, null, null, null));
        BuildResult r = new FisJournalBuilder(m).build(FisExamples.document("Example-1.3.json"));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("report.ledgerCode");
            assertThat(p.message()).contains("t0171945nik5").contains("DEFAULT");
        });
    }

    @Test
    void companyInAnotherCurrencyLeavesConversionToTheErp() throws Exception {
        PostingMapping m = PostingMapping.from(new MappingConfig(null, null,
                List.of(new MappingConfig.CompanyRule(null, null, "DE01", "EUR", null)), null, null, null, null, null, null));
        PostingDocument doc = new FisJournalBuilder(m).build(FisExamples.document("Example-1.3.json")).document();
        assertThat(doc.header().currency()).isEqualTo("USD");
        assertThat(doc.header().companyCurrency()).isEqualTo("EUR");
        assertThat(doc.header().exchangeRate()).isNull();
        assertThat(doc.lines()).allSatisfy(l -> assertThat(l.companyDebit()).isNull());
    }

    @Test
    void payrollReimbursedReportOwesItsEmployeeThroughThePayrollClearingAccountWhenAsked() throws Exception {
        // 2.2 is payroll-reimbursed (payrollPayIndicator Y, payrollPaymentClearingAccountCode 176882)
        PostingMapping payroll = PostingMapping.from(new MappingConfig(null, null, null, Map.of("176882", "2190"),
                Map.of("EMPL", MappingConfig.OffsetRule.of("2100")), null, null, null, true));
        PostingDocument doc = new FisJournalBuilder(payroll).build(FisExamples.document("Example-2.2.json")).document();
        assertThat(FisExamples.totals(doc)).containsExactlyInAnyOrder(
                "474210 Dr 84.03", "DEVAT Dr 15.97", "2190 Cr 100.00");

        PostingMapping plain = PostingMapping.from(new MappingConfig(null, null, null, Map.of("176882", "2190"),
                Map.of("EMPL", MappingConfig.OffsetRule.of("2100")), null, null, null, null));
        assertThat(FisExamples.totals(new FisJournalBuilder(plain).build(FisExamples.document("Example-2.2.json"))
                .document())).contains("2100 Cr 100.00");
    }
}

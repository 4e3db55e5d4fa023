package org.concurbridge.client.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every real-world SAE v3 sample in shared/samples/sae behaves as described in docs/extracts.md. */
class SaeSamplesTest {

    private static Parsed<SaeRow> parse(String name) {
        return Parsed.sae(Parsed.samples().resolve(name));
    }

    private static void assertGood(Parsed<SaeRow> p, String batchId) {
        assertThat(p.problems()).isEmpty();
        assertThat(p.summary().fileProblems()).isEmpty();
        assertThat(p.summary().delimiter()).isEqualTo('|');
        assertThat(p.header()).isEqualTo(new ExtractHeader(ExtractFormat.SAE, batchId, LocalDate.of(2019, 2, 1), 3,
                new BigDecimal("1230.3600")));
        assertThat(p.rows()).hasSize(3).allSatisfy(r -> assertThat(r.columnCount()).isEqualTo(400));
        assertThat(p.rows()).extracting(SaeRow::journalAmount)
                .containsExactly(new BigDecimal("600.1100"), new BigDecimal("400.2200"), new BigDecimal("230.0300"));
        assertThat(p.summary().journalTotalVerified()).isTrue();
        assertThat(p.summary().journalAmountTotal()).isEqualByComparingTo("1230.36");
        assertThat(p.rows()).extracting(SaeRow::lineNumber).containsExactly(2L, 3L, 4L);
    }

    @Test
    void goodFileParsesWithTypedValuesMatchingTheRawText() throws Exception {
        Parsed<SaeRow> p = parse("extract_CES_SAE_v3_testGoodFile.txt");
        assertGood(p, "567");
        SaeRow first = p.rows().get(0);
        String raw = Files.readAllLines(Parsed.samples().resolve("extract_CES_SAE_v3_testGoodFile.txt")).get(1);
        assertThat(first.columns()).containsExactly(raw.split("\\|", -1));
        assertThat(first.batchId()).isEqualTo(567L);
        assertThat(first.sequenceNumber()).isEqualTo(1L);
        assertThat(first.employeeId()).isEqualTo("1111111");
        assertThat(first.employeeLastName()).isEqualTo("Doe");
        assertThat(first.reportId()).isEqualTo("ABCDEFGHIJ1234567890");
        assertThat(first.reportKey()).isEqualTo("13231");
        assertThat(first.reimbursementCurrency()).isEqualTo("USD");
        assertThat(first.reportSubmitDate()).isEqualTo(LocalDate.of(2018, 12, 22));
        assertThat(first.reportName()).isEqualTo("J. Doe AB/CD");
        assertThat(first.entryId()).isEqualTo("1234");
        assertThat(first.entryTransactionType()).isEqualTo("REG");
        assertThat(first.expenseTypeName()).isEqualTo("Personal Car Mileage");
        assertThat(first.transactionDate()).isEqualTo(LocalDate.of(2018, 11, 1));
        assertThat(first.exchangeRate()).isEqualByComparingTo("1");
        assertThat(first.personal()).isFalse();
        assertThat(first.paymentTypeCode()).isEqualTo("CASH");
        assertThat(first.foreignOrDomestic()).isEqualTo("HOME");
        assertThat(first.journalPayerPaymentTypeName()).isEqualTo("University");
        assertThat(first.journalPayeePaymentTypeName()).isEqualTo("User");
        assertThat(first.journalAccountCode()).isEqualTo("6200");
        assertThat(first.debitOrCredit()).isEqualTo(DebitCredit.DEBIT);
        assertThat(first.journalKey()).isEqualTo(467888L);
        assertThat(first.allocationKey()).isEqualTo("146777");
        assertThat(first.allocationPercentage()).isEqualByComparingTo("100");
        assertThat(first.allocationCustom(1)).isEqualTo("IT");
        assertThat(first.allocationCustom(2)).isEqualTo("1234321");
        assertThat(first.amountDueEmployee()).isEqualByComparingTo("1230.36");
        assertThat(first.reportEndDate()).isEqualTo(LocalDate.of(2019, 1, 31));
        assertThat(first.employeeEmail()).isEqualTo("johndoe@someplace.edu");
        assertThat(first.cashAdvanceRequestAmount()).isNull();
        assertThat(first.cardBillDate()).isNull();
        assertThat(p.rows().get(2).vendorDescription())
                .isEqualTo("BLACKLANE GHIJ ; FEURIGSTRAE 55 ; 13579 BERLIN ; WWW.");
    }

    @Test
    void quotedValuesMayContainTheDelimiter() {
        Parsed<SaeRow> p = parse("extract_CES_SAE_v3_testGoodQuoteFile.txt");
        assertGood(p, "568");
        assertThat(p.rows().get(1).journalPayerPaymentTypeName()).isEqualTo("User|Or|University");
        assertThat(p.rows().get(1).journalPayerPaymentCodeName()).isEqualTo("University/User Pseudo Payment Code");
        assertThat(p.rows().get(2).vendorDescription())
                .isEqualTo("BLACKLANE GHIJ | FEURIGSTRAE 55 | 13579 BERLIN | WWW.");
        assertThat(p.rows().get(2).journalAccountCode()).isEqualTo("6200");
    }

    @Test
    void doubledQuotesInsideQuotedValuesAreOneQuote() {
        Parsed<SaeRow> p = parse("extract_CES_SAE_v3_testGoodInCellQuoteFile.txt");
        assertGood(p, "568");
        assertThat(p.rows().get(1).journalPayerPaymentTypeName()).isEqualTo("User|\"Or\"|University");
        assertThat(p.rows().get(2).reportId()).isEqualTo("ABCDEFGH\"IJ1234567890");
        assertThat(p.rows().get(2).vendorDescription())
                .isEqualTo("BLACKLANE GHIJ | \"SOMETHING\" FEURIGSTRAE 55 | 13579 BERLIN | WWW.");
    }

    @Test
    void quotesInsideUnquotedValuesAreKeptAndWholeQuotedValuesUnwrapped() {
        Parsed<SaeRow> p = parse("extract_CES_SAE_v3_testGoodFileWithCorrectableQuotes.txt");
        assertGood(p, "567");
        assertThat(p.rows().get(0).reportCustom(2)).isEqualTo("Inter\"national Travel");
        assertThat(p.rows().get(1).batchDate()).isEqualTo(LocalDate.of(2019, 2, 1));
        assertThat(p.rows().get(2).reportHomeCountry()).isEqualTo("UNITED\"\"\"STATES");
    }

    @Test
    void specialCharactersAreKeptAndACurrencySignBeforeAnAmountIsIgnored() throws Exception {
        Parsed<SaeRow> p = parse("extract_CES_SAE_v3_testGoodFileWithSpecialChars.txt");
        assertGood(p, "567");
        assertThat(p.summary().charset()).isEqualTo(StandardCharsets.UTF_8);
        SaeRow first = p.rows().get(0);
        assertThat(first.text(9)).isEqualTo("Cornñell");
        assertThat(first.reportId()).isEqualTo("ABCDEFGHIÍJ1234567890");
        assertThat(first.reportHomeCountry()).isEqualTo("UNITED\tSTATES");
        assertThat(first.expenseTypeName()).isEqualTo("Personal\tCar Mileage");
    }

    @Test
    void valueSplitOnAnUnquotedDelimiterIsRejectedWithLineAndColumn() {
        Parsed<SaeRow> p = parse("extract_CES_SAE_v3_testBadQuoteFile.txt");
        assertThat(p.rows()).hasSize(2);
        assertThat(p.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.column()).isEqualTo(74);
            assertThat(problem.message()).contains("no opening quote");
            assertThat(problem.reportKey()).isEqualTo("13231");
            assertThat(problem.fileName()).isEqualTo("extract_CES_SAE_v3_testBadQuoteFile.txt");
            assertThat(problem.rawLine()).startsWith("DETAIL|568|2019-02-01|3|");
            assertThat(problem.describe()).startsWith("extract_CES_SAE_v3_testBadQuoteFile.txt line 4 column 74");
        });
        // the control total cannot be verified without that row's amount: reported, not silently passed
        assertThat(p.summary().journalTotalVerified()).isFalse();
        assertThat(p.summary().rowsWithoutAmount()).isEqualTo(1);
    }

    @Test
    void quoteOpeningAValueThatIsNotClosedAtTheDelimiterIsRejected() {
        Parsed<SaeRow> p = parse("extract_CES_SAE_v3_testBadQuoteFile2.txt");
        assertThat(p.problems()).hasSize(2);
        assertThat(p.problems().get(0)).satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo(5);
            assertThat(problem.columnName()).isEqualTo("Employee ID");
            assertThat(problem.message()).contains("must be doubled");
            assertThat(problem.reportKey()).as("the key comes after the broken value").isNull();
        });
        // line 4: a value holding the delimiter without any quotes splits the record into too many fields
        assertThat(p.problems().get(1)).satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.column()).isEqualTo(401);
            assertThat(problem.message()).contains("403 fields").contains("400");
            assertThat(problem.reportKey()).isEqualTo("13231");
        });
        assertThat(p.rows()).extracting(SaeRow::lineNumber).containsExactly(2L);
        assertThat(p.rows().get(0).employeeId()).isEqualTo("111\"\"\"1111");
    }

    @Test
    void everySampleIsCovered() throws Exception {
        try (Stream<Path> files = Files.list(Parsed.samples())) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly(
                    "extract_CES_SAE_v3_testBadQuoteFile.txt", "extract_CES_SAE_v3_testBadQuoteFile2.txt",
                    "extract_CES_SAE_v3_testGoodFile.txt",
                    "extract_CES_SAE_v3_testGoodFileWithCorrectableQuotes.txt",
                    "extract_CES_SAE_v3_testGoodFileWithSpecialChars.txt",
                    "extract_CES_SAE_v3_testGoodInCellQuoteFile.txt", "extract_CES_SAE_v3_testGoodQuoteFile.txt");
        }
    }
}

package org.concurbridge.bridge.posting.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurbridge.bridge.posting.extract.ExtractLines.saeRow;
import static org.concurbridge.bridge.posting.extract.ExtractLines.with;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.DocumentKind;
import org.concurbridge.bridge.posting.JournalLine;
import org.concurbridge.bridge.posting.LineRole;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.posting.extract.ExtractJournalBuilder.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAE and PRAE rows grouped per report into balanced canonical documents; bad input held or quarantined. */
class ExtractJournalBuilderTest {

    @TempDir
    Path dir;

    private final ExtractJournalBuilder plain = new ExtractJournalBuilder(PostingMapping.none());

    private PostingMapping mapping(String yaml) throws IOException {
        Path f = dir.resolve("mapping.yaml");
        Files.writeString(f, yaml);
        return PostingMapping.load(f);
    }

    private static ExtractBuild sae(ExtractJournalBuilder b, ExtractLines lines) {
        return b.build(Format.SAE, lines.stream(), "sae.txt");
    }

    private static String lines(PostingDocument d) {
        StringBuilder s = new StringBuilder();
        for (JournalLine l : d.lines()) {
            s.append(l.account()).append(l.debit().signum() > 0 ? " Dr " + l.debit().toPlainString()
                    : " Cr " + l.credit().toPlainString()).append("; ");
        }
        return s.toString().trim();
    }

    @Test
    void rowsAreGroupedPerReportIntoBalancedDocumentsKeyedByBatchAndReport() {
        ExtractLines f = ExtractLines.sae("77")
                .row(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+100.00"))
                .row(with(saeRow("K1", "COMP", "EMPL", "6300", "DR", "+20.50"), 63, "Taxi"))
                .row(saeRow("K2", "COMP", "EMPL", "6200", "DR", "+5.00"));
        ExtractBuild b = sae(plain, f);
        assertThat(b.clean()).as(b.toString()).isTrue();
        assertThat(b.batchId()).isEqualTo("77");
        List<PostingDocument> docs = b.postable();
        assertThat(docs).extracting(PostingDocument::idempotencyKey).containsExactly("sae:77:K1", "sae:77:K2");
        PostingDocument k1 = docs.get(0);
        assertThat(k1.kind()).isEqualTo(DocumentKind.EXPENSE_REPORT);
        assertThat(lines(k1)).isEqualTo("6200 Dr 100.00; 6300 Dr 20.50; EMPL Cr 120.50;");
        assertThat(k1.lines().get(2).partner()).isEqualTo("E100");
        assertThat(k1.header().concurId()).isEqualTo("RPT-K1");
        assertThat(k1.header().company()).isEqualTo("DEFAULT");
        assertThat(k1.totalDebit()).isEqualByComparingTo(k1.totalCredit());
    }

    @Test
    void aReportWhoseRowsReappearLaterInTheFileIsOneDocumentWithAllItsRows() throws IOException {
        ExtractLines f = ExtractLines.sae("79")
                .row(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+100.00"))
                .row(saeRow("K2", "COMP", "EMPL", "6200", "DR", "+5.00"))
                .row(saeRow("K1", "COMP", "EMPL", "6300", "DR", "+20.50"))
                .row(saeRow("K3", "COMP", "EMPL", "6200", "DR", "+1.00"))
                .row(saeRow("K3", "COMP", "EMPL", "6300", "DR", "+2.00"))
                .row(saeRow("K2", "COMP", "EMPL", "6300", "DR", "+7.00"))
                .row(saeRow("K4", "COMP", "EMPL", "6200", "DR", "+3.00"));
        ExtractCheck check = plain.check(Format.SAE, ExtractJournalBuilder.Source.of("sae.txt",
                f.stream().readAllBytes()));
        assertThat(check.scattered()).containsExactly("K1", "K2");
        // one extra pass for both scattered reports, or one pass per report
        for (int rowsPerPass : List.of(10_000, 1)) {
            ExtractBuild b = sae(plain.withScatteredRowsPerPass(rowsPerPass), f);
            assertThat(b.clean()).as(b.toString()).isTrue();
            Map<String, String> byKey = new TreeMap<>();
            b.postable().forEach(d -> byKey.put(d.idempotencyKey(), lines(d)));
            assertThat(byKey).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                    "sae:79:K1", "6200 Dr 100.00; 6300 Dr 20.50; EMPL Cr 120.50;",
                    "sae:79:K2", "6200 Dr 5.00; 6300 Dr 7.00; EMPL Cr 12.00;",
                    "sae:79:K3", "6200 Dr 1.00; 6300 Dr 2.00; EMPL Cr 3.00;",
                    "sae:79:K4", "6200 Dr 3.00; EMPL Cr 3.00;")));
            // contiguous reports are handed out in file order as they end, scattered ones after the file
            assertThat(b.results()).extracting(BuildResult::key)
                    .containsExactly("sae:79:K3", "sae:79:K4", "sae:79:K1", "sae:79:K2");
        }
    }

    @Test
    void aScatteredReportWithAnUnreadableRowIsQuarantinedOnce() {
        ExtractLines f = ExtractLines.sae("80")
                .row(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+10.00"))
                .row(saeRow("K2", "COMP", "EMPL", "6200", "DR", "+5.00"))
                .row(with(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+5.00"), 69, "bad \"quote\"here\""));
        ExtractBuild b = sae(plain, f);
        assertThat(b.held()).isFalse();
        assertThat(b.postable()).extracting(PostingDocument::idempotencyKey).containsExactly("sae:80:K2");
        assertThat(b.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.key()).isEqualTo("sae:80:K1");
            assertThat(q.problems().get(0).field()).contains("line 4");
        });
    }

    @Test
    void theSameFileBuildsTheSameKeysSoAFetchedTwiceFilePostsOnce() {
        ExtractLines f = ExtractLines.sae("78").row(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+1.00"));
        assertThat(sae(plain, f).postable()).extracting(PostingDocument::idempotencyKey)
                .isEqualTo(sae(plain, f).postable().stream().map(PostingDocument::idempotencyKey).toList());
    }

    @Test
    void cardChargesOffsetTheCardVendorAndPersonalCbcpChargesTheEmployeeReceivable() throws IOException {
        PostingMapping m = mapping("""
                offsets:
                  EMPL: { account: "2100", receivableAccount: "1420" }
                  IBCP: "2210"
                  CBCP: "2220"
                """);
        ExtractLines f = ExtractLines.sae("79")
                .row(with(saeRow("K1", "COMP", "IBCP", "6200", "DR", "+300.00"), 126, "IBCP", 251, "AMEX"))
                .row(with(saeRow("K2", "COMP", "CBCP", "199999", "DR", "+14.00"), 126, "CBCP", 68, "Y"))
                .row(with(saeRow("K2", "EMPL", "COMP", "199999", "CR", "-14.00"), 126, "CBCP", 68, "Y"));
        List<PostingDocument> docs = sae(new ExtractJournalBuilder(m), f).postable();
        assertThat(lines(docs.get(0))).isEqualTo("6200 Dr 300.00; 2210 Cr 300.00;");
        assertThat(docs.get(0).lines().get(1).partner()).isEqualTo("AMEX");
        assertThat(lines(docs.get(1))).isEqualTo("199999 Dr 14.00; 199999 Cr 14.00; 2220 Cr 14.00; 1420 Dr 14.00;");
    }

    @Test
    void aPersonalChargeOnAnIndividuallyBilledCardPostsNothing() {
        ExtractLines f = ExtractLines.sae("92")
                .row(with(saeRow("K1", "COMP", "IBCP", "6200", "DR", "+300.00"), 126, "IBCP"))
                .row(with(saeRow("K1", "EMPL", "COMP", "199999", "DR", "+25.00"), 126, "IBCP", 68, "Y"));
        assertThat(lines(sae(plain, f).postable().get(0))).isEqualTo("6200 Dr 300.00; IBCP Cr 300.00;");
    }

    @Test
    void taxRowsPostReclaimableAndNonDeductibleTaxOnTheTaxAccounts() throws IOException {
        PostingMapping m = mapping("""
                taxes:
                  DEVAT: { account: "1576", nonDeductibleAccount: "6875" }
                """);
        ExtractLines f = ExtractLines.sae("80")
                .row(saeRow("K1", "COMP", "EMPL", "474210", "DR", "+84.03"))
                .row(with(saeRow("K1", "COMP", "EMPL", "DEVAT", "DR", "+15.97"), 232, "DEVAT", 227, "15.97",
                        231, "10.00"));
        PostingDocument d = sae(new ExtractJournalBuilder(m), f).postable().get(0);
        assertThat(lines(d)).isEqualTo("474210 Dr 84.03; 1576 Dr 10.00; 6875 Dr 5.97; EMPL Cr 100.00;");
        assertThat(d.lines().get(1).role()).isEqualTo(LineRole.TAX);
        assertThat(d.lines().get(1).tax().deductible()).isTrue();
        assertThat(d.lines().get(2).tax().deductible()).isFalse();
    }

    @Test
    void aTaxRowWhosePayerIsTheTaxAuthorityOffsetsLikeItsExpenseRow() {
        ExtractLines f = ExtractLines.sae("81")
                .row(saeRow("K1", "COMP", "EMPL", "37", "DR", "+8.40"))
                .row(with(saeRow("K1", "ILR", "COMP", "37", "DR", "+1.60"), 226, "ILR", 232, "", 227, "1.60",
                        231, "1.60"));
        PostingDocument d = sae(plain, f).postable().get(0);
        assertThat(lines(d)).isEqualTo("37 Dr 8.40; ILR Dr 1.60; EMPL Cr 10.00;");
    }

    @Test
    void cashAdvanceApplicationCreditsTheClearingAccountAndReducesWhatTheEmployeeIsOwed() {
        ExtractLines f = ExtractLines.sae("82")
                .row(saeRow("K1", "COMP", "EMPL", "109", "DR", "+315.00"))
                .row(with(saeRow("K1", "EMPL", "COMP", "CADV", "CR", "-300.00"), 185, "2", 187, "CA1",
                        177, "300.00"));
        PostingDocument d = sae(plain, f).postable().get(0);
        assertThat(lines(d)).isEqualTo("109 Dr 315.00; CADV Cr 300.00; EMPL Cr 15.00;");
    }

    @Test
    void cashAdvanceIssuanceRowsWithoutReportAreACashAdvanceDocument() {
        Map<Integer, String> issue = new TreeMap<>(Map.of(5, "E100", 22, "USD", 163, "COMPANY", 164, "COMP",
                165, "EMPLOYEE", 166, "EMPL", 167, "1410", 168, "DR", 169, "+700.00", 185, "1"));
        issue.put(187, "CA9");
        issue.put(183, "2026-11-02");
        ExtractBuild b = sae(plain, ExtractLines.sae("83").row(issue));
        PostingDocument d = b.postable().get(0);
        assertThat(d.kind()).isEqualTo(DocumentKind.CASH_ADVANCE);
        assertThat(d.idempotencyKey()).isEqualTo("sae:83:CA-CA9");
        assertThat(lines(d)).isEqualTo("1410 Dr 700.00; EMPL Cr 700.00;");
        assertThat(d.header().postingDate()).hasToString("2026-11-02");
    }

    @Test
    void allocationsKeepTheirOwnCostObjectsAndMappedDimensionsUseTheFisFieldNames() throws IOException {
        PostingMapping m = mapping("""
                costObjects:
                  costCenter: [allocationCustom4Code, entryOrgUnit4Code]
                """);
        ExtractLines f = ExtractLines.sae("84")
                .row(with(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+12.50"), 62, "CHD", 194, "CC-1"))
                .row(with(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+12.50"), 62, "CHD", 194, "CC-2"))
                .row(with(saeRow("K2", "COMP", "EMPL", "6200", "DR", "+1.00"), 80, "ORG4", 15, "EMPLOYEE-ORG"));
        List<PostingDocument> docs = sae(new ExtractJournalBuilder(m), f).postable();
        assertThat(docs.get(0).lines()).extracting(JournalLine::costObjects)
                .containsExactly(Map.of("costCenter", "CC-1"), Map.of("costCenter", "CC-2"), Map.of());
        assertThat(docs.get(1).lines().get(0).costObjects()).isEqualTo(Map.of("costCenter", "ORG4"));
        ExtractBuild own = sae(plain, f);
        assertThat(own.postable().get(0).lines().get(0).costObjects())
                .isEqualTo(Map.of("allocationCustom4Code", "CC-1"));
    }

    @Test
    void reportsInSeveralCurrenciesEachKeepTheirCurrencyAndForeignAmounts() {
        ExtractLines f = ExtractLines.sae("85")
                .row(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+10.00"))
                .row(with(saeRow("K2", "COMP", "EMPL", "6200", "DR", "+45.00"), 22, "EUR", 65, "CHF", 123, "50.00",
                        125, "45.00"));
        List<PostingDocument> docs = sae(plain, f).postable();
        assertThat(docs).extracting(d -> d.header().currency()).containsExactly("USD", "EUR");
        assertThat(docs.get(1).lines().get(0).foreign().currency()).isEqualTo("CHF");
        assertThat(docs.get(1).lines().get(0).foreign().amount()).isEqualByComparingTo("50.00");
    }

    @Test
    void wrongControlTotalsHoldTheWholeFileWithTheReason() {
        ExtractLines f = ExtractLines.sae("86").row(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+10.00"));
        ExtractBuild b = plain.build(Format.SAE, new ByteArrayInputStream(f.text(1, new BigDecimal("11.00"))
                .getBytes(StandardCharsets.UTF_8)), "sae.txt");
        assertThat(b.held()).isTrue();
        assertThat(b.postable()).isEmpty();
        assertThat(b.heldReasons()).anyMatch(r -> r.contains("11.00") && r.contains("10.00"));
    }

    @Test
    void aTruncatedFileIsHeldWhole() {
        ExtractLines f = ExtractLines.sae("87").row(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+10.00"));
        ExtractBuild b = plain.build(Format.SAE, new ByteArrayInputStream(f.text(2, new BigDecimal("10.00"))
                .getBytes(StandardCharsets.UTF_8)), "sae.txt");
        assertThat(b.held()).isTrue();
        assertThat(b.postable()).isEmpty();
        assertThat(b.heldReasons()).anyMatch(r -> r.contains("TRUNCATED"));
    }

    @Test
    void anUnparseableRowQuarantinesItsReportWithLineAndColumnAndOthersProceed() {
        ExtractLines f = ExtractLines.sae("88")
                .row(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+10.00"))
                .row(with(saeRow("K2", "COMP", "EMPL", "6200", "DR", "+5.00"), 69, "bad \"quote\"here\""));
        ExtractBuild b = sae(plain, f);
        assertThat(b.held()).isFalse();
        assertThat(b.postable()).extracting(PostingDocument::idempotencyKey).containsExactly("sae:88:K1");
        assertThat(b.rowProblems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reportKey()).isEqualTo("K2");
        });
        BuildResult q = b.quarantined().get(0);
        assertThat(q.key()).isEqualTo("sae:88:K2");
        assertThat(q.problems().get(0).field()).contains("line 3");
    }

    @Test
    void holdFileOnRowProblemHoldsEverything() {
        ExtractLines f = ExtractLines.sae("89")
                .row(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+10.00"))
                .row(with(saeRow("K2", "COMP", "EMPL", "6200", "DR", "+5.00"), 69, "bad \"quote\"here\""));
        assertThat(sae(plain, f).postable()).hasSize(1);
        ExtractBuild b = sae(plain.withHoldFileOnRowProblem(true), f);
        assertThat(b.held()).isTrue();
        assertThat(b.postable()).isEmpty();
    }

    @Test
    void anAccountCodeTheStrictMappingDoesNotKnowIsNamedWithItsCell() throws IOException {
        PostingMapping m = mapping("""
                strict: true
                accounts: { "6200": "6110" }
                offsets: { EMPL: "2100" }
                """);
        ExtractLines f = ExtractLines.sae("90")
                .row(saeRow("K1", "COMP", "EMPL", "6200", "DR", "+10.00"))
                .row(saeRow("K1", "COMP", "EMPL", "7777", "DR", "+1.00"));
        ExtractBuild b = sae(new ExtractJournalBuilder(m), f);
        assertThat(b.postable()).isEmpty();
        assertThat(b.quarantined().get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("\"7777\"");
            assertThat(p.field()).isEqualTo("Journal Account Code (line 3, column 167)");
        });
    }

    @Test
    void renamedPaymentTypesFallBackToTheEntryPaymentType() {
        ExtractLines f = ExtractLines.sae("91").row(with(saeRow("K1", "University", "User", "6200", "DR", "+600.11"),
                164, "University/User Pseudo Payment Code", 166, "University/User Pseudo Payment Code"));
        assertThat(lines(sae(plain, f).postable().get(0))).isEqualTo("6200 Dr 600.11; EMPL Cr 600.11;");
    }

    @Test
    void praeRowsPostNetShippingAndTaxAgainstTheVendorGross() {
        Map<Integer, String> row = new TreeMap<>();
        row.put(2, "1001");
        row.put(6, "INV-9");
        row.put(7, "2026/11/01");
        row.put(51, "R-1");
        row.put(58, "5.00");
        row.put(59, "DEFAULT");
        row.put(61, "5000");
        row.put(62, "100.00");
        row.put(63, "125.00");
        row.put(64, "DR");
        row.put(65, "USD");
        row.put(161, "20.00");
        row.put(256, "VAT20");
        row.put(164, "Acme");
        row.put(165, "V-1");
        ExtractLines f = ExtractLines.prae("12345").row(row)
                .row(with(row, 2, "1002", 62, "10.00", 63, "10.00", 58, "0", 161, "0", 64, "CR"));
        ExtractBuild b = plain.build(Format.PRAE, f.stream(), "prae.txt");
        assertThat(b.clean()).as(b.toString()).isTrue();
        PostingDocument inv = b.postable().get(0);
        assertThat(inv.idempotencyKey()).isEqualTo("prae:12345:1001");
        assertThat(inv.kind()).isEqualTo(DocumentKind.INVOICE);
        assertThat(lines(inv)).isEqualTo("5000 Dr 100.00; 5000 Dr 5.00; VAT20 Dr 20.00; VENDOR Cr 125.00;");
        assertThat(inv.header().reference()).isEqualTo("INV-9");
        assertThat(lines(b.postable().get(1))).isEqualTo("5000 Cr 10.00; VENDOR Dr 10.00;");
    }

    @Test
    void praeGrossThatDoesNotAddUpIsAProblemNamingTheCell() {
        Map<Integer, String> row = new TreeMap<>(Map.of(2, "1001", 51, "R-1", 61, "5000", 62, "100.00", 63,
                "101.00", 64, "DR", 65, "USD", 165, "V-1"));
        ExtractBuild b = plain.build(Format.PRAE, ExtractLines.prae("1").row(row).stream(), "prae.txt");
        assertThat(b.quarantined().get(0).problems().get(0).field()).isEqualTo("Journal Gross Amount (line 2, column 63)");
    }
}

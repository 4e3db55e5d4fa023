package org.concurbridge.bridge.posting.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurbridge.bridge.posting.extract.ExtractLines.saeRow;
import static org.concurbridge.bridge.posting.extract.ExtractLines.with;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.concurbridge.bridge.posting.DocumentKind;
import org.concurbridge.bridge.posting.JournalLine;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.extract.ExtractJournalBuilder.Format;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes of real customers' SAE files that the sandbox generator did not write: payment types renamed by the customer
 * ("University" for the company, "User" for the employee, one pseudo payment code name for both), cash advance
 * issuance rows without report and reimbursement currency, and a company-billed card charge with a personal part.
 */
class RealCustomerSaeTest {

    static final String PSEUDO = "University/User Pseudo Payment Code";

    @TempDir
    Path dir;

    private PostingMapping mapping(String yaml) throws IOException {
        Path f = dir.resolve("mapping.yaml");
        Files.writeString(f, yaml);
        return PostingMapping.load(f);
    }

    private static ExtractBuild sae(PostingMapping m, ExtractLines lines) {
        return new ExtractJournalBuilder(m).build(Format.SAE, lines.stream(), "sae.txt");
    }

    private static String lines(PostingDocument d) {
        StringBuilder s = new StringBuilder();
        for (JournalLine l : d.lines()) {
            s.append(l.account()).append(l.debit().signum() > 0 ? " Dr " + l.debit().toPlainString()
                    : " Cr " + l.credit().toPlainString()).append("; ");
        }
        return s.toString().trim();
    }

    /** A journal row as a customer who renamed the payment types writes it: type names and pseudo code names. */
    static Map<Integer, String> renamed(String key, String payerType, String payeeType, String account, String dc,
                                        String amount) {
        return with(saeRow(key, "COMP", "EMPL", account, dc, amount), 163, payerType, 164, PSEUDO, 165, payeeType,
                166, PSEUDO);
    }

    @Test
    void renamedPaymentTypesMappedPerConnectionPostByTheirMeaning() throws IOException {
        PostingMapping m = mapping("""
                paymentLabels: { University: COMP, User: EMPL }
                offsets:
                  EMPL: { account: "2100", receivableAccount: "1420" }
                """);
        // a refund credited by the employee: User pays University (CR). Its entry says nothing (no payment type).
        ExtractLines f = ExtractLines.sae("501")
                .row(renamed("K1", "University", "User", "6200", "DR", "+600.11"))
                .row(with(renamed("K1", "User", "University", "6200", "CR", "-50.00"), 126, ""));
        ExtractBuild b = sae(m, f);
        assertThat(b.quarantined()).as(b.toString()).isEmpty();
        assertThat(lines(b.postable().get(0))).isEqualTo("6200 Dr 600.11; 6200 Cr 50.00; 2100 Cr 600.11; 1420 Dr 50.00;");
    }

    @Test
    void aRenamedLabelThatIsNeitherInferableNorMappedIsAnErrorNamingLineColumnAndValue() {
        ExtractLines f = ExtractLines.sae("502")
                .row(with(renamed("K1", "University", "User", "6200", "DR", "+10.00"), 126, ""));
        ExtractBuild b = sae(PostingMapping.none(), f);
        assertThat(b.postable()).isEmpty();
        assertThat(b.quarantined().get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("Journal Payer Payment Type Name (line 2, column 163)");
            assertThat(p.message()).contains("\"University\"").contains("paymentLabels");
        });
    }

    @Test
    void theSpecWordsDoNotDecideWhenTheCodeSaysOtherwise() throws IOException {
        // the payer's type name reads "Company" but its payment code is the employee's: the code decides
        ExtractLines f = ExtractLines.sae("503")
                .row(with(saeRow("K1", "EMPL", "COMP", "6200", "CR", "-20.00"), 163, "Company", 165, "Staff"));
        PostingMapping m = mapping("offsets: { EMPL: { account: \"2100\", receivableAccount: \"1420\" } }");
        assertThat(lines(sae(m, f).postable().get(0))).isEqualTo("6200 Cr 20.00; 1420 Dr 20.00;");
    }

    @Test
    void outOfPocketRowsWithRenamedTypesAreInferredFromTheEntryPaymentType() {
        ExtractLines f = ExtractLines.sae("504")
                .row(renamed("K1", "University", "User", "6200", "DR", "+600.11"))
                .row(renamed("K1", "University", "User", "6200", "DR", "+400.22"));
        assertThat(lines(sae(PostingMapping.none(), f).postable().get(0)))
                .isEqualTo("6200 Dr 600.11; 6200 Dr 400.22; EMPL Cr 1000.33;");
    }

    @Test
    void aCompanyBilledCardChargeWithAPersonalPartOwesTheCardTheWholeBillAndTheEmployeeThePersonalPart()
            throws IOException {
        PostingMapping m = mapping("""
                offsets:
                  EMPL: { account: "2100", receivableAccount: "1420" }
                  CBCP: "2220"
                """);
        // hotel 500 on the company-billed card, itemized: 400 lodging, 100 personal (card clearing 199999):
        // University pays the card for both, and the employee (User) pays the University back the personal 100
        ExtractLines f = ExtractLines.sae("505")
                .row(with(renamed("K1", "University", "Corporate Card", "474230", "DR", "+400.00"), 62, "CHD",
                        126, "CBCP", 166, "CBCP", 68, "N"))
                .row(with(renamed("K1", "University", "Corporate Card", "199999", "DR", "+100.00"), 62, "CHD",
                        126, "CBCP", 166, "CBCP", 68, "Y"))
                .row(with(renamed("K1", "User", "University", "199999", "CR", "-100.00"), 62, "CHD",
                        126, "CBCP", 68, "Y"));
        for (PostingMapping mm : List.of(m, mapping("""
                paymentLabels: { University: COMP, User: EMPL }
                offsets:
                  EMPL: { account: "2100", receivableAccount: "1420" }
                  CBCP: "2220"
                """))) {
            ExtractBuild b = sae(mm, f);
            assertThat(b.quarantined()).as(b.toString()).isEmpty();
            assertThat(lines(b.postable().get(0)))
                    .isEqualTo("474230 Dr 400.00; 199999 Dr 100.00; 199999 Cr 100.00; 2220 Cr 500.00; 1420 Dr 100.00;");
        }
    }

    @Test
    void aCashAdvanceIssuanceRowWithoutReportNorReimbursementCurrencyPostsAsTheAdvance() {
        Map<Integer, String> issue = new TreeMap<>();
        issue.put(5, "E100");
        issue.put(6, "Doe");
        issue.put(7, "Jane");
        issue.put(163, "University");
        issue.put(164, PSEUDO);
        issue.put(165, "User");
        issue.put(166, PSEUDO);
        issue.put(167, "1410");
        issue.put(168, "DR");
        issue.put(169, "+700.00");
        issue.put(177, "650.00");
        issue.put(178, "EUR");
        issue.put(181, "USD");
        issue.put(183, "2026-11-02");
        issue.put(184, "Cash");
        issue.put(185, "1");
        issue.put(187, "4711");
        issue.put(259, "Conference advance");
        ExtractBuild b = sae(PostingMapping.none(), ExtractLines.sae("506").row(issue));
        assertThat(b.quarantined()).as(b.toString()).isEmpty();
        PostingDocument d = b.postable().get(0);
        assertThat(d.kind()).isEqualTo(DocumentKind.CASH_ADVANCE);
        assertThat(d.idempotencyKey()).isEqualTo("sae:506:CA-4711");
        assertThat(d.header().currency()).isEqualTo("USD");
        assertThat(d.header().concurId()).isEqualTo("4711");
        assertThat(lines(d)).isEqualTo("1410 Dr 700.00; EMPL Cr 700.00;");
        assertThat(d.totalDebit()).isEqualByComparingTo(d.totalCredit());
        assertThat(d.lines().get(1).partner()).isEqualTo("E100");
    }
}

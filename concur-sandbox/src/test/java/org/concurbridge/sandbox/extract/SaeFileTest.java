package org.concurbridge.sandbox.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.SandboxClock;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.fis.ExpectedJournal;
import org.concurbridge.sandbox.fis.FisDocType;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SAE and PRAE files generated from the FIS generator's documents, checked with the test's own reader ({@link Dsv}):
 * header control totals, 400/256 columns, column positions against specs/sae-columns.csv and prae-columns.csv, the
 * journal each document's rows post against its {@link ExpectedJournal}, quoting like the real samples, file faults.
 */
class SaeFileTest {

    private static final Set<String> PARTIES = Set.of("EMPL", "IBCP", "CBCP", "COPD", "VENDOR");
    private static Map<Integer, String> saeNames;
    private static Map<Integer, String> praeNames;

    private ConcurSandbox sb;
    private final String company = SandboxDemo.PROFESSIONAL_COMPANY;

    @BeforeAll
    static void specs() {
        saeNames = names(Dsv.shared("concur-api/specs/sae-columns.csv"), "Col# [SAE]", "Field Name");
        praeNames = names(Dsv.shared("concur-api/specs/prae-columns.csv"), "Col [PRAE]", "FieldName");
    }

    @BeforeEach
    void sandbox() {
        sb = ConcurSandbox.builder().seed(11L).clock(SandboxClock.fixed(Instant.parse("2026-03-02T08:00:00Z")))
                .build();
        sb.extracts().timing(Duration.ZERO, Duration.ZERO);
    }

    @AfterEach
    void close() {
        sb.close();
    }

    @Test
    void everyDocumentsRowsPostItsExpectedJournalAndTheHeaderMatchesTheRows() {
        sb.fis().generate(company, 42L, 3 * FisUseCase.values().length, List.of());
        ExtractFile file = saeFile();
        List<List<String>> records = Dsv.parse(file.content(), '|');
        List<String> header = records.get(0);
        List<List<String>> rows = records.subList(1, records.size());

        assertThat(header).hasSize(5);
        assertThat(header.get(0)).isEqualTo("EXTRACT");
        assertThat(header.get(1)).isEqualTo("2026-03-02");
        assertThat(Integer.parseInt(header.get(2))).isEqualTo(rows.size()).isEqualTo(file.recordCount());
        BigDecimal sum = rows.stream().map(r -> new BigDecimal(r.get(168))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(header.get(3))).isEqualByComparingTo(sum);
        assertThat(header.get(3)).matches("-?\\d+\\.\\d{4}");
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            assertThat(r).hasSize(400);
            assertThat(r.get(0)).isEqualTo("DETAIL");
            assertThat(r.get(1)).isEqualTo(header.get(4));
            assertThat(r.get(2)).isEqualTo("2026-03-02");
            assertThat(r.get(3)).isEqualTo(Integer.toString(i + 1));
            assertThat(r.get(167)).isEqualTo(new BigDecimal(r.get(168)).signum() < 0 ? "CR" : "DR");
            assertThat(r.get(168)).matches("[+-]\\d+\\.\\d{4}|0\\.0000");
        }

        Set<FisDocType> seen = new java.util.HashSet<>();
        int at = 0;
        assertThat(file.documents()).hasSize(3 * (FisUseCase.values().length - 1));
        for (ExtractedDocument d : file.documents()) {
            List<List<String>> all = rows.subList(at, at + d.rows());
            at += d.rows();
            seen.add(d.docType());
            // The IBCP personal charge stays in the extract but posts nothing (specs/README.md 1.5).
            List<List<String>> personal = all.stream().filter(SaeFileTest::ibcpPersonal).toList();
            List<List<String>> mine = all.stream().filter(r -> !ibcpPersonal(r)).toList();
            boolean ibcpPersonalCase = d.useCase().startsWith("IBCP_PERSONAL");
            assertThat(personal).as("IBCP personal rows of %s", d.useCase()).hasSize(ibcpPersonalCase ? 1 : 0);
            for (List<String> p : personal) {
                assertThat(List.of(p.get(61), p.get(163), p.get(165), p.get(166), p.get(167)))
                        .containsExactly("REG", "EMPL", "COMP", "199999", "DR");
            }
            ExpectedJournal expected = sb.fis().expectedJournal(d.fisId()).orElseThrow();
            assertThat(postedTotals(mine)).as("journal of %s (%s)", d.fisId(), d.useCase())
                    .isEqualTo(expected.totals());
            long accountLines = expected.lines().stream().filter(l -> !PARTIES.contains(l.account())).count();
            // With offsetting, a taxi split between the employee and the card vendor is one expense line in the
            // expected journal but one row (one FIS journal) per side.
            boolean split = FisUseCase.IBCP_PERSONAL_OFFSET.name().equals(d.useCase())
                    && expected.lines().stream().anyMatch(l -> l.text().equals("Employee Taxi"));
            assertThat(mine).as("one row per journal line of %s (%s)", d.fisId(), d.useCase())
                    .hasSize((int) accountLines + (split ? 1 : 0));
            for (List<String> r : all) {
                assertThat(r.get(d.docType() == FisDocType.CASH_ADVANCE ? 186 : 18)).as("report id column")
                        .isEqualTo(d.reportId());
                assertThat(r.get(d.docType() == FisDocType.CASH_ADVANCE ? 186 : 19)).as("report key column")
                        .isEqualTo(d.reportKey());
            }
        }
        assertThat(at).isEqualTo(rows.size());
        assertThat(seen).containsExactlyInAnyOrder(FisDocType.EXPENSE, FisDocType.CASH_ADVANCE);
    }

    @Test
    void columnsSitAtTheSpecificationsPositionsForEveryUseCase() {
        sb.fis().generate(company, 7L, FisUseCase.values().length, List.of());
        ExtractFile file = saeFile();
        List<List<String>> rows = Dsv.parse(file.content(), '|').subList(1, file.recordCount() + 1);
        int at = 0;
        for (ExtractedDocument d : file.documents()) {
            List<String> r = rows.get(at);
            at += d.rows();
            JsonNode doc = sb.fis().document(d.fisId());
            if (d.docType() == FisDocType.CASH_ADVANCE) {
                JsonNode ca = doc.get("cashAdvanceData");
                check(r, 5, "Employee ID", doc.get("employeeData").get("employeeId").asString());
                check(r, 177, "Cash Advance Request Amount", money(ca.get("requestAmount")));
                check(r, 178, "Cash Advance Request Currency Alpha Code", ca.get("currencyAlphaCode").asString());
                check(r, 183, "Cash Advance Issued Date", ca.get("issuedDate").asString().substring(0, 10));
                check(r, 185, "Cash Advance Transaction Type", "1");
                check(r, 187, "Cash Advance Key", ca.get("cashAdvanceId").asString());
                check(r, 167, "Journal Account Code", "CADV");
                check(r, 163, "Journal Payer Payment Type Name", "COMPANY");
                check(r, 165, "Journal Payee Payment Type Name", "EMPLOYEE");
                check(r, 168, "Journal Debit or Credit", "DR");
                check(r, 169, "Journal Amount", "+" + money(ca.get("requestAmount")));
                check(r, 259, "Cash Advance Name", ca.get("name").asString());
                // like Concur's issuance rows: no report, no reimbursement currency (22); the advance's is in 181
                check(r, 19, "Report ID", "");
                check(r, 20, "Report Key or Report Number (depending on SAE version)", "");
                check(r, 22, "Employee Default Currency Alpha Code", "");
                check(r, 181, "Cash Advance Currency Alpha Code", ca.get("employeeCurrencyAlphaCode").asString());
                continue;
            }
            JsonNode report = doc.get("report");
            JsonNode entry = doc.get("expenseEntry").get(0);
            JsonNode allocation = entry.get("allocation").get(0);
            JsonNode journal = allocation.get("journal").get(0);
            check(r, 5, "Employee ID", doc.get("employee").get("employeeId").asString());
            check(r, 6, "Employee Last Name", doc.get("employee").get("employeeLastName").asString());
            check(r, 19, "Report ID", report.get("reportId").asString());
            check(r, 20, "Report Key or Report Number (depending on SAE version)", report.get("reportKey").asString());
            check(r, 22, "Employee Default Currency Alpha Code", report.get("employeeCurrencyAlphaCode").asString());
            check(r, 24, "Report Submit Date", report.get("reportSubmitDate").asString().substring(0, 10));
            check(r, 61, "Report Entry Id", entry.get("entryId").asString());
            check(r, 62, "Report Entry Transaction Type", entry.get("allocation").size() > 1 ? "CHD" : "REG");
            check(r, 63, "Report Entry Expense Type Name", entry.get("expenseTypeName").asString());
            check(r, 68, "Report Entry Is Personal Flag", entry.get("entryIsPersonal").asString());
            check(r, 123, "Report Entry Transaction Amount", money(entry.get("reportEntryTransactionAmount")));
            check(r, 126, "Payment Type Code", entry.get("reportEntryPatKey").asString());
            check(r, 164, "Journal Payer Payment Code Name", journal.get("journalPayer").asString());
            check(r, 166, "Journal Payee Payment Code Name", journal.get("journalPayee").asString());
            check(r, 167, "Journal Account Code", journal.get("journalAccountCode").asString());
            check(r, 189, "Allocation Key", allocation.get("allocationId").isNull() ? ""
                    : allocation.get("allocationId").asString());
            check(r, 192, "Allocation Custom 2", allocation.get("allocationCustom2Code").isNull() ? ""
                    : allocation.get("allocationCustom2Code").asString());
            check(r, 250, "Report Entry Payment Type Name", entry.get("reportEntryPaymentTypeName").asString());
            if (!entry.get("cardTransactionID").isNull()) {
                check(r, 136, "Credit Card Transaction ID", entry.get("cardTransactionID").asString());
                check(r, 251, "Card Program Type Code", entry.get("cardProgramTypeCode").asString());
            }
            if (allocation.get("tax").size() > 0) {
                JsonNode tax = allocation.get("tax").get(0);
                List<String> taxRow = rows.get(at - d.rows() + 1);
                check(taxRow, 232, "Report Entry Tax-Tax Code", tax.get("taxCode").asString());
                check(taxRow, 167, "Journal Account Code", tax.get("taxCode").asString());
                check(taxRow, 226, "Tax Authority Label", tax.get("taxAuthorityLabel").asString());
                check(taxRow, 169, "Journal Amount", "+" + money(tax.get("amountTax")));
                check(r, 169, "Journal Amount", "+" + money(journal.get("amountNetOfTax")));
            }
            JsonNode apps = doc.get("cashAdvanceApplication");
            if (apps.size() > 0) {
                List<String> caRow = rows.get(at - apps.size());
                check(caRow, 185, "Cash Advance Transaction Type", "2");
                check(caRow, 167, "Journal Account Code", "CADV");
                check(caRow, 168, "Journal Debit or Credit", "CR");
                check(caRow, 164, "Journal Payer Payment Code Name", "EMPL");
            }
        }
    }

    @Test
    void praeRowsPostEachInvoicesExpectedJournalAtThePraePositions() {
        sb.fis().generate(company, 9L, 12, List.of(FisUseCase.INVOICE, FisUseCase.CASH));
        sb.extracts().startJob(company, ExtractDefinition.PRAE);
        ExtractFile file = sb.extracts().jobFiles(sb.extracts().jobs(company).get(0).id()).get(0);
        List<List<String>> records = Dsv.parse(file.content(), '|');
        List<String> header = records.get(0);
        List<List<String>> rows = records.subList(1, records.size());
        assertThat(header).hasSize(5);
        assertThat(header.get(0)).isEqualTo("EXTRACT");
        assertThat(header.get(2)).isEqualTo("2026/03/02");
        assertThat(Integer.parseInt(header.get(3))).isEqualTo(rows.size());
        assertThat(new BigDecimal(header.get(4))).isEqualByComparingTo(
                rows.stream().map(r -> new BigDecimal(r.get(61))).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(file.documents()).hasSize(6).allMatch(d -> d.docType() == FisDocType.INVOICE);
        int at = 0;
        for (ExtractedDocument d : file.documents()) {
            List<List<String>> mine = rows.subList(at, at + d.rows());
            at += d.rows();
            Map<String, BigDecimal> sums = new TreeMap<>();
            for (List<String> r : mine) {
                assertThat(r).hasSize(256);
                checkPrae(r, 1, "Detail", "DETAIL");
                checkPrae(r, 51, "Request ID", d.reportId());
                checkPrae(r, 64, "Debit or Credit", "DR");
                sums.merge(r.get(60) + " Dr", new BigDecimal(r.get(61)).add(new BigDecimal(r.get(57))), BigDecimal::add);
                if (!r.get(255).isEmpty()) {
                    sums.merge(r.get(255) + " Dr", new BigDecimal(r.get(160)), BigDecimal::add);
                }
                sums.merge("VENDOR Cr", new BigDecimal(r.get(62)), BigDecimal::add);
            }
            JsonNode doc = sb.fis().document(d.fisId());
            JsonNode li = doc.get("lineItem").get(0);
            List<String> first = mine.get(0);
            checkPrae(first, 2, "Request Key", doc.get("requestHeader").get("reqKey").asString());
            checkPrae(first, 10, "Total Amount", money(doc.get("requestHeader").get("requestTotal")));
            checkPrae(first, 61, "Journal Account Code", li.get("allocation").get(0).get("journal").get("accountCode")
                    .asString());
            checkPrae(first, 63, "Journal Gross Amount", money(li.get("allocation").get(0).get("journal")
                    .get("amountGross")));
            checkPrae(first, 89, "Allocation Key", li.get("allocation").get(0).get("allocationKey").asString());
            checkPrae(first, 132, "Line Item Sequence Order", "1");
            checkPrae(first, 136, "Line Item Quantity", money(li.get("lineItemQuantity")));
            checkPrae(first, 164, "Vendor Name", doc.get("vendor").get("vendorName").asString());
            List<String> actual = sums.entrySet().stream().filter(e -> e.getValue().signum() != 0)
                    .map(e -> e.getKey() + " " + e.getValue().setScale(2).toPlainString()).toList();
            assertThat(actual).as("invoice %s", d.fisId())
                    .isEqualTo(sb.fis().expectedJournal(d.fisId()).orElseThrow().totals());
        }
    }

    @Test
    void quotingIsWrittenLikeTheRealSamples() throws Exception {
        for (String name : List.of("extract_CES_SAE_v3_testGoodFile.txt", "extract_CES_SAE_v3_testGoodQuoteFile.txt",
                "extract_CES_SAE_v3_testGoodInCellQuoteFile.txt")) {
            Path sample = Dsv.shared("samples/sae/" + name);
            String text = Files.readString(sample);
            StringBuilder rewritten = new StringBuilder();
            for (List<String> record : Dsv.parse(text, '|')) {
                rewritten.append(Delimited.record(record));
            }
            assertThat(rewritten.toString()).as(name).isEqualTo(text.endsWith("\n") ? text : text + "\n");
        }
        assertThat(Delimited.record(List.of("a|b", "say \"hi\"", "plain", ""))).isEqualTo(
                "\"a|b\"|\"say \"\"hi\"\"\"|plain|\n");
    }

    @Test
    void faultsBreakTheFileTheWayTheyAreNamed() {
        sb.fis().generate(company, 5L, 8, List.of(FisUseCase.CASH, FisUseCase.VAT_SINGLE));
        sb.extracts().faultNextJob(company, FileFault.wrongTotals());
        ExtractFile wrong = saeFile();
        List<List<String>> records = Dsv.parse(wrong.content(), '|');
        assertThat(Integer.parseInt(records.get(0).get(2))).isEqualTo(records.size() - 1 + 1);
        assertThat(new BigDecimal(records.get(0).get(3))).isEqualByComparingTo(wrong.journalTotal().add(BigDecimal.ONE));

        String jobId = sb.extracts().jobs(company).get(0).id();
        sb.extracts().fault(jobId, FileFault.truncated());
        String truncated = sb.extracts().jobFiles(jobId).get(0).content();
        assertThat(truncated).doesNotEndWith("\n");
        List<List<String>> cut = Dsv.parse(truncated, '|');
        assertThat(cut.get(cut.size() - 1)).hasSizeLessThan(400);
        assertThat(Integer.parseInt(cut.get(0).get(2))).isGreaterThan(cut.size() - 1);

        ExtractedDocument victim = wrong.documents().get(1);
        sb.extracts().fault(jobId, FileFault.badRows(victim.reportId()));
        String bad = sb.extracts().jobFiles(jobId).get(0).content();
        String[] lines = bad.split("\n");
        int broken = 0;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.contains(victim.reportId())) {
                assertThatThrownBy(() -> Dsv.parse(line, '|')).as("line %d", i + 1)
                        .isInstanceOf(IllegalArgumentException.class);
                broken++;
            } else {
                assertThat(Dsv.parse(line, '|').get(0)).hasSize(400);
            }
        }
        assertThat(broken).isEqualTo(victim.rows()).isPositive();
        assertThatThrownBy(() -> FileFault.badRows(" ")).hasMessageContaining("report id or key");
        assertThatThrownBy(() -> FileFault.parse("MELTED", null)).hasMessageContaining("unknown fault kind");
    }

    static boolean ibcpPersonal(List<String> row) {
        return "Y".equals(row.get(67)) && "IBCP".equals(row.get(125));
    }

    private ExtractFile saeFile() {
        String id = sb.extracts().startJob(company, ExtractDefinition.SAE);
        List<ExtractFile> files = sb.extracts().jobFiles(id);
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    /** Totals per account and side of the rows: the account at the signed amount, the party at its opposite. */
    static List<String> postedTotals(List<List<String>> rows) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (List<String> r : rows) {
            BigDecimal amount = new BigDecimal(r.get(168));
            String party = "COMP".equals(r.get(163)) ? r.get(165) : r.get(163);
            add(sums, r.get(166), amount);
            add(sums, party, amount.negate());
        }
        List<String> out = new ArrayList<>();
        sums.forEach((k, v) -> {
            if (v.signum() != 0) {
                out.add(k + " " + v.setScale(2).toPlainString());
            }
        });
        return out;
    }

    private static void add(Map<String, BigDecimal> sums, String account, BigDecimal signed) {
        sums.merge(account + (signed.signum() >= 0 ? " Dr" : " Cr"), signed.abs(), BigDecimal::add);
    }

    private static void check(List<String> row, int column, String specName, String expected) {
        assertThat(saeNames.get(column)).as("spec name of SAE column %d", column).isEqualTo(specName);
        assertThat(row.get(column - 1)).as("SAE column %d (%s)", column, specName).isEqualTo(expected);
    }

    private static void checkPrae(List<String> row, int column, String specName, String expected) {
        assertThat(praeNames.get(column)).as("spec name of PRAE column %d", column).isEqualTo(specName);
        assertThat(row.get(column - 1)).as("PRAE column %d (%s)", column, specName).isEqualTo(expected);
    }

    private static String money(JsonNode n) {
        return n.decimalValue().setScale(4).toPlainString();
    }

    /** Position → field name of a spec sheet (the first row of a position wins; column 20 appears twice). */
    private static Map<Integer, String> names(Path csv, String positionHeading, String nameHeading) {
        List<List<String>> rows = Dsv.parse(Dsv.read(csv), ',');
        List<String> head = rows.get(0);
        int pos = head.indexOf(positionHeading);
        int name = head.indexOf(nameHeading);
        Map<Integer, String> out = new HashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            String p = r.get(pos).trim();
            if (p.matches("\\d+")) {
                out.putIfAbsent(Integer.parseInt(p), r.get(name).trim());
            }
        }
        return out;
    }
}

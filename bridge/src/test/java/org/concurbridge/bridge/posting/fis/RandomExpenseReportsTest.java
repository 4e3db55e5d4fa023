package org.concurbridge.bridge.posting.fis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.FisExamples;
import org.concurbridge.bridge.posting.JournalLine;
import org.concurbridge.bridge.posting.LineRole;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeded random expense reports (entries, allocations, several journals, all payer/payee pairs, taxes with partial
 * reclaim, credits, cash advance applications): every one builds, balances exactly, and each payment code's offset
 * is exactly what its journals say it is owed. A failing seed and report index reproduce the case.
 */
class RandomExpenseReportsTest {

    private static final String[][] PAIRS = {
            {"COMP", "EMPL"}, {"COMP", "IBCP"}, {"COMP", "CBCP"}, {"COMP", "COPD"}, {"EMPL", "COMP"}, {"COPD", "COMP"}};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 42, 20261130})
    void everyRandomReportBalancesAndOwesEachCounterpartItsJournals(long seed) {
        Random random = new Random(seed);
        FisJournalBuilder builder = new FisJournalBuilder(PostingMapping.none());
        for (int n = 0; n < 100; n++) {
            Map<String, BigDecimal> owed = new HashMap<>();
            BigDecimal[] companySide = {BigDecimal.ZERO};
            String json = report(random, n, owed, companySide);
            BuildResult r = builder.build(FisExamples.parse(json));
            String where = "seed " + seed + " report " + n + ": " + json;

            assertThat(r.problems()).as(where).isEmpty();
            PostingDocument doc = r.document();
            assertThat(doc.totalDebit()).as(where).isEqualByComparingTo(doc.totalCredit());
            BigDecimal journalAndTax = doc.lines().stream().filter(l -> l.role() != LineRole.OFFSET)
                    .map(l -> l.debit().subtract(l.credit())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(journalAndTax).as(where).isEqualByComparingTo(companySide[0]);
            Map<String, BigDecimal> offsets = new HashMap<>();
            for (JournalLine l : doc.lines()) {
                if (l.role() == LineRole.OFFSET) {
                    offsets.merge(l.payerPayeeType(), l.credit().subtract(l.debit()), BigDecimal::add);
                    assertThat(l.costObjects()).as(where).isEmpty();
                }
            }
            owed.forEach((code, amount) -> assertThat(offsets.getOrDefault(code, BigDecimal.ZERO)).as(where + " " + code)
                    .isEqualByComparingTo(amount));
            assertThat(doc.lines()).as(where).allSatisfy(l -> assertThat(l.debit().signum() > 0)
                    .isNotEqualTo(l.credit().signum() > 0));
        }
    }

    /** A report as FIS JSON; fills what each counterpart is owed (credit side positive) and the company-side total. */
    private static String report(Random random, int n, Map<String, BigDecimal> owed, BigDecimal[] companySide) {
        List<Object> entries = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int e = 0, entryCount = 1 + random.nextInt(5); e < entryCount; e++) {
            List<Object> allocations = new ArrayList<>();
            BigDecimal approved = BigDecimal.ZERO;
            for (int a = 0, allocCount = 1 + random.nextInt(3); a < allocCount; a++) {
                List<Object> journals = new ArrayList<>();
                List<Object> taxes = new ArrayList<>();
                for (int j = 0, journalCount = 1 + random.nextInt(2); j < journalCount; j++) {
                    String[] pair = PAIRS[random.nextInt(PAIRS.length)];
                    BigDecimal gross = cents(random, 1, 50_000);
                    if (pair[1].equals("COMP") || random.nextInt(6) == 0) {
                        gross = gross.negate();
                    }
                    Map<String, Object> journal = new LinkedHashMap<>();
                    journal.put("journalPayer", pair[0]);
                    journal.put("journalPayee", pair[1]);
                    journal.put("journalAccountCode", "6" + random.nextInt(5) + "00");
                    journal.put("amountGross", gross);
                    if (gross.signum() > 0 && random.nextBoolean()) {
                        BigDecimal tax = cents(random, 0, gross.movePointRight(2).intValue() / 5);
                        BigDecimal reclaim = cents(random, 0, tax.movePointRight(2).intValue());
                        String guid = "T" + e + a + j;
                        taxes.add(Map.of("taxGuid", guid, "taxCode", "V" + random.nextInt(3), "amountTax", tax,
                                "amountReclaim", reclaim));
                        journal.put("amountNetOfTax", gross.subtract(tax));
                        journal.put("taxGuid", List.of(guid));
                    }
                    journals.add(journal);
                    approved = approved.add(gross);
                    companySide[0] = companySide[0].add(gross);
                    String counterpart = pair[0].equals("COMP") ? pair[1] : pair[0];
                    owed.merge(counterpart, gross, BigDecimal::add);
                }
                Map<String, Object> allocation = new LinkedHashMap<>();
                allocation.put("allocationCustom1Code", "CC" + random.nextInt(4));
                allocation.put("journal", journals);
                allocation.put("tax", taxes);
                allocations.add(allocation);
            }
            entries.add(Map.of("expenseTypeName", "Type " + e, "entryApprovedAmount", approved,
                    "allocation", allocations));
            total = total.add(approved);
        }
        List<Object> advances = new ArrayList<>();
        for (int c = 0, count = random.nextInt(3); c < count; c++) {
            BigDecimal applied = cents(random, 1, 30_000).negate();
            advances.add(Map.of("cashAdvanceId", "CA" + c, "cashAdvanceApplicationAmount", applied,
                    "cashAdvanceClearingAccountCode", "CADV", "cashAdvanceTransactionType", 2));
            companySide[0] = companySide[0].add(applied);
            owed.merge("EMPL", applied, BigDecimal::add);
        }
        Map<String, Object> doc = Map.of(
                "employee", Map.of("employeeId", "E" + n),
                "report", Map.of("reportId", "R" + n, "ledgerCode", "DEFAULT", "employeeCurrencyAlphaCode", "EUR",
                        "totalApprovedAmount", total),
                "expenseEntry", entries,
                "cashAdvanceApplication", advances);
        return JSON.writeValueAsString(doc);
    }

    private static BigDecimal cents(Random random, int min, int max) {
        return BigDecimal.valueOf(min + random.nextInt(Math.max(1, max - min + 1)), 2);
    }
}

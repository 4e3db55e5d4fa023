package org.concurbridge.bridge.erp;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 31);

    private static JournalEntry entry(String currency, String companyCurrency, JournalLine... lines) {
        return new JournalEntry("K1", "CB01", DAY, currency, companyCurrency, "R", "D", List.of(lines));
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void balancedEntryHasNoProblems() {
        assertThat(EntryRules.check(entry("EUR", "EUR", JournalLine.debit("6010", d("10.50"), null),
                JournalLine.debit("1410", d("2.00"), null), JournalLine.credit("2100", d("12.5"), null)))).isEmpty();
    }

    @Test
    void unbalancedEntryNamesBothTotalsAndTheDifference() {
        assertThat(EntryRules.check(entry("EUR", "EUR", JournalLine.debit("6010", d("100.00"), null),
                JournalLine.credit("2100", d("99.99"), null))))
                .singleElement().hasToString("header balance 'EUR': debits 100.00 do not equal credits 99.99"
                        + " (difference 0.01 EUR)");
    }

    @Test
    void foreignCurrencyEntryMustBalanceInTheCompanyCurrencyToo() {
        JournalEntry e = entry("USD", "EUR",
                JournalLine.debit("6010", d("110.00"), null).withCompanyAmount(d("100.00")),
                JournalLine.credit("2100", d("110.00"), null).withCompanyAmount(d("100.01")));
        assertThat(EntryRules.check(e)).extracting(ValidationProblem::value).containsExactly("EUR");
    }

    @Test
    void amountsNeedAPositiveValueWithTheCurrencysDecimals() {
        JournalEntry e = entry("JPY", "JPY", JournalLine.debit("6010", d("100.5"), null),
                JournalLine.credit("2100", d("-100"), null), JournalLine.credit("2100", d("100.000"), null));
        assertThat(EntryRules.check(e)).extracting(ValidationProblem::toString).containsExactly(
                "line 1 amount '100.5': has more than 0 decimals for JPY",
                "line 1 companyAmount '100.5': has more than 0 decimals for JPY",
                "line 2 amount '-100': must be positive (put negative amounts on the other side)",
                "line 2 companyAmount '-100': must be positive (put negative amounts on the other side)");
    }

    @Test
    void everyHeaderAndLineProblemIsReportedAtOnce() {
        JournalEntry e = new JournalEntry(" ", null, null, "EURO", null, null, null, List.of(
                new JournalLine(null, null, null, null, List.of(CostObject.costCenter("A"), CostObject.costCenter("B")),
                        null, new Partner(Partner.Type.EMPLOYEE, "", null), null)));
        assertThat(EntryRules.check(e)).extracting(p -> p.line() + ":" + p.field()).containsExactly(
                "0:idempotencyKey", "0:company", "0:postingDate", "0:currency", "0:companyCurrency", "0:lines",
                "1:account", "1:side", "1:amount", "1:companyAmount", "1:costObject", "1:partner");
    }

    @Test
    void sameCurrencyLinesMustCarryTheSameCompanyAmount() {
        JournalEntry e = entry("EUR", "EUR", JournalLine.debit("6010", d("10.00"), null).withCompanyAmount(d("9.00")),
                JournalLine.credit("2100", d("10.00"), null));
        assertThat(EntryRules.check(e)).extracting(ValidationProblem::field).contains("companyAmount");
    }

    @Test
    void requireThrowsOnePermanentErrorWithEveryProblem() {
        JournalEntry e = entry("EUR", "EUR", JournalLine.debit("", d("1.00"), null),
                JournalLine.credit("2100", d("2.00"), null));
        assertThatThrownBy(() -> EntryRules.require(e)).isInstanceOfSatisfying(ErpException.Permanent.class,
                p -> assertThat(p.problems()).hasSize(1)).hasMessageStartingWith("journal entry K1 is invalid:");
    }
}

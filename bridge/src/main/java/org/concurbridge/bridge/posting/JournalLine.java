package org.concurbridge.bridge.posting;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One balanced-journal line. Exactly one of {@code debit}/{@code credit} is positive, the other zero (document
 * currency); {@code companyDebit}/{@code companyCredit} are the same in company currency, or null when the ERP
 * converts.
 *
 * @param account        ERP account (or Concur's own code when there is no mapping)
 * @param costObjects    ERP dimension → code, in the mapping's order; empty for balance-sheet lines
 * @param tax            set on tax lines only
 * @param partner        employee id, vendor code or card program the line is owed to/by, or null
 * @param payerPayeeType the Concur payment code of the counterpart (EMPL, IBCP, CBCP, COPD, VENDOR…) on offset lines
 * @param reference      card transaction reference, purchase order number/line…, or null
 * @param source         where the line comes from in the source ({@code expenseEntry[2].allocation[0].journal[0]}),
 *                       for error messages; several places joined by {@code ", "} for consolidated offsets
 * @param foreign        the amount as spent in the receipt's currency, when it differs from the document currency
 */
public record JournalLine(
        String account,
        BigDecimal debit,
        BigDecimal credit,
        BigDecimal companyDebit,
        BigDecimal companyCredit,
        Map<String, String> costObjects,
        TaxDetail tax,
        String partner,
        String payerPayeeType,
        LineRole role,
        String text,
        String reference,
        String source,
        ForeignAmount foreign) {

    public JournalLine {
        costObjects = costObjects == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(costObjects));
    }

    /** Debit minus credit: positive for a debit line. */
    public BigDecimal signedAmount() {
        return Money.orZero(debit).subtract(Money.orZero(credit));
    }

    public boolean isDebit() {
        return Money.orZero(debit).signum() > 0;
    }

    /** The line with company-currency amounts derived at {@code rate} (exact multiplication, no rounding). */
    JournalLine withCompanyAmounts(BigDecimal rate) {
        if (rate == null) {
            return new JournalLine(account, debit, credit, null, null, costObjects, tax, partner, payerPayeeType,
                    role, text, reference, source, foreign);
        }
        return new JournalLine(account, debit, credit, Money.normalize(debit.multiply(rate)),
                Money.normalize(credit.multiply(rate)), costObjects, tax, partner, payerPayeeType, role, text,
                reference, source, foreign);
    }
}

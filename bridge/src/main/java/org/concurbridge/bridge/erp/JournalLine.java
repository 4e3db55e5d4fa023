package org.concurbridge.bridge.erp;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of a {@link JournalEntry}: either a debit or a credit of a positive amount.
 *
 * @param account       ERP account code
 * @param side          debit or credit
 * @param amount        amount in the entry's document currency (positive, scale at most the currency's digits)
 * @param companyAmount the same amount in the company currency (equal to {@code amount} when no conversion applies)
 * @param costObjects   cost center, project, analytic accounts... (empty when none); at most one per dimension
 * @param taxCode       ERP tax code when the line is a tax line or carries tax, else null
 * @param partner       employee or supplier for payable/receivable lines, else null
 * @param text          line text
 */
public record JournalLine(String account, Side side, BigDecimal amount, BigDecimal companyAmount,
                          List<CostObject> costObjects, String taxCode, Partner partner, String text) {

    public enum Side { DEBIT, CREDIT;

        public Side opposite() {
            return this == DEBIT ? CREDIT : DEBIT;
        }
    }

    public JournalLine {
        costObjects = costObjects == null ? List.of() : List.copyOf(costObjects);
    }

    public static JournalLine debit(String account, BigDecimal amount, String text) {
        return new JournalLine(account, Side.DEBIT, amount, amount, List.of(), null, null, text);
    }

    public static JournalLine credit(String account, BigDecimal amount, String text) {
        return new JournalLine(account, Side.CREDIT, amount, amount, List.of(), null, null, text);
    }

    public JournalLine withCostObjects(CostObject... objects) {
        return new JournalLine(account, side, amount, companyAmount, List.of(objects), taxCode, partner, text);
    }

    public JournalLine withPartner(Partner p) {
        return new JournalLine(account, side, amount, companyAmount, costObjects, taxCode, p, text);
    }

    public JournalLine withTaxCode(String code) {
        return new JournalLine(account, side, amount, companyAmount, costObjects, code, partner, text);
    }

    public JournalLine withCompanyAmount(BigDecimal inCompanyCurrency) {
        return new JournalLine(account, side, amount, inCompanyCurrency, costObjects, taxCode, partner, text);
    }

    /** The same line on the other side: what a reversal posts. */
    public JournalLine reversed() {
        return new JournalLine(account, side.opposite(), amount, companyAmount, costObjects, taxCode, partner, text);
    }
}

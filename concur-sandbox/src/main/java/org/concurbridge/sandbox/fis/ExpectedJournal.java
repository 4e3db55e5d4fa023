package org.concurbridge.sandbox.fis;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The posting a generated document must produce, computed by the generator from the business scenario it drew (not
 * by reading the JSON back). Accounts are Concur's own codes, as a bridge posts them without a mapping: the journal
 * account, the tax code (the authority label when there is no code), the cash advance clearing account, and the
 * payment codes {@code EMPL}, {@code IBCP}, {@code CBCP}, {@code COPD} and {@code VENDOR} for the other side.
 * Amounts are in {@code currency} (the reimbursement or invoice currency) with two decimals.
 */
public record ExpectedJournal(String docId, FisUseCase useCase, String currency, List<Line> lines) {

    /**
     * One journal line: exactly one of {@code debit} and {@code credit} is non-zero. {@code costObjects} are the
     * non-empty {@code allocationCustomNCode} values of the line's allocation (empty on offset lines).
     */
    public record Line(String account, BigDecimal debit, BigDecimal credit, Map<String, String> costObjects,
                       String text) {
    }

    public BigDecimal totalDebit() {
        return lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalCredit() {
        return lines.stream().map(Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Sums per account and side, {@code "474230 Dr 305.00"}, sorted (what FisCatalogueTest-style checks compare). */
    public List<String> totals() {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Line l : lines) {
            if (l.debit().signum() != 0) {
                sums.merge(l.account() + " Dr", l.debit(), BigDecimal::add);
            }
            if (l.credit().signum() != 0) {
                sums.merge(l.account() + " Cr", l.credit(), BigDecimal::add);
            }
        }
        return sums.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().toPlainString()).toList();
    }
}

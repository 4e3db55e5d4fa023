package org.concurbridge.bridge.erp;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Whether the ERP has paid the payable of a posted entry (employee payable of an expense report, supplier payable
 * of an invoice).
 *
 * @param idempotencyKey the posted entry's key
 * @param documentNumber its ERP document number
 * @param state          unpaid, partly paid or paid
 * @param payable        the amount to pay: the entry's partner lines on the credit side, document currency
 * @param paid           the amount paid so far
 * @param currency       currency of both amounts
 * @param paidOn         date of the last payment, null when unpaid
 * @param reference      the ERP's payment reference (payment run, bank statement line, reconciliation), null when
 *                       unpaid
 */
public record PaymentStatus(String idempotencyKey, String documentNumber, State state, BigDecimal payable,
                            BigDecimal paid, String currency, LocalDate paidOn, String reference) {

    public enum State { UNPAID, PARTLY_PAID, PAID }

    public static State stateOf(BigDecimal payable, BigDecimal paid) {
        if (paid.signum() <= 0) {
            return State.UNPAID;
        }
        return paid.compareTo(payable) >= 0 ? State.PAID : State.PARTLY_PAID;
    }
}

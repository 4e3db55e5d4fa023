package org.concurbridge.bridge.posting.ledger;

/**
 * Where a document stands. The happy path is RECEIVED → ACKNOWLEDGED → POSTED → CONFIRMED → PAYMENT_CONFIRMED
 * (payment for expense reports only); the others end it or wait for a retry.
 */
public enum LedgerState {
    /** Read from Concur and recorded; not yet acknowledged. */
    RECEIVED,
    /** Concur knows the bridge has it; to be posted. */
    ACKNOWLEDGED,
    /** In the ERP (the ERP document number is recorded); the posting confirmation is still to be sent. */
    POSTED,
    /** Concur accepted the success confirmation. */
    CONFIRMED,
    /** Concur accepted the payment confirmation (the ERP paid the employee payable). */
    PAYMENT_CONFIRMED,
    /** A retryable failure (ERP or Concur unavailable); tried again at {@code nextAttemptAt}. */
    FAILED,
    /** The document cannot be posted as it is; Concur received an error confirmation naming the problem. */
    ERROR_CONFIRMED,
    /** A processor recalled it: nothing of it stays in the ERP. */
    RECALLED,
    /** Posted, then reversed in the ERP (recalled after posting). */
    REVERSED,
    /** Posted, then replaced by a re-approved revision (its reversal and the new posting are linked). */
    SUPERSEDED;

    /** States in which the pipeline still has work to do for the document. */
    public boolean open() {
        return this == RECEIVED || this == ACKNOWLEDGED || this == POSTED || this == FAILED;
    }
}

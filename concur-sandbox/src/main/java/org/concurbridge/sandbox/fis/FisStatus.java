package org.concurbridge.sandbox.fis;

/**
 * {@code docStatus} values (financial-integration-v4.md section 3). The markdown lists the first four; RECALLED,
 * PENDING_SYSTEM_REFRESH and the PAYMENT_CONFIRMED_* states come from the specs' enums, their transitions are inferred.
 */
public enum FisStatus {
    READY,
    ACKNOWLEDGED,
    POSTING_CONFIRMED_SUCCESS,
    POSTING_CONFIRMED_FAILURE,
    PAYMENT_CONFIRMED_SUCCESS,
    PAYMENT_CONFIRMED_REVERSED,
    PAYMENT_CONFIRMED_OBSOLETE,
    RECALLED,
    /** Not ready for pickup: acknowledging it answers 103, confirming it 114 (set through the admin API only). */
    PENDING_SYSTEM_REFRESH
}

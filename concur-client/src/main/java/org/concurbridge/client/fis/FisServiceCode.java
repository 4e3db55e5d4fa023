package org.concurbridge.client.fis;

import java.util.Arrays;

/**
 * The per-document service codes of FIS v4 (financial-integration-v4.md section 2.5), each with what it means for the
 * caller ({@link Meaning}). A code Concur adds later reads as {@link #UNKNOWN}; {@link FisOutcome#rawCode()} keeps it.
 */
public enum FisServiceCode {
    SUCCESS(0, Meaning.DONE, "processed successfully"),
    SYSTEM_ID_MISMATCH(99, Meaning.REJECTED, "the systemId differs from the one stored for the document"),
    ALREADY_ACKNOWLEDGED(101, Meaning.ALREADY_DONE, "already acknowledged"),
    RECALLED_BEFORE_ACKNOWLEDGEMENT(102, Meaning.RECALLED, "the document was recalled"),
    NOT_READY(103, Meaning.NOT_YET, "the document is not ready"),
    NOT_FOUND_ON_ACKNOWLEDGEMENT(104, Meaning.NOT_FOUND, "the document does not exist"),
    WRONG_DOC_TYPE_ON_ACKNOWLEDGEMENT(105, Meaning.REJECTED, "the document is not of the docType in the path"),
    NOT_YET_ACKNOWLEDGED(111, Meaning.NOT_YET, "not acknowledged yet"),
    RECALLED_BEFORE_CONFIRMATION(112, Meaning.RECALLED, "the document was recalled"),
    ALREADY_CONFIRMED(113, Meaning.ALREADY_DONE, "a posting confirmation was already posted"),
    UNKNOWN_STATE(114, Meaning.RETRY_LATER, "the document is in an unknown state"),
    WRONG_DOC_TYPE_ON_CONFIRMATION(115, Meaning.REJECTED, "wrong docType"),
    NOT_FOUND_ON_CONFIRMATION(116, Meaning.NOT_FOUND, "the document does not exist"),
    INVALID_REQUEST(198, Meaning.REJECTED, "invalid request; retrying the same request will not help"),
    UNKNOWN_ERROR(199, Meaning.RETRY_LATER, "unknown error; try again later"),
    PAYMENT_ALREADY_CONFIRMED(213, Meaning.ALREADY_DONE, "a payment confirmation was already posted"),
    INVALID_PAYMENT_REQUEST(298, Meaning.REJECTED,
            "invalid payment request (with result NOOP: this paymentRef was already confirmed)"),
    UNKNOWN(-1, Meaning.UNKNOWN, "a code this client does not know");

    /** What a code means for the caller. */
    public enum Meaning {
        /** Processed now. */
        DONE,
        /** Was already processed earlier (101, 113, 213, a duplicate paymentRef): treat as done, do not repeat. */
        ALREADY_DONE,
        /** A processor recalled the document (102, 112): drop it; it comes back if re-approved. */
        RECALLED,
        /** Too early in the life cycle (103, 111, payment before posting): do the previous step first. */
        NOT_YET,
        /** Unknown to Concur for this company (104, 116). */
        NOT_FOUND,
        /** The request is wrong for this document (99, 105, 115, 198, 298): fix it; repeating will not help. */
        REJECTED,
        /** Temporary (114, 199): try again later. */
        RETRY_LATER,
        /** A code this client does not know. */
        UNKNOWN
    }

    private final int code;
    private final Meaning meaning;
    private final String description;

    FisServiceCode(int code, Meaning meaning, String description) {
        this.code = code;
        this.meaning = meaning;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public Meaning meaning() {
        return meaning;
    }

    public String description() {
        return description;
    }

    public static FisServiceCode of(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code && c != UNKNOWN).findFirst().orElse(UNKNOWN);
    }
}

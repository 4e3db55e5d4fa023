package org.concurbridge.sandbox.fis;

/**
 * Per-document service codes of FIS v4 (financial-integration-v4.md section 2.5) with the messages the sandbox puts
 * in {@code errorMessage}.
 */
public enum FisCode {
    OK(0, ""),
    SYSTEM_ID_MISMATCH(99, "The systemId in the request differs from the systemId stored for this document."),
    ALREADY_ACKNOWLEDGED(101, "This document was previously acknowledged by SystemId: %s."),
    ACK_RECALLED(102, "This document was recalled."),
    NOT_READY(103, "This document is not ready."),
    ACK_NOT_FOUND(104, "This document does not exist."),
    ACK_WRONG_DOC_TYPE(105, "This document is not of docType %s."),
    NOT_ACKNOWLEDGED(111, "This document has not been acknowledged yet."),
    POSTING_RECALLED(112, "This document was recalled."),
    ALREADY_CONFIRMED(113, "A posting confirmation was already posted for this document."),
    UNKNOWN_STATE(114, "This document is in an unknown state."),
    POSTING_WRONG_DOC_TYPE(115, "This document is not of docType %s."),
    POSTING_NOT_FOUND(116, "This document does not exist."),
    INVALID_REQUEST(198, "Invalid request: %s"),
    SYSTEM_ERROR(199, "An unknown error occurred; try again later."),
    PAYMENT_ALREADY_CONFIRMED(213, "A final payment confirmation was already posted for this document."),
    INVALID_PAYMENT(298, "%s");

    private final int code;
    private final String message;

    FisCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    String message(Object... args) {
        return args.length == 0 ? message : String.format(message, args);
    }
}

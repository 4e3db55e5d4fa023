package org.concurbridge.client.fis;

/**
 * Concur's answer for one document of an acknowledgement, posting confirmation or payment confirmation call.
 * {@code result} is the call-specific word ({@code SUCCESS}, {@code FAILURE}, {@code NOT_YET_ACKNOWLEDGED},
 * {@code WAS_RECALLED}, {@code NOOP}, ...); {@code paymentRef} is set for payment confirmations only.
 */
public record FisOutcome(String docId, FisServiceCode code, int rawCode, String result, String errorMessage,
                         String detailMessage, String paymentRef) {

    /** What the outcome means for the caller; a duplicate payment reference (298 with NOOP) is already done. */
    public FisServiceCode.Meaning meaning() {
        if (code == FisServiceCode.INVALID_PAYMENT_REQUEST && "NOOP".equalsIgnoreCase(result)) {
            return FisServiceCode.Meaning.ALREADY_DONE;
        }
        return code.meaning();
    }

    /** Processed now or earlier: the step is complete for this document. */
    public boolean isDone() {
        FisServiceCode.Meaning m = meaning();
        return m == FisServiceCode.Meaning.DONE || m == FisServiceCode.Meaning.ALREADY_DONE;
    }
}

package org.concurbridge.client.fis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A payment confirmation for an expense report (financial-integration-v4.md section 2.4): how the ERP paid (or
 * reversed, or obsoleted) the employee payable. Each {@link Clearing#paymentRef()} must be unique.
 */
public record PaymentConfirmation(String docId, Status status, String additionalMessage, List<Clearing> clearings) {

    /** {@code processingStatusCode}. */
    public enum Status {
        /** Completely paid. */
        CP,
        /** Partially paid. */
        PP,
        /** Reversal (give the reason in {@code additionalMessage}). */
        RE,
        /** Obsolete (give the reason in {@code additionalMessage}). */
        OB
    }

    public PaymentConfirmation {
        PostingConfirmation.requireText(docId, "docId");
        Objects.requireNonNull(status, "status is required");
        clearings = List.copyOf(clearings);
        if (clearings.isEmpty()) {
            throw new IllegalArgumentException("a payment confirmation needs at least one clearing detail");
        }
    }

    /**
     * One payment: when, how much in which currency, to whom ({@code receiverType} e.g. {@code EMPLOYEE}), and the
     * ERP's reference ({@code paymentMethod} {@code E} electronic transfer, {@code C} check).
     */
    public record Clearing(Instant clearingDate, BigDecimal amount, String currency, String receiverId,
                           String receiverName, String receiverType, String companyCode, String financialDocumentId,
                           String fiscalYear, String paymentRef, String paymentMethod) {
        public Clearing {
            Objects.requireNonNull(clearingDate, "clearingDate is required");
            Objects.requireNonNull(amount, "amount is required");
            PostingConfirmation.requireText(currency, "clearingCurrency");
            PostingConfirmation.requireText(paymentRef, "paymentRef");
        }
    }
}

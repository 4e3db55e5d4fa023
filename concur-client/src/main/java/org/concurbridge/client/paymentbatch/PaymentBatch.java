package org.concurbridge.client.paymentbatch;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One payment batch from the batch list. {@code batchId} is the unencrypted id (never put into URLs; it is the id the
 * extract file's header carries); {@code batchUrl} the base URL of the batch's actions (with the encrypted id).
 * {@code count} is the number of payment demands. {@code state} is the list filter the batch was read with, or null
 * when the list was read unfiltered (the list carries no state per batch).
 */
public record PaymentBatch(String name, String batchId, BigDecimal total, String currency, Integer count,
                           String type, String paymentMethod, String batchUrl, BatchState state) {

    public PaymentBatch {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(batchUrl, "batchUrl");
    }

    /** The v1.2 form of the batch URL (asynchronous close), from the v1.1 {@code Batch-URL}. */
    String v12Url() {
        return batchUrl.replaceFirst("/v1\\.1/", "/v1.2/");
    }

    /** The v1.1 form of the batch URL (synchronous close, file URL). */
    String v11Url() {
        return batchUrl.replaceFirst("/v1\\.2/", "/v1.1/");
    }

    public enum BatchState { OPEN, CLOSED }
}

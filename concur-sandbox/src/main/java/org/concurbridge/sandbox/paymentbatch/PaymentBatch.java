package org.concurbridge.sandbox.paymentbatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.concurbridge.sandbox.extract.ExtractedDocument;
import org.concurbridge.sandbox.extract.FileFault;

/**
 * A payment batch as the Java and admin APIs show it. {@code batchId} is the unencrypted {@code BatchID} of the list,
 * {@code urlKey} the encrypted id in {@code Batch-URL}; {@code status} {@code OPEN}, {@code CLOSING} (an asynchronous
 * close is running; listed as OPEN) or {@code CLOSED}; {@code fileNumber} the SAE header's batch id (assigned at close);
 * {@code closedByHand} when closed through {@link PaymentBatches#closeByHand}; {@code fileKeys} the keys of the
 * {@code File-Url}s handed out so far (each v1.1 close of a closed batch regenerates the file under a new key).
 */
public record PaymentBatch(String batchId, String urlKey, String name, String currency, String type,
                           String paymentMethod, String status, int count, BigDecimal total, Long fileNumber,
                           Instant closedAt, boolean closedByHand, List<ExtractedDocument> documents,
                           List<String> fileKeys, FileFault fault) {

    public static final String OPEN = "OPEN";
    public static final String CLOSING = "CLOSING";
    public static final String CLOSED = "CLOSED";
}

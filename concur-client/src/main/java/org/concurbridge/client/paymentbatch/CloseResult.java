package org.concurbridge.client.paymentbatch;

/** The answer to closing a batch. */
public sealed interface CloseResult {

    /**
     * The close request was accepted. {@code batchStatus} ({@code CLOSED}…) and {@code fileUrl} come with the
     * synchronous v1.1 close; the asynchronous v1.2 close gives {@code status} and {@code jobQueueKey} only (watch
     * the CLOSED batch list, then call the v1.1 close for the file URL).
     */
    record Accepted(String status, String batchStatus, String fileUrl, String jobQueueKey, String correlationId)
            implements CloseResult {
    }

    /**
     * The documented failure: HTTP 500 on close — the batch holds no reports (or reports were just approved for
     * payment: wait 30 minutes and retry). Not an error of the connector; nothing to post.
     */
    record NoReports(String batchId, String message, String correlationId) implements CloseResult {
    }
}

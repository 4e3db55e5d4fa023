package org.concurbridge.bridge.posting;

/**
 * Where a {@link PostingDocument} came from. The idempotency key is derived from it, so the same source never posts
 * twice.
 */
public sealed interface PostingSource permits PostingSource.Fis, PostingSource.Extract {

    /** The deterministic key the ERP write carries. */
    String idempotencyKey();

    /**
     * A FIS v4 financial transaction. {@code documentId} is the FIS id (null for a bare document read from a file,
     * then the key falls back to the Concur id and revision).
     */
    record Fis(String documentId, String docType, String concurId, int revision) implements PostingSource {
        @Override
        public String idempotencyKey() {
            return documentId != null && !documentId.isBlank()
                    ? "fis:" + documentId
                    : "fis:" + docType + ":" + concurId + ":r" + revision;
        }
    }

    /**
     * A group of extract rows: SAE (expense, keyed by report key) or PRAE (invoice, keyed by request key), from one
     * batch (Standard payment batch or Professional extract job).
     */
    record Extract(String format, String batchId, String reportKey) implements PostingSource {
        @Override
        public String idempotencyKey() {
            return format.toLowerCase(java.util.Locale.ROOT) + ":" + batchId + ":" + reportKey;
        }
    }
}

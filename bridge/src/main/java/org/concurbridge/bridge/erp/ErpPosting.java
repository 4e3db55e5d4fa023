package org.concurbridge.bridge.erp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Posting journal entries into the ERP, exactly once per idempotency key. */
public interface ErpPosting {

    /**
     * Checks the entry without writing anything: structure and balance ({@link EntryRules}), then accounts, cost
     * objects, partners and tax codes against the ERP. Returns every problem found (empty when valid).
     */
    List<ValidationProblem> validate(JournalEntry entry);

    /**
     * Posts the entry, or returns the document already posted under its key (then {@code alreadyPosted} is true and
     * nothing is created). An invalid entry fails with {@link ErpException.Permanent} carrying every problem, before
     * anything reaches the ERP. Atomic: either the whole entry is in the ERP or nothing of it.
     */
    PostingResult post(JournalEntry entry);

    /**
     * Posts several entries, in chunks of the configured batch size with one ERP transaction (or round of calls) per
     * chunk. Results are in input order. When a chunk fails, its entries are retried one by one, so one bad entry
     * only fails itself: its result slot throws when read through {@link BatchResult#get()}.
     */
    default List<BatchResult> postAll(List<JournalEntry> entries) {
        List<BatchResult> results = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            results.add(BatchResult.of(() -> post(e)));
        }
        return results;
    }

    /** The document posted under this key, if any. */
    Optional<ErpDocumentRef> lookup(String idempotencyKey);

    /**
     * Posts a reversal of an earlier entry (every line on the opposite side), idempotent by the reversal's own key.
     * Fails with {@link ErpException.Permanent} when the original key was never posted.
     */
    PostingResult reverse(Reversal reversal);

    /** Outcome of one entry of {@link #postAll}. */
    record BatchResult(PostingResult result, ErpException failure) {

        public static BatchResult of(java.util.function.Supplier<PostingResult> post) {
            try {
                return new BatchResult(post.get(), null);
            } catch (ErpException e) {
                return new BatchResult(null, e);
            }
        }

        /** The result, or the entry's failure rethrown. */
        public PostingResult get() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}

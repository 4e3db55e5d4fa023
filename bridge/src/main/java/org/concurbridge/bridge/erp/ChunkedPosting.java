package org.concurbridge.bridge.erp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chunking both adapters share for {@link ErpPosting#postAll}: entries breaking {@link EntryRules} fail alone
 * without reaching the ERP; a key repeated in the input is posted once; each chunk goes to the adapter's writer in
 * one transaction (or round of calls); a chunk the ERP rejects as a whole is retried entry by entry so only the bad
 * entry fails (Spring Batch's scan mode); a retriable or authentication failure fails the rest of the input at once.
 */
public final class ChunkedPosting {

    private static final Logger log = LoggerFactory.getLogger(ChunkedPosting.class);

    /** Writes distinct entries that passed {@link EntryRules}; returns one result per entry, in order. */
    @FunctionalInterface
    public interface ChunkWriter {
        List<ErpPosting.BatchResult> write(List<JournalEntry> chunk);
    }

    private ChunkedPosting() {
    }

    public static List<ErpPosting.BatchResult> postAll(List<JournalEntry> entries, int batchSize, String adapter,
                                                       ChunkWriter writer) {
        ErpPosting.BatchResult[] out = new ErpPosting.BatchResult[entries.size()];
        Map<String, Integer> firstByKey = new LinkedHashMap<>();
        List<int[]> duplicates = new ArrayList<>();   // {index, index of first occurrence}
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry e = entries.get(i);
            List<ValidationProblem> problems = EntryRules.check(e);
            if (!problems.isEmpty()) {
                out[i] = new ErpPosting.BatchResult(null, ErpException.Permanent.invalid(e, problems));
            } else if (firstByKey.containsKey(e.idempotencyKey())) {
                duplicates.add(new int[]{i, firstByKey.get(e.idempotencyKey())});
            } else {
                firstByKey.put(e.idempotencyKey(), i);
            }
        }
        List<Integer> todo = new ArrayList<>(firstByKey.values());
        for (int from = 0; from < todo.size(); from += batchSize) {
            List<Integer> indexes = todo.subList(from, Math.min(todo.size(), from + batchSize));
            List<JournalEntry> chunk = indexes.stream().map(entries::get).toList();
            try {
                List<ErpPosting.BatchResult> results = writer.write(chunk);
                for (int j = 0; j < indexes.size(); j++) {
                    out[indexes.get(j)] = results.get(j);
                }
            } catch (ErpException.Permanent e) {
                if (chunk.size() == 1) {
                    out[indexes.get(0)] = new ErpPosting.BatchResult(null, e);
                    continue;
                }
                log.warn("event=erp.chunk_rejected adapter={} entries={} reason=\"{}\" action=retry_one_by_one",
                        adapter, chunk.size(), e.getMessage());
                for (int j = 0; j < indexes.size(); j++) {
                    JournalEntry one = chunk.get(j);
                    out[indexes.get(j)] = ErpPosting.BatchResult.of(() -> writer.write(List.of(one)).get(0).get());
                }
            } catch (ErpException e) {
                for (int j = from; j < todo.size(); j++) {
                    out[todo.get(j)] = new ErpPosting.BatchResult(null, e);
                }
                break;
            }
        }
        for (int[] d : duplicates) {
            ErpPosting.BatchResult first = out[d[1]];
            out[d[0]] = first.failure() != null ? first
                    : new ErpPosting.BatchResult(new PostingResult(first.result().document(), true), null);
        }
        return Arrays.asList(out);
    }
}

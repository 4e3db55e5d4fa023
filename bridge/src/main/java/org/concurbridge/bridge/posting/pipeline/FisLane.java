package org.concurbridge.bridge.posting.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One thread that makes a posting run's calls to one system, in the order they are submitted. The FIS lane: at most
 * one FIS request is in flight per connection, while the run's own thread records, posts and confirms (ledger, ERP)
 * during the call; every FIS call of a run goes through it. The ERP lane: a page's ERP post runs while the run's
 * thread records the next page; one post at a time, never alongside another ERP call of the run.
 */
final class FisLane implements AutoCloseable {
    private final ExecutorService thread;

    FisLane(String threadName) {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a call behind the ones already submitted. */
    <T> CompletableFuture<T> submit(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, thread);
    }

    /** Queues a call and waits for its answer. */
    <T> T call(Supplier<T> call) {
        return await(submit(call));
    }

    /** The call's answer, or the exception it threw (as thrown, not wrapped). */
    static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Abandons what is still queued (a run that ends by an exception); a call in flight is interrupted. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}

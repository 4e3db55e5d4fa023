package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private RetryPolicy.Builder exact() {
        return RetryPolicy.builder().jitter(0).sleeper(sleeper);
    }

    @Test
    void exponentialBackoffDoublesUpToMaxBackoff() {
        RetryPolicy policy = exact().maxAttempts(6).initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(5)).build();

        assertThat(attemptsUntilGivingUp(policy, retriable(null))).isEqualTo(6);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void succeedsAfterTransientFailuresAndReturnsTheValue() {
        RetryPolicy policy = exact().maxAttempts(4).build();
        AtomicInteger attempts = new AtomicInteger();

        String result = policy.execute("op", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw retriable(null);
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void http429WaitsForRetryAfterInsteadOfBackoff() {
        RetryPolicy policy = exact().maxAttempts(3).build();
        AtomicInteger attempts = new AtomicInteger();

        policy.execute("op", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw retriable(Duration.ofSeconds(17));
            }
            return "ok";
        });

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(17));
    }

    @Test
    void retryAfterLongerThanTheCapEndsTheRetriesAtOnce() {
        RetryPolicy policy = exact().maxAttempts(5).maxRetryAfter(Duration.ofSeconds(60)).build();
        ConcurException.Retriable failure = retriable(Duration.ofMinutes(5));

        assertThat(attemptsUntilGivingUp(policy, failure)).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
        assertThat(failure.retryAfter()).contains(Duration.ofMinutes(5));
    }

    @Test
    void authenticationAndPermanentFailuresAreNeverRetried() {
        RetryPolicy policy = exact().maxAttempts(5).build();

        assertThat(attemptsUntilGivingUp(policy,
                new ConcurException.Authentication("refresh failed", 400, "108", null, null))).isEqualTo(1);
        assertThat(attemptsUntilGivingUp(policy,
                new ConcurException.Permanent("bad request", 400, "51", null, null))).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void seededJitterIsReproducibleAndStaysWithinTheSpread() {
        List<List<Duration>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            RecordingSleeper recording = new RecordingSleeper();
            RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofSeconds(1))
                    .maxBackoff(Duration.ofSeconds(30)).jitter(0.5).random(new Random(42L)).sleeper(recording).build();
            attemptsUntilGivingUp(policy, retriable(null));
            runs.add(recording.waits);
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).hasSize(4);
        long[] bases = {1000, 2000, 4000, 8000};
        for (int i = 0; i < bases.length; i++) {
            assertThat(runs.get(0).get(i).toMillis()).isBetween(bases[i] / 2, bases[i] * 3 / 2);
        }
        assertThat(runs.get(0)).doesNotContainSequence(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void jitterNeverExceedsMaxBackoff() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(20).initialBackoff(Duration.ofSeconds(10))
                .maxBackoff(Duration.ofSeconds(10)).jitter(1.0).random(new Random(7L)).sleeper(sleeper).build();

        attemptsUntilGivingUp(policy, retriable(null));

        assertThat(sleeper.waits).hasSize(19)
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void interruptedWaitStopsRetryingAndKeepsTheInterruptFlag() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).sleeper(d -> {
            throw new InterruptedException();
        }).build();
        ConcurException.Retriable failure = retriable(null);
        try {
            assertThat(attemptsUntilGivingUp(policy, failure)).isEqualTo(1);
            assertThat(failure.getSuppressed()).hasAtLeastOneElementOfType(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void invalidSettingsAreAllReportedAtOnce() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).multiplier(0.5).jitter(2)
                .initialBackoff(Duration.ofSeconds(-1)).sleeper(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("maxAttempts must be at least 1, was 0", "multiplier must be a finite number >= 1",
                        "jitter must be between 0 and 1, was 2.0", "initialBackoff must be zero or positive",
                        "sleeper is required");
    }

    @Test
    void noRetriesMakesASingleAttempt() {
        RetryPolicy policy = RetryPolicy.noRetries().withSleeper(sleeper);

        assertThat(attemptsUntilGivingUp(policy, retriable(null))).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    /** Runs {@code policy} with an attempt that always throws {@code failure}; returns how many attempts it made. */
    private static int attemptsUntilGivingUp(RetryPolicy policy, ConcurException failure) {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> policy.execute("op", () -> {
            attempts.incrementAndGet();
            throw failure;
        })).isSameAs(failure);
        return attempts.get();
    }

    private static ConcurException.Retriable retriable(Duration retryAfter) {
        return new ConcurException.Retriable("busy", 503, null, null, retryAfter, null);
    }
}

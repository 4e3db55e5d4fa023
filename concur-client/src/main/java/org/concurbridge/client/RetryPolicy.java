package org.concurbridge.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a call to SAP Concur is retried. Only {@link ConcurException.Retriable} failures are retried (network errors,
 * 408, 429, 5xx, malformed bodies); {@link ConcurException.Authentication} and {@link ConcurException.Permanent} never.
 *
 * <p>The wait before retry {@code n} (n = 1 for the first retry) is the server's {@code Retry-After} when it sent one,
 * otherwise {@code min(maxBackoff, initialBackoff * multiplier^(n-1))} spread by ±{@code jitter} with {@code random}.
 * A {@code Retry-After} longer than {@code maxRetryAfter} is not waited in-process: the call fails at once with the
 * {@link ConcurException.Retriable}, whose {@link ConcurException.Retriable#retryAfter()} tells the caller (a job
 * scheduler) when to come back.
 *
 * @param maxAttempts    total attempts including the first (1 = no retry)
 * @param initialBackoff wait before the first retry, before jitter
 * @param multiplier     growth factor of the backoff per retry (≥ 1)
 * @param maxBackoff     upper bound of any computed backoff (jitter included)
 * @param jitter         relative spread of the backoff, 0 (exact) to 1
 * @param maxRetryAfter  longest server-requested {@code Retry-After} honoured by waiting in-process
 * @param random         source of the jitter (seed it for reproducible waits)
 * @param sleeper        performs the waits (inject a recording one in tests)
 */
public record RetryPolicy(
        int maxAttempts,
        Duration initialBackoff,
        double multiplier,
        Duration maxBackoff,
        double jitter,
        Duration maxRetryAfter,
        Random random,
        Sleeper sleeper) {

    private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

    public RetryPolicy {
        List<String> problems = new ArrayList<>();
        if (maxAttempts < 1) {
            problems.add("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative()) {
            problems.add("initialBackoff must be zero or positive, was " + initialBackoff);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            problems.add("multiplier must be a finite number >= 1, was " + multiplier);
        }
        if (maxBackoff == null || maxBackoff.isNegative()
                || (initialBackoff != null && maxBackoff.compareTo(initialBackoff) < 0)) {
            problems.add("maxBackoff must be >= initialBackoff, was " + maxBackoff);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            problems.add("jitter must be between 0 and 1, was " + jitter);
        }
        if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
            problems.add("maxRetryAfter must be zero or positive, was " + maxRetryAfter);
        }
        if (random == null) {
            problems.add("random is required");
        }
        if (sleeper == null) {
            problems.add("sleeper is required");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid RetryPolicy: " + String.join("; ", problems));
        }
    }

    /** 4 attempts, 1 s initial backoff doubling up to 30 s with ±20 % jitter, Retry-After honoured up to 60 s. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** A single attempt: failures surface at once (interactive paths that report to a person). */
    public static RetryPolicy noRetries() {
        return builder().maxAttempts(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy of this policy that waits through another sleeper. */
    public RetryPolicy withSleeper(Sleeper other) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter, maxRetryAfter, random, other);
    }

    /**
     * The wait before retry number {@code retry} (1 = first retry) after {@code failure}, or empty when the server
     * asked for a longer pause than {@link #maxRetryAfter()}.
     */
    Optional<Duration> waitBeforeRetry(int retry, ConcurException.Retriable failure) {
        Optional<Duration> retryAfter = failure.retryAfter();
        if (retryAfter.isPresent()) {
            Duration requested = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
            return requested.compareTo(maxRetryAfter) <= 0 ? Optional.of(requested) : Optional.empty();
        }
        double base = initialBackoff.toMillis() * Math.pow(multiplier, retry - 1);
        double spread = jitter == 0.0 ? 1.0 : 1.0 - jitter + 2.0 * jitter * random.nextDouble();
        long millis = (long) Math.min(maxBackoff.toMillis(), Math.min(base, maxBackoff.toMillis()) * spread);
        return Optional.of(Duration.ofMillis(millis));
    }

    /** Runs {@code attempt}, retrying {@link ConcurException.Retriable} failures as this policy says. */
    <T> T execute(String operation, Supplier<T> attempt) {
        for (int attemptNo = 1; ; attemptNo++) {
            try {
                return attempt.get();
            } catch (ConcurException.Retriable failure) {
                if (attemptNo >= maxAttempts) {
                    throw failure;
                }
                Optional<Duration> wait = waitBeforeRetry(attemptNo, failure);
                if (wait.isEmpty()) {
                    log.warn("concur.retry.giveup op={} attempt={} reason=retry-after-too-long retryAfterS={} maxRetryAfterS={}",
                            operation, attemptNo, failure.retryAfter().map(Duration::toSeconds).orElse(-1L),
                            maxRetryAfter.toSeconds());
                    throw failure;
                }
                log.warn("concur.retry op={} attempt={} of={} waitMs={} status={} code={} correlationId={}",
                        operation, attemptNo, maxAttempts, wait.get().toMillis(), failure.httpStatus(),
                        failure.errorCode(), failure.correlationId());
                try {
                    sleeper.sleep(wait.get());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    failure.addSuppressed(interrupted);
                    throw failure;
                }
            }
        }
    }

    /** Builder with the defaults of {@link #defaults()}. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private double multiplier = 2.0;
        private Duration maxBackoff = Duration.ofSeconds(30);
        private double jitter = 0.2;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Random random = new Random();
        private Sleeper sleeper = Sleeper.system();

        private Builder() {
        }

        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        public Builder initialBackoff(Duration value) {
            this.initialBackoff = value;
            return this;
        }

        public Builder multiplier(double value) {
            this.multiplier = value;
            return this;
        }

        public Builder maxBackoff(Duration value) {
            this.maxBackoff = value;
            return this;
        }

        public Builder jitter(double value) {
            this.jitter = value;
            return this;
        }

        public Builder maxRetryAfter(Duration value) {
            this.maxRetryAfter = value;
            return this;
        }

        public Builder random(Random value) {
            this.random = value;
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        /** @throws IllegalArgumentException listing every invalid field */
        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter, maxRetryAfter,
                    random, sleeper);
        }
    }
}

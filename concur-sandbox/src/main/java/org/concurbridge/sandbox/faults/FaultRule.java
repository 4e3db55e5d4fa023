package org.concurbridge.sandbox.faults;

import java.time.Duration;
import java.util.Locale;

/**
 * One fault-injection rule: which requests it applies to ({@code method}, {@code path} pattern, optionally one
 * {@code geo} and one {@code company}) and what it does to them. Immutable; the fluent methods return a copy.
 *
 * <pre>{@code
 * FaultRule.on("POST", "/oauth2/v0/token").status(503).times(2)
 * FaultRule.on("GET", "/profile/v1/me").status(429).retryAfter(Duration.ofSeconds(3))
 * FaultRule.on("*", "/**").delay(Duration.ofMillis(50), Duration.ofMillis(400)).probability(0.2)
 * FaultRule.on("POST", "/oauth2/v0/token").reset().company(uuid)
 * FaultRule.on("GET", "/profile/v1/me").malformed()
 * }</pre>
 *
 * <p>{@code path} is matched against the API path without the geolocation prefix (e.g. {@code /oauth2/v0/token}
 * for {@code /us/oauth2/v0/token}); {@code *} or {@code {name}} matches one path segment and {@code /**} any rest.
 * {@code method} {@code *} matches every method. Effects: {@code status} answers that status instead of calling the
 * endpoint (429 gets a {@code Retry-After} header, {@code retryAfterSeconds} or 1); {@code delayMillis} (up to
 * {@code delayMaxMillis} when set: uniformly drawn) waits before anything else; {@code connectionReset} closes the
 * socket without any response; {@code truncateBody} calls the endpoint and cuts its body in half (malformed JSON).
 * {@code answerLost} calls the endpoint and then closes the socket without the answer (the request took effect, the
 * caller cannot know); {@code answerDelayMillis} calls the endpoint and waits before answering (or before dropping
 * the answer), so the request's effect is visible while its caller still waits.
 * {@code times} limits how often the rule fires (null = always); {@code probability} makes it fire at random, drawn
 * from the sandbox's seeded random. A delay combines with one of the other effects.
 */
public record FaultRule(String method, String path, String geo, String company, Integer status,
                        Integer retryAfterSeconds, Long delayMillis, Long delayMaxMillis, Boolean connectionReset,
                        Boolean truncateBody, String body, Integer times, Double probability, Boolean answerLost,
                        Long answerDelayMillis) {

    public FaultRule {
        method = method == null || method.isBlank() ? "*" : method.trim().toUpperCase(Locale.ROOT);
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("fault rule field 'path' must start with '/' (got " + path + ")");
        }
        if (status != null && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("fault rule field 'status' must be an HTTP status 100..599 (got " + status + ")");
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("fault rule field 'retryAfterSeconds' must be >= 0");
        }
        if (delayMillis != null && delayMillis < 0) {
            throw new IllegalArgumentException("fault rule field 'delayMillis' must be >= 0");
        }
        if (delayMaxMillis != null && (delayMillis == null || delayMaxMillis < delayMillis)) {
            throw new IllegalArgumentException("fault rule field 'delayMaxMillis' needs 'delayMillis' <= 'delayMaxMillis'");
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("fault rule field 'times' must be >= 1 (got " + times + ")");
        }
        if (probability != null && (probability <= 0 || probability > 1)) {
            throw new IllegalArgumentException("fault rule field 'probability' must be in (0, 1] (got " + probability + ")");
        }
        if (answerDelayMillis != null && answerDelayMillis < 0) {
            throw new IllegalArgumentException("fault rule field 'answerDelayMillis' must be >= 0");
        }
        int effects = (status != null ? 1 : 0) + (Boolean.TRUE.equals(connectionReset) ? 1 : 0)
                + (Boolean.TRUE.equals(truncateBody) ? 1 : 0) + (Boolean.TRUE.equals(answerLost) ? 1 : 0);
        if (effects > 1) {
            throw new IllegalArgumentException(
                    "fault rule may have only one of 'status', 'connectionReset', 'truncateBody', 'answerLost'");
        }
        if (body != null && status == null) {
            throw new IllegalArgumentException("fault rule field 'body' needs a 'status'");
        }
    }

    /** A rule matching {@code method} ({@code *} = any) and {@code path}; add at least one effect before use. */
    public static FaultRule on(String method, String path) {
        return new FaultRule(method, path, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** Whether the rule does anything; rules without an effect are refused by {@link Faults#add}. */
    public boolean hasEffect() {
        return status != null || delayMillis != null || Boolean.TRUE.equals(connectionReset)
                || Boolean.TRUE.equals(truncateBody) || Boolean.TRUE.equals(answerLost) || answerDelayMillis != null;
    }

    public FaultRule geo(String newGeo) {
        return new FaultRule(method, path, newGeo, company, status, retryAfterSeconds, delayMillis, delayMaxMillis,
                connectionReset, truncateBody, body, times, probability, answerLost, answerDelayMillis);
    }

    public FaultRule company(String newCompany) {
        return new FaultRule(method, path, geo, newCompany, status, retryAfterSeconds, delayMillis, delayMaxMillis,
                connectionReset, truncateBody, body, times, probability, answerLost, answerDelayMillis);
    }

    public FaultRule status(int newStatus) {
        return new FaultRule(method, path, geo, company, newStatus, retryAfterSeconds, delayMillis, delayMaxMillis,
                connectionReset, truncateBody, body, times, probability, answerLost, answerDelayMillis);
    }

    /** The {@code Retry-After} header (whole seconds) sent with the {@link #status(int)}. */
    public FaultRule retryAfter(Duration retryAfter) {
        return new FaultRule(method, path, geo, company, status, Math.toIntExact(retryAfter.toSeconds()), delayMillis,
                delayMaxMillis, connectionReset, truncateBody, body, times, probability, answerLost, answerDelayMillis);
    }

    /** A raw response body (sent as application/json) for the {@link #status(int)}, instead of the default one. */
    public FaultRule body(String newBody) {
        return new FaultRule(method, path, geo, company, status, retryAfterSeconds, delayMillis, delayMaxMillis,
                connectionReset, truncateBody, newBody, times, probability, answerLost, answerDelayMillis);
    }

    public FaultRule delay(Duration delay) {
        return new FaultRule(method, path, geo, company, status, retryAfterSeconds, delay.toMillis(), null,
                connectionReset, truncateBody, body, times, probability, answerLost, answerDelayMillis);
    }

    /** A delay drawn uniformly from [min, max] (seeded). */
    public FaultRule delay(Duration min, Duration max) {
        return new FaultRule(method, path, geo, company, status, retryAfterSeconds, min.toMillis(), max.toMillis(),
                connectionReset, truncateBody, body, times, probability, answerLost, answerDelayMillis);
    }

    /** Close the connection without sending any response. */
    public FaultRule reset() {
        return new FaultRule(method, path, geo, company, status, retryAfterSeconds, delayMillis, delayMaxMillis,
                true, truncateBody, body, times, probability, answerLost, answerDelayMillis);
    }

    /** Answer normally but cut the body in half (malformed JSON). */
    public FaultRule malformed() {
        return new FaultRule(method, path, geo, company, status, retryAfterSeconds, delayMillis, delayMaxMillis,
                connectionReset, true, body, times, probability, answerLost, answerDelayMillis);
    }

    /**
     * Call the endpoint (its effect happens: a document is acknowledged, a confirmation recorded), then close the
     * connection (RST) instead of sending the answer: the caller cannot tell whether the request was processed.
     */
    public FaultRule loseAnswer() {
        return new FaultRule(method, path, geo, company, status, retryAfterSeconds, delayMillis, delayMaxMillis,
                connectionReset, truncateBody, body, times, probability, true, answerDelayMillis);
    }

    /** Call the endpoint, then wait this long before answering (or before dropping the answer, with answerLost). */
    public FaultRule answerDelay(Duration delay) {
        return new FaultRule(method, path, geo, company, status, retryAfterSeconds, delayMillis, delayMaxMillis,
                connectionReset, truncateBody, body, times, probability, answerLost, delay.toMillis());
    }

    public FaultRule times(int newTimes) {
        return new FaultRule(method, path, geo, company, status, retryAfterSeconds, delayMillis, delayMaxMillis,
                connectionReset, truncateBody, body, newTimes, probability, answerLost, answerDelayMillis);
    }

    public FaultRule probability(double newProbability) {
        return new FaultRule(method, path, geo, company, status, retryAfterSeconds, delayMillis, delayMaxMillis,
                connectionReset, truncateBody, body, times, newProbability, answerLost, answerDelayMillis);
    }
}

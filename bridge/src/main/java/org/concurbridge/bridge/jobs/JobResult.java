package org.concurbridge.bridge.jobs;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

import org.concurbridge.client.ConcurException;

/**
 * What a run did, for the run history (shown on the dashboard: no secrets).
 *
 * @param outcome    how it ended
 * @param message    a short operator-readable summary, or null
 * @param retryAfter for a failed run: when SAP Concur asked to be called again (its {@code Retry-After}, or the
 *                   documented 5 minutes after a 503 or a time-out), which the scheduler uses instead of its own
 *                   backoff; null otherwise
 */
public record JobResult(JobOutcome outcome, String message, Duration retryAfter) {

    /** SAP Concur's documented wait after a 503 or a time-out (common-http-errors-and-limits.md section 1). */
    public static final Duration CONCUR_MAINTENANCE_WAIT = Duration.ofMinutes(5);

    public JobResult {
        Objects.requireNonNull(outcome, "outcome");
        if (retryAfter != null && retryAfter.isNegative()) {
            retryAfter = Duration.ZERO;
        }
    }

    public JobResult(JobOutcome outcome, String message) {
        this(outcome, message, null);
    }

    public static JobResult ok(String message) {
        return new JobResult(JobOutcome.OK, message);
    }

    public static JobResult failed(String message) {
        return new JobResult(JobOutcome.FAILED, message);
    }

    public static JobResult skipped(String message) {
        return new JobResult(JobOutcome.SKIPPED, message);
    }

    /** A run that failed because SAP Concur did not answer: the next run waits as SAP Concur asks ({@link #wait}). */
    public static JobResult concurUnavailable(String message, ConcurException e) {
        return new JobResult(JobOutcome.FAILED, message, wait(e));
    }

    /**
     * A run that failed because SAP Concur refused the app itself (its client id/secret, or the app is disabled:
     * {@link ConcurException.Authentication#isClientCredentialFault()}): the operator's configuration, not the
     * connection, which stays connected.
     */
    public static JobResult appCredentialsRejected(ConcurException.Authentication e) {
        return failed("SAP Concur refused this app's client id/secret or the app is disabled (OAuth2 code "
                + e.errorCode() + "): fix the bridge's SAP Concur app settings (bridge.concur.*); no connection needs"
                + " reconnecting");
    }

    /**
     * How long SAP Concur asks a caller to wait after this failure: its {@code Retry-After} (zero included), else
     * 5 minutes after a 503 or a request time-out (common-http-errors-and-limits.md section 1); null when it asks
     * nothing (the scheduler's own backoff applies).
     */
    public static Duration wait(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurException.Retriable r) {
                if (r.retryAfter().isPresent()) {
                    return r.retryAfter().get();
                }
                if (r.httpStatus() == 503 || (r.httpStatus() == 0 && r.getCause() instanceof HttpTimeoutException)) {
                    return CONCUR_MAINTENANCE_WAIT;
                }
                return null;
            }
            if (t instanceof ConcurException) {
                return null;
            }
        }
        return null;
    }
}

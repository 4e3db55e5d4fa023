package org.concurbridge.bridge.jobs;

import java.util.Objects;

/**
 * What a run did, for the run history (shown on the dashboard: no secrets).
 *
 * @param outcome how it ended
 * @param message a short operator-readable summary, or null
 */
public record JobResult(JobOutcome outcome, String message) {
    public JobResult {
        Objects.requireNonNull(outcome, "outcome");
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
}

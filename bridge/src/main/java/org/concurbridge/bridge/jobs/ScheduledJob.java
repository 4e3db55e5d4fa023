package org.concurbridge.bridge.jobs;

import java.time.Instant;

/**
 * A job's schedule for one company (from the scheduler's table).
 *
 * @param job                 job name
 * @param companyUuid         company
 * @param nextRunAt           when it runs next (while running: when the current run was due)
 * @param running             true while an instance executes it
 * @param runningOn           the instance executing it, or null
 * @param consecutiveFailures failed runs since the last success (the retry backoff grows with it)
 * @param lastSuccess         end of the last successful run, or null
 * @param lastFailure         end of the last failed run, or null
 */
public record ScheduledJob(String job, String companyUuid, Instant nextRunAt, boolean running, String runningOn,
                           int consecutiveFailures, Instant lastSuccess, Instant lastFailure) {
}

package org.concurbridge.bridge.jobs;

import java.time.Instant;

/**
 * A job's schedule for one company (from the scheduler's table).
 *
 * @param job                 job name
 * @param companyUuid         company
 * @param nextRunAt           when it runs next (while running: when the current run was due)
 * @param running             true while an instance executes it: picked, and its heartbeat is fresh by the rule of
 *                            the run history ({@link ConnectionJobs#deadAfter})
 * @param runningOn           the instance that picked it (also when its heartbeat is stale), or null
 * @param interrupted         why a picked execution no longer counts as running (no fresh heartbeat from
 *                            {@code runningOn}: it stopped or hangs; db-scheduler revives it), or null
 * @param consecutiveFailures failed runs since the last success (the retry backoff grows with it)
 * @param lastSuccess         end of the last successful run, or null
 * @param lastFailure         end of the last failed run, or null
 */
public record ScheduledJob(String job, String companyUuid, Instant nextRunAt, boolean running, String runningOn,
                           String interrupted, int consecutiveFailures, Instant lastSuccess, Instant lastFailure) {
}

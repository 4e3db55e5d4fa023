package org.concurbridge.bridge.jobs;

import java.time.Instant;

/**
 * One execution in the run history ({@code job_runs}).
 *
 * @param id          row id
 * @param job         job name
 * @param companyUuid the company it ran for
 * @param instance    the bridge instance that ran it ({@code bridge.jobs.instance-name})
 * @param startedAt   start
 * @param finishedAt  end, or null while running (or when the instance died during the run)
 * @param outcome     result, or null while running
 * @param message     summary; for failures the exception class and message
 */
public record JobRun(long id, String job, String companyUuid, String instance, Instant startedAt, Instant finishedAt,
                     JobOutcome outcome, String message) {
}

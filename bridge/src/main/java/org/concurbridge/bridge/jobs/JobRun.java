package org.concurbridge.bridge.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * One execution in the run history ({@code job_runs}).
 *
 * @param id          row id
 * @param job         job name
 * @param companyUuid the company it ran for
 * @param instance    the bridge instance that ran it ({@code bridge.jobs.instance-name})
 * @param startedAt   start
 * @param finishedAt  end, or null while running (and for an interrupted run whose instance died)
 * @param outcome     result; null only while the run is alive (its instance's scheduler heartbeat is recent);
 *                    {@link JobOutcome#INTERRUPTED} once the heartbeat is older than the scheduler's dead-execution
 *                    limit or the job has started again
 * @param message     summary; for failures the exception class and message; for an interrupted run why
 * @param progress    the figures the job reported last (live while running, final when it ended), or null
 * @param progressAt  when the job reported them, or null
 * @param heartbeatAt the running instance's last scheduler heartbeat (only while running), or null
 */
public record JobRun(long id, String job, String companyUuid, String instance, Instant startedAt, Instant finishedAt,
                     JobOutcome outcome, String message, RunProgress progress, Instant progressAt,
                     Instant heartbeatAt) {

    /** True while the run is alive on its instance. */
    public boolean running() {
        return outcome == null;
    }

    /** Time from the start to the end, or to {@code now} while running (to the last heartbeat when interrupted). */
    public Duration elapsed(Instant now) {
        Instant end = finishedAt != null ? finishedAt : running() ? now
                : progressAt != null ? progressAt : startedAt;
        return Duration.between(startedAt, end.isBefore(startedAt) ? startedAt : end);
    }
}

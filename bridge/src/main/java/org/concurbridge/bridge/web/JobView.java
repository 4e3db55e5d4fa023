package org.concurbridge.bridge.web;

import org.concurbridge.bridge.jobs.JobRun;
import org.concurbridge.bridge.jobs.ScheduledJob;

import java.time.Instant;

/**
 * A row of the connection page's Jobs table, formatted once for the page and for its live refresh
 * ({@code GET /connections/{id}/jobs}, read by {@code static/js/jobs.js}, which rewrites the cells' text and badge
 * classes and leaves the row's Run now form as rendered).
 *
 * @param lastState           the latest run's status (RUNNING, OK, FAILED, SKIPPED, INTERRUPTED), "" when the job
 *                            never ran for the company
 * @param lastBadge           the CSS classes of {@code lastState}'s badge ({@link RunView#badge(String)}), "" when none
 * @param lastStarted         when the latest run started (UTC), "" when none
 * @param nextRun             when the job runs next (UTC); "after this run" while it runs
 * @param outcome             the latest run's figures so far while it runs, else its message (its final figures when
 *                            it left none)
 * @param runningOn           the instance executing the job now (heartbeat fresh), or null
 * @param interrupted         why the job's picked execution no longer counts as running, or null
 * @param consecutiveFailures failed runs since the last success
 */
record JobView(String job, String lastState, String lastBadge, String lastStarted, String nextRun, String outcome,
               String runningOn, String interrupted, int consecutiveFailures) {

    /** The job is running now or is due before {@code soon}. */
    static boolean active(ScheduledJob s, JobRun last, Instant soon) {
        return running(s, last) || !s.nextRunAt().isAfter(soon);
    }

    /** An instance executes the job (by the scheduler's row), or its latest run is still alive. */
    private static boolean running(ScheduledJob s, JobRun last) {
        return s.running() || (last != null && last.running());
    }

    static JobView of(ScheduledJob s, JobRun last, Instant now) {
        RunView run = last == null ? null : RunView.of(last, now);
        String outcome = "";
        if (last != null) {
            String figures = last.progress() == null ? "" : last.progress().summary();
            outcome = last.running() || run.message().isEmpty() ? figures : run.message();
        }
        return new JobView(s.job(), run == null ? "" : run.status(), run == null ? "" : run.badge(),
                run == null ? "" : run.started(),
                running(s, last) ? "after this run" : RunView.TIME.format(s.nextRunAt()), outcome,
                s.running() ? s.runningOn() : null, s.interrupted(), s.consecutiveFailures());
    }
}

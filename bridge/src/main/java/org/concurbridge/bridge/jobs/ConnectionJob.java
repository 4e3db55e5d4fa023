package org.concurbridge.bridge.jobs;

import java.time.Duration;

/**
 * A recurring job run once per connected company (token refresh check, profile refresh; later posting and master
 * data sync). Declare implementations as Spring beans: {@link ConnectionJobs} schedules every job for every connected
 * company. A run happens on one bridge instance at a time per (job, company); runs of different companies run in
 * parallel.
 */
public interface ConnectionJob {

    /** Unique, stable name (the scheduler's task name and the run history's {@code job}), e.g. {@code profile-refresh}. */
    String name();

    /** Delay between the end of one run and the start of the next ({@code bridge.jobs.intervals.<name>} overrides). */
    Duration interval();

    /**
     * Does one run for the company. Return {@link JobResult#failed} or throw for a failure: both are recorded and
     * retried with backoff. Only called while the company is connected and not waiting for a reconnect.
     */
    JobResult run(String companyUuid) throws Exception;

    /**
     * Does one run and reports its progress to {@code progress} as it goes (the job runner calls this one). A job
     * with figures worth watching overrides it; the default reports nothing.
     */
    default JobResult run(String companyUuid, ProgressListener progress) throws Exception {
        return run(companyUuid);
    }
}

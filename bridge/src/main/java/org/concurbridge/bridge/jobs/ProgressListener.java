package org.concurbridge.bridge.jobs;

/**
 * Receives a running job's progress; the job runner stores each report on the run's row (one small update), so call
 * it at page or file granularity, never per document.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores every report (a job run outside the job runner, e.g. from a test). */
    ProgressListener NONE = progress -> { };

    void progress(RunProgress progress);
}

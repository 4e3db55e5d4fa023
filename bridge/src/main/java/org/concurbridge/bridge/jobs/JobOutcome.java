package org.concurbridge.bridge.jobs;

/** How a job run ended. */
public enum JobOutcome {
    /** Done. */
    OK,
    /** Did not do its work; retried with backoff. */
    FAILED,
    /** Nothing to do, or not allowed now (e.g. the connection needs reconnecting). */
    SKIPPED,
    /** Its instance stopped during the run (no scheduler heartbeat any more); the job runs again. */
    INTERRUPTED
}

package org.concurbridge.client.extracts;

import java.time.Instant;
import java.util.Objects;

/**
 * One extract job. {@code stopTime} and {@code fileLink} are absent while it runs. {@code rawStatus} keeps Concur's
 * word ({@code Complete} or {@code Completed}, both {@link JobStatus#COMPLETED}).
 */
public record ExtractJob(String id, String statusLink, Instant startTime, Instant stopTime, JobStatus status,
                         String rawStatus, String fileLink) {

    public ExtractJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    /** The job's file is ready: completed with a file link (the docs make the link's presence the signal). */
    public boolean fileReady() {
        return status == JobStatus.COMPLETED && fileLink != null;
    }

    /** The link to poll: {@code status-link}, else the job id + {@code /status}. */
    public String pollLink() {
        return statusLink != null ? statusLink : id + "/status";
    }
}

package org.concurbridge.client.extracts;

/** Extract job states (2018 docs): Queued → Running → Completed | Failed; anything else is {@link #UNKNOWN}. */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, UNKNOWN;

    /** Concur's word, ignoring case: {@code Complete} and {@code Completed} are both {@link #COMPLETED}. */
    public static JobStatus of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "queued" -> QUEUED;
            case "running" -> RUNNING;
            case "complete", "completed" -> COMPLETED;
            case "failed" -> FAILED;
            default -> UNKNOWN;
        };
    }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED;
    }
}

package org.concurbridge.sandbox.extract;

import java.time.Instant;
import java.util.List;

/**
 * An extract job as the Java and admin APIs show it: status on the sandbox clock, times, the batch id its files carry,
 * the documents they hold, and the fault it was given ({@code null} = none).
 */
public record ExtractJob(String id, String companyUuid, String definitionId, String definitionName, String status,
                         Instant startTime, Instant stopTime, long batchId, List<ExtractedDocument> documents,
                         FileFault fault) {

    public static final String QUEUED = "Queued";
    public static final String RUNNING = "Running";
    public static final String COMPLETED = "Completed";
    public static final String FAILED = "Failed";
}

package org.concurbridge.bridge.masterdata.sync;

import org.concurbridge.bridge.jobs.ConnectionJob;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.jobs.ProgressListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * {@code list-sync}: ERP cost objects → the connection's Concur lists (interval {@code bridge.jobs.intervals.list-sync},
 * default 1 hour; run-now from the dashboard and {@code run-job list-sync UUID}).
 */
@Component
public class ListSyncJob implements ConnectionJob {
    public static final String NAME = "list-sync";

    private final MasterDataSync sync;

    ListSyncJob(MasterDataSync sync) {
        this.sync = sync;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public JobResult run(String companyUuid) {
        return run(companyUuid, ProgressListener.NONE);
    }

    @Override
    public JobResult run(String companyUuid, ProgressListener progress) {
        return JobResults.of(() -> sync.lists(companyUuid, false, false, progress));
    }
}

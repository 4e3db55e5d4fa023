package org.concurbridge.bridge.masterdata.sync;

import org.concurbridge.bridge.jobs.ConnectionJob;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.jobs.ProgressListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * {@code vendor-sync}: ERP suppliers → the connection's Concur Invoice vendors (interval
 * {@code bridge.jobs.intervals.vendor-sync}, default 1 hour). A company without Concur Invoice is SKIPPED as "not
 * available", re-checked every {@code bridge.masterdata.unavailable-recheck}.
 */
@Component
public class VendorSyncJob implements ConnectionJob {
    public static final String NAME = "vendor-sync";

    private final MasterDataSync sync;

    VendorSyncJob(MasterDataSync sync) {
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
        return JobResults.of(() -> sync.vendors(companyUuid, false, false, progress));
    }
}

package org.concurbridge.bridge.posting.pipeline;

import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.connect.ConcurClients;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.jobs.ConnectionJob;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.jobs.ProgressListener;
import org.concurbridge.bridge.jobs.RunProgress;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.mapping.MappingException;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.fis.FisClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code fis-posting}: one {@link FisPostingPipeline} run per connected company (interval
 * {@code bridge.jobs.intervals.fis-posting}, default 5 minutes; run-now from the dashboard and {@code run-job}).
 */
@Component
public class FisPostingJob implements ConnectionJob {
    public static final String NAME = "fis-posting";
    private static final Logger log = LoggerFactory.getLogger(FisPostingJob.class);

    private final ConcurClients clients;
    private final ErpAdapter erp;
    private final PostingLedger ledger;
    private final ConnectionMappings mappings;
    private final Clock clock;
    private final BridgeProperties.Posting settings;

    FisPostingJob(ConcurClients clients, ErpAdapter erp, PostingLedger ledger,
                  ConnectionMappings mappings, Clock clock, BridgeProperties properties) {
        this.clients = clients;
        this.erp = erp;
        this.ledger = ledger;
        this.mappings = mappings;
        this.clock = clock;
        this.settings = properties.posting();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(5);
    }

    @Override
    public JobResult run(String companyUuid) {
        return run(companyUuid, ProgressListener.NONE);
    }

    /** Reports the figures after each page (and the final ones) to {@code progress}. */
    @Override
    public JobResult run(String companyUuid, ProgressListener progress) {
        // the job runner calls this only for a connected company that is not waiting for a reconnect
        java.util.Optional<String> held = mappings.held(companyUuid);
        if (held.isPresent()) {
            return JobResult.skipped(held.get());
        }
        PostingMapping mapping;
        try {
            mapping = mappings.mapping(companyUuid);
        } catch (MappingException e) {
            return JobResult.failed("the posting mapping is invalid, nothing was read: " + e.getMessage());
        }
        FisClient fis = clients.client(companyUuid).fis().withSystemId(settings.systemId())
                .withPageSize(settings.pageSize());
        FisPostingPipeline pipeline = new FisPostingPipeline(companyUuid, fis, erp, ledger, mapping, clock,
                new FisPostingPipeline.Settings(settings.retryBackoff(), settings.maxBackoff(),
                        settings.maxDocumentsPerRun()),
                stats -> {
                    log.info("event=posting_progress company={} phase=\"{}\" {}", companyUuid, stats.phase, stats);
                    progress.progress(figures(stats));
                });
        try {
            FisPostingPipeline.Stats stats = pipeline.run();
            stats.phase = "done";
            progress.progress(figures(stats));
            log.info("event=posting_run company={} {}", companyUuid, stats);
            return stats.failed() > 0 ? JobResult.failed(stats + " (failed documents are retried)")
                    : JobResult.ok(stats.toString());
        } catch (ConcurException.Authentication e) {
            if (e.isClientCredentialFault()) {
                return JobResult.appCredentialsRejected(e);
            }
            return JobResult.failed("SAP Concur refused the connection's token; reconnect the company. Nothing was"
                    + " lost: every document is kept in the posting ledger. " + e.getMessage());
        } catch (ConcurException e) {
            return JobResult.concurUnavailable("SAP Concur did not answer; the run resumes where it stopped: "
                    + e.getMessage(), e);
        } catch (ErpException e) {
            return JobResult.failed("the ERP refused the run; it resumes where it stopped: " + e.getMessage());
        }
    }

    /** The run's figures for the dashboard: failed counts both documents retried later and error-confirmed ones. */
    static RunProgress figures(FisPostingPipeline.Stats s) {
        return new RunProgress(s.phase, s.received, s.acknowledged, s.posted, s.confirmed,
                s.failed + s.errorConfirmed);
    }
}

package org.concurbridge.bridge.masterdata.sync;

import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMappingException;
import org.concurbridge.client.ConcurException;

import java.util.function.Supplier;

/** A sync run as a job result: every failure classified once, with what it means for the operator. */
final class JobResults {
    private JobResults() {
    }

    static JobResult of(Supplier<SyncReport> run) {
        try {
            SyncReport r = run.get();
            if (!r.ok()) {
                return JobResult.failed(r.message());
            }
            boolean skipped = r.targets().stream().allMatch(t -> t.note() != null && (t.note().startsWith("not available")
                    || t.note().startsWith("vendors are off")));
            return skipped ? JobResult.skipped(r.message()) : JobResult.ok(r.message());
        } catch (MasterDataMappingException e) {
            return JobResult.failed("the master-data mapping is invalid, nothing was read: " + e.getMessage());
        } catch (ConcurException.Authentication e) {
            return JobResult.failed("SAP Concur refused the connection's token; reconnect the company. Nothing was"
                    + " lost: the plan is kept in the store. " + e.getMessage());
        } catch (ConcurException e) {
            return JobResult.failed("SAP Concur did not answer; the run resumes where it stopped: " + e.getMessage());
        } catch (ErpException e) {
            return JobResult.failed("the ERP did not answer; the run resumes where it stopped: " + e.getMessage());
        }
    }
}

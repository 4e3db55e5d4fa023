package org.concurbridge.bridge.masterdata.sync;

import org.concurbridge.bridge.masterdata.store.MasterDataStore;
import org.concurbridge.bridge.masterdata.store.RunCounts;

import java.util.List;

/**
 * What a sync run did (or, for a dry run, would do), per target.
 *
 * @param ok      false when the run ended early (Concur or the ERP unreachable, a target that cannot be used); nothing
 *                is lost, the next run resumes
 * @param message one line for the run history
 */
public record SyncReport(boolean ok, String message, boolean dryRun, int erpRead, List<Target> targets) {

    /**
     * @param plan     the work left (dry run: the plan) per level and kind (CREATE, UPDATE, DELETE)
     * @param note     what the operator should know (list created, not available, what to fix), or null
     * @param problems ERP records that cannot become items (named in the store)
     */
    public record Target(String target, RunCounts counts, List<MasterDataStore.PlanLine> plan, int concurOnly,
                         int problems, String note, boolean failed) {
    }
}

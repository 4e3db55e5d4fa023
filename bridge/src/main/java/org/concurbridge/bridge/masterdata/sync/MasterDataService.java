package org.concurbridge.bridge.masterdata.sync;

import org.concurbridge.bridge.jobs.ConnectionJobs;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMapping;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMappingException;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMappings;
import org.concurbridge.bridge.masterdata.store.ItemRow;
import org.concurbridge.bridge.masterdata.store.ItemState;
import org.concurbridge.bridge.masterdata.store.MasterDataStore;
import org.concurbridge.bridge.masterdata.store.RunCounts;
import org.concurbridge.bridge.masterdata.store.TargetRow;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a dashboard (or any other front end) needs about a connection's master data: per target (each Concur list of
 * the mapping, and the vendors) the last run with its figures and progress, the failed items with Concur's message
 * and a retry, the items only Concur has, and the ERP records that cannot become items. Reads the store only (no
 * Concur or ERP call); a retry makes the item due and runs the job now.
 */
@Component
public class MasterDataService {
    private final MasterDataStore store;
    private final MasterDataMappings mappings;
    private final ConnectionJobs jobs;
    private final Clock clock;

    public MasterDataService(MasterDataStore store, MasterDataMappings mappings, ConnectionJobs jobs, Clock clock) {
        this.store = store;
        this.mappings = mappings;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The vendors target's name. */
    public static final String VENDORS = VendorSync.TARGET;

    /**
     * One target.
     *
     * @param target       {@code list:<name>} or {@code vendors}
     * @param job          the job that syncs it ({@code list-sync}, {@code vendor-sync})
     * @param name         the Concur list's name, or "Vendors"
     * @param availability AVAILABLE; NOT_AVAILABLE (no Concur Invoice: show "not available"); FAILED (see note)
     * @param note         what to fix when FAILED, or why NOT_AVAILABLE
     * @param running      a run is going on ({@code runPhase} says where; {@code lastRun} has its figures so far)
     * @param lastRun      the last (or current) run's created / updated / deleted / unchanged / failed
     * @param items        items by state now (SYNCED, PENDING, FAILED, DELETED, CONCUR_ONLY)
     * @param problems     ERP records that cannot become items (see {@link #problems})
     */
    public record TargetView(String target, String job, String name, TargetRow.Availability availability, String note,
                             Instant checkedAt, Instant firstLoadAt, Instant fullCompareAt, String mappingVersion,
                             boolean running, Instant runStartedAt, Instant runFinishedAt, String runOutcome,
                             String runMessage, String runPhase, RunCounts lastRun, Map<ItemState, Integer> items,
                             int problems) {
    }

    /** An item as the dashboard lists it; {@code errorId}/{@code errorMessage} are Concur's. */
    public record ItemView(String target, String itemKey, String erpKey, int level, String name, ItemState state,
                           String errorId, String errorMessage, int attempts, Instant nextAttemptAt) {
    }

    /** An ERP record that cannot become an item: INVALID (code or name), DUPLICATE (code), NO_PARENT. */
    public record ProblemView(String target, String erpKey, String kind, String message, Instant at) {
    }

    /** Every list of the connection's mapping, then the vendors. */
    public List<TargetView> targets(String companyUuid) {
        List<String> names = new ArrayList<>();
        try {
            mappings.mapping(companyUuid).lists().forEach(l -> names.add(l.target()));
        } catch (MasterDataMappingException e) {
            // an invalid stored mapping: show what the store has
        }
        for (TargetRow r : store.targets(companyUuid)) {
            if (!names.contains(r.target()) && !r.target().equals(VENDORS)) {
                names.add(r.target());
            }
        }
        names.add(VENDORS);
        List<TargetView> out = new ArrayList<>();
        for (String t : names) {
            out.add(view(companyUuid, t));
        }
        return out;
    }

    public TargetView target(String companyUuid, String target) {
        return view(companyUuid, target);
    }

    private TargetView view(String company, String target) {
        TargetRow r = store.targets(company).stream().filter(x -> x.target().equals(target)).findFirst()
                .orElse(new TargetRow(company, target, null, TargetRow.Availability.AVAILABLE, null, null, null, null,
                        null, null, null, null, null, null, RunCounts.ZERO));
        boolean vendors = target.equals(VENDORS);
        return new TargetView(target, vendors ? VendorSyncJob.NAME : ListSyncJob.NAME,
                vendors ? "Vendors" : target.substring("list:".length()), r.availability(), r.note(), r.checkedAt(),
                r.firstLoadAt(), r.fullCompareAt(), r.mappingVersion(), "RUNNING".equals(r.runOutcome()),
                r.runStartedAt(), r.runFinishedAt(), r.runOutcome(), r.runMessage(), r.runPhase(), r.counts(),
                store.countByState(company, target), store.problemCount(company, target));
    }

    /** Failed items (Concur's error id and message), by item key after {@code afterKey} (null: from the start). */
    public List<ItemView> failed(String companyUuid, String target, String afterKey, int limit) {
        return items(companyUuid, target, ItemState.FAILED, afterKey, limit);
    }

    /** Items only Concur has (never deleted unless the mapping says the bridge owns the list). */
    public List<ItemView> concurOnly(String companyUuid, String target, String afterKey, int limit) {
        return items(companyUuid, target, ItemState.CONCUR_ONLY, afterKey, limit);
    }

    public List<ItemView> items(String companyUuid, String target, ItemState state, String afterKey, int limit) {
        return store.inState(companyUuid, target, state, afterKey, Math.min(limit, 1000)).stream()
                .map(r -> view(target, r)).toList();
    }

    public List<ProblemView> problems(String companyUuid, String target, String afterErpKey, int limit) {
        return store.problems(companyUuid, target, null, afterErpKey, Math.min(limit, 1000)).stream()
                .map(p -> new ProblemView(target, p.erpKey(), p.kind(), p.message(), p.updatedAt())).toList();
    }

    /**
     * Tries a FAILED item again now: it becomes due and the target's job runs now (on any bridge instance).
     *
     * @return false when the item is not FAILED (nothing to retry)
     */
    public boolean retry(String companyUuid, String target, String itemKey) {
        if (!store.retryNow(companyUuid, target, itemKey, clock.instant())) {
            return false;
        }
        runNow(companyUuid, target);
        return true;
    }

    /** Runs the target's job now. */
    public void runNow(String companyUuid, String target) {
        jobs.runNow(target.equals(VENDORS) ? VendorSyncJob.NAME : ListSyncJob.NAME, companyUuid);
    }

    /** The connection's mapping in force (for an editor: {@link MasterDataMappings} stores a new one). */
    public MasterDataMapping mapping(String companyUuid) {
        return mappings.mapping(companyUuid);
    }

    private static ItemView view(String target, ItemRow r) {
        return new ItemView(target, r.itemKey, r.erpKey, r.level, r.name, r.state, r.errorId, r.errorMessage,
                r.attempts, r.nextAttemptAt);
    }
}

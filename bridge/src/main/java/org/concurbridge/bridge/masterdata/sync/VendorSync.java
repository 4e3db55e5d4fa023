package org.concurbridge.bridge.masterdata.sync;

import org.concurbridge.bridge.erp.Changed;
import org.concurbridge.bridge.erp.Checkpoint;
import org.concurbridge.bridge.erp.ErpMasterData;
import org.concurbridge.bridge.erp.Supplier;
import org.concurbridge.bridge.jobs.ProgressListener;
import org.concurbridge.bridge.jobs.RunProgress;
import org.concurbridge.bridge.masterdata.VendorRecord;
import org.concurbridge.bridge.masterdata.VendorTarget;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMapping;
import org.concurbridge.bridge.masterdata.store.ItemRow;
import org.concurbridge.bridge.masterdata.store.ItemState;
import org.concurbridge.bridge.masterdata.store.MasterDataStore;
import org.concurbridge.bridge.masterdata.store.TargetRow;
import org.concurbridge.client.ConcurException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One vendor-sync run for one company: ERP suppliers → Concur Invoice vendors (docs/masterdata.md). The same shape as
 * {@link ListSync}: first load adopts the vendors Concur has by VendorCode + AddressCode, the supplier stream is
 * planned into the store, the plan pushed in batches, each vendor's status recorded, the checkpoint advanced at the
 * end. A company whose Concur answers 403 on the vendor API (no Invoice) is recorded NOT_AVAILABLE and only
 * re-checked every {@link SyncSettings#unavailableRecheck()}. A supplier inactive in the ERP (or gone from it) is
 * deleted from Concur (DELETE by VendorCode + AddressCode).
 */
public final class VendorSync {
    public static final String STREAM = "suppliers";
    public static final String TARGET = "vendors";
    static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(VendorSync.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String company;
    private final MasterDataMapping mapping;
    private final ErpMasterData erp;
    private final VendorTarget concur;
    private final MasterDataStore store;
    private final Clock clock;
    private final SyncSettings settings;
    private final ProgressListener progress;
    private final SyncSupport.Counts counts = new SyncSupport.Counts();
    private int erpRead;
    private int seen;
    private String note;
    private int written;
    private Instant start;
    private boolean dryRun;

    public VendorSync(String company, MasterDataMapping mapping, ErpMasterData erp, VendorTarget concur,
                      MasterDataStore store, Clock clock, SyncSettings settings, ProgressListener progress) {
        this.company = company;
        this.mapping = mapping;
        this.erp = erp;
        this.concur = concur;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.progress = progress;
    }

    /** As {@link ListSync#run(boolean, boolean)}. */
    public SyncReport run(boolean dryRun, boolean fullCompare) {
        start = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored (seen_at)
        this.dryRun = dryRun;
        TargetRow row = store.target(company, TARGET);
        if (!mapping.vendors().enabled()) {
            return finish(dryRun, "vendors are off in the master-data mapping (vendors.enabled: false)", false, "SKIPPED");
        }
        if (row.availability() == TargetRow.Availability.NOT_AVAILABLE && row.checkedAt() != null
                && row.checkedAt().plus(settings.unavailableRecheck()).isAfter(start)) {
            return finish(dryRun, notAvailable(row.checkedAt().plus(settings.unavailableRecheck())), false, "SKIPPED");
        }
        if (!dryRun) {
            store.runStarted(company, TARGET, mapping.version(), start);
        }
        try {
            try {
                if (row.firstLoadAt() == null) {
                    reconcile();
                } else if (row.availability() == TargetRow.Availability.NOT_AVAILABLE) {
                    try (Stream<VendorRecord> probe = concur.all()) {
                        probe.findFirst();
                    }
                }
            } catch (ConcurException e) {
                if (e.httpStatus() == 403) {
                    store.availability(company, TARGET, TargetRow.Availability.NOT_AVAILABLE, "SAP Concur answered 403"
                            + " on the vendor API: the company has no Concur Invoice (or the app lacks the vendor"
                            + " scope)", start);
                    log.info("event=vendors_not_available company={} status=403", company);
                    return finish(dryRun, notAvailable(start.plus(settings.unavailableRecheck())), false, "SKIPPED");
                }
                throw e;
            }
            if (row.availability() != TargetRow.Availability.AVAILABLE) {
                store.availability(company, TARGET, TargetRow.Availability.AVAILABLE, null, start);
            }
            Checkpoint reached = plan(fullCompare);
            if (!dryRun) {
                push();
                store.saveCheckpoint(company, STREAM, reached.encode(), clock.instant());
            }
        } catch (RuntimeException e) {
            if (!dryRun) {
                store.runFinished(company, TARGET, "FAILED", "the run stopped, nothing is lost; the next run resumes: "
                        + e.getMessage(), counts.snapshot(), clock.instant());
            }
            throw e;
        }
        return finish(dryRun, note, false, "OK");
    }

    private String notAvailable(Instant recheck) {
        return "not available: the company has no SAP Concur Invoice (Concur answered 403 on the vendor API);"
                + " checked again after " + recheck;
    }

    private SyncReport finish(boolean dryRun, String note, boolean failed, String outcome) {
        SyncReport.Target t = new SyncReport.Target(TARGET, counts.snapshot(), store.plan(company, TARGET, clock.instant()),
                store.countByState(company, TARGET).getOrDefault(ItemState.CONCUR_ONLY, 0),
                store.problemCount(company, TARGET), note, failed);
        if (!dryRun) {
            store.runFinished(company, TARGET, outcome, note == null ? t.counts().toString() : note, t.counts(),
                    clock.instant());
        }
        String message = TARGET + ": " + (note == null ? t.counts().toString() : note);
        log.info("event=vendor_sync company={} dry_run={} erp_read={} {}", company, dryRun, erpRead, message);
        return new SyncReport(!failed, message, dryRun, erpRead, List.of(t));
    }

    // ------------------------------------------------------------------ first load

    private void reconcile() {
        store.forgetConcur(company, TARGET, clock.instant());
        List<VendorRecord> batch = new ArrayList<>(CHUNK);
        int seen = 0;
        try (Stream<VendorRecord> all = concur.all()) {
            Iterator<VendorRecord> it = all.iterator();
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == CHUNK) {
                    adopt(batch);
                    seen += batch.size();
                    batch.clear();
                }
            }
        }
        adopt(batch);
        seen += batch.size();
        store.firstLoad(company, TARGET, clock.instant());
        store.fullCompare(company, TARGET, null);
        log.info("event=vendor_first_load company={} concur_vendors={}", company, seen);
    }

    private void adopt(List<VendorRecord> vendors) {
        if (vendors.isEmpty()) {
            return;
        }
        Map<String, ItemRow> existing = store.byKeys(company, TARGET, vendors.stream().map(VendorRecord::key).toList());
        List<ItemRow> save = new ArrayList<>();
        Map<String, Boolean> keys = new HashMap<>();
        for (VendorRecord v : vendors) {
            if (keys.put(v.key(), true) != null) {
                continue;
            }
            String hash = hash(v);
            ItemRow row = existing.get(v.key());
            if (row == null) {
                row = new ItemRow(v.key());
                row.shortCode = v.vendorCode();
                row.name = v.name();
                row.state = ItemState.CONCUR_ONLY;
            } else if (!row.desiredDeleted && hash.equals(row.contentHash)) {
                row.state = ItemState.SYNCED;
            } else {
                row.pending();
            }
            row.inConcur = true;
            row.pushedHash = hash;
            save.add(row);
        }
        store.save(company, TARGET, save, clock.instant());
    }

    static String hash(VendorRecord v) {
        return SyncSupport.hash(JSON.writeValueAsString(v));
    }

    // ------------------------------------------------------------------ plan

    private Checkpoint plan(boolean forceFull) {
        Checkpoint from = store.checkpoint(company, STREAM).map(Checkpoint::parse).orElse(null);
        TargetRow row = store.target(company, TARGET);
        boolean full = forceFull || from == null || row.fullCompareAt() == null
                || !row.fullCompareAt().plus(settings.fullCompareInterval()).isAfter(start);
        Checkpoint after = full ? Checkpoint.START : from;
        report("reading the ERP" + (full ? " in full" : ""));
        while (true) {
            List<Changed<Supplier>> page = erp.suppliers(after, settings.erpPageSize());
            if (!page.isEmpty()) {
                planSuppliers(page.stream().map(Changed::value).toList(), full);
                after = page.get(page.size() - 1).checkpoint();
                erpRead += page.size();
                report("reading the ERP");
            }
            if (page.size() < settings.erpPageSize()) {
                break;
            }
        }
        if (full) {
            if (seen == 0 && store.erpItems(company, TARGET) > 0) {
                note = "the ERP returned no supplier in a full read; nothing was deleted. Check the ERP, then run"
                        + " erp-bridge sync vendors --full";
                log.warn("event=vendor_full_compare_empty company={}", company);
                return after;
            }
            int gone = store.removeUnseen(company, TARGET, start);
            if (gone > 0) {
                log.info("event=vendors_removed_in_erp company={} vendors={}", company, gone);
            }
            store.fullCompare(company, TARGET, start);
        }
        return after;
    }

    private void planSuppliers(List<Supplier> suppliers, boolean full) {
        Instant now = clock.instant();
        List<MasterDataStore.Problem> problems = new ArrayList<>();
        Map<Supplier, VendorRecord> mapped = new LinkedHashMap<>();
        for (Supplier s : suppliers) {
            MasterDataMapping.MappedVendor m = mapping.vendor(s);
            if (m.problem() != null) {
                problems.add(new MasterDataStore.Problem(s.code(), "INVALID", m.problem(), null, now));
            } else {
                mapped.put(s, m.vendor());
            }
        }
        Map<String, ItemRow> byKey = store.byKeys(company, TARGET, mapped.values().stream().map(VendorRecord::key).toList());
        Map<String, ItemRow> byErp = store.byErpKeys(company, TARGET, mapped.keySet().stream().map(Supplier::code).toList());
        Map<String, ItemRow> save = new LinkedHashMap<>();
        Map<String, String> owner = new HashMap<>();
        List<String> solved = new ArrayList<>();
        for (Map.Entry<Supplier, VendorRecord> e : mapped.entrySet()) {
            Supplier s = e.getKey();
            VendorRecord v = e.getValue();
            String key = v.key();
            ItemRow row = save.containsKey(key) ? save.get(key) : byKey.get(key);
            String taken = owner.get(key);
            if (taken == null && row != null && row.erpKey != null && !row.erpKey.equals(s.code()) && !row.desiredDeleted) {
                taken = row.erpKey;
            }
            if (taken != null && !taken.equals(s.code())) {
                problems.add(new MasterDataStore.Problem(s.code(), "DUPLICATE", "its vendor " + key
                        + " is already the vendor of ERP supplier " + taken, null, now));
                continue;
            }
            owner.put(key, s.code());
            ItemRow previous = byErp.get(s.code());
            if (previous != null && !previous.itemKey.equals(key) && !previous.desiredDeleted) {
                previous.desiredDeleted = true; // its address code changed: the old vendor address goes
                previous.pending();
                save.put(previous.itemKey, previous);
            }
            String payload = JSON.writeValueAsString(v);
            String hash = SyncSupport.hash(payload);
            boolean deleted = !s.active();
            if (row == null) {
                row = new ItemRow(key);
                row.state = ItemState.PENDING;
            }
            boolean unchanged = row.id != null && s.code().equals(row.erpKey) && hash.equals(row.contentHash)
                    && row.desiredDeleted == deleted;
            if (unchanged) {
                counts.unchanged++;
                if (full) {
                    row.seenAt = start;
                    save.put(key, row);
                }
            } else {
                row.erpKey = s.code();
                row.shortCode = v.vendorCode();
                row.name = v.name();
                row.payload = payload;
                row.contentHash = hash;
                row.desiredDeleted = deleted;
                if (deleted) {
                    if (row.inConcur) {
                        row.pending();
                    } else {
                        row.state = ItemState.DELETED;
                    }
                } else if (row.inConcur && hash.equals(row.pushedHash)) {
                    row.state = ItemState.SYNCED;
                    row.errorId = null;
                    row.errorMessage = null;
                    counts.unchanged++; // Concur holds it already (adopted): nothing to write
                } else {
                    row.pending();
                }
                row.seenAt = start;
                save.put(key, row);
            }
            solved.add(s.code());
            seen++;
        }
        store.save(company, TARGET, save.values(), now);
        store.deleteProblems(company, TARGET, solved);
        store.saveProblems(company, TARGET, problems, start);
    }

    // ------------------------------------------------------------------ push

    private void push() {
        store.dropNeverPushed(company, TARGET, clock.instant());
        int batch = Math.max(1, Math.min(concur.batchSize(), 1000));
        creates(batch);
        updates(batch);
        deletes();
    }

    private void creates(int batch) {
        long after = 0;
        while (true) {
            Instant now = clock.instant();
            List<ItemRow> rows = store.due(company, TARGET, MasterDataStore.Work.CREATE, 0, after, now, batch);
            if (rows.isEmpty()) {
                return;
            }
            after = rows.get(rows.size() - 1).id;
            List<VendorTarget.Outcome> outcomes = call(rows, true);
            for (int i = 0; i < rows.size(); i++) {
                ItemRow r = rows.get(i);
                VendorTarget.Outcome o = outcome(outcomes, i, r);
                if (o.ok()) {
                    r.synced(now);
                    counts.created++;
                    written++;
                    continue;
                }
                // refused: maybe Concur has it already (a run that died before recording it): read it and adopt
                VendorRecord v = JSON.readValue(r.payload, VendorRecord.class);
                Optional<VendorRecord> there = concur.find(v.vendorCode(), v.addressCode());
                if (there.isPresent()) {
                    r.inConcur = true;
                    r.pushedHash = hash(there.get());
                    if (r.pushedHash.equals(r.contentHash)) {
                        r.synced(now);
                    } else {
                        r.pending(); // updated next
                    }
                } else {
                    r.failed(o.code(), o.message(), SyncSupport.nextAttempt(now, r.attempts + 1,
                            settings.retryBackoff(), settings.maxBackoff()));
                    counts.failed++;
                }
            }
            store.save(company, TARGET, rows, clock.instant());
            report("vendor creates");
        }
    }

    private void updates(int batch) {
        long after = 0;
        while (true) {
            Instant now = clock.instant();
            List<ItemRow> rows = store.due(company, TARGET, MasterDataStore.Work.UPDATE, 0, after, now, batch);
            if (rows.isEmpty()) {
                return;
            }
            after = rows.get(rows.size() - 1).id;
            List<VendorTarget.Outcome> outcomes = call(rows, false);
            for (int i = 0; i < rows.size(); i++) {
                ItemRow r = rows.get(i);
                VendorTarget.Outcome o = outcome(outcomes, i, r);
                if (o.ok()) {
                    r.synced(now);
                    counts.updated++;
                    written++;
                } else {
                    r.failed(o.code(), o.message(), SyncSupport.nextAttempt(now, r.attempts + 1,
                            settings.retryBackoff(), settings.maxBackoff()));
                    counts.failed++;
                }
            }
            store.save(company, TARGET, rows, clock.instant());
            report("vendor updates");
        }
    }

    private void deletes() {
        long after = 0;
        while (true) {
            Instant now = clock.instant();
            List<ItemRow> rows = store.due(company, TARGET, MasterDataStore.Work.DELETE, 0, after, now, 100);
            if (rows.isEmpty()) {
                return;
            }
            after = rows.get(rows.size() - 1).id;
            for (ItemRow r : rows) {
                int slash = r.itemKey.indexOf('/');
                VendorTarget.Outcome o;
                try {
                    o = concur.delete(r.itemKey.substring(0, slash), r.itemKey.substring(slash + 1));
                } catch (ConcurException.Permanent e) {
                    o = new VendorTarget.Outcome(r.itemKey, false, "http." + e.httpStatus(), e.getMessage());
                }
                if (o.ok() || concur.find(r.itemKey.substring(0, slash), r.itemKey.substring(slash + 1)).isEmpty()) {
                    r.synced(now);
                    counts.deleted++;
                    written++;
                } else {
                    r.failed(o.code(), o.message(), SyncSupport.nextAttempt(now, r.attempts + 1,
                            settings.retryBackoff(), settings.maxBackoff()));
                    counts.failed++;
                }
                store.save(company, TARGET, List.of(r), clock.instant());
            }
            report("vendor deletes");
        }
    }

    /** One batch call; a call refused as a whole (400) gives each vendor that refusal. */
    private List<VendorTarget.Outcome> call(List<ItemRow> rows, boolean create) {
        List<VendorRecord> vendors = rows.stream().map(r -> JSON.readValue(r.payload, VendorRecord.class)).toList();
        try {
            return create ? concur.create(vendors) : concur.update(vendors);
        } catch (ConcurException.Permanent e) {
            if (rows.size() == 1) {
                return List.of(new VendorTarget.Outcome(rows.get(0).itemKey, false, "http." + e.httpStatus(),
                        e.getMessage()));
            }
            // isolate the bad vendor: one by one
            List<VendorTarget.Outcome> out = new ArrayList<>();
            for (ItemRow r : rows) {
                out.addAll(call(List.of(r), create));
            }
            return out;
        }
    }

    private static VendorTarget.Outcome outcome(List<VendorTarget.Outcome> outcomes, int i, ItemRow r) {
        return i < outcomes.size() ? outcomes.get(i)
                : new VendorTarget.Outcome(r.itemKey, false, "missing", "Concur's answer had no status for this vendor");
    }

    private void report(String phase) {
        if (!dryRun) {
            store.runProgress(company, TARGET, phase, counts.snapshot());
        }
        progress.progress(new RunProgress(phase, erpRead, null, written, null, counts.failed));
    }
}

package org.concurbridge.bridge.masterdata.sync;

import org.concurbridge.bridge.erp.Changed;
import org.concurbridge.bridge.erp.Checkpoint;
import org.concurbridge.bridge.erp.CostObjectNode;
import org.concurbridge.bridge.erp.ErpMasterData;
import org.concurbridge.bridge.jobs.ProgressListener;
import org.concurbridge.bridge.jobs.RunProgress;
import org.concurbridge.bridge.masterdata.ListTarget;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMapping;
import org.concurbridge.bridge.masterdata.store.ItemRow;
import org.concurbridge.bridge.masterdata.store.ItemState;
import org.concurbridge.bridge.masterdata.store.MasterDataStore;
import org.concurbridge.bridge.masterdata.store.TargetRow;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.Edition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One list-sync run for one company: ERP cost objects → the Concur lists of the connection's mapping
 * (docs/masterdata.md). First load reconciles with what Concur has; the ERP change stream is read from the stored
 * checkpoint (in full when a full compare is due), mapped, diffed against the store by content hash and written to
 * the store as the plan (PENDING rows); the plan is pushed level by level in bulk calls of at most 250 parts, each
 * part's outcome recorded; the checkpoint advances at the end, once everything read is accepted or failed and
 * recorded. A retriable failure ends the run (exception): the store keeps the plan, the checkpoint stays, the next
 * run resumes.
 */
public final class ListSync {
    public static final String STREAM = "cost-objects";
    static final int BULK_MAX = 250;
    static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(ListSync.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String company;
    private final Edition edition;
    private final MasterDataMapping mapping;
    private final ErpMasterData erp;
    private final ListTarget concur;
    private final MasterDataStore store;
    private final Clock clock;
    private final SyncSettings settings;
    private final ProgressListener progress;

    private final Map<String, Target> targets = new LinkedHashMap<>();
    private int erpRead;
    private int written;
    private Instant start;
    private boolean dryRun;

    /** The run's view of one list. */
    private static final class Target {
        final MasterDataMapping.ListSpec spec;
        final SyncSupport.Counts counts = new SyncSupport.Counts();
        ListTarget.RemoteList list;
        String note;
        boolean failed;
        boolean full;
        int seen;

        Target(MasterDataMapping.ListSpec spec) {
            this.spec = spec;
        }
    }

    /** A list-level refusal (list gone, managed by another app): the target stops, the others go on. */
    private static final class TargetFailure extends RuntimeException {
        TargetFailure(String message) {
            super(message, null, false, false);
        }
    }

    public ListSync(String company, Edition edition, MasterDataMapping mapping, ErpMasterData erp, ListTarget concur,
                    MasterDataStore store, Clock clock, SyncSettings settings, ProgressListener progress) {
        this.company = company;
        this.edition = edition;
        this.mapping = mapping;
        this.erp = erp;
        this.concur = concur;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Runs once. {@code dryRun}: reads Concur and the ERP and writes the plan to the store, but writes nothing to
     * Concur and keeps the checkpoint; the report's plan is what the next run will do.
     *
     * @throws ConcurException.Retriable, ConcurException.Authentication, ErpException: the run ends; nothing is lost
     */
    public SyncReport run(boolean dryRun, boolean fullCompare) {
        start = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored (seen_at)
        this.dryRun = dryRun;
        for (MasterDataMapping.ListSpec spec : mapping.lists()) {
            targets.put(spec.target(), new Target(spec));
            store.target(company, spec.target());
            if (!dryRun) {
                store.runStarted(company, spec.target(), mapping.version(), start);
            }
        }
        try {
            for (Target t : targets.values()) {
                resolveList(t, dryRun);
            }
            Checkpoint reached = plan(fullCompare);
            if (!dryRun) {
                for (Target t : targets.values()) {
                    if (t.list != null && !t.failed) {
                        push(t);
                    }
                }
                if (targets.values().stream().noneMatch(t -> t.failed)) {
                    store.saveCheckpoint(company, STREAM, reached.encode(), clock.instant());
                }
            }
        } catch (RuntimeException e) {
            if (!dryRun) {
                for (Target t : targets.values()) {
                    store.runFinished(company, t.spec.target(), "FAILED", "the run stopped, nothing is lost; the next"
                            + " run resumes: " + e.getMessage(), t.counts.snapshot(), clock.instant());
                }
            }
            throw e;
        }
        List<SyncReport.Target> out = new ArrayList<>();
        for (Target t : targets.values()) {
            String target = t.spec.target();
            int concurOnly = store.countByState(company, target).getOrDefault(ItemState.CONCUR_ONLY, 0);
            SyncReport.Target r = new SyncReport.Target(target, t.counts.snapshot(), store.plan(company, target,
                    clock.instant()), concurOnly, store.problemCount(company, target), t.note, t.failed);
            out.add(r);
            if (!dryRun) {
                store.runFinished(company, target, t.failed ? "FAILED" : "OK", t.note == null ? r.counts().toString()
                        : r.counts() + "; " + t.note, r.counts(), clock.instant());
            }
        }
        boolean ok = out.stream().noneMatch(SyncReport.Target::failed);
        String message = out.stream().map(t -> t.target() + ": " + t.counts() + (t.note() == null ? "" : " (" + t.note() + ")"))
                .reduce((a, b) -> a + "; " + b).orElse("no lists in the mapping");
        log.info("event=list_sync company={} dry_run={} erp_read={} ok={} {}", company, dryRun, erpRead, ok, message);
        return new SyncReport(ok, message, dryRun, erpRead, out);
    }

    // ------------------------------------------------------------------ 1. the Concur list, first load

    private void resolveList(Target t, boolean dryRun) {
        MasterDataMapping.ListSpec spec = t.spec;
        String target = spec.target();
        TargetRow row = store.target(company, target);
        ListTarget.RemoteList list = concur.findList(spec.name()).orElse(null);
        if (list == null) {
            if (edition != Edition.PROFESSIONAL && spec.create()) {
                fail(t, "SAP Concur has no list named \"" + spec.name() + "\", and on the " + edition
                        + " edition the bridge never creates one: create it in Concur (Administration > Expense or"
                        + " Invoice > List Management) with exactly this name, then run again; or name an existing list"
                        + " in the master-data mapping");
                return;
            }
            if (!spec.create()) {
                fail(t, "SAP Concur has no list named \"" + spec.name() + "\": create it in Concur's List Management"
                        + " with exactly this name, or set create: true for it in the master-data mapping"
                        + " (Professional edition only)");
                return;
            }
            if (dryRun) {
                t.note = "the list \"" + spec.name() + "\" would be created";
                return;
            }
            list = concur.createList(spec.name(), spec.searchCriteria(), spec.displayFormat(), spec.owned());
            t.note = "list created";
            log.info("event=list_created company={} list=\"{}\" id={}", company, spec.name(), list.id());
        }
        t.list = list;
        if (row.availability() != TargetRow.Availability.AVAILABLE) {
            store.availability(company, target, TargetRow.Availability.AVAILABLE, null, clock.instant());
        }
        if (!list.id().equals(row.concurListId())) {
            // a new list (or the list was replaced): what the store believed Concur holds is void
            store.listId(company, target, list.id());
            store.firstLoad(company, target, null);
            row = store.target(company, target);
        }
        if (row.firstLoadAt() == null) {
            reconcile(t);
        }
    }

    private void fail(Target t, String note) {
        t.failed = true;
        t.note = note;
        store.availability(company, t.spec.target(), TargetRow.Availability.FAILED, note, clock.instant());
        log.warn("event=list_sync_target_failed company={} target=\"{}\" reason=\"{}\"", company, t.spec.target(), note);
    }

    /** First load: every item Concur has is matched by code: adopted, or recorded as only in Concur. Reads only. */
    private void reconcile(Target t) {
        String target = t.spec.target();
        store.forgetConcur(company, target, clock.instant());
        List<ListTarget.RemoteItem> batch = new ArrayList<>(CHUNK);
        int[] seen = {0};
        try (Stream<ListTarget.RemoteItem> items = concur.items(t.list.id())) {
            Iterator<ListTarget.RemoteItem> it = items.iterator();
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == CHUNK) {
                    adopt(target, batch);
                    seen[0] += batch.size();
                    batch.clear();
                }
            }
        }
        adopt(target, batch);
        seen[0] += batch.size();
        store.firstLoad(company, target, clock.instant());
        store.fullCompare(company, target, null); // the ERP is read in full next, to match everything Concur has
        log.info("event=list_first_load company={} target=\"{}\" concur_items={}", company, target, seen[0]);
    }

    private void adopt(String target, List<ListTarget.RemoteItem> items) {
        if (items.isEmpty()) {
            return;
        }
        Map<String, ItemRow> existing = store.byKeys(company, target, items.stream().map(ListTarget.RemoteItem::code).toList());
        List<ItemRow> save = new ArrayList<>();
        for (ListTarget.RemoteItem item : items) {
            String parent = parentOf(item.code());
            String hash = SyncSupport.hash(item.shortCode(), item.value(), parent);
            ItemRow row = existing.get(item.code());
            if (row == null) {
                row = new ItemRow(item.code());
                row.level = item.level();
                row.shortCode = item.shortCode();
                row.name = item.value();
                row.parentKey = parent;
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
        store.save(company, target, save, clock.instant());
    }

    static String parentOf(String longCode) {
        int dash = longCode.lastIndexOf('-');
        return dash < 0 ? null : longCode.substring(0, dash);
    }

    // ------------------------------------------------------------------ 2. the plan from the ERP

    private Checkpoint plan(boolean forceFull) {
        Checkpoint from = store.checkpoint(company, STREAM).map(Checkpoint::parse).orElse(null);
        boolean full = forceFull || from == null;
        for (Target t : targets.values()) {
            TargetRow row = store.target(company, t.spec.target());
            t.full = forceFull || from == null || row.fullCompareAt() == null
                    || !row.fullCompareAt().plus(settings.fullCompareInterval()).isAfter(start);
            full |= t.full;
        }
        if (full) {
            // every target is compared when the ERP is read in full anyway
            targets.values().forEach(t -> t.full = true);
        }
        Checkpoint after = full ? Checkpoint.START : from;
        report("reading the ERP" + (full ? " in full" : ""));
        while (true) {
            List<Changed<CostObjectNode>> page = erp.costObjects(after, settings.erpPageSize());
            if (!page.isEmpty()) {
                List<CostObjectNode> nodes = page.stream().map(Changed::value).toList();
                for (Target t : targets.values()) {
                    List<CostObjectNode> mine = nodes.stream().filter(n -> t.spec.takes(n.dimension())).toList();
                    if (!mine.isEmpty()) {
                        planNodes(t, mine, new HashSet<>());
                    }
                }
                after = page.get(page.size() - 1).checkpoint();
                erpRead += page.size();
                report("reading the ERP");
            }
            if (page.size() < settings.erpPageSize()) {
                break;
            }
        }
        for (Target t : targets.values()) {
            resolveWaiting(t);
            if (t.full) {
                if (t.seen == 0 && store.erpItems(company, t.spec.target()) > 0) {
                    // an ERP that suddenly has none of this list's records (emptied table, renamed dimension) is
                    // more likely a mistake than the end of every cost object: nothing is deleted
                    t.note = "the ERP returned none of this list's records in a full read; nothing was deleted."
                            + " Check the ERP and the mapping's dimension, then run erp-bridge sync lists --full";
                    log.warn("event=list_full_compare_empty company={} target=\"{}\"", company, t.spec.target());
                    continue;
                }
                int gone = store.removeUnseen(company, t.spec.target(), start);
                if (gone > 0) {
                    log.info("event=list_removed_in_erp company={} target=\"{}\" items={}", company, t.spec.target(), gone);
                }
                if (t.spec.owned()) {
                    store.deleteConcurOnly(company, t.spec.target(), clock.instant());
                }
                store.fullCompare(company, t.spec.target(), start);
            }
        }
        return after;
    }

    /** A node of a list: where it goes, or why it cannot. */
    private record Mapped(CostObjectNode node, String erpKey, String parentErpKey, String shortCode, String name,
                          int fixedLevel) {
    }

    /**
     * Maps nodes into rows and problems, diffing against the store. {@code resolvedNow} collects the ERP keys that
     * became items (to stop retrying waiting nodes once nothing resolves).
     */
    private void planNodes(Target t, List<CostObjectNode> nodes, Set<String> resolvedNow) {
        String target = t.spec.target();
        Instant now = clock.instant();
        List<MasterDataStoreProblem> problems = new ArrayList<>();
        List<Mapped> mapped = new ArrayList<>();
        for (CostObjectNode n : nodes) {
            String erpKey = MasterDataMapping.erpKey(n);
            MasterDataMapping.Text code = mapping.code(n.code());
            MasterDataMapping.Text name = mapping.name(n.name(), n.code());
            if (!code.ok() || !name.ok()) {
                problems.add(new MasterDataStoreProblem(erpKey, "INVALID", code.ok() ? name.problem() : code.problem(), null));
                continue;
            }
            String parentErpKey;
            int fixedLevel = 0;
            if (t.spec.connected()) {
                fixedLevel = t.spec.levelOf(n.dimension());
                parentErpKey = fixedLevel == 1 || n.parentCode() == null ? null
                        : t.spec.levels().get(fixedLevel - 2) + ":" + n.parentCode();
                if (fixedLevel > 1 && parentErpKey == null) {
                    problems.add(new MasterDataStoreProblem(erpKey, "NO_PARENT", n.dimension() + " " + n.code()
                            + " is on level " + fixedLevel + " of the connected list \"" + t.spec.name()
                            + "\" but has no parent code naming its " + t.spec.levels().get(fixedLevel - 2)
                            + " on level " + (fixedLevel - 1), null));
                    continue;
                }
            } else {
                parentErpKey = n.parentCode() == null || n.parentCode().isBlank() ? null
                        : n.dimension() + ":" + n.parentCode();
            }
            mapped.add(new Mapped(n, erpKey, parentErpKey, code.value(), name.value(), fixedLevel));
        }
        // parents: in the store, or in this page (a child may come before its parent)
        Map<String, ItemRow> parentRows = store.byErpKeys(company, target, mapped.stream().map(Mapped::parentErpKey)
                .filter(java.util.Objects::nonNull).toList());
        Map<String, String[]> known = new HashMap<>(); // erp key -> {item key, level}
        parentRows.forEach((k, r) -> known.put(k, new String[] {r.itemKey, Integer.toString(r.level)}));
        List<Mapped> waiting = new ArrayList<>(mapped);
        Map<Mapped, String[]> resolved = new LinkedHashMap<>(); // -> {code, level, parentKey}
        boolean progressMade = true;
        while (!waiting.isEmpty() && progressMade) {
            progressMade = false;
            for (Iterator<Mapped> it = waiting.iterator(); it.hasNext(); ) {
                Mapped m = it.next();
                String code;
                int level;
                String parentKey = null;
                if (m.parentErpKey() == null) {
                    code = m.shortCode();
                    level = 1;
                } else {
                    String[] parent = known.get(m.parentErpKey());
                    if (parent == null) {
                        continue;
                    }
                    parentKey = parent[0];
                    code = parent[0] + "-" + m.shortCode();
                    level = Integer.parseInt(parent[1]) + 1;
                }
                it.remove();
                progressMade = true;
                if (m.fixedLevel() > 0 && level != m.fixedLevel()) {
                    problems.add(new MasterDataStoreProblem(m.erpKey(), "INVALID", "its parent " + m.parentErpKey()
                            + " is on level " + (level - 1) + ", not " + (m.fixedLevel() - 1), null));
                    continue;
                }
                if (level > t.spec.depth()) {
                    problems.add(new MasterDataStoreProblem(m.erpKey(), "INVALID", "it would be on level " + level
                            + " of \"" + t.spec.name() + "\", deeper than its " + t.spec.depth() + " levels (maxLevels)",
                            null));
                    continue;
                }
                known.put(m.erpKey(), new String[] {code, Integer.toString(level)});
                resolved.put(m, new String[] {code, Integer.toString(level), parentKey});
            }
        }
        for (Mapped m : waiting) {
            problems.add(new MasterDataStoreProblem(m.erpKey(), "NO_PARENT", "its parent " + m.parentErpKey()
                    + " is not in the ERP, or cannot be synced itself (see that record)", JSON.writeValueAsString(m.node())));
        }
        // diff against the store
        Map<String, ItemRow> byKey = store.byKeys(company, target, resolved.values().stream().map(v -> v[0]).toList());
        Map<String, ItemRow> byErp = store.byErpKeys(company, target, resolved.keySet().stream().map(Mapped::erpKey).toList());
        Map<String, ItemRow> save = new LinkedHashMap<>();
        Map<String, String> codeOwner = new HashMap<>();
        List<String> solved = new ArrayList<>();
        for (Map.Entry<Mapped, String[]> e : resolved.entrySet()) {
            Mapped m = e.getKey();
            String code = e.getValue()[0];
            int level = Integer.parseInt(e.getValue()[1]);
            String parentKey = e.getValue()[2];
            ItemRow row = save.containsKey(code) ? save.get(code) : byKey.get(code);
            String owner = codeOwner.get(code);
            if (owner == null && row != null && row.erpKey != null && !row.erpKey.equals(m.erpKey())
                    && !row.desiredDeleted) {
                owner = row.erpKey;
            }
            if (owner != null && !owner.equals(m.erpKey())) {
                problems.add(new MasterDataStoreProblem(m.erpKey(), "DUPLICATE", "its Concur code \"" + code
                        + "\" is already the code of ERP record " + owner + "; give one of them another code in the ERP",
                        null));
                continue;
            }
            codeOwner.put(code, m.erpKey());
            ItemRow previous = byErp.get(m.erpKey());
            if (previous != null && !previous.itemKey.equals(code) && !previous.desiredDeleted) {
                // moved to another parent: its old code goes
                previous.desiredDeleted = true;
                previous.pending();
                save.put(previous.itemKey, previous);
            }
            boolean deleted = !m.node().active();
            String hash = SyncSupport.hash(m.shortCode(), m.name(), parentKey);
            if (row == null) {
                row = new ItemRow(code);
                row.state = ItemState.PENDING;
            }
            boolean unchanged = row.id != null && m.erpKey().equals(row.erpKey) && hash.equals(row.contentHash)
                    && row.desiredDeleted == deleted;
            if (unchanged) {
                t.counts.unchanged++;
                if (t.full && row.id != null) {
                    row.seenAt = start;
                    save.put(code, row);
                }
            } else {
                row.erpKey = m.erpKey();
                row.parentKey = parentKey;
                row.level = level;
                row.shortCode = m.shortCode();
                row.name = m.name();
                row.contentHash = hash;
                row.desiredDeleted = deleted;
                if (deleted) {
                    if (row.inConcur) {
                        row.pending();
                    } else {
                        row.state = ItemState.DELETED;
                    }
                } else if (row.inConcur && hash.equals(row.pushedHash)) {
                    row.state = ItemState.SYNCED; // Concur holds it already (adopted)
                    row.errorId = null;
                    row.errorMessage = null;
                    t.counts.unchanged++; // Concur holds it already (adopted): nothing to write
                } else {
                    row.pending();
                }
                row.seenAt = start;
                save.put(code, row);
            }
            solved.add(m.erpKey());
            resolvedNow.add(m.erpKey());
            t.seen++;
        }
        store.save(company, target, save.values(), now);
        store.deleteProblems(company, target, solved);
        store.saveProblems(company, target, problems.stream().map(p -> new MasterDataStore.Problem(p.erpKey, p.kind,
                p.message, p.payload, now)).toList(), start);
        if (!problems.isEmpty()) {
            log.info("event=list_items_not_synced company={} target=\"{}\" count={} first=\"{}: {}\"", company, target,
                    problems.size(), problems.get(0).erpKey, problems.get(0).message);
        }
    }

    private record MasterDataStoreProblem(String erpKey, String kind, String message, String payload) {
    }

    /** Nodes whose parent was not known when read: tried again now that the whole stream is in the store. */
    private void resolveWaiting(Target t) {
        for (int pass = 0; pass <= MasterDataMapping.MAX_LEVELS; pass++) {
            Set<String> resolved = new HashSet<>();
            String after = null;
            while (true) {
                List<MasterDataStore.Problem> page = store.problems(company, t.spec.target(), "NO_PARENT", after, CHUNK);
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).erpKey();
                List<CostObjectNode> nodes = page.stream().filter(p -> p.payload() != null)
                        .map(p -> JSON.readValue(p.payload(), CostObjectNode.class)).toList();
                planNodes(t, nodes, resolved);
                if (page.size() < CHUNK) {
                    break;
                }
            }
            if (resolved.isEmpty()) {
                return;
            }
        }
    }

    // ------------------------------------------------------------------ 3. the push

    private void push(Target t) {
        String target = t.spec.target();
        try {
            if (t.spec.owned() && t.list.managedBy() == null) {
                concur.claim(t.list);
                log.info("event=list_claimed company={} list=\"{}\"", company, t.spec.name());
            }
            store.dropNeverPushed(company, target, clock.instant());
            for (int level = 1; level <= t.spec.depth(); level++) {
                creates(t, level);
                updates(t, level, false);
            }
            for (int level = t.spec.depth(); level >= 1; level--) {
                updates(t, level, true);
            }
        } catch (TargetFailure e) {
            fail(t, e.getMessage());
        } catch (ConcurException.Permanent e) {
            fail(t, listLevel(t, e));
        }
    }

    /** A permanent refusal of the whole list: what it means and what to do. */
    private String listLevel(Target t, ConcurException e) {
        String code = e.errorCode();
        if ("list.is.managed".equals(code)) {
            return "SAP Concur refuses changes to the list \"" + t.spec.name() + "\": it is managed by another"
                    + " application" + (t.list.managedBy() == null ? "" : " (" + t.list.managedBy() + ")")
                    + "; release it there, or map another list (" + e.getMessage() + ")";
        }
        if (e.httpStatus() == 404 || "list.not.found".equals(code) || "list.deleted".equals(code)) {
            store.listId(company, t.spec.target(), null);
            store.firstLoad(company, t.spec.target(), null);
            return "the list \"" + t.spec.name() + "\" is gone from SAP Concur; the next run looks it up by name again"
                    + (t.spec.create() ? " and creates it (Professional)" : "") + " (" + e.getMessage() + ")";
        }
        return "SAP Concur refused the list \"" + t.spec.name() + "\": " + e.getMessage();
    }

    private boolean listGone(String errorId) {
        return "list.not.found".equals(errorId) || "list.deleted".equals(errorId);
    }

    private void creates(Target t, int level) {
        String target = t.spec.target();
        long after = 0;
        while (true) {
            Instant now = clock.instant();
            List<ItemRow> rows = store.due(company, target, MasterDataStore.Work.CREATE, level, after, now, BULK_MAX);
            if (rows.isEmpty()) {
                return;
            }
            after = rows.get(rows.size() - 1).id;
            List<ItemRow> send = new ArrayList<>();
            List<ItemRow> save = new ArrayList<>();
            if (level > 1) {
                Map<String, ItemRow> parents = store.byKeys(company, target, rows.stream().map(r -> r.parentKey).toList());
                for (ItemRow r : rows) {
                    ItemRow p = parents.get(r.parentKey);
                    if (p == null || !p.inConcur || p.desiredDeleted) {
                        String why = p == null ? "not known" : p.desiredDeleted ? "inactive or removed in the ERP"
                                : p.state == ItemState.FAILED ? "failed: " + p.errorMessage : "not created yet";
                        r.failed("parent.not.in.concur", "its parent " + r.parentKey + " is not in SAP Concur (" + why
                                + "); it is created once its parent is", now);
                        t.counts.failed++;
                        save.add(r);
                    } else {
                        send.add(r);
                    }
                }
            } else {
                send.addAll(rows);
            }
            if (!send.isEmpty()) {
                List<ListTarget.NewPart> parts = send.stream()
                        .map(r -> new ListTarget.NewPart(r.shortCode, r.name, r.parentKey)).toList();
                List<ListTarget.PartOutcome> outcomes;
                try {
                    outcomes = concur.create(t.list.id(), parts);
                } catch (ConcurException.Permanent e) {
                    if (isListLevel(e)) {
                        throw e;
                    }
                    // the call as a whole was refused (validation): item by item, to isolate the bad one
                    outcomes = new ArrayList<>();
                    for (ListTarget.NewPart part : parts) {
                        outcomes.add(one(t, part));
                    }
                }
                for (int i = 0; i < send.size(); i++) {
                    ItemRow r = send.get(i);
                    ListTarget.PartOutcome o = i < outcomes.size() ? outcomes.get(i)
                            : new ListTarget.PartOutcome(r.itemKey, false, "missing", "Concur's answer had no result"
                            + " for this part");
                    if (o.ok()) {
                        r.synced(now);
                        t.counts.created++;
                        written++;
                    } else if ("item.duplicate.code".equals(o.errorId())) {
                        // Concur has it already (created by a run that died before recording it): adopt it, and
                        // send its name with the updates of this level
                        r.inConcur = true;
                        r.pushedHash = null;
                        r.pending();
                    } else if (listGone(o.errorId())) {
                        store.save(company, target, save, now);
                        throw new TargetFailure(listLevel(t, new ConcurException.Permanent(o.message(), 404,
                                o.errorId(), null, null)));
                    } else {
                        r.failed(o.errorId(), o.message(), SyncSupport.nextAttempt(now, r.attempts + 1,
                                settings.retryBackoff(), settings.maxBackoff()));
                        t.counts.failed++;
                    }
                    save.add(r);
                }
            }
            store.save(company, target, save, clock.instant());
            report(t.spec.name() + " level " + level + " creates");
        }
    }

    private ListTarget.PartOutcome one(Target t, ListTarget.NewPart part) {
        try {
            return concur.createOne(t.list.id(), part);
        } catch (ConcurException.Permanent e) {
            if (isListLevel(e)) {
                throw e;
            }
            return new ListTarget.PartOutcome(part.code(), false, e.errorCode() == null ? "http." + e.httpStatus()
                    : e.errorCode(), e.getMessage());
        }
    }

    private static boolean isListLevel(ConcurException e) {
        return e.httpStatus() == 404 || "list.is.managed".equals(e.errorCode()) || "list.not.found".equals(e.errorCode())
                || "list.deleted".equals(e.errorCode());
    }

    private void updates(Target t, int level, boolean deletes) {
        String target = t.spec.target();
        long after = 0;
        MasterDataStore.Work work = deletes ? MasterDataStore.Work.DELETE : MasterDataStore.Work.UPDATE;
        while (true) {
            Instant now = clock.instant();
            List<ItemRow> rows = store.due(company, target, work, level, after, now, BULK_MAX);
            if (rows.isEmpty()) {
                return;
            }
            after = rows.get(rows.size() - 1).id;
            List<ListTarget.UpdatePart> parts = rows.stream()
                    .map(r -> new ListTarget.UpdatePart(r.itemKey, r.name, deletes)).toList();
            List<ListTarget.PartOutcome> outcomes;
            try {
                outcomes = concur.update(t.list.id(), parts);
            } catch (ConcurException.Permanent e) {
                if (isListLevel(e)) {
                    throw e;
                }
                outcomes = parts.stream().map(p -> new ListTarget.PartOutcome(p.code(), false,
                        e.errorCode() == null ? "http." + e.httpStatus() : e.errorCode(), e.getMessage())).toList();
            }
            for (int i = 0; i < rows.size(); i++) {
                ItemRow r = rows.get(i);
                ListTarget.PartOutcome o = i < outcomes.size() ? outcomes.get(i)
                        : new ListTarget.PartOutcome(r.itemKey, false, "missing", "Concur's answer had no result for"
                        + " this part");
                boolean gone = "item.not.found".equals(o.errorId()) || "item.deleted".equals(o.errorId());
                if (o.ok() || (deletes && gone)) {
                    r.synced(now);
                    if (deletes) {
                        t.counts.deleted++;
                    } else {
                        t.counts.updated++;
                    }
                    written++;
                } else if (gone) {
                    // removed in Concur meanwhile: created again by the next run
                    r.inConcur = false;
                    r.pushedHash = null;
                    r.pending();
                } else if (listGone(o.errorId())) {
                    store.save(company, target, rows.subList(0, i), now);
                    throw new TargetFailure(listLevel(t, new ConcurException.Permanent(o.message(), 404, o.errorId(),
                            null, null)));
                } else {
                    r.failed(o.errorId(), o.message(), SyncSupport.nextAttempt(now, r.attempts + 1,
                            settings.retryBackoff(), settings.maxBackoff()));
                    t.counts.failed++;
                }
            }
            store.save(company, target, rows, clock.instant());
            report(t.spec.name() + " level " + level + (deletes ? " deletes" : " updates"));
        }
    }

    private void report(String phase) {
        int failed = targets.values().stream().mapToInt(t -> t.counts.failed).sum();
        if (!dryRun) {
            for (Target t : targets.values()) {
                store.runProgress(company, t.spec.target(), phase, t.counts.snapshot());
            }
        }
        progress.progress(new RunProgress(phase, erpRead, null, written, null, failed));
    }
}

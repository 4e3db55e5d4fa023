package org.concurbridge.bridge.web;

import org.concurbridge.bridge.masterdata.store.ItemState;
import org.concurbridge.bridge.masterdata.store.RunCounts;
import org.concurbridge.bridge.masterdata.store.TargetRow;
import org.concurbridge.bridge.masterdata.sync.MasterDataService;

import java.time.Instant;

/**
 * One master-data target (a Concur list, or the vendors) as the master-data page shows it and as its table is polled
 * ({@code GET /connections/{id}/masterdata/targets}, read by {@code static/js/masterdata.js}): the last (or current)
 * run with its figures, the availability, and how many items are in each state now.
 *
 * @param state        RUNNING, OK, FAILED, SKIPPED, NOT RUN (never ran), or QUEUED (run-now asked, not started)
 * @param availability {@code available}, {@code not available} (information: e.g. no Concur Invoice), {@code failed}
 *                     (what to fix is in {@code note})
 */
record MasterDataView(String target, String job, String name, String state, String badge, String availability,
                      String availabilityBadge, String note, String started, String finished, String phase,
                      int created, int updated, int deleted, int unchanged, int failed, String message,
                      String mappingVersion, int failedItems, int concurOnlyItems, int pendingItems, int syncedItems,
                      int problems, boolean running) {

    static MasterDataView of(MasterDataService.TargetView t, boolean queued) {
        String state;
        if (t.running()) {
            state = "RUNNING";
        } else if (queued) {
            state = "QUEUED";
        } else if (t.runOutcome() == null) {
            state = "NOT RUN";
        } else {
            state = t.runOutcome();
        }
        RunCounts c = t.lastRun() == null ? RunCounts.ZERO : t.lastRun();
        String availability = switch (t.availability() == null ? TargetRow.Availability.AVAILABLE : t.availability()) {
            case AVAILABLE -> "available";
            case NOT_AVAILABLE -> "not available";
            case FAILED -> "failed";
        };
        String availabilityBadge = switch (availability) {
            case "available" -> "badge badge-ok";
            case "not available" -> "badge";
            default -> "badge badge-bad";
        };
        return new MasterDataView(t.target(), t.job(), t.name(), state, badge(state), availability, availabilityBadge,
                t.note() == null ? "" : t.note(), time(t.runStartedAt()), t.running() ? "" : time(t.runFinishedAt()),
                t.running() ? nz(t.runPhase()) : "", c.created(), c.updated(), c.deleted(), c.unchanged(), c.failed(),
                nz(t.runMessage()), nz(t.mappingVersion()), count(t, ItemState.FAILED), count(t, ItemState.CONCUR_ONLY),
                count(t, ItemState.PENDING), count(t, ItemState.SYNCED), t.problems(), t.running());
    }

    private static int count(MasterDataService.TargetView t, ItemState state) {
        return t.items() == null ? 0 : t.items().getOrDefault(state, 0);
    }

    static String badge(String state) {
        return switch (state) {
            case "OK" -> "badge badge-ok";
            case "RUNNING", "QUEUED" -> "badge badge-warn";
            case "FAILED" -> "badge badge-bad";
            default -> "badge";
        };
    }

    static String time(Instant at) {
        return at == null ? "" : RunView.TIME.format(at);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

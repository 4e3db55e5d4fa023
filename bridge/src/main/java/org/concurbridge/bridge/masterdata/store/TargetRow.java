package org.concurbridge.bridge.masterdata.store;

import java.time.Instant;

/**
 * One target (a Concur list, or the vendors) of a company: where it is in Concur, its markers and its last run.
 *
 * @param availability  AVAILABLE; NOT_AVAILABLE (vendors of a company without Concur Invoice); FAILED (the list is
 *                      missing on Standard, managed by another app, ...: {@code note} says what to fix)
 * @param firstLoadAt   when the first load reconciled the store with what Concur had (null: not yet)
 * @param fullCompareAt when the ERP was last read in full to find removed records
 * @param runOutcome    RUNNING, OK, FAILED, SKIPPED
 */
public record TargetRow(String company, String target, String concurListId, Availability availability, String note,
                        Instant checkedAt, Instant firstLoadAt, Instant fullCompareAt, String mappingVersion,
                        Instant runStartedAt, Instant runFinishedAt, String runOutcome, String runMessage,
                        String runPhase, RunCounts counts) {

    public enum Availability { AVAILABLE, NOT_AVAILABLE, FAILED }
}

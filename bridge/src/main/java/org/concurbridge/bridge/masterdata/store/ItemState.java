package org.concurbridge.bridge.masterdata.store;

/** Where an item stands between the ERP and Concur. */
public enum ItemState {
    /** Planned: Concur does not hold what the ERP says yet (create, update or delete to do). */
    PENDING,
    /** Concur holds what the ERP says. */
    SYNCED,
    /** Concur refused it (its error id and message kept); retried with backoff, on change, or by a retry. */
    FAILED,
    /** Removed from Concur (inactive or gone in the ERP). */
    DELETED,
    /** Only Concur has it (found on the first load; deleted only when the bridge owns the list). */
    CONCUR_ONLY
}

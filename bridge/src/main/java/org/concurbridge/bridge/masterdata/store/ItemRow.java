package org.concurbridge.bridge.masterdata.store;

import java.time.Instant;

/**
 * One {@code md_items} row as the sync engine reads and changes it (a row buffer: the engine sets fields, then the
 * store writes the batch). {@code id} is null until inserted.
 */
public final class ItemRow {
    public Long id;
    public String itemKey;
    public String erpKey;
    public String parentKey;
    public int level;
    public String shortCode;
    public String name;
    public String payload;
    public String contentHash;
    public String pushedHash;
    public boolean inConcur;
    public String concurId;
    public boolean desiredDeleted;
    public ItemState state;
    public String errorId;
    public String errorMessage;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant syncedAt;
    public Instant seenAt;

    public ItemRow() {
    }

    public ItemRow(String itemKey) {
        this.itemKey = itemKey;
    }

    /** Marks the row as planned work, clearing an earlier failure. */
    public void pending() {
        state = ItemState.PENDING;
        errorId = null;
        errorMessage = null;
        attempts = 0;
        nextAttemptAt = null;
    }

    /** Concur holds the wanted content now. */
    public void synced(Instant now) {
        state = desiredDeleted ? ItemState.DELETED : ItemState.SYNCED;
        inConcur = !desiredDeleted;
        pushedHash = desiredDeleted ? null : contentHash;
        errorId = null;
        errorMessage = null;
        attempts = 0;
        nextAttemptAt = null;
        syncedAt = now;
    }

    public void failed(String id, String message, Instant nextAttempt) {
        state = ItemState.FAILED;
        errorId = id;
        errorMessage = message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message;
        attempts++;
        nextAttemptAt = nextAttempt;
    }

    @Override
    public String toString() {
        return itemKey + "[" + state + (desiredDeleted ? ",delete" : "") + (inConcur ? ",inConcur" : "") + "]";
    }
}

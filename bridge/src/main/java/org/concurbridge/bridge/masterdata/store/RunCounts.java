package org.concurbridge.bridge.masterdata.store;

/** A run's figures for one target: items created, updated, deleted in Concur, unchanged, failed. */
public record RunCounts(int created, int updated, int deleted, int unchanged, int failed) {
    public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0);

    public int writes() {
        return created + updated + deleted;
    }

    @Override
    public String toString() {
        return "created " + created + ", updated " + updated + ", deleted " + deleted + ", unchanged " + unchanged
                + ", failed " + failed;
    }
}

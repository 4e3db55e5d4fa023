package org.concurbridge.bridge.erp;

/** A master-data record read from a change stream, with the checkpoint to resume after it. */
public record Changed<T>(T value, Checkpoint checkpoint) {
}

package org.concurbridge.bridge.erp;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;

/**
 * A position in a master-data change stream: the change time and the ERP's row id of the last record read.
 * Records are read in (changedAt, id) order, so two records changed in the same instant are both read even when
 * a page ends between them. Store {@link #encode()} and resume with {@link #parse(String)}.
 */
public record Checkpoint(Instant changedAt, long id) implements Comparable<Checkpoint> {

    /** Before every record. */
    public static final Checkpoint START = new Checkpoint(Instant.EPOCH, 0);

    private static final Comparator<Checkpoint> ORDER =
            Comparator.comparing(Checkpoint::changedAt).thenComparingLong(Checkpoint::id);

    public Checkpoint {
        Objects.requireNonNull(changedAt, "changedAt");
    }

    public String encode() {
        return changedAt + "/" + id;
    }

    public static Checkpoint parse(String text) {
        int slash = text == null ? -1 : text.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("checkpoint '" + text + "' is not <instant>/<id>");
        }
        try {
            return new Checkpoint(Instant.parse(text.substring(0, slash)), Long.parseLong(text.substring(slash + 1)));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint '" + text + "' is not <instant>/<id>", e);
        }
    }

    @Override
    public int compareTo(Checkpoint o) {
        return ORDER.compare(this, o);
    }
}

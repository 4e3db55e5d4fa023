package org.concurbridge.bridge.testsupport;

import org.concurbridge.bridge.posting.JournalLine;
import org.concurbridge.sandbox.fis.ExpectedJournal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Debit minus credit per account, zero nets left out, two decimals: how the posting tests compare what an ERP booked
 * with the generator's expected journal or the built journal.
 */
public final class JournalNets {
    private JournalNets() {
    }

    /** Nets of (account, debit − credit) pairs. */
    public static Map<String, BigDecimal> of(Stream<Map.Entry<String, BigDecimal>> lines) {
        Map<String, BigDecimal> nets = new TreeMap<>();
        lines.forEach(l -> nets.merge(l.getKey(), l.getValue(), BigDecimal::add));
        nets.values().removeIf(v -> v.signum() == 0);
        nets.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_UP));
        return nets;
    }

    /** Nets of the sandbox generator's expected journal. */
    public static Map<String, BigDecimal> of(ExpectedJournal journal) {
        return of(journal.lines().stream().map(l -> Map.entry(l.account(), l.debit().subtract(l.credit()))));
    }

    /** Nets of a built posting document's lines. */
    public static Map<String, BigDecimal> ofLines(List<JournalLine> lines) {
        return of(lines.stream().map(l -> Map.entry(l.account(), l.debit().subtract(l.credit()))));
    }
}

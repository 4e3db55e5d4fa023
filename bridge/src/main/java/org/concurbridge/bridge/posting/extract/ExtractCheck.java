package org.concurbridge.bridge.posting.extract;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.concurbridge.client.extract.ExtractHeader;
import org.concurbridge.client.extract.ExtractSummary;
import org.concurbridge.client.extract.RowProblem;

/**
 * What the first pass over one extract file (or zip member) found, before anything is built or posted: the parser's
 * summary (control totals, truncation, header), the unreadable rows, whether the file is held whole, the reports that
 * an unreadable row quarantines, and the reports whose rows are not contiguous in the file. Holds no rows.
 *
 * @param fileName    the file or zip member name
 * @param format      {@code SAE} or {@code PRAE}
 * @param summary     the parser's summary
 * @param rowProblems every unreadable row, with line, column and report key
 * @param heldReasons why the whole file is held; empty when its good reports may be posted
 * @param unreadable  per report (request) key, the problems of its unreadable rows: the report is quarantined
 * @param scattered   keys whose rows reappear after another report's rows (and, rarely, a key the fixed-size
 *                    filter could not tell apart from one): built by re-reading the file, not from one run of rows
 */
public record ExtractCheck(String fileName, String format, ExtractSummary summary, List<RowProblem> rowProblems,
                           List<String> heldReasons, Map<String, List<RowProblem>> unreadable, Set<String> scattered) {

    public ExtractCheck {
        Objects.requireNonNull(summary, "summary");
        rowProblems = List.copyOf(rowProblems);
        heldReasons = List.copyOf(heldReasons);
        unreadable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unreadable));
        scattered = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(scattered));
    }

    public boolean held() {
        return !heldReasons.isEmpty();
    }

    /** The batch id of the header, or null when the header could not be read. */
    public String batchId() {
        ExtractHeader h = summary.header();
        return h == null ? null : h.batchId();
    }
}

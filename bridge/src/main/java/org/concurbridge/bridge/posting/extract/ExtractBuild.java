package org.concurbridge.bridge.posting.extract;

import java.util.List;
import java.util.Objects;

import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.client.extract.ExtractHeader;
import org.concurbridge.client.extract.ExtractSummary;
import org.concurbridge.client.extract.RowProblem;

/**
 * What one extract file (or zip member) became: one {@link BuildResult} per report (SAE) or payment request (PRAE),
 * the unreadable rows, and whether the whole file is held.
 *
 * <p>A report is <b>quarantined</b> when its result has problems: a row of it could not be read (the problem names
 * line and column), or it does not map (an unknown account code, unbalanced…). Other reports proceed. The file is
 * <b>held whole</b> — nothing of it may be posted — when {@link #heldReasons()} is not empty: the control totals
 * failed, the file is truncated, its header is unusable, a row without a readable report key had a problem, or any
 * row had a problem while the builder is configured to hold the file on row problems.
 *
 * @param fileName    the file or zip member name
 * @param format      {@code SAE} or {@code PRAE}
 * @param summary     the parser's summary (header with batch id, record count and control total; file problems)
 * @param results     one per report/request: those an unreadable row quarantines, then the others in file order,
 *                    then those whose rows were scattered over the file
 * @param rowProblems every unreadable row, with line, column and report key
 * @param heldReasons why the whole file is held; empty when its good reports may be posted
 */
public record ExtractBuild(String fileName, String format, ExtractSummary summary, List<BuildResult> results,
                           List<RowProblem> rowProblems, List<String> heldReasons) {

    public ExtractBuild {
        Objects.requireNonNull(summary, "summary");
        results = List.copyOf(results);
        rowProblems = List.copyOf(rowProblems);
        heldReasons = List.copyOf(heldReasons);
    }

    public boolean held() {
        return !heldReasons.isEmpty();
    }

    /** The batch id of the header, or null when the header could not be read. */
    public String batchId() {
        ExtractHeader h = summary.header();
        return h == null ? null : h.batchId();
    }

    /** The documents that may be posted: none when the file is held, else every report that built. */
    public List<PostingDocument> postable() {
        return held() ? List.of() : results.stream().filter(BuildResult::isOk).map(BuildResult::document).toList();
    }

    /** The reports that did not build (quarantined), with their problems. */
    public List<BuildResult> quarantined() {
        return results.stream().filter(r -> !r.isOk()).toList();
    }

    /** True when the file is not held and every report built. */
    public boolean clean() {
        return !held() && results.stream().allMatch(BuildResult::isOk);
    }
}

package org.concurbridge.bridge.posting.extract;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.Problem;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.extract.ExtractOptions;
import org.concurbridge.client.extract.ExtractReader;
import org.concurbridge.client.extract.ExtractRow;
import org.concurbridge.client.extract.ExtractSummary;
import org.concurbridge.client.extract.FileProblem;
import org.concurbridge.client.extract.PraeParser;
import org.concurbridge.client.extract.PraeRow;
import org.concurbridge.client.extract.RowProblem;
import org.concurbridge.client.extract.SaeParser;
import org.concurbridge.client.extract.SaeRow;

/**
 * Turns one SAE or PRAE file into {@link org.concurbridge.bridge.posting.PostingDocument}s with a connection's
 * mapping: rows are grouped per report key (SAE column 20; cash advance issuance rows per advance) or request key
 * (PRAE column 2), in the file's order, and each group is posted through the same {@code JournalAssembler} as FIS.
 * Pure apart from reading the stream: no clock, no database. The idempotency key of each document is
 * {@code sae:<batch id>:<report key>} / {@code prae:<batch id>:<request key>}.
 *
 * <p>Bad input ({@link ExtractBuild}): file problems (control totals, truncation, header) hold the whole file; an
 * unreadable row quarantines its report (with line and column) and the others proceed — unless
 * {@link #holdFileOnRowProblem()} is set, or the row's report key could not be read, in which case the file is held.
 *
 * <p>Memory: the parser streams, but the rows are kept (as copies) until the end of the file, because the file's
 * control totals are only known there and nothing may be posted before they pass.
 */
public final class ExtractJournalBuilder {

    /** SAE (expense) or PRAE (invoice). */
    public enum Format { SAE, PRAE }

    private final PostingMapping mapping;
    private final ExtractOptions options;
    private final boolean holdFileOnRowProblem;

    public ExtractJournalBuilder(PostingMapping mapping) {
        this(mapping, ExtractOptions.defaults(), false);
    }

    private ExtractJournalBuilder(PostingMapping mapping, ExtractOptions options, boolean holdFileOnRowProblem) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.options = Objects.requireNonNull(options, "options");
        this.holdFileOnRowProblem = holdFileOnRowProblem;
    }

    /** A copy that holds the whole file when any row cannot be read (default: only its report is quarantined). */
    public ExtractJournalBuilder withHoldFileOnRowProblem(boolean value) {
        return new ExtractJournalBuilder(mapping, options, value);
    }

    public boolean holdFileOnRowProblem() {
        return holdFileOnRowProblem;
    }

    /** Reads the whole stream (not closed here) and builds its documents. */
    public ExtractBuild build(Format format, InputStream in, String fileName) {
        return format == Format.SAE
                ? read(new SaeParser(options).open(in, fileName), fileName, format, SaeReportPosting::groupKey,
                        (batch, key, rows) -> new SaeReportPosting(batch, key, rows, mapping).build())
                : read(new PraeParser(options).open(in, fileName), fileName, format, PraeRequestPosting::groupKey,
                        (batch, key, rows) -> new PraeRequestPosting(batch, key, rows, mapping).build());
    }

    private interface GroupPosting<R> {
        BuildResult build(String batchId, String key, List<R> rows);
    }

    private interface KeyOf<R> {
        String key(R row);
    }

    private static final class Group<R> {
        final List<R> rows = new ArrayList<>();
        final List<RowProblem> problems = new ArrayList<>();
    }

    @SuppressWarnings("unchecked")
    private <R extends ExtractRow> ExtractBuild read(ExtractReader<R> reader, String fileName, Format format,
                                                     KeyOf<R> keyOf, GroupPosting<R> posting) {
        Map<String, Group<R>> groups = new LinkedHashMap<>();
        List<RowProblem> rowProblems = new ArrayList<>();
        List<String> held = new ArrayList<>();
        ExtractSummary summary;
        try (reader) {
            while (reader.next()) {
                if (reader.problem().isPresent()) {
                    RowProblem p = reader.problem().get();
                    rowProblems.add(p);
                    String key = p.reportKey() == null || p.reportKey().isBlank() ? null : p.reportKey().trim();
                    if (key == null) {
                        held.add("line " + p.line() + ": a row whose report key cannot be read has a problem ("
                                + p.message() + "); no report can be quarantined alone");
                    } else {
                        groups.computeIfAbsent(key, k -> new Group<>()).problems.add(p);
                    }
                    continue;
                }
                R row = (R) reader.row().copy();
                String key = keyOf.key(row);
                if (key == null) {
                    held.add("line " + row.lineNumber() + ": the row has no " + (format == Format.SAE
                            ? "report key (column 20) nor cash advance key (column 187)"
                            : "request key (column 2) nor request id (column 51)"));
                    continue;
                }
                groups.computeIfAbsent(key, k -> new Group<>()).rows.add(row);
            }
            summary = reader.summary();
        }
        for (FileProblem f : summary.fileProblems()) {
            held.add(0, f.describe());
        }
        if (holdFileOnRowProblem && !rowProblems.isEmpty()) {
            held.add(rowProblems.size() + " row(s) cannot be read and the configuration holds the whole file on a "
                    + "row problem");
        }
        String batchId = summary.header() == null ? "unknown" : summary.header().batchId();
        List<BuildResult> results = new ArrayList<>();
        groups.forEach((key, group) -> {
            String docKey = format.name().toLowerCase(Locale.ROOT) + ":" + batchId + ":" + key;
            if (!group.problems.isEmpty()) {
                results.add(new BuildResult(docKey, null, group.problems.stream()
                        .map(p -> new Problem(docKey, cell(p), p.message())).toList()));
            } else {
                results.add(posting.build(batchId, key, group.rows));
            }
        });
        return new ExtractBuild(fileName, format.name(), summary, results, rowProblems, held);
    }

    private static String cell(RowProblem p) {
        return (p.columnName() == null || p.columnName().isBlank() ? "column " + p.column() : p.columnName())
                + " (line " + p.line() + ", column " + p.column() + ")";
    }
}

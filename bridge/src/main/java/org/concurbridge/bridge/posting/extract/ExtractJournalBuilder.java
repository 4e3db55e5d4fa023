package org.concurbridge.bridge.posting.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
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
 * (PRAE column 2), and each group is posted through the same {@code JournalAssembler} as FIS. Pure apart from
 * reading the file: no clock, no database. The idempotency key of each document is
 * {@code sae:<batch id>:<report key>} / {@code prae:<batch id>:<request key>}.
 *
 * <p>Bad input: file problems (control totals, truncation, header) hold the whole file; an unreadable row quarantines
 * its report (with line and column) and the others proceed — unless {@link #holdFileOnRowProblem()} is set, or the
 * row's report key could not be read, in which case the file is held.
 *
 * <p><b>Memory: constant in the file size, bounded by the largest report.</b> The file is read twice from its
 * {@link Source} (the downloaded file on disk). {@link #check} streams it once without keeping rows: control totals,
 * unreadable rows, and which keys reappear after another report's rows (a fixed-size Bloom filter of the finished
 * keys; only keys it flags are remembered). Nothing may be posted before this pass says the file is not held.
 * {@link #build(Format, Source, ExtractCheck, Consumer)} then streams it again and hands out one report at a time as
 * soon as its contiguous rows end (real files list a report's rows together). The rows of a scattered key are skipped
 * there and collected by further passes over the file, a bounded number of rows per pass.
 */
public final class ExtractJournalBuilder {

    /** SAE (expense) or PRAE (invoice). */
    public enum Format { SAE, PRAE }

    /** An extract file that can be read more than once: the downloaded file, a zip member, bytes. */
    public interface Source {
        String name();

        InputStream open() throws IOException;

        static Source of(Path file) {
            return of(file.getFileName().toString(), () -> Files.newInputStream(file));
        }

        static Source of(String name, byte[] bytes) {
            return of(name, () -> new ByteArrayInputStream(bytes));
        }

        static Source of(String name, Opener opener) {
            return new Source() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public InputStream open() throws IOException {
                    return opener.open();
                }
            };
        }
    }

    /** Opens the bytes of a {@link Source}. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** Report keys the first pass can tell apart with a 0.1 % false-positive rate (≈ 1.8 MB, fixed). */
    static final int BLOOM_KEYS = 1_000_000;
    /** Rows of scattered reports collected per extra pass over the file (a larger single report gets its own pass). */
    static final int SCATTERED_ROWS_PER_PASS = 10_000;

    private final PostingMapping mapping;
    private final ExtractOptions options;
    private final boolean holdFileOnRowProblem;
    private final int scatteredRowsPerPass;

    public ExtractJournalBuilder(PostingMapping mapping) {
        this(mapping, ExtractOptions.defaults(), false, SCATTERED_ROWS_PER_PASS);
    }

    private ExtractJournalBuilder(PostingMapping mapping, ExtractOptions options, boolean holdFileOnRowProblem,
                                  int scatteredRowsPerPass) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.options = Objects.requireNonNull(options, "options");
        this.holdFileOnRowProblem = holdFileOnRowProblem;
        this.scatteredRowsPerPass = scatteredRowsPerPass;
    }

    /** A copy that holds the whole file when any row cannot be read (default: only its report is quarantined). */
    public ExtractJournalBuilder withHoldFileOnRowProblem(boolean value) {
        return new ExtractJournalBuilder(mapping, options, value, scatteredRowsPerPass);
    }

    /** A copy collecting at most this many rows of scattered reports per extra pass (tests). */
    ExtractJournalBuilder withScatteredRowsPerPass(int rows) {
        return new ExtractJournalBuilder(mapping, options, holdFileOnRowProblem, rows);
    }

    public boolean holdFileOnRowProblem() {
        return holdFileOnRowProblem;
    }

    /**
     * Reads the whole stream (not closed here) into memory and builds every document, even of a held file (preview,
     * tests). Posting uses {@link #check} then {@link #build(Format, Source, ExtractCheck, Consumer)} on the file.
     */
    public ExtractBuild build(Format format, InputStream in, String fileName) {
        try {
            return build(format, Source.of(fileName, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    /** Both passes over the source, every result collected (the whole file's documents are kept). */
    public ExtractBuild build(Format format, Source source) {
        ExtractCheck check = check(format, source);
        List<BuildResult> results = new ArrayList<>();
        build(format, source, check, results::add);
        return new ExtractBuild(check.fileName(), check.format(), check.summary(), results, check.rowProblems(),
                check.heldReasons());
    }

    /** The first pass: the file's verdict, without building anything. Nothing may be posted while it is held. */
    public ExtractCheck check(Format format, Source source) {
        return format == Format.SAE ? check(sae(source.name()), format, source)
                : check(prae(source.name()), format, source);
    }

    /**
     * The second pass (and more when keys are scattered): hands each report's result to {@code sink}, one at a time —
     * first the reports quarantined by an unreadable row, then the others in file order, then the scattered ones.
     * Call it only for a file whose {@link #check} is not held when posting.
     */
    public void build(Format format, Source source, ExtractCheck check, Consumer<BuildResult> sink) {
        if (format == Format.SAE) {
            build(sae(source.name()), format, source, check, sink);
        } else {
            build(prae(source.name()), format, source, check, sink);
        }
    }

    /** How one format is read and posted. */
    private record Kind<R extends ExtractRow>(Function<InputStream, ExtractReader<R>> reader,
                                              Function<R, String> keyOf, GroupPosting<R> posting) {
    }

    private interface GroupPosting<R> {
        BuildResult build(String batchId, String key, List<R> rows);
    }

    private Kind<SaeRow> sae(String name) {
        return new Kind<>(in -> new SaeParser(options).open(in, name), SaeReportPosting::groupKey,
                (batch, key, rows) -> new SaeReportPosting(batch, key, rows, mapping).build());
    }

    private Kind<PraeRow> prae(String name) {
        return new Kind<>(in -> new PraeParser(options).open(in, name), PraeRequestPosting::groupKey,
                (batch, key, rows) -> new PraeRequestPosting(batch, key, rows, mapping).build());
    }

    private <R extends ExtractRow> ExtractCheck check(Kind<R> kind, Format format, Source source) {
        Map<String, List<RowProblem>> unreadable = new LinkedHashMap<>();
        List<RowProblem> rowProblems = new ArrayList<>();
        List<String> held = new ArrayList<>();
        Set<String> scattered = new LinkedHashSet<>();
        BloomFilter<CharSequence> finished = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8),
                BLOOM_KEYS, 0.001);
        String previous = null;
        ExtractSummary summary;
        try (InputStream in = source.open(); ExtractReader<R> reader = kind.reader().apply(in)) {
            while (reader.next()) {
                String key;
                if (reader.problem().isPresent()) {
                    RowProblem p = reader.problem().get();
                    rowProblems.add(p);
                    key = p.reportKey() == null || p.reportKey().isBlank() ? null : p.reportKey().trim();
                    if (key == null) {
                        held.add("line " + p.line() + ": a row whose report key cannot be read has a problem ("
                                + p.message() + "); no report can be quarantined alone");
                        continue;
                    }
                    unreadable.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
                } else {
                    key = kind.keyOf().apply(reader.row());
                    if (key == null) {
                        held.add("line " + reader.row().lineNumber() + ": the row has no " + (format == Format.SAE
                                ? "report key (column 20) nor cash advance key (column 187)"
                                : "request key (column 2) nor request id (column 51)"));
                        continue;
                    }
                }
                if (!key.equals(previous)) {
                    if (previous != null) {
                        finished.put(previous);
                    }
                    if (finished.mightContain(key)) {
                        scattered.add(key);
                    }
                    previous = key;
                }
            }
            summary = reader.summary();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.name(), e);
        }
        for (FileProblem f : summary.fileProblems()) {
            held.add(0, f.describe());
        }
        if (holdFileOnRowProblem && !rowProblems.isEmpty()) {
            held.add(rowProblems.size() + " row(s) cannot be read and the configuration holds the whole file on a "
                    + "row problem");
        }
        return new ExtractCheck(source.name(), format.name(), summary, rowProblems, held, unreadable, scattered);
    }

    @SuppressWarnings("unchecked")
    private <R extends ExtractRow> void build(Kind<R> kind, Format format, Source source, ExtractCheck check,
                                              Consumer<BuildResult> sink) {
        String batchId = check.batchId() == null ? "unknown" : check.batchId();
        check.unreadable().forEach((key, problems) -> {
            String docKey = docKey(format, batchId, key);
            sink.accept(new BuildResult(docKey, null, problems.stream()
                    .map(p -> new Problem(docKey, cell(p), p.message())).toList()));
        });
        Map<String, Integer> scatteredRows = new LinkedHashMap<>();
        String current = null;
        List<R> rows = new ArrayList<>();
        try (InputStream in = source.open(); ExtractReader<R> reader = kind.reader().apply(in)) {
            while (reader.next()) {
                if (reader.problem().isPresent()) {
                    continue;   // its report is quarantined above (or the file is held)
                }
                String key = kind.keyOf().apply(reader.row());
                if (key == null || check.unreadable().containsKey(key)) {
                    continue;
                }
                if (check.scattered().contains(key)) {
                    scatteredRows.merge(key, 1, Integer::sum);
                    continue;
                }
                if (!key.equals(current)) {
                    if (current != null) {
                        sink.accept(kind.posting().build(batchId, current, rows));
                    }
                    current = key;
                    rows = new ArrayList<>();
                }
                rows.add((R) reader.row().copy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.name(), e);
        }
        if (current != null) {
            sink.accept(kind.posting().build(batchId, current, rows));
        }
        List<String> pass = new ArrayList<>();
        int passRows = 0;
        for (Map.Entry<String, Integer> e : scatteredRows.entrySet()) {
            if (!pass.isEmpty() && passRows + e.getValue() > scatteredRowsPerPass) {
                collect(kind, source, batchId, pass, sink);
                pass = new ArrayList<>();
                passRows = 0;
            }
            pass.add(e.getKey());
            passRows += e.getValue();
        }
        if (!pass.isEmpty()) {
            collect(kind, source, batchId, pass, sink);
        }
    }

    /** One more pass over the file for these scattered keys: their rows in file order, then their results. */
    @SuppressWarnings("unchecked")
    private <R extends ExtractRow> void collect(Kind<R> kind, Source source, String batchId, List<String> keys,
                                                Consumer<BuildResult> sink) {
        Map<String, List<R>> groups = new LinkedHashMap<>();
        keys.forEach(k -> groups.put(k, new ArrayList<>()));
        try (InputStream in = source.open(); ExtractReader<R> reader = kind.reader().apply(in)) {
            while (reader.next()) {
                if (reader.problem().isEmpty()) {
                    List<R> rows = groups.get(kind.keyOf().apply(reader.row()));
                    if (rows != null) {
                        rows.add((R) reader.row().copy());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.name(), e);
        }
        groups.forEach((key, rows) -> sink.accept(kind.posting().build(batchId, key, rows)));
    }

    static String docKey(Format format, String batchId, String key) {
        return format.name().toLowerCase(Locale.ROOT) + ":" + batchId + ":" + key;
    }

    private static String cell(RowProblem p) {
        return (p.columnName() == null || p.columnName().isBlank() ? "column " + p.column() : p.columnName())
                + " (line " + p.line() + ", column " + p.column() + ")";
    }
}

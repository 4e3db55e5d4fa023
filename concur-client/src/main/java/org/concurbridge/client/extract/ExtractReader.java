package org.concurbridge.client.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streams the detail records of one extract file, in constant memory whatever its size.
 * <pre>{@code
 * try (ExtractReader<SaeRow> r = new SaeParser(ExtractOptions.defaults()).open(in, "extract.txt")) {
 *     while (r.next()) {
 *         if (r.problem().isPresent()) { quarantine(r.problem().get()); continue; }
 *         SaeRow row = r.row();          // a view, valid until the next call to next(); keep row.copy()
 *         ...
 *     }
 *     ExtractSummary s = r.summary();    // control totals; s.heldWhole() means: post nothing from this file
 * }
 * }</pre>
 * The header is read when the reader is opened. Each call to {@link #next()} reads one line; a line is either a
 * good row ({@link #row()}) or a {@link RowProblem} ({@link #problem()}), and a row problem does not stop the
 * stream. A file-level problem (bad header, second header, encoding, overlong line) ends the stream; the control
 * totals (record count, journal amount total) are checked when the end is reached. Not thread-safe.
 *
 * @param <R> {@link SaeRow} or {@link PraeRow}
 */
public final class ExtractReader<R extends ExtractRow> implements AutoCloseable {

    private final ExtractFormat format;
    private final String fileName;
    private final InputStream source;
    private final Charset charset;
    private final String charsetSource;
    private final LineTokenizer tok;
    private final R row;
    private final List<FileProblem> fileProblems = new ArrayList<>();
    private ExtractHeader header;
    private RowProblem problem;
    private boolean onRow;
    private boolean finished;
    private long records;
    private long rowProblems;
    private long rowsWithoutAmount;
    private BigDecimal total = BigDecimal.ZERO;
    private boolean lastLineTerminated = true;
    private long lastRecordLine;
    private boolean lastLineBad;
    private boolean totalVerified;

    ExtractReader(ExtractFormat format, String fileName, InputStream source, Charset charset, String charsetSource,
                  ExtractOptions options, Function<String, R> rowFactory) {
        this.format = format;
        this.fileName = fileName;
        this.source = source;
        this.charset = charset;
        this.charsetSource = charsetSource;
        this.tok = new LineTokenizer(source, 256 * 1024, options.maxLineBytes());
        this.row = rowFactory.apply(fileName);
        row.charset(charset);
        try {
            if (charset.equals(StandardCharsets.UTF_16)) {
                stop(FileProblem.Kind.ENCODING, 1, 1, "the file is UTF-16 (byte-order mark); extract files are read as "
                        + "UTF-8 or windows-1252", null, null);
                return;
            }
            readHeader(options.delimiter());
        } catch (IOException e) {
            ioFailure(e);
        }
    }

    /** Detects the charset of {@code in} and opens a reader over it; the reader owns and closes the stream. */
    static <R extends ExtractRow> ExtractReader<R> open(ExtractFormat format, InputStream in, String fileName,
                                                        ExtractOptions options, Function<String, R> rowFactory) {
        try {
            CharsetDetection.Decoded d = CharsetDetection.open(in, options.charset());
            return new ExtractReader<>(format, fileName, d.in(), d.charset(), d.source(), options, rowFactory);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + fileName + " failed", e);
        }
    }

    /** The header, when it could be read. */
    public Optional<ExtractHeader> header() {
        return Optional.ofNullable(header);
    }

    /**
     * Reads the next detail line. Returns false at the end of the file, or when a file-level problem stops the
     * stream; then {@link #summary()} is available.
     *
     * @throws UncheckedIOException when reading the underlying stream fails (not a problem of the file's content)
     */
    public boolean next() {
        onRow = false;
        problem = null;
        if (finished) {
            return false;
        }
        try {
            while (tok.next()) {
                if (tok.lineEnd == tok.lineStart && tok.fieldCount <= 1) {
                    continue; // a blank line carries nothing
                }
                row.bind(tok);
                if (tok.fieldCount >= 1 && row.is(1, ExtractFormat.HEADER_CONSTANT)) {
                    stop(FileProblem.Kind.SECOND_HEADER, tok.lineNumber, 1,
                            "a second EXTRACT header record: the file looks like two files concatenated",
                            null, null);
                    return false;
                }
                records++;
                lastRecordLine = tok.lineNumber;
                lastLineTerminated = tok.terminated;
                problem = checkRow();
                lastLineBad = problem != null;
                if (problem != null) {
                    rowProblems++;
                } else {
                    onRow = true;
                }
                return true;
            }
        } catch (IOException e) {
            ioFailure(e);
            return false;
        }
        finish();
        return false;
    }

    /** The current line's row; only when {@link #problem()} is empty. Valid until the next call to next(). */
    public R row() {
        if (!onRow) {
            throw new IllegalStateException(problem != null
                    ? "the current line has a problem: " + problem.describe() : "no current row: call next() first");
        }
        return row;
    }

    /** The current line's problem, if it has one. */
    public Optional<RowProblem> problem() {
        return Optional.ofNullable(problem);
    }

    /** The outcome of the whole file; only after {@link #next()} has returned false. */
    public ExtractSummary summary() {
        if (!finished) {
            throw new IllegalStateException("the file has not been read to its end yet");
        }
        return new ExtractSummary(fileName, header, charset, charsetSource, (char) (tok.delimiter & 0xFF), records,
                total,
                rowsWithoutAmount, totalVerified, rowProblems, fileProblems);
    }

    /** Reads every remaining line, handing good rows (views: copy to keep) and row problems to the callbacks. */
    public ExtractSummary readAll(Consumer<? super R> rows, Consumer<? super RowProblem> problems) {
        while (next()) {
            if (problem != null) {
                problems.accept(problem);
            } else {
                rows.accept(row);
            }
        }
        return summary();
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RowProblem checkRow() {
        int n = tok.fieldCount;
        boolean detail = row.is(1, ExtractFormat.DETAIL_CONSTANT);
        boolean complete = tok.problem == null && detail && n == format.columnCount();
        int amount = format.journalAmountColumn;
        if (complete && !row.isEmpty(amount) && row.check(amount) == null) {
            total = total.add(row.journalAmount());
        } else {
            rowsWithoutAmount++;
        }
        if (tok.problem != null) {
            return row.problem(tok.problemColumn, tok.problem);
        }
        if (!detail) {
            return row.problem(1, "the record type is '" + shorten(row.text(1)) + "', expected DETAIL");
        }
        if (n != format.columnCount()) {
            return row.problem(Math.min(n, format.columnCount()) + 1, "the line has " + n + " fields, a " + format
                    + " detail record has " + format.columnCount()
                    + (tok.terminated ? "" : " (the line is cut: the file ends without a line break)"));
        }
        if (row.isEmpty(amount)) {
            return row.problem(amount, "the journal amount is empty");
        }
        if (row.isEmpty(format.debitCreditColumn)) {
            return row.problem(format.debitCreditColumn, "the debit/credit indicator is empty (expected DR or CR)");
        }
        RowProblem typed = row.validateTypedColumns();
        if (typed != null) {
            return typed;
        }
        if (format == ExtractFormat.SAE && header != null && !row.is(2, header.batchId())) {
            return row.problem(2, "batch ID '" + shorten(row.text(2)) + "' differs from the header's '"
                    + header.batchId() + "'");
        }
        return null;
    }

    private void readHeader(Character configured) throws IOException {
        String head = tok.peek(16);
        if (head.isEmpty()) {
            stop(FileProblem.Kind.BAD_HEADER, 1, 1, "the file is empty (no EXTRACT header record)", null, null);
            return;
        }
        int k = head.startsWith("\"") ? 1 : 0;
        int at = ExtractFormat.HEADER_CONSTANT.length() + 2 * k;
        if (head.length() <= at || !head.regionMatches(true, k, ExtractFormat.HEADER_CONSTANT, 0,
                ExtractFormat.HEADER_CONSTANT.length())) {
            stop(FileProblem.Kind.BAD_HEADER, 1, 1, "the first record must start with EXTRACT, found '"
                    + shorten(head) + "…'", null, null);
            return;
        }
        char detected = head.charAt(at);
        if (configured != null && configured != detected) {
            tok.delimiter = (byte) configured.charValue();
            stop(FileProblem.Kind.BAD_HEADER, 1, 1, "the configured delimiter is '" + configured
                    + "' but the header uses '" + detected + "'", String.valueOf(configured),
                    String.valueOf(detected));
            return;
        }
        if (detected == '"' || detected == '\n' || detected == '\r' || Character.isLetterOrDigit(detected)
                || detected > 0x7F) {
            stop(FileProblem.Kind.BAD_HEADER, 1, 1, "cannot detect the delimiter: EXTRACT is followed by '"
                    + detected + "'", null, null);
            return;
        }
        tok.delimiter = (byte) detected;
        tok.next();
        row.bind(tok);
        String why = null;
        int column = 0;
        if (tok.problem != null) {
            why = "column " + tok.problemColumn + ": " + tok.problem;
            column = tok.problemColumn;
        } else if (tok.fieldCount != format.headerNames.length) {
            why = "the header has " + tok.fieldCount + " fields, expected " + format.headerNames.length + " ("
                    + String.join(", ", format.headerNames) + ")";
            column = Math.min(tok.fieldCount, format.headerNames.length) + 1;  // the first missing or extra field
        } else {
            for (int[] check : new int[][] {{format.headerBatchIdColumn, ExtractFormat.ColumnType.INTEGER},
                    {format.headerBatchDateColumn, ExtractFormat.ColumnType.DATE},
                    {format.headerRecordCountColumn, ExtractFormat.ColumnType.INTEGER},
                    {format.headerTotalColumn, ExtractFormat.ColumnType.MONEY}}) {
                why = checkHeaderField(check[0], (char) check[1]);
                if (why != null) {
                    column = check[0];
                    break;
                }
            }
        }
        if (why != null) {
            stop(FileProblem.Kind.BAD_HEADER, 1, column, why + " — header: " + ExtractProblem.truncate(row.rawLine()),
                    null, null);
            return;
        }
        header = new ExtractHeader(format, row.text(format.headerBatchIdColumn),
                row.date(format.headerBatchDateColumn), row.integer(format.headerRecordCountColumn),
                row.decimal(format.headerTotalColumn));
    }

    private String checkHeaderField(int column, char type) {
        int i = column - 1;
        String w = tok.starts[i] == tok.ends[i] ? "is empty"
                : Values.check(type, tok.buf(), tok.starts[i], tok.ends[i], charset);
        return w == null ? null
                : "column " + column + ": " + format.headerNames[i] + " '" + shorten(row.text(column)) + "' " + w;
    }

    /** End of input: checks the control totals. */
    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        long expected = header.recordCount();
        if (records < expected || (!lastLineTerminated && lastLineBad)) {
            fileProblem(FileProblem.Kind.TRUNCATED, !lastLineTerminated ? lastRecordLine : 1,
                    !lastLineTerminated ? 0 : format.headerRecordCountColumn, !lastLineTerminated
                            ? "the file ends in the middle of a record (no line break after its last line)"
                            : "the file ends before the number of detail records its header announces",
                    String.valueOf(expected), String.valueOf(records));
        } else if (records > expected) {
            fileProblem(FileProblem.Kind.RECORD_COUNT_MISMATCH, 1, format.headerRecordCountColumn,
                    "the file holds more detail records than its header's Record_Count",
                    String.valueOf(expected), String.valueOf(records));
        }
        if (rowsWithoutAmount == 0) {
            totalVerified = total.compareTo(header.journalAmountTotal()) == 0;
            if (!totalVerified) {
                fileProblem(FileProblem.Kind.JOURNAL_TOTAL_MISMATCH, 1, format.headerTotalColumn,
                        "the sum of the journal amounts (column " + format.journalAmountColumn
                                + ") differs from the header's journal amount total",
                        header.journalAmountTotal().toPlainString(), total.toPlainString());
            }
        }
    }

    /** A file-level problem that ends the stream; the control totals are not checked. */
    private void stop(FileProblem.Kind kind, long line, int column, String message, String expected,
                      String actual) {
        fileProblem(kind, line, column, message, expected, actual);
        finished = true;
    }

    private void ioFailure(IOException e) {
        if (e instanceof LineTokenizer.LineTooLongException t) {
            stop(FileProblem.Kind.LINE_TOO_LONG, t.line, 0, t.getMessage()
                    + " (an unclosed quote, or not an extract file?)", null, null);
        } else {
            throw new UncheckedIOException("reading " + fileName + " failed", e);
        }
    }

    /**
     * A file problem at a line and field: on the header (line 1) or a second header the field is named after the
     * header's fields; column 0 is the whole line.
     */
    private void fileProblem(FileProblem.Kind kind, long line, int column, String message, String expected,
                             String actual) {
        boolean header = line == 1 || kind == FileProblem.Kind.SECOND_HEADER;
        String name = header && column >= 1 && column <= format.headerNames.length
                ? format.headerNames[column - 1] : null;
        fileProblems.add(new FileProblem(fileName, kind, line, column, name, message, expected, actual));
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}

package org.concurbridge.client.extract;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One detail record of an extract file, with typed accessors that convert only the column asked for.
 * <p>
 * <b>Validity contract.</b> The row handed out by {@link ExtractReader#row()} is a <em>view</em> over the parser's
 * reused buffer: it is valid only until the next call to {@link ExtractReader#next()}. A caller that keeps a row
 * (for example to group the lines of one report) must keep {@link #copy()}, an immutable snapshot that owns its
 * bytes. Strings, numbers and dates returned by the accessors are ordinary values and stay valid.
 * <p>
 * Columns are 1-based positions of the specification. Text accessors return {@code ""} for an empty column; typed
 * accessors ({@link #decimal}, {@link #date}, {@link #flag}, {@link #integer}) return null for an empty column and
 * throw {@link ExtractFieldException} (naming line, column and report key) for a value that does not convert.
 * Columns whose specification type is money, date, Y/N flag, integer or DR/CR are validated by the parser before
 * the row is handed out, so their accessors never throw.
 */
public abstract sealed class ExtractRow permits SaeRow, PraeRow {

    private final ExtractFormat format;
    private final String fileName;
    private Charset charset;
    private byte[] bytes;
    private int lineStart;
    private int lineEnd;
    private int[] starts;
    private int[] ends;
    private boolean[] escaped;
    private int count;
    private long line;

    ExtractRow(ExtractFormat format, String fileName) {
        this.format = format;
        this.fileName = fileName;
    }

    final void charset(Charset charset) {
        this.charset = charset;
    }

    /** Points this view at the tokenizer's current line. */
    final void bind(LineTokenizer t) {
        bytes = t.buf();
        lineStart = t.lineStart;
        lineEnd = t.lineEnd;
        starts = t.starts;
        ends = t.ends;
        escaped = t.escaped;
        count = t.fieldCount;
        line = t.lineNumber;
    }

    /** Makes {@code target} an independent snapshot of this row. */
    final <R extends ExtractRow> R snapshotInto(R target) {
        ExtractRow r = target;
        int shift = lineStart;
        r.charset = charset;
        r.bytes = Arrays.copyOfRange(bytes, lineStart, lineEnd);
        r.lineStart = 0;
        r.lineEnd = lineEnd - shift;
        r.starts = new int[count];
        r.ends = new int[count];
        for (int i = 0; i < count; i++) {
            r.starts[i] = starts[i] - shift;
            r.ends[i] = ends[i] - shift;
        }
        r.escaped = Arrays.copyOf(escaped, count);
        r.count = count;
        r.line = line;
        return target;
    }

    /** An immutable snapshot of this row that stays valid after the reader moves on. */
    public abstract ExtractRow copy();

    public final ExtractFormat format() {
        return format;
    }

    public final String fileName() {
        return fileName;
    }

    /** 1-based physical line number in the file. */
    public final long lineNumber() {
        return line;
    }

    public final int columnCount() {
        return count;
    }

    /** The line as read (without its line terminator); undecodable bytes show as U+FFFD. */
    public final String rawLine() {
        return new String(bytes, lineStart, lineEnd - lineStart, charset);
    }

    /** Every column as a String (quotes removed, {@code ""} unescaped); index 0 is column 1. */
    public final String[] columns() {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = text(i + 1);
        }
        return out;
    }

    /**
     * The column's text, {@code ""} when empty.
     *
     * @throws ExtractFieldException when its bytes are not valid in the file's charset
     */
    public final String text(int column) {
        int i = index(column);
        int s = starts[i];
        int e = ends[i];
        if (s == e) {
            return "";
        }
        String t;
        if (!escaped[i]) {
            t = Values.text(bytes, s, e, charset);
        } else {
            byte[] u = new byte[e - s];
            int n = 0;
            for (int p = s; p < e; p++) {
                u[n++] = bytes[p];
                if (bytes[p] == '"' && p + 1 < e && bytes[p + 1] == '"') {
                    p++;
                }
            }
            t = Values.text(u, 0, n, charset);
        }
        if (t == null) {
            throw new ExtractFieldException(problem(column, format.columnName(column) + " holds bytes that are not "
                    + "valid " + charset.name() + " (configure the file's charset; an ANSI file is windows-1252)"));
        }
        return t;
    }

    /** True when the column is empty. */
    public final boolean isEmpty(int column) {
        int i = index(column);
        return starts[i] == ends[i];
    }

    /** Whether the column holds exactly {@code value} (no String is created). */
    public final boolean is(int column, String value) {
        int i = index(column);
        int s = starts[i];
        int len = ends[i] - s;
        if (escaped[i]) {
            return text(column).equals(value);
        }
        if (len != value.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (bytes[s + k] != (byte) value.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A decimal (money, rate, percentage); a leading currency sign is ignored; null when empty. */
    public final BigDecimal decimal(int column) {
        int i = index(column);
        if (starts[i] == ends[i]) {
            return null;
        }
        failIf(column, Values.checkDecimal(bytes, starts[i], ends[i], charset));
        return Values.decimal(bytes, starts[i], ends[i], charset);
    }

    /** A date ({@code yyyy-MM-dd} or {@code yyyy/MM/dd}); null when empty. */
    public final LocalDate date(int column) {
        int i = index(column);
        if (starts[i] == ends[i]) {
            return null;
        }
        failIf(column, Values.checkDate(bytes, starts[i], ends[i]));
        return Values.date(bytes, starts[i]);
    }

    /** A {@code Y}/{@code N} flag (case-insensitive); null when empty. */
    public final Boolean flag(int column) {
        int i = index(column);
        if (starts[i] == ends[i]) {
            return null;
        }
        failIf(column, Values.checkFlag(bytes, starts[i], ends[i]));
        return (bytes[starts[i]] & 0xDF) == 'Y';
    }

    /** An integer; null when empty. */
    public final Long integer(int column) {
        int i = index(column);
        if (starts[i] == ends[i]) {
            return null;
        }
        failIf(column, Values.checkInteger(bytes, starts[i], ends[i]));
        return Values.integer(bytes, starts[i], ends[i]);
    }

    /** {@code DR} / {@code CR}; null when empty. */
    public final DebitCredit debitCredit(int column) {
        int i = index(column);
        if (starts[i] == ends[i]) {
            return null;
        }
        failIf(column, Values.checkDebitCredit(bytes, starts[i], ends[i]));
        return (bytes[starts[i]] & 0xDF) == 'D' ? DebitCredit.DEBIT : DebitCredit.CREDIT;
    }

    /** The report key (SAE column 20) or request key (PRAE column 2), as text. */
    public final String reportKey() {
        return text(format.reportKeyColumn);
    }

    /** The journal amount (SAE column 169, PRAE column 62); validated by the parser, never null. */
    public final BigDecimal journalAmount() {
        return decimal(format.journalAmountColumn);
    }

    /** Journal direction (SAE column 168, PRAE column 64); validated by the parser, never null. */
    public final DebitCredit debitOrCredit() {
        return debitCredit(format.debitCreditColumn);
    }

    /** A row problem for a column of this row, with the report key when it precedes the column. */
    final RowProblem problem(int column, String message) {
        int keyCol = format.reportKeyColumn;
        String key = count >= keyCol && (column == 0 || column > keyCol) && starts[keyCol - 1] != ends[keyCol - 1]
                ? keyOrNull(keyCol) : null;
        return new RowProblem(fileName, line, column, format.columnName(column), key, rawLine(), message);
    }

    /** The syntax check of the column's specification type; null when it converts. */
    final String check(int column) {
        int i = index(column);
        return Values.check(format.type(column), bytes, starts[i], ends[i], charset);
    }

    private String keyOrNull(int keyCol) {
        int i = keyCol - 1;
        return Values.text(bytes, starts[i], ends[i], charset);
    }

    /** Checks every typed column (money, dates, flags, integers, DR/CR); null when all convert. */
    final RowProblem validateTypedColumns() {
        int[] typed = format.typedColumns();
        for (int c : typed) {
            int s = starts[c - 1];
            int e = ends[c - 1];
            if (s != e) {
                String why = Values.check(format.type(c), bytes, s, e, charset);
                if (why != null) {
                    return problem(c, valueMessage(c, why));
                }
            }
        }
        return null;
    }

    private String valueMessage(int column, String why) {
        int i = column - 1;
        return format.columnName(column) + " '" + new String(bytes, starts[i], ends[i] - starts[i], charset) + "' "
                + why;
    }

    private void failIf(int column, String why) {
        if (why != null) {
            throw new ExtractFieldException(problem(column, valueMessage(column, why)));
        }
    }

    /** Column of the n-th (1-based) of {@code max} numbered fields starting at column {@code first}. */
    static int numbered(int n, int first, int max) {
        if (n < 1 || n > max) {
            throw new IllegalArgumentException("n must be 1.." + max + ", was " + n);
        }
        return first + n - 1;
    }

    private int index(int column) {
        if (column < 1 || column > count) {
            throw new IndexOutOfBoundsException("column " + column + " outside 1.." + count);
        }
        return column - 1;
    }
}

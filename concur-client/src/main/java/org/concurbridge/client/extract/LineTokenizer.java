package org.concurbridge.client.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into records (one physical line each) and fields, without regular expressions, without
 * decoding and without creating a String per field: a line's fields are kept as offsets into one large, reused
 * byte buffer. This works for every ASCII-compatible charset (UTF-8, Windows-1252, ISO-8859-x): the delimiter,
 * the quote and the line break are single bytes that never occur inside a multi-byte UTF-8 sequence; columns are
 * decoded only when read ({@link ExtractRow}).
 * <p>
 * Quoting rules (see docs/extracts.md):
 * <ul>
 *   <li>A field that starts with {@code "} is quoted: it ends at the next {@code "} that is followed by the
 *       delimiter or the end of the line; {@code ""} inside it is one literal quote; it may contain the delimiter.
 *       A quoted field cannot span lines.</li>
 *   <li>A field that does not start with {@code "} ends at the next delimiter; quotes inside it are literal
 *       characters ({@code Inter"national}, {@code UNITED"""STATES}, {@code Chair "ergonomic"}) — except when the
 *       value ends with a quote and holds an odd number of quotes: that closing quote has no opening quote, so
 *       the value was split on a delimiter it should have kept.</li>
 * </ul>
 * The first problem of a line is recorded ({@link #problem}, {@link #problemColumn}); the line is still split so
 * that the fields before the problem (the report key) remain readable.
 */
final class LineTokenizer {

    private static final int NEED_MORE = -1;
    private static final int INITIAL_FIELDS = 512;

    private final InputStream in;
    private final int maxLineChars;
    private byte[] buf;
    private int limit;
    private int pos;
    private boolean eof;
    private boolean started;
    byte delimiter;

    /** 1-based number of the current line. */
    long lineNumber;
    /** Current line: [lineStart, lineEnd) in {@link #buf()}, without its terminator. */
    int lineStart;
    int lineEnd;
    boolean terminated;
    int[] starts = new int[INITIAL_FIELDS];
    int[] ends = new int[INITIAL_FIELDS];
    boolean[] escaped = new boolean[INITIAL_FIELDS];
    int fieldCount;
    /** First quoting problem of the current line, or null; its 1-based column. */
    String problem;
    int problemColumn;

    LineTokenizer(InputStream in, int bufferBytes, int maxLineBytes) {
        this.in = in;
        this.buf = new byte[Math.min(bufferBytes, Math.max(maxLineBytes, 1024))];
        this.maxLineChars = maxLineBytes;
    }

    byte[] buf() {
        return buf;
    }

    /**
     * Reads ahead until at least {@code n} bytes of the next line are buffered (or the input ends) and returns
     * them (as ISO-8859-1) without consuming anything; used to detect the delimiter from the header.
     */
    String peek(int n) throws IOException {
        start();
        while (limit - pos < n && !eof) {
            fill();
        }
        return new String(buf, pos, Math.min(n, limit - pos), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Moves to the next line; false at the end of input. */
    boolean next() throws IOException {
        start();
        for (;;) {
            if (pos >= limit) {
                if (eof) {
                    return false;
                }
                fill();
                continue;
            }
            if (scan(pos) != NEED_MORE) {
                lineNumber++;
                return true;
            }
            fill();
        }
    }

    private void start() throws IOException {
        if (!started) {
            started = true;
            fill();
            while (limit < 3 && !eof) {
                fill();
            }
            if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                pos = 3; // UTF-8 byte-order mark
            }
        }
    }

    /** Keeps the unfinished line, moving it to the start of the buffer, and reads more. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= maxLineChars) {
                throw new LineTooLongException(lineNumber + 1, maxLineChars);
            }
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxLineChars));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** Tokenizes the line starting at {@code from}; NEED_MORE when it is not completely buffered yet. */
    private int scan(int from) {
        final byte[] b = buf;
        final byte d = delimiter;
        final int lim = limit;
        int p = from;
        int f = 0;
        problem = null;
        problemColumn = 0;
        for (;;) {
            int fieldStart = p;
            if (f == starts.length) {
                growFields();
            }
            if (p < lim && b[p] == '"') {
                p++;
                boolean esc = false;
                int close;
                for (;;) {
                    if (p >= lim) {
                        if (!eof) {
                            return NEED_MORE;
                        }
                        problem(f + 1, "quoted value is not closed before the end of the file");
                        record(f++, fieldStart + 1, lim, false);
                        return endLine(from, lim, lim, f, false);
                    }
                    byte c = b[p];
                    if (c == '"') {
                        if (p + 1 >= lim && !eof) {
                            return NEED_MORE;
                        }
                        if (p + 1 < lim && b[p + 1] == '"') {
                            esc = true;
                            p += 2;
                            continue;
                        }
                        close = p;
                        break;
                    }
                    if (c == '\n') {
                        problem(f + 1, "quoted value is not closed before the end of the line "
                                + "(a quoted value cannot span lines)");
                        int e = b[p - 1] == '\r' ? p - 1 : p;
                        record(f++, fieldStart + 1, e, esc);
                        return endLine(from, e, p + 1, f, true);
                    }
                    p++;
                }
                record(f++, fieldStart + 1, close, esc);
                p = close + 1;
                if (p >= lim) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    return endLine(from, p, p, f, false);
                }
                byte c = b[p];
                if (c == d) {
                    p++;
                    continue;
                }
                if (c == '\n') {
                    return endLine(from, p, p + 1, f, true);
                }
                if (c == '\r') {
                    if (p + 1 >= lim && !eof) {
                        return NEED_MORE;
                    }
                    if (p + 1 < lim && b[p + 1] == '\n') {
                        return endLine(from, p, p + 2, f, true);
                    }
                }
                problem(f, "a quote inside a quoted value must be doubled (\"\"); this one is followed by '"
                        + (char) (c & 0xFF) + "' instead of the delimiter");
                return skipRestOfLine(from, p, f);
            }
            for (;;) {
                if (p >= lim) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    unquoted(f++, fieldStart, p);
                    return endLine(from, p, p, f, false);
                }
                byte c = b[p];
                if (c == d) {
                    unquoted(f++, fieldStart, p);
                    p++;
                    break;
                }
                if (c == '\n') {
                    int e = p > fieldStart && b[p - 1] == '\r' ? p - 1 : p;
                    unquoted(f++, fieldStart, e);
                    return endLine(from, e, p + 1, f, true);
                }
                p++;
            }
        }
    }

    private void unquoted(int f, int s, int e) {
        record(f, s, e, false);
        if (e > s && buf[e - 1] == '"' && unbalanced(s, e)) {
            problem(f + 1, "the value ends with a quote that has no opening quote: "
                    + "a value containing the delimiter must be enclosed in quotes");
        }
    }

    /** Whether an unquoted value holds an odd number of quotes (its closing quote has no partner). */
    private boolean unbalanced(int s, int e) {
        int quotes = 0;
        for (int p = s; p < e; p++) {
            if (buf[p] == '"') {
                quotes++;
            }
        }
        return (quotes & 1) == 1;
    }

    private int skipRestOfLine(int from, int p, int f) {
        for (int i = p; i < limit; i++) {
            if (buf[i] == '\n') {
                return endLine(from, i > from && buf[i - 1] == '\r' ? i - 1 : i, i + 1, f, true);
            }
        }
        if (!eof) {
            return NEED_MORE;
        }
        return endLine(from, limit, limit, f, false);
    }

    private void record(int f, int s, int e, boolean esc) {
        starts[f] = s;
        ends[f] = e;
        escaped[f] = esc;
    }

    private void problem(int column, String message) {
        if (problem == null) {
            problem = message;
            problemColumn = column;
        }
    }

    private int endLine(int from, int end, int next, int fields, boolean term) {
        lineStart = from;
        lineEnd = end;
        pos = next;
        fieldCount = fields;
        terminated = term;
        return 0;
    }

    private void growFields() {
        int n = starts.length * 2;
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
        escaped = Arrays.copyOf(escaped, n);
    }

    /** A line longer than the configured maximum; reported as a file-level problem. */
    static final class LineTooLongException extends IOException {
        final long line;

        LineTooLongException(long line, int max) {
            super("line " + line + " is longer than " + max + " bytes");
            this.line = line;
        }
    }
}

package org.concurbridge.client.extract;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How to read an extract file.
 *
 * @param charset      the character set to decode with, or null to detect it: a byte-order mark wins (UTF-8,
 *                     UTF-16); without one, the first {@value #SNIFF_BYTES} bytes are checked and the file is read
 *                     as UTF-8 when they are valid UTF-8, otherwise as Windows-1252. A configured charset is used
 *                     unless the file starts with a UTF-8 byte-order mark, which always wins. Only ASCII-compatible
 *                     charsets are accepted (UTF-8, windows-1252, ISO-8859-x); a UTF-16 file is a file-level
 *                     problem.
 * @param delimiter    the field delimiter, or null to take it from the header line (the character right after
 *                     {@code EXTRACT}); when configured, a header using another delimiter is a file-level problem
 * @param maxLineBytes longest accepted line, in bytes; a longer line is a file-level problem
 */
public record ExtractOptions(Charset charset, Character delimiter, int maxLineBytes) {

    /** Bytes examined to choose between UTF-8 and Windows-1252 when there is no byte-order mark. */
    public static final int SNIFF_BYTES = 64 * 1024;

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public ExtractOptions {
        if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r'
                || Character.isLetterOrDigit(delimiter) || delimiter > 0x7F)) {
            throw new IllegalArgumentException("delimiter must be an ASCII character other than a quote, a line "
                    + "break, a letter or a digit: '" + delimiter + "'");
        }
        if (charset != null && !asciiCompatible(charset)) {
            throw new IllegalArgumentException("charset " + charset.name() + " is not ASCII-compatible; extract "
                    + "files are UTF-8 or single-byte (windows-1252, ISO-8859-x)");
        }
        if (maxLineBytes < 1024) {
            throw new IllegalArgumentException("maxLineBytes must be at least 1024, was " + maxLineBytes);
        }
    }

    private static boolean asciiCompatible(Charset cs) {
        String probe = "EXTRACT|\"\n09azAZ.-+$";
        return cs.canEncode() && java.util.Arrays.equals(probe.getBytes(cs),
                probe.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Detect charset and delimiter; lines up to 1 MiB. */
    public static ExtractOptions defaults() {
        return new ExtractOptions(null, null, 1 << 20);
    }

    public ExtractOptions withCharset(Charset charset) {
        return new ExtractOptions(Objects.requireNonNull(charset, "charset"), delimiter, maxLineBytes);
    }

    public ExtractOptions withDelimiter(char delimiter) {
        return new ExtractOptions(charset, delimiter, maxLineBytes);
    }

    public ExtractOptions withMaxLineBytes(int maxLineBytes) {
        return new ExtractOptions(charset, delimiter, maxLineBytes);
    }
}

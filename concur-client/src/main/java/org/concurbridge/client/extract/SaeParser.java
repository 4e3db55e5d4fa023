package org.concurbridge.client.extract;

import java.io.InputStream;
import java.util.Objects;

/**
 * Streaming parser for Standard Accounting Extract (SAE, Expense) files: an {@code EXTRACT} header then one
 * {@code DETAIL} record of 400 columns per journal line. Immutable and thread-safe; each {@code open} returns a
 * single-threaded {@link ExtractReader}. Rules (quoting, encodings, delimiter detection,
 * control totals, problems): docs/extracts.md.
 */
public final class SaeParser {

    private final ExtractOptions options;

    public SaeParser(ExtractOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Detected charset and delimiter. */
    public SaeParser() {
        this(ExtractOptions.defaults());
    }

    /**
     * Opens a file given as bytes: the charset is taken from a byte-order mark, the options, or detected.
     * The reader owns the stream and closes it.
     */
    public ExtractReader<SaeRow> open(InputStream in, String fileName) {
        return ExtractReader.open(ExtractFormat.SAE, in, fileName, options, SaeRow::new);
    }
}

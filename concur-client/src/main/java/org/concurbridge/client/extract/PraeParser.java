package org.concurbridge.client.extract;

import java.io.InputStream;
import java.util.Objects;

/**
 * Streaming parser for Payment Request Accounting Extract (PRAE, Invoice) files: an {@code EXTRACT} header then one
 * {@code DETAIL} record of 256 columns per journal line (allocation level). Immutable and thread-safe; each
 * {@code open} returns a single-threaded {@link ExtractReader}. Rules (quoting, encodings, delimiter detection,
 * control totals, problems): docs/extracts.md.
 */
public final class PraeParser {

    private final ExtractOptions options;

    public PraeParser(ExtractOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Detected charset and delimiter. */
    public PraeParser() {
        this(ExtractOptions.defaults());
    }

    /**
     * Opens a file given as bytes: the charset is taken from a byte-order mark, the options, or detected.
     * The reader owns the stream and closes it.
     */
    public ExtractReader<PraeRow> open(InputStream in, String fileName) {
        return ExtractReader.open(ExtractFormat.PRAE, in, fileName, options, PraeRow::new);
    }
}

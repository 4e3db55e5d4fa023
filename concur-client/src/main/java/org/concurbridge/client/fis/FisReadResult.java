package org.concurbridge.client.fis;

/**
 * The outcome of reading one document of a page or file: either {@link Parsed} or {@link Malformed}. A malformed
 * document never spoils the others of the same page.
 */
public sealed interface FisReadResult permits FisReadResult.Parsed, FisReadResult.Malformed {

    /** The FIS document id from the envelope, or null when there is none. */
    String id();

    /** A document read completely. */
    record Parsed(FisDocument document) implements FisReadResult {
        @Override
        public String id() {
            return document.id();
        }
    }

    /**
     * A document that could not be read. {@code kind} is null when the kind itself is unknown; {@code jsonPath} is
     * relative to the input ({@code $.fIDocuments[1].document.report.revisionNumber}).
     */
    record Malformed(String id, FisDocumentKind kind, String jsonPath, String reason) implements FisReadResult {
    }
}

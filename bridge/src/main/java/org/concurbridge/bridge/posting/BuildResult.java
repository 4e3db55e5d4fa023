package org.concurbridge.bridge.posting;

import java.util.List;

/**
 * The outcome of turning one source document into a {@link PostingDocument}: the document when it maps completely,
 * otherwise null and at least one {@link Problem}.
 */
public record BuildResult(String key, PostingDocument document, List<Problem> problems) {

    public BuildResult {
        problems = List.copyOf(problems);
        if (document != null && !problems.isEmpty()) {
            throw new IllegalArgumentException("a document with problems is not built");
        }
    }

    public boolean isOk() {
        return document != null;
    }
}

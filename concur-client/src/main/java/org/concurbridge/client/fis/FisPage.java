package org.concurbridge.client.fis;

import java.util.List;
import java.util.Optional;

/**
 * One page of ready documents. Each document is read on its own: a malformed one is a {@link FisReadResult.Malformed}
 * with its id and the JSON path of the bad member, and the rest of the page is usable. {@code nextPage} is the opaque
 * continuation for {@link FisClient#transactions(FisDocumentKind, String)}; null on the last page.
 *
 * <p>The queue only holds documents that are not acknowledged yet, and pages are counted over that queue: after
 * acknowledging the documents of a page, read the first page again rather than {@code nextPage}, or documents that
 * moved up are skipped until the next run.
 */
public record FisPage(FisDocumentKind kind, List<FisReadResult> documents, int number, int totalElements,
                      int totalPages, String nextPage, String correlationId) {

    public FisPage {
        documents = List.copyOf(documents);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextPage);
    }

    public List<FisDocument> parsed() {
        return documents.stream().filter(FisReadResult.Parsed.class::isInstance)
                .map(r -> ((FisReadResult.Parsed) r).document()).toList();
    }

    public List<FisReadResult.Malformed> malformed() {
        return documents.stream().filter(FisReadResult.Malformed.class::isInstance)
                .map(FisReadResult.Malformed.class::cast).toList();
    }
}

package org.concurbridge.bridge.posting;

import java.math.BigDecimal;
import java.util.List;

/**
 * The one canonical document every source (FIS expense, invoice and cash advance documents; SAE and PRAE rows)
 * becomes before it is validated and posted. Lines are balanced per document (see {@link PostingValidator}).
 *
 * @param idempotencyKey deterministic key the ERP write carries ({@code fis:<docId>}, {@code sae:<batch>:<report>})
 * @param mappingVersion the version of the mapping it was built with ({@link #NO_MAPPING} when Concur's own codes
 *                       were used); a mapping change builds new documents and never touches posted ones
 */
public record PostingDocument(
        DocumentKind kind,
        String idempotencyKey,
        PostingSource source,
        PostingHeader header,
        List<JournalLine> lines,
        String mappingVersion) {

    /** {@link #mappingVersion()} of documents built without a mapping. */
    public static final String NO_MAPPING = "concur-codes";

    public PostingDocument {
        lines = List.copyOf(lines);
    }

    public BigDecimal totalDebit() {
        return lines.stream().map(JournalLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalCredit() {
        return lines.stream().map(JournalLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

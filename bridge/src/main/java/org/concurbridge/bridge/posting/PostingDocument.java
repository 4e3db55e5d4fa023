package org.concurbridge.bridge.posting;

import com.fasterxml.jackson.annotation.JsonIgnore;
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

    /**
     * The reversal of this document: every line on the other side, under a new key (e.g. when a re-approved report
     * with a higher revision replaces a posted one). Header and mapping version are kept: a reversal undoes exactly
     * what was posted.
     */
    public PostingDocument reversal(String reversalKey) {
        return new PostingDocument(kind, reversalKey, source, header,
                lines.stream().map(JournalLine::reversed).toList(), mappingVersion);
    }

    @JsonIgnore
    public BigDecimal totalDebit() {
        return lines.stream().map(JournalLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @JsonIgnore
    public BigDecimal totalCredit() {
        return lines.stream().map(JournalLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

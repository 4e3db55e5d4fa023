package org.concurbridge.bridge.posting.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the posting ledger.
 *
 * @param sourceDocId       the FIS document id (SAE/PRAE: batch id + report key)
 * @param concurId          the Concur report / request id (shared by the revisions of one report)
 * @param idempotencyKey    the key the ERP write carries ({@code fis:<docId>@r<revision>})
 * @param failedStep        for FAILED rows: the state the document was in when it failed (where a retry resumes)
 * @param erpSystemId       the ERP system id Concur holds for the document (preset, or ours once acknowledged);
 *                          acknowledgements and confirmations must carry it
 * @param documentJson      the built {@code PostingDocument} as JSON (null until built)
 * @param supersedesId      the earlier revision's row this one replaced (reversed in the ERP), or null
 */
public record LedgerDocument(long id, String companyUuid, String source, String docType, String sourceDocId,
                             String concurId, int revision, String idempotencyKey, String kind, String currency,
                             BigDecimal total, String mappingVersion, LedgerState state, LedgerState failedStep,
                             String erpDocumentNumber, String errorText, int attempts, Instant nextAttemptAt,
                             String documentJson, Long supersedesId, String reversalDocumentNumber,
                             LocalDate postingDate, Instant createdAt, Instant updatedAt, Instant postedAt,
                             Instant confirmedAt, Instant paidAt, String erpSystemId) {
}

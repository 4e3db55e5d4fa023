package org.concurbridge.client.fis;

/**
 * One financial transaction as FIS v4 lists it: the envelope members and the parsed {@code document}.
 * {@code id} is the FIS document id to acknowledge and confirm; it is null for a bare document read from a file.
 */
public record FisDocument(
        String id,
        FisDocumentKind kind,
        String companyId,
        String entityId,
        String companyUuid,
        String erpSystemId,
        String docStatus,
        FinancialDocument document) {
}

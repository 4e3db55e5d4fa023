package org.concurbridge.sandbox.extract;

import org.concurbridge.sandbox.fis.FisDocType;

/**
 * One FIS document written into an extract file: its FIS id, docType, the report id the file carries for it (SAE
 * column 19 for reports, column 187 for cash advance issuances, PRAE column 51 for invoices), the generator's use case
 * (null for a loaded document) and how many detail records it produced.
 */
public record ExtractedDocument(String fisId, FisDocType docType, String reportId, String useCase, int rows) {
}

package org.concurbridge.sandbox.extract;

import org.concurbridge.sandbox.fis.FisDocType;

/**
 * One FIS document written into an extract file: its FIS id, docType, the report id and report key the file carries
 * for it (SAE columns 19 and 20, PRAE columns 51 and 2; a cash advance issuance has neither, both are its cash advance
 * key, SAE column 187), the generator's use case (null for a loaded document) and how many detail records it produced.
 */
public record ExtractedDocument(String fisId, FisDocType docType, String reportId, String reportKey, String useCase,
                                int rows) {
}

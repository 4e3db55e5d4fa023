package org.concurbridge.sandbox.extract;

import org.concurbridge.sandbox.fis.FisDocType;
import tools.jackson.databind.node.ObjectNode;

/**
 * One FIS document as the extract writers read it: its FIS id, docType, the document JSON the FIS API serves and the
 * generator's use case (null for a loaded document).
 */
record SourceDocument(String fisId, FisDocType docType, ObjectNode document, String useCase) {

    /** The key the bridge groups rows by: SAE column 19 (report id), cash advance key (187) or PRAE column 51. */
    String reportId() {
        return switch (docType) {
            case EXPENSE -> document.path("report").path("reportId").asString("");
            case CASH_ADVANCE -> document.path("cashAdvanceData").path("cashAdvanceId").asString("");
            case INVOICE -> document.path("requestHeader").path("requestId").asString("");
        };
    }
}

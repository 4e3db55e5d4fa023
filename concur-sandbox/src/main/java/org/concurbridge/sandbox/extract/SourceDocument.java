package org.concurbridge.sandbox.extract;

import org.concurbridge.sandbox.fis.FisDocType;
import tools.jackson.databind.node.ObjectNode;

/**
 * One FIS document as the extract writers read it: its FIS id, docType, the document JSON the FIS API serves and the
 * generator's use case (null for a loaded document).
 */
record SourceDocument(String fisId, FisDocType docType, ObjectNode document, String useCase) {

    /** The report id the file carries: SAE column 19, a cash advance's key (187) or PRAE column 51. */
    String reportId() {
        return switch (docType) {
            case EXPENSE -> document.path("report").path("reportId").asString("");
            case CASH_ADVANCE -> document.path("cashAdvanceData").path("cashAdvanceId").asString("");
            case INVOICE -> document.path("requestHeader").path("requestId").asString("");
        };
    }

    /**
     * The report key the file carries: SAE column 20 ({@code reportKey}), PRAE column 2 ({@code reqKey}); a cash
     * advance issuance has no report, its key is the cash advance key (187).
     */
    String reportKey() {
        return switch (docType) {
            case EXPENSE -> document.path("report").path("reportKey").asString("");
            case CASH_ADVANCE -> document.path("cashAdvanceData").path("cashAdvanceId").asString("");
            case INVOICE -> document.path("requestHeader").path("reqKey").asString("");
        };
    }

    /** Whether a BAD_ROWS fault names this document (by report id or report key). */
    boolean brokenBy(FileFault fault) {
        return fault != null && fault.kind() == FileFault.Kind.BAD_ROWS
                && (fault.report().equals(reportId()) || fault.report().equals(reportKey()));
    }
}

package org.concurbridge.sandbox.fis;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the sandbox knows about one FIS document, for test assertions ({@code sb.fis().state(id)},
 * {@code GET /admin/fis/documents/{id}}). {@code postingConfirmations} and {@code paymentConfirmations} are the items
 * the sandbox accepted (code 0), as received; {@code previousId} links a re-approved document to the recalled one.
 */
public record FisDocumentState(
        String id,
        String companyUuid,
        FisDocType docType,
        FisStatus status,
        String erpSystemId,
        int revision,
        String previousId,
        String useCase,
        List<JsonNode> postingConfirmations,
        List<JsonNode> paymentConfirmations,
        List<Transition> history) {

    /** One status change, on the sandbox clock. */
    public record Transition(Instant at, FisStatus from, FisStatus to, String cause) {
    }
}

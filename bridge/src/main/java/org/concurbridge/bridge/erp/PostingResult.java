package org.concurbridge.bridge.erp;

/**
 * Outcome of {@code post}/{@code reverse}.
 *
 * @param document       the ERP document
 * @param alreadyPosted  true when the key had been posted before and nothing was created by this call
 */
public record PostingResult(ErpDocumentRef document, boolean alreadyPosted) {
}

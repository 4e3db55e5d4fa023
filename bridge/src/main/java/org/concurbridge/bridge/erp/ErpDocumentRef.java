package org.concurbridge.bridge.erp;

/**
 * The ERP document that holds a posted journal entry.
 *
 * @param idempotencyKey the key the entry was posted with
 * @param documentNumber the ERP's document number (what a Concur processor and an accountant look for)
 * @param reversesKey    for a reversal: the idempotency key of the entry it reverses; null otherwise
 */
public record ErpDocumentRef(String idempotencyKey, String documentNumber, String reversesKey) {
}

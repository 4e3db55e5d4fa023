package org.concurbridge.bridge.posting;

/**
 * Something wrong with one document, naming the document (its key or file) and the field path inside it
 * ({@code expenseEntry[2].allocation[0].journal[0].journalAccountCode}); {@code field} is empty for the document as a
 * whole. The message is written for a Concur processor or an accountant.
 */
public record Problem(String document, String field, String message) {

    @Override
    public String toString() {
        return document + (field == null || field.isEmpty() ? "" : " " + field) + ": " + message;
    }
}

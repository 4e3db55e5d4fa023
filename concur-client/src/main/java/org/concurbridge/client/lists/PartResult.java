package org.concurbridge.client.lists;

/**
 * The outcome of one bulk part: {@code index} is its position in the list given to {@code bulkCreate}/{@code
 * bulkUpdate}, {@code code} its long code; when not {@code ok}, {@code errorId} is Concur's part error id (e.g.
 * {@code item.duplicate.code}) or one of the client's: {@code client.invalid.part} (not sent: it breaks a documented
 * rule), {@code client.inconsistent.answer} (Concur's counts disagree with its errors: outcome unknown).
 */
public record PartResult(int index, String code, boolean ok, String errorId, String message) {

    public static final String INVALID_PART = "client.invalid.part";
    public static final String INCONSISTENT_ANSWER = "client.inconsistent.answer";
}

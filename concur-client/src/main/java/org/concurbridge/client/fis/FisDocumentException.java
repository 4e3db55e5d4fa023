package org.concurbridge.client.fis;

/**
 * A financial document that cannot be read: not JSON, an unknown kind, or a member of the wrong type.
 * {@link #jsonPath()} names the offending member ({@code $.expenseEntry[2].allocation[0].journal[0].amountGross});
 * it is {@code $} when the whole input is unusable.
 */
public final class FisDocumentException extends RuntimeException {

    private final String jsonPath;
    private final String reason;

    public FisDocumentException(String jsonPath, String reason, Throwable cause) {
        super(jsonPath + ": " + reason, cause);
        this.jsonPath = jsonPath;
        this.reason = reason;
    }

    /** The JSON path of the bad member, starting at {@code $}. */
    public String jsonPath() {
        return jsonPath;
    }

    /** What is wrong, without the path. */
    public String reason() {
        return reason;
    }
}

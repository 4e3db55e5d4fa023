package org.concurbridge.client;

/**
 * A success response whose body cannot be used (not JSON, a required field missing or of the wrong type). Thrown by
 * response readers; the client turns it into a {@link ConcurException.Retriable} at the HTTP boundary.
 */
public final class MalformedResponseException extends RuntimeException {
    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}

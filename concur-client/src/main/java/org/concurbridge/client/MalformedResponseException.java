package org.concurbridge.client;

/** A success response whose body cannot be used (not JSON, a required field missing or of the wrong type). */
final class MalformedResponseException extends RuntimeException {
    MalformedResponseException(String message) {
        super(message);
    }

    MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}

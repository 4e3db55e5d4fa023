package org.concurbridge.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Every failure of a call to SAP Concur, classified once at the HTTP boundary into one of three kinds:
 * {@link Retriable} (try again later, honouring {@link #retryAfter()}), {@link Permanent} (the request itself is
 * wrong; retrying cannot help) and {@link Authentication} (the connection's credentials are no longer usable; stop and
 * ask the customer to reconnect). Messages never contain tokens or secrets.
 */
public abstract sealed class ConcurException extends RuntimeException
        permits ConcurException.Retriable, ConcurException.Permanent, ConcurException.Authentication {

    private final int httpStatus;
    private final String errorCode;
    private final String correlationId;

    protected ConcurException(String message, int httpStatus, String errorCode, String correlationId, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.correlationId = correlationId;
    }

    /** HTTP status, or 0 when no response was received (connection refused, reset, timeout). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Concur's own error code from the body (e.g. OAuth2 {@code code} 108), or null. */
    public String errorCode() {
        return errorCode;
    }

    /** The {@code concur-correlationid} response header, to quote to SAP Concur support; or null. */
    public String correlationId() {
        return correlationId;
    }

    /** Transient: network failure, 429, 5xx. */
    public static final class Retriable extends ConcurException {
        private final Duration retryAfter;

        public Retriable(String message, int httpStatus, String errorCode, String correlationId,
                         Duration retryAfter, Throwable cause) {
            super(message, httpStatus, errorCode, correlationId, cause);
            this.retryAfter = retryAfter;
        }

        /** The server's {@code Retry-After}, when it sent one. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** The request is wrong (400, 404, 409, validation…); the same request will fail again. */
    public static final class Permanent extends ConcurException {
        public Permanent(String message, int httpStatus, String errorCode, String correlationId, Throwable cause) {
            super(message, httpStatus, errorCode, correlationId, cause);
        }
    }

    /**
     * Credentials rejected: wrong client id/secret, expired or reused request token, revoked or expired refresh
     * token, company no longer enabled. The connection needs reconnecting; never retried automatically.
     */
    public static final class Authentication extends ConcurException {
        public Authentication(String message, int httpStatus, String errorCode, String correlationId, Throwable cause) {
            super(message, httpStatus, errorCode, correlationId, cause);
        }

        /**
         * Whether SAP Concur rejected the app itself rather than the company's grant: its client id or secret (OAuth2
         * codes 61 client not found, 64 wrong credentials, 115 unauthenticated client) or the app is disabled (59)
         * — auth-and-quick-connect.md section 7. The operator's configuration is at fault: every connection fails the
         * same way and none of them needs reconnecting.
         */
        public boolean isClientCredentialFault() {
            return errorCode() != null && CLIENT_CREDENTIAL_CODES.contains(errorCode());
        }
    }

    /** The OAuth2 codes that reject the app's client credentials or the app (see Authentication). */
    static final java.util.Set<String> CLIENT_CREDENTIAL_CODES = java.util.Set.of("59", "61", "64", "115");
}

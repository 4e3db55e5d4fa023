package org.concurbridge.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;

/**
 * The one place where a failed call to SAP Concur becomes a {@link ConcurException}: by transport failure, HTTP
 * status and Concur's numeric error code; never by message text. The table is documented in docs/concur-client.md
 * and pinned by {@code ErrorClassifierTest}.
 */
final class ErrorClassifier {

    /** Which error vocabulary the endpoint speaks. */
    enum Endpoint {
        /** {@code /oauth2/v0/token}: body {@code {code, error, error_description, geolocation}}. */
        OAUTH,
        /** Every other API: classified by status only. */
        API
    }

    enum Kind { RETRIABLE, PERMANENT, AUTHENTICATION }

    /** OAuth2 codes that say the credentials (client, request token, refresh token, company) are not usable. */
    static final Set<Integer> AUTHENTICATION_CODES = Set.of(
            5,              // wrong credentials (client id/secret, request token)
            10, 11,         // account disabled
            12, 13,         // logon denied
            14,             // account locked
            19,             // wrong credentials
            20,             // logon denied (IP restriction)
            53,             // company not enabled for this client
            59,             // client disabled
            61,             // client not found
            64,             // wrong client credentials
            100,            // backend does not know the username (company UUID)
            103,            // code bad or expired
            105,            // grant not issued to this client
            108,            // bad or expired refresh token
            115,            // unauthenticated client
            123,            // principal disabled
            136,            // authtoken was not issued for you
            139);           // password must be changed

    /** OAuth2 codes for a temporary condition. */
    static final Set<Integer> RETRIABLE_CODES = Set.of(
            134);           // company undergoing scheduled maintenance

    /** OAuth2 code 16: the principal lives in another geolocation, given in the body. */
    static final int GEOLOCATION_REDIRECT_CODE = 16;

    /** RFC 6749 {@code error} values meaning bad credentials, used only when the body has no numeric code. */
    private static final Set<String> AUTHENTICATION_ERRORS =
            Set.of("invalid_grant", "invalid_client", "unauthorized_client", "access_denied");

    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final Clock clock;

    ErrorClassifier(Clock clock) {
        this.clock = clock;
    }

    /** The classification table. */
    static Kind kind(Endpoint endpoint, int status, Integer code, String error) {
        if (status == 408 || status == 429 || (status >= 500 && status != 501 && status != 505)) {
            return Kind.RETRIABLE;
        }
        if (endpoint == Endpoint.OAUTH && code != null) {
            if (AUTHENTICATION_CODES.contains(code)) {
                return Kind.AUTHENTICATION;
            }
            return RETRIABLE_CODES.contains(code) ? Kind.RETRIABLE : Kind.PERMANENT;
        }
        if (status == 401 || status == 403) {
            return Kind.AUTHENTICATION;
        }
        if (endpoint == Endpoint.OAUTH && error != null && AUTHENTICATION_ERRORS.contains(error)) {
            return Kind.AUTHENTICATION;
        }
        return Kind.PERMANENT;
    }

    /** Whether a response with this status is retried without looking at its body. */
    static boolean isRetriableStatus(int status) {
        return kind(Endpoint.API, status, null, null) == Kind.RETRIABLE;
    }

    /** No usable response: refused, reset, timed out, truncated. */
    ConcurException.Retriable network(String operation, URI uri, IOException cause) {
        String what;
        if (cause instanceof HttpConnectTimeoutException) {
            what = "connect timed out";
        } else if (cause instanceof HttpTimeoutException) {
            what = "request timed out";
        } else if (cause instanceof ConnectException) {
            what = "connection refused";
        } else {
            what = "connection failed";
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ConcurException.Retriable(operation + " failed: no response from " + authority(uri) + " ("
                + what + ": " + detail + ")", 0, null, null, null, cause);
    }

    /** A success status whose body cannot be used. */
    ConcurException.Retriable malformed(String operation, ConcurResponse response, Exception cause) {
        return new ConcurException.Retriable(operation + " failed: HTTP " + response.status()
                + " with an unusable body from " + authority(response.uri()) + " (" + cause.getMessage() + ")"
                + correlation(response.correlationId()), response.status(), null, response.correlationId(), null,
                cause);
    }

    /** A non-success response, classified by status and (for OAuth2) Concur's code. */
    ConcurException failure(String operation, Endpoint endpoint, ConcurResponse response,
                            Collection<Secret> sentSecrets) {
        ErrorBody body = ErrorBody.parse(response.body());
        Kind kind = kind(endpoint, response.status(), body.code(), body.error());
        String code = body.errorCode();
        String message = redact(describe(operation, response, body), sentSecrets);
        return switch (kind) {
            case RETRIABLE -> new ConcurException.Retriable(message, response.status(), code,
                    response.correlationId(), RetryAfter.parse(response.header("Retry-After"), clock).orElse(null),
                    null);
            case AUTHENTICATION -> new ConcurException.Authentication(message, response.status(), code,
                    response.correlationId(), null);
            case PERMANENT -> new ConcurException.Permanent(message, response.status(), code,
                    response.correlationId(), null);
        };
    }

    private static String describe(String operation, ConcurResponse response, ErrorBody body) {
        StringBuilder m = new StringBuilder(operation).append(" failed: HTTP ").append(response.status());
        if (body.code() != null) {
            m.append(", Concur code ").append(body.code());
        }
        if (body.error() != null) {
            m.append(" (").append(body.error()).append(')');
        }
        if (body.errorId() != null) {
            m.append(", error ").append(body.errorId());
        }
        if (body.description() != null) {
            m.append(": ").append(oneLine(body.description()));
        } else if (body == ErrorBody.NONE && response.body().length > 0) {
            m.append(": ").append(oneLine(response.bodyText()));
        }
        if (body.geolocation() != null) {
            m.append("; geolocation ").append(body.geolocation());
        }
        m.append(" [").append(authority(response.uri())).append(']');
        return m.append(correlation(response.correlationId())).toString();
    }

    private static String correlation(String correlationId) {
        return correlationId == null ? "" : "; correlation id " + correlationId;
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_BODY_IN_MESSAGE ? flat : flat.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }

    /** Removes any secret the call sent, should the server echo it back in its error text. */
    static String redact(String message, Collection<Secret> secrets) {
        String result = message;
        for (Secret s : secrets) {
            result = result.replace(s.reveal(), s.toString());
        }
        return result;
    }

    static String authority(URI uri) {
        return uri == null ? "?" : uri.getScheme() + "://" + uri.getRawAuthority();
    }
}

package org.concurbridge.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * The body of a {@code 200} from {@code /oauth2/v0/token}, read tolerantly: {@code expires_in} and
 * {@code refresh_expires_in} as a JSON number or a numeric string; every member may be absent (client-credentials
 * answers carry no refresh or id token). {@link #toGrant} then insists on what a company connection needs.
 */
record TokenResponse(
        String accessToken,
        Long expiresIn,
        String refreshToken,
        Long refreshExpiresIn,
        URI geolocation,
        String scope,
        String tokenType,
        String idToken) {

    private static final Logger log = LoggerFactory.getLogger(TokenResponse.class);

    /** {@code refresh_expires_in} below this (2001-09-09) cannot be epoch seconds: it is read as a lifetime. */
    private static final long SMALLEST_EPOCH_SECONDS = 1_000_000_000L;

    private static final String TOKEN_PATH = "/oauth2/v0/token";

    /** Without the tokens: a record's generated {@code toString} would print them. */
    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + ", refreshExpiresIn=" + refreshExpiresIn + ", geolocation="
                + geolocation + ", scope=" + scope + ", tokenType=" + tokenType + ", accessToken="
                + (accessToken == null ? "null" : "[hidden]") + ", refreshToken="
                + (refreshToken == null ? "null" : "[hidden]") + ", idToken=" + (idToken == null ? "null" : "[hidden]")
                + "]";
    }

    static TokenResponse parse(JsonNode root) {
        if (!root.isObject()) {
            throw new MalformedResponseException("token response is not a JSON object");
        }
        String geolocation = Json.text(root, "geolocation");
        return new TokenResponse(
                Json.text(root, "access_token"),
                Json.integer(root, "expires_in"),
                Json.text(root, "refresh_token"),
                Json.integer(root, "refresh_expires_in"),
                geolocation == null ? null : baseUri(geolocation),
                Json.text(root, "scope"),
                Json.text(root, "token_type"),
                Json.text(root, "id_token"));
    }

    /**
     * The grant of a company connection.
     *
     * @param receivedAt           the clock when the response arrived ({@code expires_in} counts from it)
     * @param fallbackRefreshToken kept when a refresh answer carries no new refresh token; null for the first grant
     */
    TokenGrant toGrant(Instant receivedAt, String correlationId, Secret fallbackRefreshToken) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new MalformedResponseException("token response has no access_token");
        }
        if (expiresIn == null) {
            throw new MalformedResponseException("token response has no expires_in");
        }
        if (geolocation == null) {
            throw new MalformedResponseException("token response has no geolocation");
        }
        Secret refresh;
        if (refreshToken != null && !refreshToken.isBlank()) {
            refresh = Secret.of(refreshToken);
        } else if (fallbackRefreshToken != null) {
            refresh = fallbackRefreshToken;
        } else {
            throw new MalformedResponseException("token response has no refresh_token");
        }
        return new TokenGrant(Secret.of(accessToken), receivedAt.plusSeconds(expiresIn), refresh,
                refreshExpiresAt(receivedAt), geolocation, scope, subject(idToken), correlationId);
    }

    private Instant refreshExpiresAt(Instant receivedAt) {
        if (refreshExpiresIn == null) {
            return null;
        }
        if (refreshExpiresIn < SMALLEST_EPOCH_SECONDS) {
            log.warn("concur.token refresh_expires_in={} is not epoch seconds; reading it as a lifetime in seconds",
                    refreshExpiresIn);
            return receivedAt.plusSeconds(refreshExpiresIn);
        }
        return Instant.ofEpochSecond(refreshExpiresIn);
    }

    /**
     * The {@code sub} claim of the {@code id_token}, read from the JWT payload without checking the signature: the
     * token comes straight from the token endpoint over TLS (OpenID Connect Core §3.1.3.7 allows TLS server
     * validation in place of the signature there). Null when there is no id token or it is not a readable JWT.
     */
    static String subject(String idToken) {
        if (idToken == null) {
            return null;
        }
        String[] parts = idToken.split("\\.");
        if (parts.length < 2) {
            log.debug("concur.token id_token is not a JWT; no subject");
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode claims = Json.MAPPER.readTree(new String(payload, StandardCharsets.UTF_8));
            JsonNode sub = claims.get("sub");
            return sub != null && sub.isString() ? sub.stringValue() : null;
        } catch (RuntimeException unreadable) {
            log.debug("concur.token id_token payload is not readable JSON; no subject");
            return null;
        }
    }

    /**
     * A geolocation as a base URI: absolute http(s), no query; a trailing {@code /oauth2/v0/token} (a documented
     * typo) and trailing slashes are dropped. Path prefixes are kept ({@code http://127.0.0.1:8080/us}).
     */
    static URI baseUri(String value) {
        String v = value.trim();
        if (v.endsWith(TOKEN_PATH)) {
            v = v.substring(0, v.length() - TOKEN_PATH.length());
        }
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme();
            if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new MalformedResponseException("geolocation '" + Json.abbreviate(value)
                        + "' is not an absolute http(s) base URI");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new MalformedResponseException("geolocation '" + Json.abbreviate(value) + "' is not a URI", e);
        }
    }
}

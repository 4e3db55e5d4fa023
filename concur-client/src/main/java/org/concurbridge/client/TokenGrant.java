package org.concurbridge.client;

import java.net.URI;
import java.time.Instant;

/**
 * A successful answer of the OAuth2 token endpoint (password grant with {@code credtype=authtoken}, or refresh grant).
 *
 * @param accessToken      bearer token for API calls (keep in memory only)
 * @param accessExpiresAt  when the access token expires ({@code expires_in} added to the clock at receipt)
 * @param refreshToken     the (possibly rotated) refresh token: always overwrite the stored one
 * @param refreshExpiresAt absolute expiry of the refresh token ({@code refresh_expires_in} is epoch seconds)
 * @param geolocation      base URI for every later call with this token (may change on refresh)
 * @param scope            granted scopes, space separated
 * @param subject          the {@code sub} claim of the {@code id_token} (the company UUID), or null when absent
 * @param correlationId    the {@code concur-correlationid} response header, or null
 */
public record TokenGrant(
        Secret accessToken,
        Instant accessExpiresAt,
        Secret refreshToken,
        Instant refreshExpiresAt,
        URI geolocation,
        String scope,
        String subject,
        String correlationId) {
}

package org.concurbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every token the sandbox has issued: company request tokens, access tokens, refresh tokens. Lifetimes follow
 * auth-and-quick-connect.md section 1 (request token 24 h, access token 1 h, refresh token 6 months) and are
 * measured on the {@link SandboxClock}. All methods are atomic (one lock; the sandbox is not a throughput test).
 */
public final class TokenRegistry {

    public static final Duration REQUEST_TOKEN_LIFETIME = Duration.ofHours(24);
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
    public static final Period REFRESH_TOKEN_LIFETIME = Period.ofMonths(6);

    /** A Company Request Token; {@code clientId} null = issued without an app (valid for any registered app). */
    public record RequestToken(String value, String companyUuid, String clientId, Instant expiresAt) {
        @Override
        public String toString() {
            return "RequestToken[company=" + companyUuid + ", clientId=" + clientId + ", expiresAt=" + expiresAt + "]";
        }
    }

    public record AccessGrant(String value, String companyUuid, String clientId, String scope, Instant expiresAt) {
        public boolean hasScope(String wanted) {
            return (" " + scope + " ").contains(" " + wanted + " ");
        }

        @Override
        public String toString() {
            return "AccessGrant[company=" + companyUuid + ", clientId=" + clientId + ", expiresAt=" + expiresAt + "]";
        }
    }

    public record RefreshGrant(String value, String companyUuid, String clientId, String scope, Instant expiresAt) {
        @Override
        public String toString() {
            return "RefreshGrant[company=" + companyUuid + ", clientId=" + clientId + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** What one successful grant hands out. {@code idToken} is null when the scope lacks {@code openid}. */
    public record Issued(AccessGrant access, RefreshGrant refresh, String idToken) {
    }

    private final SandboxClock clock;
    private final Ids ids;
    private final Jwt jwt;
    private final Map<String, RequestToken> requestTokens = new HashMap<>();
    private final Map<String, AccessGrant> accessTokens = new HashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new HashMap<>();

    TokenRegistry(SandboxClock clock, Ids ids, Jwt jwt) {
        this.clock = clock;
        this.ids = ids;
        this.jwt = jwt;
    }

    public synchronized RequestToken issueRequestToken(String companyUuid, String clientId) {
        purgeExpired();
        RequestToken token = new RequestToken(ids.uuid(), companyUuid, clientId,
                clock.instant().plus(REQUEST_TOKEN_LIFETIME));
        requestTokens.put(token.value(), token);
        return token;
    }

    /** The request token if it exists and has not expired; it stays usable until then (reusable within 24 h). */
    public synchronized Optional<RequestToken> findRequestToken(String value) {
        return Optional.ofNullable(requestTokens.get(value)).filter(t -> clock.instant().isBefore(t.expiresAt()));
    }

    /** Issues a new access + refresh token pair (and an id_token when the scope has {@code openid}). */
    public synchronized Issued issue(String companyUuid, String clientId, String scope, String issuer) {
        purgeExpired();
        Instant now = clock.instant();
        Instant accessExpiry = now.plus(ACCESS_TOKEN_LIFETIME);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", ids.uuid());
        claims.put("sub", companyUuid);
        claims.put("aud", clientId);
        claims.put("iss", issuer);
        claims.put("concur.type", "company");
        claims.put("scope", scope);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", accessExpiry.getEpochSecond());
        AccessGrant access = new AccessGrant(jwt.sign(claims), companyUuid, clientId, scope, accessExpiry);
        accessTokens.put(access.value(), access);

        Instant refreshExpiry = now.atOffset(ZoneOffset.UTC).plus(REFRESH_TOKEN_LIFETIME).toInstant();
        RefreshGrant refresh = new RefreshGrant(ids.uuid(), companyUuid, clientId, scope, refreshExpiry);
        refreshTokens.put(refresh.value(), refresh);

        String idToken = access.hasScope("openid") ? idToken(access, issuer, now) : null;
        return new Issued(access, refresh, idToken);
    }

    /** The refresh token if it exists (not rotated away, not revoked) and has not expired. */
    public synchronized Optional<RefreshGrant> findRefreshToken(String value) {
        return Optional.ofNullable(refreshTokens.get(value)).filter(t -> clock.instant().isBefore(t.expiresAt()));
    }

    /**
     * Refresh grant with strict rotation: the old refresh token is consumed and a new pair issued. Empty when the old
     * token was consumed meanwhile (two concurrent refreshes with the same token: exactly one wins).
     */
    public synchronized Optional<Issued> rotate(RefreshGrant old, String scope, String issuer) {
        if (refreshTokens.remove(old.value()) == null) {
            return Optional.empty();
        }
        return Optional.of(issue(old.companyUuid(), old.clientId(), scope, issuer));
    }

    /** The access token if it exists (not revoked) and has not expired. */
    public synchronized Optional<AccessGrant> findAccessToken(String value) {
        return Optional.ofNullable(accessTokens.get(value)).filter(t -> clock.instant().isBefore(t.expiresAt()));
    }

    /**
     * Revokes the access and refresh tokens of a company, for one app ({@code clientId}) or all apps (null).
     * Request tokens are left alone: they are the admin's to regenerate. Returns how many tokens were revoked.
     */
    public synchronized int revoke(String companyUuid, String clientId) {
        int before = accessTokens.size() + refreshTokens.size();
        accessTokens.values().removeIf(t -> matches(t.companyUuid(), t.clientId(), companyUuid, clientId));
        refreshTokens.values().removeIf(t -> matches(t.companyUuid(), t.clientId(), companyUuid, clientId));
        return before - accessTokens.size() - refreshTokens.size();
    }

    /**
     * Revokes only the access tokens of a company (all apps): what an API sees when a token expired or was revoked
     * while its refresh token still works. Returns how many.
     */
    public synchronized int revokeAccessTokens(String companyUuid) {
        int before = accessTokens.size();
        accessTokens.values().removeIf(t -> t.companyUuid().equals(companyUuid));
        return before - accessTokens.size();
    }

    private static boolean matches(String company, String client, String wantedCompany, String wantedClient) {
        return company.equals(wantedCompany) && (wantedClient == null || client.equals(wantedClient));
    }

    private String idToken(AccessGrant access, String issuer, Instant now) {
        // Claim set of examples/auth/id-token-claims-sample.json; concur.type "company" for a company token.
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", access.clientId());
        claims.put("concur.profile", issuer + "/profile/v1/principals/" + access.companyUuid());
        claims.put("concur.version", 2);
        claims.put("concur.type", "company");
        claims.put("sub", access.companyUuid());
        claims.put("iss", issuer);
        claims.put("exp", access.expiresAt().getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("at_hash", atHash(access.value()));
        claims.put("iat", now.getEpochSecond());
        return jwt.sign(claims);
    }

    private static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        requestTokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
        accessTokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
        refreshTokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
    }
}

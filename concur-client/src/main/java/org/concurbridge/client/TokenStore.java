package org.concurbridge.client;

/**
 * Where the token manager keeps one company's refresh token. The bridge implements it on its database with
 * encryption at rest; {@link #save} must store the refresh token, its expiry and the geolocation atomically.
 */
public interface TokenStore {

    /** The current refresh token and geolocation. */
    StoredToken load();

    /** Persist a rotated grant (refresh token, refresh expiry, geolocation) atomically. */
    void save(TokenGrant grant);

    /** The refresh token was rejected (revoked, expired): record why, so that the connection asks for reconnection. */
    void markInvalid(ConcurException.Authentication reason);

    record StoredToken(Secret refreshToken, java.net.URI geolocation, java.time.Instant refreshExpiresAt) {
    }
}

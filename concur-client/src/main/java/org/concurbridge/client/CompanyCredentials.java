package org.concurbridge.client;

/**
 * Supplies the access token of one connected company. Implementations cache the token in memory, refresh it before
 * it expires and persist every rotated refresh token.
 */
public interface CompanyCredentials {

    /** A token valid for at least a short while; refreshes first when needed. */
    AccessToken current() throws ConcurException;

    /** Forget the cached access token (the API answered 401 with it); the next {@link #current()} refreshes. */
    void invalidate();
}

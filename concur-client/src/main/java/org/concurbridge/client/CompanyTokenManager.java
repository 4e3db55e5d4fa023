package org.concurbridge.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one connected company: cached in memory, refreshed when it expires within {@code refreshSkew},
 * and every rotated grant saved through {@link TokenStore#save} <em>before</em> the new access token is used.
 * Thread-safe; one refresh at a time.
 *
 * <p>When a refresh due within the skew fails with a {@link ConcurException.Retriable} (Concur down) while the cached
 * token has not yet expired, {@link #current()} keeps using it and tries the refresh again on the next call.
 *
 * <p>When the refresh is rejected ({@link ConcurException.Authentication}) the manager calls
 * {@link TokenStore#markInvalid} and rethrows — unless Concur refused the app's client credentials or the app
 * ({@link ConcurException.Authentication#isClientCredentialFault()}: the operator's configuration, not this
 * connection), which is rethrown without marking anything; later calls fail fast with the same exception, without calling Concur,
 * until the store holds a different refresh token (the company was reconnected).
 */
public final class CompanyTokenManager implements CompanyCredentials {

    private static final Logger log = LoggerFactory.getLogger(CompanyTokenManager.class);

    private final OAuthClient oauth;
    private final TokenStore store;
    private final Clock clock;
    private final Duration refreshSkew;
    private final ReentrantLock refreshLock = new ReentrantLock();

    private volatile AccessToken cached;
    /** The refresh token Concur rejected and why; guarded by {@link #refreshLock}. */
    private Secret rejectedRefreshToken;
    private ConcurException.Authentication rejection;

    public CompanyTokenManager(OAuthClient oauth, TokenStore store, Clock clock, Duration refreshSkew) {
        this.oauth = Objects.requireNonNull(oauth, "oauth");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshSkew = Objects.requireNonNull(refreshSkew, "refreshSkew");
        if (refreshSkew.isNegative()) {
            throw new IllegalArgumentException("refreshSkew must not be negative, was " + refreshSkew);
        }
    }

    @Override
    public AccessToken current() {
        AccessToken token = cached;
        if (isFresh(token)) {
            return token;
        }
        refreshLock.lock();
        try {
            token = cached;
            if (isFresh(token)) {
                return token;   // another thread refreshed while we waited
            }
            try {
                refreshLocked();
            } catch (ConcurException.Retriable e) {
                if (token != null && token.expiresAt().isAfter(clock.instant())) {
                    log.warn("concur.token op=refresh state=using-current-token-until-expiry expiresAt={} status={}"
                            + " correlationId={}", token.expiresAt(), e.httpStatus(), e.correlationId());
                    return token;   // still valid: the next call tries the refresh again
                }
                throw e;
            }
            return cached;
        } finally {
            refreshLock.unlock();
        }
    }

    @Override
    public void invalidate() {
        cached = null;
    }

    /**
     * Refreshes now, whatever the cached token's age (a scheduled keep-alive that keeps the refresh token from
     * expiring), persists the grant and returns it.
     */
    public TokenGrant refreshNow() {
        refreshLock.lock();
        try {
            return refreshLocked();
        } finally {
            refreshLock.unlock();
        }
    }

    private boolean isFresh(AccessToken token) {
        return token != null && token.expiresAt().isAfter(clock.instant().plus(refreshSkew));
    }

    private TokenGrant refreshLocked() {
        TokenStore.StoredToken stored = store.load();
        if (stored == null || stored.refreshToken() == null || stored.geolocation() == null) {
            throw new ConcurException.Authentication(
                    "refresh failed: no refresh token stored for this company; connect it first", 0, null, null, null);
        }
        if (rejection != null) {
            if (stored.refreshToken().equals(rejectedRefreshToken)) {
                throw rejection;   // fail fast: Concur already refused this refresh token
            }
            log.info("concur.token op=refresh state=reconnected geo={}", stored.geolocation());
            rejection = null;
            rejectedRefreshToken = null;
        }
        TokenGrant grant;
        try {
            grant = oauth.refresh(stored.geolocation(), stored.refreshToken());
        } catch (ConcurException.Authentication e) {
            if (e.isClientCredentialFault()) {
                // the app's client id/secret or the app itself was refused, not this company's refresh token (it was
                // not even looked at): nothing to mark, and the next call tries again once the operator fixed it
                log.error("concur.token op=refresh state=app-credentials-rejected geo={} status={} code={}"
                        + " correlationId={}", stored.geolocation(), e.httpStatus(), e.errorCode(), e.correlationId());
                throw e;
            }
            cached = null;
            rejection = e;
            rejectedRefreshToken = stored.refreshToken();
            log.warn("concur.token op=refresh state=needs-reconnect geo={} status={} code={} correlationId={}",
                    stored.geolocation(), e.httpStatus(), e.errorCode(), e.correlationId());
            store.markInvalid(e);
            throw e;
        }
        store.save(grant);
        cached = new AccessToken(grant.accessToken(), grant.geolocation(), grant.accessExpiresAt());
        return grant;
    }
}

package org.concurbridge.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A {@link TokenStore} for tests: keeps the last grant, records every save and every markInvalid. */
final class InMemoryTokenStore implements TokenStore {

    final List<TokenGrant> saved = new CopyOnWriteArrayList<>();
    final List<ConcurException.Authentication> invalidations = new CopyOnWriteArrayList<>();
    private volatile StoredToken current;
    volatile Consumer<TokenGrant> beforeSave = grant -> { };

    InMemoryTokenStore(TokenGrant connected) {
        if (connected != null) {
            current = new StoredToken(connected.refreshToken(), connected.geolocation(), connected.refreshExpiresAt());
        }
    }

    /** What a reconnect does: the new grant replaces the stored one. */
    void reconnect(TokenGrant grant) {
        current = new StoredToken(grant.refreshToken(), grant.geolocation(), grant.refreshExpiresAt());
    }

    @Override
    public StoredToken load() {
        return current;
    }

    @Override
    public void save(TokenGrant grant) {
        beforeSave.accept(grant);
        saved.add(grant);
        current = new StoredToken(grant.refreshToken(), grant.geolocation(), grant.refreshExpiresAt());
    }

    @Override
    public void markInvalid(ConcurException.Authentication reason) {
        invalidations.add(reason);
    }
}

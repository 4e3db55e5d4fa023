package org.concurbridge.bridge.connect;

import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.client.CompanyTokenManager;
import org.concurbridge.client.ConcurClient;
import org.concurbridge.client.OAuthClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One immutable {@link ConcurClient} and one {@link CompanyTokenManager} per connected company, built on first use.
 * Access tokens live only here, in memory; refresh tokens only in the store, encrypted. One company's token is never
 * used for another: the map is keyed by company UUID and each manager reads its own row.
 */
@Component
public class ConcurClients {
    /** Refresh an access token this long before it expires. */
    static final Duration REFRESH_SKEW = Duration.ofMinutes(5);

    private final OAuthClient oauth;
    private final ConnectionRepository connections;
    private final Clock clock;
    private final Map<String, PerCompany> byCompany = new ConcurrentHashMap<>();

    public ConcurClients(OAuthClient oauth, ConnectionRepository connections, Clock clock) {
        this.oauth = oauth;
        this.connections = connections;
        this.clock = clock;
    }

    public OAuthClient oauth() {
        return oauth;
    }

    public CompanyTokenManager tokens(String companyUuid) {
        return perCompany(companyUuid).tokens();
    }

    public ConcurClient client(String companyUuid) {
        return perCompany(companyUuid).client();
    }

    /** Drops the cached access token and client (after reconnect or disconnect). */
    public void evict(String companyUuid) {
        byCompany.remove(companyUuid);
    }

    private PerCompany perCompany(String companyUuid) {
        return byCompany.computeIfAbsent(companyUuid, uuid -> {
            CompanyTokenManager tokens = new CompanyTokenManager(oauth, connections.tokenStore(uuid), clock, REFRESH_SKEW);
            ConcurClient client = ConcurClient.builder().credentials(tokens).clock(clock).build();
            return new PerCompany(tokens, client);
        });
    }

    private record PerCompany(CompanyTokenManager tokens, ConcurClient client) {
    }
}

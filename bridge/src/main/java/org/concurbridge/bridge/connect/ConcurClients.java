package org.concurbridge.bridge.connect;

import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.client.ClientCredentials;
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
    private final org.concurbridge.client.Geolocations geolocations;
    private final Map<String, PerCompany> byCompany = new ConcurrentHashMap<>();

    public ConcurClients(BridgeProperties properties, ConnectionRepository connections, Clock clock) {
        BridgeProperties.Concur concur = properties.concur();
        this.oauth = concur.clientId().isBlank() || concur.clientSecret() == null ? null
                : OAuthClient.builder()
                        .credentials(new ClientCredentials(concur.clientId(), concur.clientSecret()))
                        .clock(clock)
                        .geolocations(concur.geolocations())
                        .build();
        this.connections = connections;
        this.clock = clock;
        this.geolocations = concur.geolocations();
    }

    /**
     * The app's OAuth2 client.
     *
     * @throws ConnectException when the app's client id or secret is not configured
     */
    public OAuthClient oauth() {
        if (oauth == null) {
            throw new ConnectException("The bridge is not registered with SAP Concur yet: set bridge.concur.client-id"
                    + " and bridge.concur.client-secret (see docs/configuration.md).", null);
        }
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
            CompanyTokenManager tokens = new CompanyTokenManager(oauth(), connections.tokenStore(uuid), clock, REFRESH_SKEW);
            ConcurClient client = ConcurClient.builder().credentials(tokens).clock(clock)
                    .geolocations(geolocations).build();
            return new PerCompany(tokens, client);
        });
    }

    private record PerCompany(CompanyTokenManager tokens, ConcurClient client) {
    }
}

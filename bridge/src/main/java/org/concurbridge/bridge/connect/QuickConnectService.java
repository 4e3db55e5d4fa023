package org.concurbridge.bridge.connect;

import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.jobs.ConnectionJobs;
import org.concurbridge.bridge.store.Connection;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.store.ConnectionState;
import org.concurbridge.client.AccessToken;
import org.concurbridge.client.CompanyCredentials;
import org.concurbridge.client.CompanyProfile;
import org.concurbridge.client.ConcurClient;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.OAuthClient;
import org.concurbridge.client.Secret;
import org.concurbridge.client.TokenGrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Quick Connect and disconnect. A connection is stored only when everything succeeded: the request token was
 * exchanged, the token belongs to the company that was asked for, and its profile was read. Nothing half-stored.
 */
@Service
public class QuickConnectService {
    private static final Logger log = LoggerFactory.getLogger(QuickConnectService.class);
    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ConcurClients clients;
    private final ConnectionRepository connections;
    private final ConnectionJobs jobs;
    private final URI tokenBaseUri;
    private final Clock clock;
    private final org.concurbridge.client.Geolocations geolocations;

    public QuickConnectService(ConcurClients clients, ConnectionRepository connections, ConnectionJobs jobs,
                               BridgeProperties properties, Clock clock) {
        this.clients = clients;
        this.connections = connections;
        this.jobs = jobs;
        this.tokenBaseUri = properties.concur().tokenBaseUri();
        this.clock = clock;
        this.geolocations = properties.concur().geolocations();
    }

    /** Whether {@code userId} from the landing page is absent or a UUID (it is stored and logged, never free text). */
    public static boolean validUserId(String userId) {
        return userId == null || userId.isBlank() || UUID_PATTERN.matcher(userId.trim()).matches();
    }

    /** Checks the landing-page or form parameters; returns the problems, each naming the field. */
    public static java.util.List<String> validate(String companyUuid, String requestToken) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (companyUuid == null || companyUuid.isBlank()) {
            problems.add("Company UUID (id) is missing.");
        } else if (!UUID_PATTERN.matcher(companyUuid.trim()).matches()) {
            problems.add("Company UUID (id) is not a UUID.");
        }
        if (requestToken == null || requestToken.isBlank()) {
            problems.add("Request token (requestToken) is missing.");
        } else if (requestToken.length() > 2000) {
            problems.add("Request token (requestToken) is too long.");
        }
        return problems;
    }

    /**
     * Exchanges the request token for company tokens, reads the company profile and stores the connection.
     *
     * @throws ConnectException with a message for the admin when anything fails; nothing is stored then
     */
    public Connection connect(String companyUuid, Secret requestToken, String userId) {
        return store(preview(companyUuid, requestToken, userId), userId);
    }

    /**
     * A company's token grant and profile, read but not stored: what the landing page shows (the company's name)
     * before the admin stores the connection. Never printed: its grant holds tokens.
     */
    public record Preview(String companyUuid, TokenGrant grant, CompanyProfile profile) {
        @Override
        public String toString() {
            return "Preview[companyUuid=" + companyUuid + ", name=" + profile.name() + "]";
        }
    }

    /**
     * Exchanges the request token and reads the company profile; stores nothing.
     *
     * @throws ConnectException with a message for the admin when anything fails
     */
    public Preview preview(String companyUuid, Secret requestToken, String userId) {
        java.util.List<String> problems = validate(companyUuid, requestToken == null ? null : requestToken.reveal());
        if (!problems.isEmpty()) {
            throw new ConnectException(String.join(" ", problems), null);
        }
        String company = companyUuid.trim().toLowerCase(java.util.Locale.ROOT);
        OAuthClient oauth = clients.oauth();
        TokenGrant grant;
        try {
            grant = oauth.exchangeRequestToken(tokenBaseUri, company, requestToken);
        } catch (ConcurException e) {
            log.warn("event=connect_failed step=token_exchange company={} userId={} status={} code={} correlationId={}",
                    company, userId, e.httpStatus(), e.errorCode(), e.correlationId());
            throw new ConnectException(ConnectMessages.forTokenExchange(e), e);
        }
        if (grant.subject() != null && !grant.subject().equalsIgnoreCase(company)) {
            log.warn("event=connect_failed step=token_subject company={} tokenSubject={}", company, grant.subject());
            throw new ConnectException("SAP Concur issued the token for company " + grant.subject()
                    + ", not for " + company + ". Start Quick Connect again from the App Center.", null);
        }
        if (grant.refreshToken() == null) {
            throw new ConnectException("SAP Concur returned no refresh token; the connection could not be kept alive. "
                    + "Start Quick Connect again.", null);
        }
        CompanyProfile profile;
        try {
            profile = profileWith(grant);
        } catch (ConcurException e) {
            log.warn("event=connect_failed step=company_profile company={} status={} code={} correlationId={}",
                    company, e.httpStatus(), e.errorCode(), e.correlationId());
            throw new ConnectException(ConnectMessages.forProfile(e), e);
        }
        if (profile.companyUuid() != null && !profile.companyUuid().equalsIgnoreCase(company)) {
            throw new ConnectException("The company profile belongs to " + profile.companyUuid() + ", not to " + company
                    + ". Nothing was stored.", null);
        }
        return new Preview(company, grant, profile);
    }

    /** Stores a previewed connection and schedules its jobs. */
    public Connection store(Preview preview, String userId) {
        String company = preview.companyUuid();
        TokenGrant grant = preview.grant();
        CompanyProfile profile = preview.profile();
        Connection saved = connections.saveConnected(company, grant, profile, userId);
        clients.evict(company);
        jobs.schedule(company);
        log.info("event=connected company={} name=\"{}\" edition={} marketingName=\"{}\" geolocation={} userId={} "
                        + "refreshExpiresAt={} correlationId={}",
                company, profile.name(), profile.edition(), profile.marketingName(), grant.geolocation(), userId,
                grant.refreshExpiresAt(), grant.correlationId());
        return saved;
    }

    /** Revokes the company's tokens at Concur (when they are still valid), stops its jobs and deletes its secrets. */
    public DisconnectOutcome disconnect(String companyUuid) {
        Optional<Connection> existing = connections.find(companyUuid);
        if (existing.isEmpty()) {
            throw new ConnectException("No connection for company " + companyUuid + ".", null);
        }
        String revokeProblem = null;
        if (existing.get().state() == ConnectionState.CONNECTED) {
            try {
                AccessToken token = clients.tokens(companyUuid).current();
                clients.oauth().revoke(token.geolocation(), token.token());
            } catch (ConcurException e) {
                revokeProblem = ConnectMessages.forRevoke(e);
                log.warn("event=revoke_failed company={} status={} code={} correlationId={}",
                        companyUuid, e.httpStatus(), e.errorCode(), e.correlationId());
            }
        } else {
            revokeProblem = "The tokens were already invalid at SAP Concur; nothing to revoke.";
        }
        jobs.cancel(companyUuid);
        connections.delete(companyUuid);
        clients.evict(companyUuid);
        log.info("event=disconnected company={} revoked={}", companyUuid, revokeProblem == null);
        return new DisconnectOutcome(existing.get(), revokeProblem == null, revokeProblem);
    }

    private CompanyProfile profileWith(TokenGrant grant) {
        AccessToken token = new AccessToken(grant.accessToken(), grant.geolocation(), grant.accessExpiresAt());
        CompanyCredentials fixed = new CompanyCredentials() {
            @Override
            public AccessToken current() {
                return token;
            }

            @Override
            public void invalidate() {
                // a freshly issued token: nothing to refresh
            }
        };
        return ConcurClient.builder().credentials(fixed).clock(clock).geolocations(geolocations).build()
                .companyProfile();
    }

    /** What a disconnect did. {@code revoked} false means the local secrets were deleted but Concur may still list the app. */
    public record DisconnectOutcome(Connection connection, boolean revoked, String problem) {
    }
}

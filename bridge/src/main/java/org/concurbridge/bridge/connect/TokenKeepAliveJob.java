package org.concurbridge.bridge.connect;

import org.concurbridge.bridge.jobs.ConnectionJob;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.TokenGrant;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Keeps a connection's refresh token alive: a refresh grant rotates it and moves its six-month expiry forward
 * (SAP Concur's migration best practice: a daily check and refresh keeps a token valid indefinitely). A rejected
 * refresh token marks the connection NEEDS_RECONNECT (through the token store) and the job stops calling Concur.
 */
@Component
class TokenKeepAliveJob implements ConnectionJob {
    static final String NAME = "token-refresh";

    private final ConcurClients clients;

    TokenKeepAliveJob(ConcurClients clients) {
        this.clients = clients;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration interval() {
        return Duration.ofDays(1); // bridge.jobs.intervals.token-refresh overrides
    }

    @Override
    public JobResult run(String companyUuid) {
        try {
            TokenGrant grant = clients.tokens(companyUuid).refreshNow();
            return JobResult.ok("refresh token rotated; expires " + grant.refreshExpiresAt());
        } catch (ConcurException.Authentication e) {
            if (e.isClientCredentialFault()) {
                return JobResult.appCredentialsRejected(e);
            }
            // the token manager has already marked the connection NEEDS_RECONNECT; do not retry
            return JobResult.failed("SAP Concur rejected the refresh token; the connection needs reconnecting: "
                    + e.getMessage());
        }
    }
}

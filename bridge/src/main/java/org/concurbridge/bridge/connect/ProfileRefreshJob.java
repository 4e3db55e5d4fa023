package org.concurbridge.bridge.connect;

import org.concurbridge.bridge.jobs.ConnectionJob;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.store.Connection;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.client.CompanyProfile;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.Edition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/** Re-reads the company profile (name, edition) daily: an edition change decides which extract flow applies. */
@Component
class ProfileRefreshJob implements ConnectionJob {
    static final String NAME = "profile-refresh";
    private static final Logger log = LoggerFactory.getLogger(ProfileRefreshJob.class);

    private final ConcurClients clients;
    private final ConnectionRepository connections;
    private final Clock clock;

    ProfileRefreshJob(ConcurClients clients, ConnectionRepository connections, Clock clock) {
        this.clients = clients;
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration interval() {
        return Duration.ofDays(1); // bridge.jobs.intervals.profile-refresh overrides
    }

    @Override
    public JobResult run(String companyUuid) {
        CompanyProfile profile;
        try {
            profile = clients.client(companyUuid).companyProfile();
        } catch (ConcurException.Authentication e) {
            return JobResult.failed("SAP Concur refused the company profile: " + e.getMessage());
        }
        Edition before = connections.find(companyUuid).map(Connection::edition).orElse(null);
        connections.updateProfile(companyUuid, profile, clock.instant());
        if (before != profile.edition()) {
            log.warn("event=edition_changed company={} from={} to={} marketingName=\"{}\"",
                    companyUuid, before, profile.edition(), profile.marketingName());
        }
        String message = "profile read: " + profile.name() + ", edition " + profile.edition();
        if (profile.edition() == Edition.UNKNOWN) {
            message += " (unknown edition: marketingName \"" + profile.marketingName() + "\")";
        }
        return JobResult.ok(message);
    }
}

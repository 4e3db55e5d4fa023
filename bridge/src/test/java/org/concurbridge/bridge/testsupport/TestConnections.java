package org.concurbridge.bridge.testsupport;

import org.concurbridge.bridge.store.Connection;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.client.CompanyProfile;
import org.concurbridge.client.Edition;
import org.concurbridge.client.Secret;
import org.concurbridge.client.TokenGrant;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Stores connected companies directly (for tests of what happens after Quick Connect). */
public final class TestConnections {
    private TestConnections() {
    }

    /** Stores a connection for a new random company UUID and returns that UUID. */
    public static String connectNew(ConnectionRepository repository, Instant now) {
        String company = UUID.randomUUID().toString();
        connect(repository, company, now);
        return company;
    }

    public static Connection connect(ConnectionRepository repository, String company, Instant now) {
        TokenGrant grant = new TokenGrant(Secret.of("access-" + UUID.randomUUID()), now.plus(Duration.ofHours(1)),
                Secret.of("refresh-" + UUID.randomUUID()), now.plus(Duration.ofDays(180)),
                URI.create("https://us.api.concursolutions.com"), "openid", company, "corr-1");
        CompanyProfile profile = new CompanyProfile(company, "Company " + company.substring(0, 8), "CTE", "OFFER",
                Edition.PROFESSIONAL, "US");
        return repository.saveConnected(company, grant, profile, "user-1");
    }
}

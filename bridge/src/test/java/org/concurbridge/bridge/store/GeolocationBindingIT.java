package org.concurbridge.bridge.store;

import org.concurbridge.bridge.secrets.SecretBox;
import org.concurbridge.bridge.secrets.SecretDecryptionException;
import org.concurbridge.bridge.testsupport.MutableClock;
import org.concurbridge.bridge.testsupport.TestDatabases;
import org.concurbridge.bridge.testsupport.TestSecrets;
import org.concurbridge.client.CompanyProfile;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.Edition;
import org.concurbridge.client.Secret;
import org.concurbridge.client.TokenGrant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stored geolocation is checked against the allow-list when loaded, and bound into the encrypted refresh token's
 * associated data: a row whose geolocation was changed (to any host, even another Concur data center) does not yield
 * its token. Rows written before the binding are bound on load (and by rotate-key / on start).
 */
class GeolocationBindingIT {
    static final URI US = URI.create("https://us.api.concursolutions.com");

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T08:00:00Z"));
    final SecretBox box = TestSecrets.randomBox();
    JdbcClient jdbc;
    ConnectionRepository repository;
    String company;

    @BeforeEach
    void setUp() {
        DataSource ds = TestDatabases.h2("geobinding");
        jdbc = JdbcClient.create(ds);
        repository = new ConnectionRepository(jdbc, new DataSourceTransactionManager(ds), box, clock);
        company = UUID.randomUUID().toString();
        TokenGrant grant = new TokenGrant(Secret.of("access"), clock.instant().plus(Duration.ofHours(1)),
                Secret.of("refresh-secret"), clock.instant().plus(Duration.ofDays(180)), US, "openid", company, "c");
        repository.saveConnected(company, grant,
                new CompanyProfile(company, "Acme", "Concur Expense Professional", "O", Edition.PROFESSIONAL, "US"),
                null);
    }

    @Test
    void aRowRedirectedToAnotherDataCenterDoesNotYieldItsToken() {
        assertThat(repository.tokenStore(company).load().refreshToken()).isEqualTo(Secret.of("refresh-secret"));
        jdbc.sql("update connections set geolocation = 'https://emea.api.concursolutions.com'").update();
        assertThatThrownBy(() -> repository.tokenStore(company).load())
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void aRowRedirectedToAnUnknownHostIsRefusedOnLoad() {
        jdbc.sql("update connections set geolocation = 'https://concur.evil.example'").update();
        assertThatThrownBy(() -> repository.tokenStore(company).load())
                .isInstanceOf(ConcurException.Permanent.class).hasMessageContaining("refused");
    }

    @Test
    void aRowWrittenBeforeTheBindingIsBoundOnItsFirstLoad() {
        // as an older version wrote it: the context without the geolocation, binding 1
        jdbc.sql("update connections set refresh_token_enc = ?, token_binding = 1")
                .param(box.encrypt(Secret.of("refresh-secret"), "connections.refresh_token:" + company)).update();
        assertThat(repository.tokenStore(company).load().refreshToken()).isEqualTo(Secret.of("refresh-secret"));
        assertThat(jdbc.sql("select token_binding from connections").query(Integer.class).single()).isEqualTo(2);
        jdbc.sql("update connections set geolocation = 'https://emea.api.concursolutions.com'").update();
        assertThatThrownBy(() -> repository.tokenStore(company).load())
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void startupBindsEveryLegacyRow() {
        jdbc.sql("update connections set refresh_token_enc = ?, token_binding = 1")
                .param(box.encrypt(Secret.of("refresh-secret"), "connections.refresh_token:" + company)).update();
        assertThat(repository.bindGeolocations()).isEqualTo(1);
        assertThat(jdbc.sql("select token_binding from connections").query(Integer.class).single()).isEqualTo(2);
        assertThat(repository.tokenStore(company).load().refreshToken()).isEqualTo(Secret.of("refresh-secret"));
    }
}

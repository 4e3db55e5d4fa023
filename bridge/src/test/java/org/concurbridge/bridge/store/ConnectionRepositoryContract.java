package org.concurbridge.bridge.store;

import org.concurbridge.bridge.secrets.Keyring;
import org.concurbridge.bridge.secrets.SecretBox;
import org.concurbridge.bridge.secrets.SecretDecryptionException;
import org.concurbridge.bridge.testsupport.LogCapture;
import org.concurbridge.bridge.testsupport.MutableClock;
import org.concurbridge.bridge.testsupport.TestSecrets;
import org.concurbridge.client.CompanyProfile;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.Edition;
import org.concurbridge.client.Secret;
import org.concurbridge.client.TokenGrant;
import org.concurbridge.client.TokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's behaviour, run once per database (H2 in PostgreSQL mode, and a real PostgreSQL). */
abstract class ConnectionRepositoryContract {
    static final URI US = URI.create("https://us.api.concursolutions.com");
    static final URI EU = URI.create("https://emea.api.concursolutions.com");

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T08:00:00Z"));
    final byte[] key = TestSecrets.randomKey();
    final SecretBox box = new SecretBox(new Keyring(key, List.of()));
    JdbcClient jdbc;
    ConnectionRepository repository;
    SettingsRepository settings;

    /** A migrated database, emptied before each test. */
    abstract DataSource dataSource();

    @BeforeEach
    void setUp() {
        DataSource ds = dataSource();
        jdbc = JdbcClient.create(ds);
        jdbc.sql("delete from connections").update();
        repository = new ConnectionRepository(jdbc, new DataSourceTransactionManager(ds), box, clock);
        settings = new SettingsRepository(jdbc, clock);
    }

    static String newCompany() {
        return UUID.randomUUID().toString();
    }

    TokenGrant grant(String company, String refreshToken, URI geo) {
        return new TokenGrant(Secret.of("access-" + UUID.randomUUID()), clock.instant().plus(Duration.ofHours(1)),
                Secret.of(refreshToken), clock.instant().plus(Duration.ofDays(180)), geo, "openid", company,
                "corr-" + refreshToken.hashCode());
    }

    static CompanyProfile profile(String company, String name, String marketingName) {
        return new CompanyProfile(company, name, marketingName, "OFFER", Edition.fromMarketingName(marketingName), "US");
    }

    /** Connects the company and returns its token store after a first {@code load()}. */
    TokenStore connectedAndLoaded(String company, String refreshToken, URI geo, String name, String marketingName) {
        repository.saveConnected(company, grant(company, refreshToken, geo), profile(company, name, marketingName), null);
        TokenStore store = repository.tokenStore(company);
        store.load();
        return store;
    }

    @Test
    void saveConnectedStoresTheProfileAndOnlyAnEncryptedRefreshToken() {
        String company = newCompany();
        String refresh = "refresh-" + UUID.randomUUID();

        Connection saved = repository.saveConnected(company, grant(company, refresh, US),
                profile(company, "Acme GmbH", "CTE"), "user-1");

        assertThat(saved.companyUuid()).isEqualTo(company);
        assertThat(saved.companyName()).isEqualTo("Acme GmbH");
        assertThat(saved.edition()).isEqualTo(Edition.PROFESSIONAL);
        assertThat(saved.marketingName()).isEqualTo("CTE");
        assertThat(saved.offeringCode()).isEqualTo("OFFER");
        assertThat(saved.geolocation()).isEqualTo(US);
        assertThat(saved.refreshExpiresAt()).isEqualTo(Instant.parse("2026-07-09T08:00:00Z"));
        assertThat(saved.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(saved.stateReason()).isNull();
        assertThat(saved.connectedByUserId()).isEqualTo("user-1");
        assertThat(saved.lastCorrelationId()).isEqualTo("corr-" + refresh.hashCode());
        assertThat(saved.profileCheckedAt()).isEqualTo(clock.instant());
        assertThat(saved.createdAt()).isEqualTo(clock.instant());
        assertThat(saved.updatedAt()).isEqualTo(clock.instant());
        assertThat(repository.find(company)).contains(saved);

        String stored = jdbc.sql("select refresh_token_enc from connections where company_uuid = ?").param(company)
                .query(String.class).single();
        assertThat(stored).doesNotContain(refresh).startsWith("v1:" + box.currentKeyId() + ":");
        assertThat(repository.tokenStore(company).load())
                .isEqualTo(new TokenStore.StoredToken(Secret.of(refresh), US, saved.refreshExpiresAt()));
        logs.assertNoSecret(refresh);
    }

    @Test
    void reconnectReplacesCredentialsAndProfileAndClearsNeedsReconnect() {
        String company = newCompany();
        Connection first = repository.saveConnected(company, grant(company, "old-token", US),
                profile(company, "Acme", "Standard"), "user-1");
        repository.markNeedsReconnect(company, "refresh token revoked");
        clock.advance(Duration.ofDays(3));

        Connection again = repository.saveConnected(company, grant(company, "new-token", EU),
                profile(company, "Acme Europe", "CTE"), "user-2");

        assertThat(again.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(again.stateReason()).isNull();
        assertThat(again.companyName()).isEqualTo("Acme Europe");
        assertThat(again.edition()).isEqualTo(Edition.PROFESSIONAL);
        assertThat(again.geolocation()).isEqualTo(EU);
        assertThat(again.connectedByUserId()).isEqualTo("user-2");
        assertThat(again.createdAt()).isEqualTo(first.createdAt());
        assertThat(again.updatedAt()).isEqualTo(clock.instant());
        assertThat(repository.tokenStore(company).load().refreshToken()).isEqualTo(Secret.of("new-token"));
        assertThat(repository.findAll()).filteredOn(c -> c.companyUuid().equals(company)).hasSize(1);
    }

    @Test
    void saveConnectedRefusesAProfileOfAnotherCompanyAndStoresNothing() {
        String company = newCompany();
        String other = newCompany();

        assertThatThrownBy(() -> repository.saveConnected(company, grant(company, "t1", US),
                profile(other, "Other", "CTE"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(other).hasMessageContaining(company);
        assertThatThrownBy(() -> repository.saveConnected(company, grant(other, "t2", US),
                profile(company, "Acme", "CTE"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token grant is for company " + other);
        assertThat(repository.find(company)).isEmpty();
    }

    @Test
    void unknownMarketingNameIsStoredAsUnknownEdition() {
        String company = newCompany();
        Connection saved = repository.saveConnected(company, grant(company, "t", US),
                profile(company, "Acme", "Concur Premium Plus"), null);
        assertThat(saved.edition()).isEqualTo(Edition.UNKNOWN);
        assertThat(saved.marketingName()).isEqualTo("Concur Premium Plus");
    }

    @Test
    void tokenStoreSavePersistsRotatedTokenExpiryGeolocationAndCorrelationTogether() {
        String company = newCompany();
        TokenStore store = connectedAndLoaded(company, "first", US, "Acme", "CTE");
        clock.advance(Duration.ofHours(2));

        TokenGrant rotated = grant(company, "second", EU);
        store.save(rotated);
        TokenGrant rotatedAgain = grant(company, "third", EU);
        store.save(rotatedAgain);

        assertThat(repository.tokenStore(company).load())
                .isEqualTo(new TokenStore.StoredToken(Secret.of("third"), EU, rotatedAgain.refreshExpiresAt()));
        Connection c = repository.find(company).orElseThrow();
        assertThat(c.geolocation()).isEqualTo(EU);
        assertThat(c.lastCorrelationId()).isEqualTo(rotatedAgain.correlationId());
        assertThat(c.updatedAt()).isEqualTo(clock.instant());
        logs.assertNoSecret("first", "second", "third");
    }

    @Test
    void tokenStoreSaveWithoutGeolocationKeepsTheStoredOne() {
        String company = newCompany();
        repository.saveConnected(company, grant(company, "first", EU), profile(company, "Acme", "CTE"), null);
        TokenStore store = repository.tokenStore(company);

        store.save(grant(company, "second", null));

        assertThat(store.load()).extracting(TokenStore.StoredToken::refreshToken, TokenStore.StoredToken::geolocation)
                .containsExactly(Secret.of("second"), EU);
    }

    @Test
    void tokenRefreshThatRacedWithAReconnectDoesNotOverwriteTheNewCredentials() {
        String company = newCompany();
        TokenStore staleStore = connectedAndLoaded(company, "before", US, "Acme", "CTE");
        repository.saveConnected(company, grant(company, "reconnected", US), profile(company, "Acme", "CTE"), null);

        assertThatThrownBy(() -> staleStore.save(grant(company, "stale-rotation", US)))
                .isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessageContaining(company).hasMessageNotContaining("stale-rotation");
        staleStore.markInvalid(new ConcurException.Authentication("refresh token revoked", 401, "108", "c-1", null));

        assertThat(repository.tokenStore(company).load().refreshToken()).isEqualTo(Secret.of("reconnected"));
        assertThat(repository.find(company).orElseThrow().state()).isEqualTo(ConnectionState.CONNECTED);
        // after reloading, the store writes again
        staleStore.load();
        staleStore.save(grant(company, "fresh-rotation", US));
        assertThat(repository.tokenStore(company).load().refreshToken()).isEqualTo(Secret.of("fresh-rotation"));
    }

    @Test
    void markInvalidAsksForReconnectWithMessageCodeAndCorrelationButNoSecret() {
        String company = newCompany();
        repository.saveConnected(company, grant(company, "secret-refresh-xyz", US), profile(company, "Acme", "CTE"),
                null);
        TokenStore store = repository.tokenStore(company);
        store.load();

        store.markInvalid(new ConcurException.Authentication("refresh token is invalid or revoked", 400, "108",
                "corr-77", null));

        Connection c = repository.find(company).orElseThrow();
        assertThat(c.state()).isEqualTo(ConnectionState.NEEDS_RECONNECT);
        assertThat(c.stateReason()).contains("refresh token is invalid or revoked", "Concur error code 108",
                "HTTP 400", "corr-77").doesNotContain("secret-refresh-xyz");
        logs.assertNoSecret("secret-refresh-xyz");
    }

    @Test
    void updateProfileChangesProfileFieldsWithoutDisturbingTokenWrites() {
        String company = newCompany();
        TokenStore store = connectedAndLoaded(company, "t1", US, "Acme", "Standard");
        clock.advance(Duration.ofDays(1));

        repository.updateProfile(company, profile(company, "Acme Renamed", "CTE"), clock.instant());
        store.save(grant(company, "t2", US));

        Connection c = repository.find(company).orElseThrow();
        assertThat(c.companyName()).isEqualTo("Acme Renamed");
        assertThat(c.edition()).isEqualTo(Edition.PROFESSIONAL);
        assertThat(c.profileCheckedAt()).isEqualTo(clock.instant());
        assertThat(store.load().refreshToken()).isEqualTo(Secret.of("t2"));
    }

    @Test
    void deleteRemovesTheConnectionAndItsEncryptedToken() {
        String company = newCompany();
        repository.saveConnected(company, grant(company, "t1", US), profile(company, "Acme", "CTE"), null);
        TokenStore store = repository.tokenStore(company);

        assertThat(repository.delete(company)).isTrue();
        assertThat(repository.delete(company)).isFalse();

        assertThat(repository.find(company)).isEmpty();
        assertThat(jdbc.sql("select count(*) from connections where company_uuid = ?").param(company)
                .query(Integer.class).single()).isZero();
        assertThatThrownBy(store::load).isInstanceOf(ConnectionNotFoundException.class).hasMessageContaining(company);
        assertThatThrownBy(() -> store.save(grant(company, "t2", US))).isInstanceOf(ConnectionNotFoundException.class);
        assertThatThrownBy(() -> repository.tokenStore(company)).isInstanceOf(ConnectionNotFoundException.class);
        assertThatThrownBy(() -> repository.markNeedsReconnect(company, "x"))
                .isInstanceOf(ConnectionNotFoundException.class);
    }

    @Test
    void findAllListsConnectionsByCompanyName() {
        String b = newCompany();
        String a = newCompany();
        repository.saveConnected(b, grant(b, "t", US), profile(b, "zz-Beta", "CTE"), null);
        repository.saveConnected(a, grant(a, "t", US), profile(a, "zz-Alpha", "Standard"), null);

        assertThat(repository.findAll()).extracting(Connection::companyName).containsExactly("zz-Alpha", "zz-Beta");
    }

    @Test
    void refreshExpiryWarningWindow() {
        String company = newCompany();
        Connection c = repository.saveConnected(company, grant(company, "t", US), profile(company, "Acme", "CTE"), null);
        assertThat(c.refreshExpiresWithin(Duration.ofDays(30), clock.instant())).isFalse();
        assertThat(c.refreshExpiresWithin(Duration.ofDays(30), clock.instant().plus(Duration.ofDays(151)))).isTrue();
    }

    @Test
    void reencryptMovesEveryTokenToTheNewKeyAndSkipsTokensAlreadyUnderIt() {
        String a = newCompany();
        String b = newCompany();
        repository.saveConnected(a, grant(a, "token-a", US), profile(a, "A", "CTE"), null);
        repository.saveConnected(b, grant(b, "token-b", US), profile(b, "B", "CTE"), null);
        assertThat(repository.reencrypt(box)).isZero();

        byte[] newKey = TestSecrets.randomKey();
        SecretBox rotated = new SecretBox(new Keyring(newKey, List.of(key)));
        assertThat(repository.reencrypt(rotated)).isEqualTo(2);
        assertThat(repository.reencrypt(rotated)).isZero();

        ConnectionRepository withNewKeyOnly = new ConnectionRepository(jdbc,
                new DataSourceTransactionManager(dataSource()), new SecretBox(new Keyring(newKey, List.of())),
                clock);
        assertThat(withNewKeyOnly.tokenStore(a).load().refreshToken()).isEqualTo(Secret.of("token-a"));
        assertThat(withNewKeyOnly.tokenStore(b).load().refreshToken()).isEqualTo(Secret.of("token-b"));
        assertThatThrownBy(() -> repository.tokenStore(a).load())
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("key id " + rotated.currentKeyId()).hasMessageNotContaining("token-a");
        logs.assertNoSecret("token-a", "token-b");
    }

    @Test
    void settingsFirstWriterWins() {
        String key = "test." + UUID.randomUUID();
        assertThat(settings.get(key)).isEmpty();
        assertThat(settings.putIfAbsent(key, "one")).isTrue();
        assertThat(settings.putIfAbsent(key, "two")).isFalse();
        assertThat(settings.get(key)).contains("one");
        assertThat(settings.delete(key)).isTrue();
        assertThat(settings.get(key)).isEmpty();
    }
}

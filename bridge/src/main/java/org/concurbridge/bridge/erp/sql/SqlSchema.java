package org.concurbridge.bridge.erp.sql;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.concurbridge.bridge.erp.ErpException;

import javax.sql.DataSource;
import java.util.Map;

/**
 * Creates and upgrades the interface tables with Flyway, from {@code classpath:db/erp-sql}, into their own schema
 * and with their own history table ({@code erp_schema_history} in that schema), so they never collide with the
 * bridge store's migrations even on the same database. The demo master data ({@code classpath:db/erp-sql-demo}) is
 * a separate migration set with its own history table, applied only on request.
 */
public final class SqlSchema {

    public static final String LOCATION = "classpath:db/erp-sql";
    public static final String DEMO_LOCATION = "classpath:db/erp-sql-demo";

    private SqlSchema() {
    }

    /** Applies pending interface-table migrations, then (when {@code seedDemo}) the demo master data. */
    public static void migrate(DataSource dataSource, String schema, boolean seedDemo) {
        try {
            configure(dataSource, schema, LOCATION, "erp_schema_history").load().migrate();
            if (seedDemo) {
                // the demo history table is new in a non-empty schema: baseline at 0 so V1 of the seed still runs
                configure(dataSource, schema, DEMO_LOCATION, "erp_demo_seed_history")
                        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
            }
        } catch (FlywayException e) {
            if (e.getCause() instanceof java.sql.SQLException sql) {
                throw SqlErrors.classify("migrating the ERP interface tables in schema " + schema, sql);
            }
            throw new ErpException.Permanent("migrating the ERP interface tables in schema " + schema
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static FluentConfiguration configure(DataSource dataSource, String schema, String location,
                                                 String table) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .table(table)
                .locations(location)
                .placeholders(Map.of("schema", schema));
    }
}

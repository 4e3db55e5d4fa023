package org.concurbridge.bridge.erp.sql;

import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.Changed;
import org.concurbridge.bridge.erp.Checkpoint;
import org.concurbridge.bridge.erp.Supplier;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on H2 in PostgreSQL mode: the bridge's embedded file database, schema {@code erp}. */
class SqlAdapterOnH2IT extends SqlAdapterContract {

    @Override
    protected DataSource newDataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "erp-h2-" + UUID.randomUUID());
        ds.setURL("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    @Override
    protected ErpAdapter unreachableAdapter() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere;MODE=PostgreSQL");
        return new SqlErpAdapter(ds, null, CONFIG, Clock.systemUTC());
    }

    @Test
    void migrationsAndDemoSeedAreAppliedOnceWithTheirOwnHistoryTables() {
        SqlSchema.migrate(dataSource(), "erp", true);
        assertThat(query("SELECT COUNT(*) FROM erp.erp_schema_history WHERE version = '1' AND success")).isEqualTo(1);
        assertThat(query("SELECT COUNT(*) FROM erp.erp_demo_seed_history WHERE version = '1'")).isEqualTo(1);
        assertThat(query("SELECT COUNT(*) FROM erp.account WHERE code = '2100'")).isEqualTo(1);
    }

    @Test
    void rowsChangedWithinTheSettleWindowWaitForTheNextRead() {
        Instant now = Instant.now();
        ErpAdapter settling = new SqlErpAdapter(dataSource(), null, new org.concurbridge.bridge.erp.ErpConfig.Sql(
                null, null, null, "erp", 500, false, false, Duration.ofMinutes(5)),
                Clock.fixed(now, ZoneOffset.UTC));
        addSuppliers(List.of("SETTLE-" + UUID.randomUUID().toString().substring(0, 8)));
        List<Changed<Supplier>> seen = settling.suppliers(Checkpoint.START, 1000);
        assertThat(seen).extracting(c -> c.value().code()).noneMatch(c -> c.startsWith("SETTLE-"));
        ErpAdapter later = new SqlErpAdapter(dataSource(), null, new org.concurbridge.bridge.erp.ErpConfig.Sql(
                null, null, null, "erp", 500, false, false, Duration.ofMinutes(5)),
                Clock.fixed(now.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
        assertThat(later.suppliers(Checkpoint.START, 1000)).extracting(c -> c.value().code())
                .anyMatch(c -> c.startsWith("SETTLE-"));
    }
}

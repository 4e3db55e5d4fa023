package org.concurbridge.bridge.erp.sql;

import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpAdapterContract;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.erp.ErpSide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The contract on the SQL interface tables, migrated and demo-seeded by Flyway; the test plays the ERP with JDBC. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SqlAdapterContract extends ErpAdapterContract implements ErpSide {

    static final ErpConfig.Sql CONFIG = new ErpConfig.Sql(null, null, null, "erp", 500, true, true, Duration.ZERO);

    private DataSource dataSource;
    private ErpAdapter adapter;

    protected abstract DataSource newDataSource();

    @BeforeAll
    void start() {
        dataSource = newDataSource();
        SqlSchema.migrate(dataSource, CONFIG.schema(), CONFIG.seedDemo());
        adapter = new SqlErpAdapter(dataSource, null, CONFIG, Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        adapter.close();
    }

    @Override
    protected ErpAdapter adapter() {
        return adapter;
    }

    @Override
    protected ErpSide erp() {
        return this;
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public int documentsWithKey(String key) {
        return (int) query("SELECT COUNT(*) FROM erp.journal_entry WHERE idempotency_key = ?", key);
    }

    @Override
    public void addSuppliers(List<String> codes) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO erp.supplier (code, name, updated_at) VALUES (?,?,?)")) {
            for (String code : codes) {
                ps.setString(1, code);
                ps.setString(2, "Supplier " + code);
                ps.setObject(3, now);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void renameSupplier(String code, String name) {
        update("UPDATE erp.supplier SET name = ?, updated_at = CURRENT_TIMESTAMP WHERE code = ?", name, code);
    }

    @Override
    public void pay(String key, BigDecimal amount, LocalDate on) {
        update("INSERT INTO erp.payment (idempotency_key, paid_on, amount, reference) VALUES (?,?,?,?)",
                key, on, amount, "PAYRUN-" + on);
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

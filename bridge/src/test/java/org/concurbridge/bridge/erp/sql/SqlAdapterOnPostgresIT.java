package org.concurbridge.bridge.erp.sql;

import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpAdapters;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.JournalLine;
import org.concurbridge.bridge.erp.Partner;
import org.junit.jupiter.api.Test;
import org.concurbridge.bridge.testsupport.TestPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract on a real PostgreSQL (the ERP's own staging database in production), written with COPY. */
class SqlAdapterOnPostgresIT extends SqlAdapterContract {

    @Test
    void textWithQuotesCommasNewlinesAndEmptyStringsSurvivesCopy() throws Exception {
        String text = "Dinner \"Chez Paul\", Paris\nline two; back\\slash";
        JournalEntry entry = new JournalEntry("copy-" + System.nanoTime(), "CB01", LocalDate.now(), "EUR", "EUR",
                "", text, List.of(
                JournalLine.debit("6020", new BigDecimal("12.30"), text),
                JournalLine.credit("2100", new BigDecimal("12.30"), null).withPartner(
                        Partner.employee("E1001", "O'Brien, \"Pat\""))));
        adapter().post(entry);
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT e.description, e.reference, l1.line_text, l2.line_text, l2.partner_name FROM erp.journal_entry e"
                        + " JOIN erp.journal_line l1 ON l1.entry_id = e.id AND l1.line_no = 1"
                        + " JOIN erp.journal_line l2 ON l2.entry_id = e.id AND l2.line_no = 2"
                        + " WHERE e.idempotency_key = ?")) {
            ps.setString(1, entry.idempotencyKey());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(text);
                assertThat(rs.getString(2)).isEmpty();
                assertThat(rs.getString(3)).isEqualTo(text);
                assertThat(rs.getString(4)).isNull();
                assertThat(rs.getString(5)).isEqualTo("O'Brien, \"Pat\"");
            }
        }
    }

    @Test
    void factoryPoolsAStagingDatabaseByUrlIntoItsOwnSchemaAndClosesThePool() {
        TestPostgres.Database db = TestPostgres.newDatabase("erp_staging");
        ErpConfig config = ErpConfig.parse(Map.of("erp.sql.jdbc-url", db.jdbcUrl(), "erp.sql.user", db.username(),
                "erp.sql.password", db.password(), "erp.sql.schema", "staging", "erp.sql.seed-demo", "true"));
        ErpAdapter erp = ErpAdapters.create(config, null, HttpClient.newHttpClient(), Clock.systemUTC());
        BigDecimal amount = new BigDecimal("19.99");
        assertThat(erp.post(new JournalEntry("staging-1", "CB01", LocalDate.now(), "EUR", "EUR", null, null, List.of(
                JournalLine.debit("6100", amount, null),
                JournalLine.credit("2000", amount, null).withPartner(Partner.supplier("S100", null)))))
                .document().documentNumber()).isEqualTo("JE0000000001");
        erp.close();
        assertThatThrownBy(() -> erp.lookup("staging-1")).isInstanceOf(ErpException.Permanent.class)
                .hasMessageContaining("closed");
    }

    @Override
    protected DataSource newDataSource() {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestPostgres.newDatabase("erp_contract").dataSource();
        ds.setReWriteBatchedInserts(true);
        return ds;
    }

    @Override
    protected ErpAdapter unreachableAdapter() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
        ds.setConnectTimeout(2);
        return new SqlErpAdapter(ds, null, CONFIG, Clock.systemUTC());
    }
}

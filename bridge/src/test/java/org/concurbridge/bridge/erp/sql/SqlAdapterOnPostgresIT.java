package org.concurbridge.bridge.erp.sql;

import org.concurbridge.bridge.erp.ErpAdapter;
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
import java.util.List;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

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

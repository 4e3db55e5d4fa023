package org.concurbridge.bridge.testsupport;

import org.concurbridge.bridge.posting.bench.ErpReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL adapter's ERP tables seen from the ERP's side (schema {@code erp}): master data set up for the documents a
 * test posts (their accounts, employees, suppliers, tax codes and cost objects exist, as in a company whose ERP
 * knows Concur's codes), and the posted books read back.
 */
public final class ErpBooks {
    private final JdbcClient jdbc;

    public ErpBooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates what the documents' journals refer to, except the accounts in {@code missing}. */
    public void knowEverythingIn(List<String> documentJsons, Set<String> missing) {
        ErpReferenceData.createFor(jdbc, documentJsons, missing);
    }

    /** Number of ERP documents under the key. */
    public int documents(String key) {
        return jdbc.sql("select count(*) from erp.journal_entry where idempotency_key = ?").param(key)
                .query(Integer.class).single();
    }

    public int totalDocuments() {
        return jdbc.sql("select count(*) from erp.journal_entry").query(Integer.class).single();
    }

    /** Debit minus credit per account of the document posted under the key (zero nets left out). */
    public Map<String, BigDecimal> nets(String key) {
        return JournalNets.of(jdbc.sql("select l.account_code a, l.debit - l.credit n from erp.journal_line l"
                        + " join erp.journal_entry e on e.id = l.entry_id where e.idempotency_key = ?").param(key)
                .query((rs, i) -> Map.entry(rs.getString("a"), rs.getBigDecimal("n"))).list().stream());
    }

    /** Debits minus credits of the document (zero when balanced). */
    public BigDecimal imbalance(String key) {
        return jdbc.sql("select coalesce(sum(l.debit - l.credit), 0) from erp.journal_line l join erp.journal_entry e"
                + " on e.id = l.entry_id where e.idempotency_key = ?").param(key).query(BigDecimal.class).single();
    }

    public String reversesKey(String key) {
        return jdbc.sql("select reverses_key from erp.journal_entry where idempotency_key = ?").param(key)
                .query(String.class).optional().orElse(null);
    }

    /** The ERP pays the payable of the entry. */
    public void pay(String key, BigDecimal amount, LocalDate on) {
        jdbc.sql("insert into erp.payment (idempotency_key, paid_on, amount, reference) values (?, ?, ?, ?)")
                .params(key, java.sql.Date.valueOf(on), amount, "PAY-" + key.hashCode()).update();
    }

    public void deactivateAccount(String code) {
        jdbc.sql("update erp.account set active = false where code = ?").param(code).update();
    }

    public void deactivateCostObject(String dimension, String code) {
        jdbc.sql("update erp.cost_object set active = false where dimension = ? and code = ?").params(dimension, code)
                .update();
    }
}

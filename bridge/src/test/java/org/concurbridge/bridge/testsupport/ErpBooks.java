package org.concurbridge.bridge.testsupport;

import org.concurbridge.bridge.erp.CostObject;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.JournalLine;
import org.concurbridge.bridge.erp.Partner;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.fis.FisJournalBuilder;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.posting.pipeline.JournalEntries;
import org.concurbridge.bridge.posting.FisExamples;
import org.concurbridge.client.fis.FisReadResult;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        Set<String> accounts = new HashSet<>();
        Set<String> employees = new HashSet<>();
        Set<String> suppliers = new HashSet<>();
        Set<String> taxes = new HashSet<>();
        Set<CostObject> costObjects = new HashSet<>();
        FisJournalBuilder builder = new FisJournalBuilder(PostingMapping.none());
        for (String json : documentJsons) {
            for (FisReadResult r : FisExamples.read(json)) {
                if (!(r instanceof FisReadResult.Parsed p)) {
                    continue;
                }
                BuildResult b = builder.build(p.document());
                if (!b.isOk()) {
                    continue;
                }
                JournalEntry e = JournalEntries.toEntry(b.document(), "k", LocalDate.of(2026, 1, 1));
                for (JournalLine l : e.lines()) {
                    accounts.add(l.account());
                    if (l.partner() != null) {
                        (l.partner().type() == Partner.Type.EMPLOYEE ? employees : suppliers).add(l.partner().code());
                    }
                    if (l.taxCode() != null) {
                        taxes.add(l.taxCode());
                    }
                    costObjects.addAll(l.costObjects());
                }
            }
        }
        accounts.removeAll(missing);
        accounts.forEach(a -> jdbc.sql("update erp.account set active = true where code = ? and not active").param(a)
                .update());
        accounts.removeAll(jdbc.sql("select code from erp.account").query(String.class).list());
        employees.removeAll(jdbc.sql("select code from erp.employee").query(String.class).list());
        suppliers.removeAll(jdbc.sql("select code from erp.supplier").query(String.class).list());
        taxes.removeAll(jdbc.sql("select code from erp.tax_code").query(String.class).list());
        accounts.forEach(a -> jdbc.sql("insert into erp.account (code, name, kind) values (?, ?, 'EXPENSE')")
                .params(a, "Account " + a).update());
        employees.forEach(c -> jdbc.sql("insert into erp.employee (code, name) values (?, ?)")
                .params(c, "Employee " + c).update());
        suppliers.forEach(c -> jdbc.sql("insert into erp.supplier (code, name) values (?, ?)")
                .params(c, "Supplier " + c).update());
        taxes.forEach(c -> jdbc.sql("insert into erp.tax_code (code, name) values (?, ?)")
                .params(c, "Tax " + c).update());
        for (CostObject co : costObjects) {
            jdbc.sql("insert into erp.cost_object (dimension, code, name) select ?, ?, ? where not exists"
                            + " (select 1 from erp.cost_object where dimension = ? and code = ?)")
                    .params(co.dimension(), co.code(), co.code(), co.dimension(), co.code()).update();
            jdbc.sql("update erp.cost_object set active = true where dimension = ? and code = ? and not active")
                    .params(co.dimension(), co.code()).update();
        }
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
        Map<String, BigDecimal> nets = new TreeMap<>();
        jdbc.sql("select l.account_code a, l.debit - l.credit n from erp.journal_line l join erp.journal_entry e"
                        + " on e.id = l.entry_id where e.idempotency_key = ?").param(key)
                .query((rs, i) -> nets.merge(rs.getString("a"), rs.getBigDecimal("n"), BigDecimal::add)).list();
        nets.values().removeIf(v -> v.signum() == 0);
        nets.replaceAll((k, v) -> v.setScale(2, java.math.RoundingMode.UNNECESSARY));
        return nets;
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

package org.concurbridge.bridge.posting.bench;

import org.concurbridge.bridge.erp.CostObject;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.JournalLine;
import org.concurbridge.bridge.erp.Partner;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.fis.FisJournalBuilder;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.posting.pipeline.JournalEntries;
import org.concurbridge.client.fis.FisDocuments;
import org.concurbridge.client.fis.FisReadResult;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ERP master data for a benchmark, a test or the demo (schema {@code erp} of the SQL adapter): what generated
 * documents refer to, as in a company whose ERP knows Concur's own codes. Never used by the service itself.
 */
public final class ErpReferenceData {
    private ErpReferenceData() {
    }

    /**
     * Creates (or re-activates) in the SQL adapter's reference tables every account, employee, supplier, tax code and
     * cost object the documents' journals refer to (built without a mapping), except the accounts in {@code missing}.
     */
    public static void createFor(JdbcClient jdbc, List<String> documentJsons, Set<String> missing) {
        createForEntries(jdbc, entriesOf(documentJsons), missing);
    }

    /** The same, for journal entries already built (from extract files, for example). */
    public static void createForEntries(JdbcClient jdbc, List<JournalEntry> entries, Set<String> missing) {
        Set<String> accounts = new HashSet<>();
        Set<String> employees = new HashSet<>();
        Set<String> suppliers = new HashSet<>();
        Set<String> taxes = new HashSet<>();
        Set<CostObject> costObjects = new HashSet<>();
        for (JournalEntry e : entries) {
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

    /**
     * The entries the documents become without a mapping (Concur's own codes; key {@code k}, run date 2026-01-01);
     * documents that do not parse or build are left out.
     */
    public static List<JournalEntry> entriesOf(List<String> documentJsons) {
        List<JournalEntry> entries = new ArrayList<>();
        FisJournalBuilder builder = new FisJournalBuilder(PostingMapping.none());
        for (String json : documentJsons) {
            for (FisReadResult r : FisDocuments.read(new java.io.ByteArrayInputStream(
                    json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
                if (r instanceof FisReadResult.Parsed p) {
                    BuildResult b = builder.build(p.document());
                    if (b.isOk()) {
                        entries.add(JournalEntries.toEntry(b.document(), "k", LocalDate.of(2026, 1, 1)));
                    }
                }
            }
        }
        return entries;
    }
}

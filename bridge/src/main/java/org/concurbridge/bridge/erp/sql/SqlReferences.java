package org.concurbridge.bridge.erp.sql;

import org.concurbridge.bridge.erp.CostObject;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.JournalLine;
import org.concurbridge.bridge.erp.Partner;
import org.concurbridge.bridge.erp.ReferenceRules;
import org.concurbridge.bridge.erp.ValidationProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the codes of a set of entries against the reference tables, loading each table's referenced rows with one
 * query per table, and checks the column widths of the journal tables.
 */
final class SqlReferences implements ReferenceRules.Lookup {

    private record Ref(boolean active, boolean partnerRequired) {
    }

    private final Map<String, Ref> accounts;
    private final Map<String, Ref> costObjects;   // dimension + '\0' + code
    private final Map<String, Ref> employees;
    private final Map<String, Ref> suppliers;
    private final Map<String, Ref> taxCodes;

    private SqlReferences(Map<String, Ref> accounts, Map<String, Ref> costObjects, Map<String, Ref> employees,
                          Map<String, Ref> suppliers, Map<String, Ref> taxCodes) {
        this.accounts = accounts;
        this.costObjects = costObjects;
        this.employees = employees;
        this.suppliers = suppliers;
        this.taxCodes = taxCodes;
    }

    static SqlReferences load(Connection c, String prefix, Collection<JournalEntry> entries) throws SQLException {
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> costObjectCodes = new LinkedHashSet<>();
        Set<String> employees = new LinkedHashSet<>();
        Set<String> suppliers = new LinkedHashSet<>();
        Set<String> taxCodes = new LinkedHashSet<>();
        for (JournalEntry e : entries) {
            for (JournalLine l : e.lines()) {
                accounts.add(l.account());
                l.costObjects().forEach(co -> costObjectCodes.add(co.code()));
                if (l.partner() != null) {
                    (l.partner().type() == Partner.Type.EMPLOYEE ? employees : suppliers).add(l.partner().code());
                }
                if (l.taxCode() != null) {
                    taxCodes.add(l.taxCode());
                }
            }
        }
        return new SqlReferences(
                query(c, "SELECT code, active, partner_required FROM " + prefix + "account WHERE code IN ",
                        accounts, false),
                query(c, "SELECT code, active, dimension FROM " + prefix + "cost_object WHERE code IN ",
                        costObjectCodes, true),
                query(c, "SELECT code, active FROM " + prefix + "employee WHERE code IN ", employees, false),
                query(c, "SELECT code, active FROM " + prefix + "supplier WHERE code IN ", suppliers, false),
                query(c, "SELECT code, active FROM " + prefix + "tax_code WHERE code IN ", taxCodes, false));
    }

    /**
     * Rows by code (columns: code, active, then partner_required for accounts); with {@code dimensioned} the third
     * column is the dimension and the key is {@code dimension + '\0' + code}.
     */
    private static Map<String, Ref> query(Connection c, String sqlPrefix, Set<String> codes, boolean dimensioned)
            throws SQLException {
        Map<String, Ref> found = new HashMap<>();
        SqlIn.forKeys(c, sqlPrefix, codes, rs -> {
            if (dimensioned) {
                found.put(rs.getString(3) + '\0' + rs.getString(1), new Ref(rs.getBoolean(2), false));
            } else {
                boolean third = rs.getMetaData().getColumnCount() > 2;
                found.put(rs.getString(1), new Ref(rs.getBoolean(2), third && rs.getBoolean(3)));
            }
        });
        return found;
    }

    /** Every reference and width problem of one entry (structure and balance are {@code EntryRules}'). */
    List<ValidationProblem> check(JournalEntry e) {
        List<ValidationProblem> problems = new ArrayList<>(ReferenceRules.check(e, this));
        width(problems, 0, "company", e.company(), 40);
        width(problems, 0, "reference", e.reference(), 100);
        width(problems, 0, "description", e.description(), 400);
        for (int i = 0; i < e.lines().size(); i++) {
            JournalLine l = e.lines().get(i);
            width(problems, i + 1, "partner.name", l.partner() == null ? null : l.partner().name(), 200);
            width(problems, i + 1, "text", l.text(), 400);
        }
        return problems;
    }

    @Override
    public ReferenceRules.Account account(String code) {
        Ref r = accounts.get(code);
        return r == null ? null : new ReferenceRules.Account(state(r), r.partnerRequired());
    }

    @Override
    public ReferenceRules.State costObject(CostObject co) {
        return state(costObjects.get(co.dimension() + '\0' + co.code()));
    }

    @Override
    public ReferenceRules.State partner(Partner p) {
        return state((p.type() == Partner.Type.EMPLOYEE ? employees : suppliers).get(p.code()));
    }

    @Override
    public ReferenceRules.State taxCode(String code) {
        return state(taxCodes.get(code));
    }

    private static ReferenceRules.State state(Ref r) {
        return r == null ? null : r.active() ? ReferenceRules.State.ACTIVE : ReferenceRules.State.INACTIVE;
    }

    private static void width(List<ValidationProblem> problems, int line, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new ValidationProblem(line, field, value.substring(0, 40) + "...",
                    "is " + value.length() + " characters, at most " + max + " fit"));
        }
    }
}

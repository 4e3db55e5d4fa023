package org.concurbridge.bridge.erp.tryton;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds a freshly initialised Tryton database over JSON-RPC with the same demo master data as the SQL adapter's
 * seed (same account, cost-object, supplier and employee codes): company {@code CB01} in EUR, fiscal years around
 * today, the minimal chart with codes, journal {@code MISC}, tax {@code VAT19}, analytic roots {@code COST_CENTER}
 * and {@code PROJECT}, suppliers with address, VAT id and IBAN, employees, and a received purchase order.
 */
public final class TrytonDemoSeed {

    private final TrytonRpc rpc;
    private Map<String, Object> ctx = Map.of();

    private TrytonDemoSeed(TrytonRpc rpc) {
        this.rpc = rpc;
    }

    public static void seed(TrytonRpc rpc, LocalDate today) {
        new TrytonDemoSeed(rpc).run(today);
    }

    private JsonNode m(String model, String method, Object... params) {
        return rpc.model(model, method, ctx, params);
    }

    private long create(String model, Map<String, Object> values) {
        return m(model, "create", List.of(values)).path(0).asLong();
    }

    private long ref(String module, String fsId) {
        return m("ir.model.data", "search_read", List.of(List.of("module", "=", module), List.of("fs_id", "=", fsId)),
                0, 1, null, List.of("db_id")).path(0).path("db_id").asLong();
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<Object> create(Object... records) {
        return List.of(List.of("create", List.of(records)));
    }

    private void run(LocalDate today) {
        long eur = create("currency.currency", map("name", "Euro", "code", "EUR", "symbol", "€",
                "rounding", new BigDecimal("0.01"), "digits", 2));
        create("currency.currency", map("name", "US Dollar", "code", "USD", "symbol", "$",
                "rounding", new BigDecimal("0.01"), "digits", 2));
        long de = create("country.country", map("name", "Germany", "code", "DE"));
        long fr = create("country.country", map("name", "France", "code", "FR"));
        long party = create("party.party", map("name", "Demo GmbH", "code", "CB01", "addresses",
                create(map("street", "Hauptstr. 1", "postal_code", "10115", "city", "Berlin", "country", de))));
        long company = create("company.company", map("party", party, "currency", eur));
        m("res.user", "write", List.of(1), map("companies", List.of(List.of("add", List.of(company))),
                "company", company));
        ctx = Map.of("company", company);

        long moveSeqType = ref("account", "sequence_type_account_move");
        long invoiceSeqType = ref("account_invoice", "sequence_type_account_invoice");
        long journalSeqType = ref("account", "sequence_type_account_journal");
        for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
            long seq = create("ir.sequence", map("name", "Moves " + year, "sequence_type", moveSeqType,
                    "company", company));
            long inv = create("ir.sequence.strict", map("name", "Invoices " + year, "sequence_type",
                    invoiceSeqType, "company", company, "prefix", "INV/" + year + "/"));
            long fy = create("account.fiscalyear", map("name", String.valueOf(year),
                    "start_date", LocalDate.of(year, 1, 1), "end_date", LocalDate.of(year, 12, 31),
                    "company", company, "post_move_sequence", seq, "invoice_sequences", create(map("company", company,
                            "in_invoice_sequence", inv, "in_credit_note_sequence", inv,
                            "out_invoice_sequence", inv, "out_credit_note_sequence", inv))));
            m("account.fiscalyear", "create_period", List.of(fy));
        }

        Map<String, Long> byName = minimalChart(rpc, company);
        long cash = byName.get("Main Cash");
        long expense = byName.get("Main Expense");
        long payable = byName.get("Main Payable");
        long receivable = byName.get("Main Receivable");
        long tax = byName.get("Main Tax");
        m("account.account", "write", List.of(cash), map("code", "1200", "name", "Bank"),
                List.of(expense), map("code", "6000", "name", "Travel - airfare and rail"),
                List.of(payable), map("code", "2000", "name", "Accounts payable - suppliers"),
                List.of(receivable), map("code", "1100", "name", "Accounts receivable"),
                List.of(byName.get("Main Revenue")), map("code", "4000"),
                List.of(tax), map("code", "1410", "name", "Input VAT 19%"));
        copy(expense, "6010", "Travel - hotel");
        copy(expense, "6020", "Meals and entertainment");
        copy(expense, "6030", "Mileage");
        copy(expense, "6040", "Car rental and taxi");
        copy(expense, "6100", "Office supplies");
        copy(expense, "6200", "Consulting services");
        copy(expense, "6900", "Miscellaneous expenses");
        long closed = copy(expense, "6990", "Old travel account (closed)");
        // "active" is computed from the validity dates in Tryton 6.0
        m("account.account", "write", List.of(closed), map("end_date", today.minusYears(1).withDayOfYear(1)));
        copy(payable, "2100", "Employee payable");
        copy(payable, "2200", "Card vendor payable");
        copy(receivable, "1600", "Cash advances to employees");
        copy(receivable, "2110", "Employee receivable (personal charges)");
        copy(cash, "1590", "Corporate card clearing");
        long vat7 = copy(tax, "1420", "Input VAT 7%");
        create("account.tax", map("name", "VAT19", "description", "Input VAT 19%", "type", "percentage",
                "rate", new BigDecimal("0.19"), "invoice_account", tax, "credit_note_account", tax,
                "company", company));
        create("account.tax", map("name", "VAT7", "description", "Input VAT 7%", "type", "percentage",
                "rate", new BigDecimal("0.07"), "invoice_account", vat7, "credit_note_account", vat7,
                "company", company));
        long journalSeq = create("ir.sequence", map("name", "Miscellaneous", "sequence_type", journalSeqType,
                "company", company));
        create("account.journal", map("name", "Miscellaneous", "code", "MISC", "type", "general",
                "sequence", journalSeq));

        long cc = analytic("COST_CENTER", "Cost centers", "root", null, null, "opened", company);
        long cc1000 = analytic("CC1000", "Company", "view", cc, cc, "opened", company);
        long cc1100 = analytic("CC1100", "Sales", "normal", cc, cc1000, "opened", company);
        analytic("CC1200", "IT", "normal", cc, cc1000, "opened", company);
        analytic("CC1300", "Finance", "normal", cc, cc1000, "opened", company);
        analytic("CC1900", "Closed branch office", "normal", cc, cc1000, "closed", company);
        long prj = analytic("PROJECT", "Projects", "root", null, null, "opened", company);
        analytic("P-100", "ERP integration rollout", "normal", prj, prj, "opened", company);
        analytic("P-200", "Office move", "normal", prj, prj, "opened", company);

        long bankParty = create("party.party", map("name", "Probe Bank AG", "code", "B001"));
        long bank = create("bank", map("party", bankParty, "bic", "COBADEFFXXX"));
        long acme = create("party.party", map("name", "ACME Supplies Ltd", "code", "S100",
                "addresses", create(map("street", "Industrieweg 5", "postal_code", "20095", "city", "Hamburg",
                        "country", de, "invoice", true)),
                "identifiers", create(map("type", "eu_vat", "code", "DE123456788"))));
        create("bank.account", map("bank", bank, "currency", eur, "owners", List.of(List.of("add", List.of(acme))),
                "numbers", create(map("type", "iban", "number", "DE89370400440532013000"))));
        create("party.party", map("name", "Globex Consulting GmbH", "code", "S200",
                "addresses", create(map("street", "Leopoldstr. 10", "postal_code", "80802", "city", "Munich",
                        "country", de, "invoice", true))));
        create("party.party", map("name", "Initech Office Furniture SARL", "code", "S300",
                "addresses", create(map("street", "12 rue de la Paix", "postal_code", "75002", "city", "Paris",
                        "country", fr, "invoice", true))));
        for (String[] e : new String[][]{{"E1001", "Chris Miller"}, {"E1002", "Dana Schmidt"},
                {"E1003", "Alex Dubois"}}) {
            long p = create("party.party", map("name", e[1], "code", e[0]));
            create("company.employee", map("party", p, "company", company));
        }

        purchase(company, acme, eur, today, expense, byName.get("Main Revenue"));
    }

    private long copy(long account, String code, String name) {
        return m("account.account", "copy", List.of(account), map("code", code, "name", name)).path(0).asLong();
    }

    private long analytic(String code, String name, String type, Long root, Long parent, String state, long company) {
        Map<String, Object> v = map("name", name, "code", code, "type", type, "company", company, "state", state);
        if (root != null) {
            v.put("root", root);
            v.put("parent", parent);
        }
        return create("analytic_account.account", v);
    }

    /** A confirmed purchase order of two lines, the first received in full. */
    private void purchase(long company, long supplier, long eur, LocalDate today, long expense, long revenue) {
        long category = create("product.category", map("name", "Office supplies", "accounting", true,
                "account_expense", expense, "account_revenue", revenue));
        long unit = ref("product", "uom_unit");
        long template = create("product.template", map("name", "Printer paper A4", "type", "goods",
                "default_uom", unit, "purchasable", true, "purchase_uom", unit, "list_price", new BigDecimal("5"),
                "account_category", category, "products", create(map("code", "PAPER-A4",
                        "cost_price", new BigDecimal("3.5")))));
        long product = m("product.product", "search", List.of(List.of("template", "=", template)), 0, 1, null)
                .path(0).asLong();
        long warehouse = m("stock.location", "search", List.of(List.of("type", "=", "warehouse")), 0, 1, null)
                .path(0).asLong();
        long address = m("party.address", "search", List.of(List.of("party", "=", supplier)), 0, 1, null)
                .path(0).asLong();
        long po = create("purchase.purchase", map("company", company, "party", supplier, "invoice_address", address,
                "currency", eur, "warehouse", warehouse, "purchase_date", today, "invoice_method", "shipment",
                "description", "Printer paper", "lines", create(
                        map("type", "line", "product", product, "quantity", 10, "unit", unit,
                                "unit_price", new BigDecimal("3.50"), "description", "Printer paper A4"),
                        map("type", "line", "product", product, "quantity", 5, "unit", unit,
                                "unit_price", new BigDecimal("3.40"), "description", "Printer paper A4 (promo)"))));
        m("purchase.purchase", "quote", List.of(po));
        m("purchase.purchase", "confirm", List.of(po));
        List<Long> moves = new ArrayList<>();
        m("stock.move", "search", List.of(List.of("purchase", "=", po)), 0, 1, List.of(List.of("id", "ASC")))
                .forEach(id -> moves.add(id.asLong()));
        long shipment = create("stock.shipment.in", map("company", company, "supplier", supplier,
                "warehouse", warehouse, "reference", "DN-4711", "effective_date", today,
                "incoming_moves", List.of(List.of("add", moves))));
        m("stock.shipment.in", "receive", List.of(shipment));
        m("stock.shipment.in", "done", List.of(shipment));
    }

    /**
     * Tryton's "Minimal Account Chart" for a company (the three steps of the {@code account.create_chart} wizard,
     * sending back the defaults it proposes); returns the company's accounts by name ({@code Main Expense}, ...).
     */
    static Map<String, Long> minimalChart(TrytonRpc rpc, long company) {
        Map<String, Object> ctx = Map.of("company", company);
        long template = rpc.model("account.account.template", "search", ctx, List.of(TrytonRpc.clause("parent", "=",
                null), List.of("name", "=", "Minimal Account Chart")), 0, null, null).path(0).asLong();
        long wizard = rpc.call("wizard.account.create_chart.create", array(ctx)).path(0).asLong();
        rpc.call("wizard.account.create_chart.execute", array(wizard, Map.of(), "account", ctx));
        JsonNode defaults = rpc.call("wizard.account.create_chart.execute", array(wizard,
                Map.of("account", Map.of("company", company, "account_template", template)), "create_account", ctx))
                .path("view").path("defaults");
        Map<String, Object> properties = new HashMap<>();
        for (String k : List.of("company", "account_receivable", "account_payable", "category_account_expense",
                "category_account_revenue")) {
            properties.put(k, defaults.path(k).asLong());
        }
        rpc.call("wizard.account.create_chart.execute", array(wizard, Map.of("properties", properties),
                "create_properties", ctx));
        rpc.call("wizard.account.create_chart.delete", array(wizard, ctx));
        Map<String, Long> byName = new HashMap<>();
        rpc.model("account.account", "search_read", ctx, List.of(List.of("company", "=", company)), 0, null, null,
                List.of("name")).forEach(a -> byName.put(a.path("name").asString(), a.path("id").asLong()));
        return byName;
    }

    private static tools.jackson.databind.node.ArrayNode array(Object... values) {
        return (tools.jackson.databind.node.ArrayNode) TrytonRpc.node(values);
    }
}

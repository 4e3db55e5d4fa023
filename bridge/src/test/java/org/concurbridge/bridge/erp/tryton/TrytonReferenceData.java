package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.CostObject;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.JournalLine;
import org.concurbridge.bridge.erp.Partner;
import org.concurbridge.bridge.posting.bench.ErpReferenceData;
import org.concurbridge.bridge.testsupport.JournalNets;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.net.http.HttpClient;
import org.concurbridge.bridge.erp.ErpConfig;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Tryton counterpart of {@link ErpReferenceData}: creates in one company of a seeded Tryton database
 * ({@link TrytonDemoSeed}, plus the companies of {@link #databaseWithCompanies}) what the documents' journals refer to
 * under Concur's own codes, as in a company whose chart uses Concur's codes: accounts of the right kind (copied from
 * the company's expense {@code 6010}, employee payable {@code 2100}, receivable {@code 1600} or input tax
 * {@code 1410}), parties for employees (also {@code company.employee}) and suppliers, analytic accounts under a root
 * per cost-object dimension, taxes named by their code, currencies, and fiscal years for the posting dates. What
 * already exists is left alone.
 */
public final class TrytonReferenceData {
    private final TrytonRpc rpc;
    private final Map<String, Object> ctx;
    private final long company;

    public TrytonReferenceData(TrytonRpc rpc, long company) {
        this.rpc = rpc;
        this.company = company;
        this.ctx = Map.of("company", company);
    }

    /**
     * A test database, the ids of its companies by party code, their currencies, and an RPC client of the database
     * (open for the JVM's life, like the shared server).
     */
    public record Companies(ErpConfig.Tryton config, Map<String, Long> ids, Map<String, String> currencies,
                            TrytonRpc rpc) {

        /** Points the bridge's ERP adapter at the database. */
        public void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
            properties(config).forEach((k, v) -> registry.add(k, () -> v));
        }

        public long id(String code) {
            return java.util.Objects.requireNonNull(ids.get(code), code);
        }

        /** The company keeping its books in the currency. */
        public long idIn(String currency) {
            return currencies.entrySet().stream().filter(e -> e.getValue().equals(currency)).map(e -> id(e.getKey()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no company in " + currency));
        }

        /** A posting mapping that sends every document to the company of its currency. */
        public String mappingByDocumentCurrency() {
            StringBuilder yaml = new StringBuilder("companies:\n");
            currencies.forEach((code, currency) -> yaml.append("  - { documentCurrency: ").append(currency)
                    .append(", company: ").append(code).append(", currency: ").append(currency).append(" }\n"));
            return yaml.toString();
        }

        /** Moves under the key per company code. */
        public Map<String, Integer> moves(String key) {
            Map<String, Integer> out = new LinkedHashMap<>();
            ids.forEach((code, id) -> out.put(code, TrytonReferenceData.moves(rpc, id, key)));
            return out;
        }

        /** Every move per company code. */
        public Map<String, Integer> moves() {
            Map<String, Integer> out = new LinkedHashMap<>();
            ids.forEach((code, id) -> out.put(code, TrytonReferenceData.moves(rpc, id)));
            return out;
        }

        /** One move in the company of the currency, none in the others: what {@link #moves(String)} is
         * for a document posted once where it belongs. */
        public Map<String, Integer> onceIn(String currency) {
            Map<String, Integer> out = new LinkedHashMap<>();
            currencies.forEach((code, c) -> out.put(code, c.equals(currency) ? 1 : 0));
            return out;
        }

        /** Debit − credit per account of the move under the key in the company of the currency. */
        public Map<String, BigDecimal> bookedNets(String currency, String key) {
            return TrytonReferenceData.bookedNets(rpc, idIn(currency), key);
        }

        /** Paying (and undoing payments) as a Tryton user, in the company of the currency. */
        public TrytonPayments payments(String currency) {
            return new TrytonPayments(rpc, idIn(currency));
        }

        /** Creates what the entries refer to, each in the company of its currency. */
        public void createFor(List<JournalEntry> entries) {
            Map<String, List<JournalEntry>> byCurrency = new LinkedHashMap<>();
            entries.forEach(e -> byCurrency.computeIfAbsent(e.currency(), k -> new java.util.ArrayList<>()).add(e));
            byCurrency.forEach((currency, list) -> new TrytonReferenceData(rpc, idIn(currency))
                    .createForEntries(list));
        }
    }

    /** {@link #databaseWithCompanies} with EUR {@code CB01}, USD {@code US01}, GBP {@code GB01}, CAD {@code CA01}. */
    public static Companies databaseWithFourCompanies(String name) {
        Map<String, String> companies = new LinkedHashMap<>();
        companies.put("CB01", "EUR");
        companies.put("US01", "USD");
        companies.put("GB01", "GBP");
        companies.put("CA01", "CAD");
        return databaseWithCompanies(name, companies);
    }

    /**
     * A fresh copy of the seeded database with one company per entry of {@code currencyByCode} (party code →
     * currency): {@code CB01} is the seeded company (its currency is set), every other code a new company with the
     * minimal chart of accounts under the codes the reference data copies from ({@code 6010}, {@code 2100},
     * {@code 1600}, {@code 1410}), a sequence for the journal, and the admin user allowed in it. Routing entries to
     * these companies needs no setting: their company codes are the companies' party codes.
     */
    public static Companies databaseWithCompanies(String name, Map<String, String> currencyByCode) {
        ErpConfig.Tryton tryton = TrytonServer.shared(Clock.systemUTC()).newDatabase(name + "_"
                + ProcessHandle.current().pid());
        Map<String, Long> ids = new LinkedHashMap<>();
        TrytonRpc admin = rpc(tryton);
        Map<String, Object> ctx = Map.of("company", tryton.companyId());
        for (Map.Entry<String, String> c : currencyByCode.entrySet()) {
            if (c.getKey().equals("CB01")) {
                admin.model("company.company", "write", ctx, List.of(tryton.companyId()),
                        Map.of("currency", currency(admin, ctx, c.getValue())));
                ids.put("CB01", (long) tryton.companyId());
            } else {
                ids.put(c.getKey(), addCompany(admin, tryton, c.getKey(), c.getValue()));
            }
        }
        return new Companies(tryton, Map.copyOf(ids), new LinkedHashMap<>(currencyByCode), admin);
    }

    /**
     * A new company in the database (party with the code, currency, Tryton's minimal chart with the codes the
     * reference data copies from, the journal's sequence), with the admin user allowed in it and its Company Filter
     * set to All.
     */
    public static long addCompany(TrytonRpc admin, ErpConfig.Tryton tryton, String code, String currencyCode) {
        Map<String, Object> ctx = Map.of("company", tryton.companyId());
        long party = admin.model("party.party", "create", ctx, List.of(Map.of("code", code, "name", "Demo " + code)))
                .path(0).asLong();
        long company = admin.model("company.company", "create", ctx, List.of(Map.of("party", party,
                "currency", currency(admin, ctx, currencyCode)))).path(0).asLong();
        admin.model("res.user", "write", ctx, List.of(1), Map.of("companies",
                List.of(List.of("add", List.of(company))), "company_filter", "all"));
        long journal = admin.model("account.journal", "search", ctx, List.of(List.of("code", "=", tryton.journal())),
                0, 1, null).path(0).asLong();
        new TrytonReferenceData(admin, company).chart(journal);
        return company;
    }

    private static long currency(TrytonRpc admin, Map<String, Object> ctx, String code) {
        JsonNode found = admin.model("currency.currency", "search", ctx, List.of(List.of("code", "=", code)),
                0, 1, null);
        return found.isEmpty() ? admin.model("currency.currency", "create", ctx, List.of(Map.of("name", code,
                "code", code, "symbol", code, "rounding", new BigDecimal("0.01"), "digits", 2))).path(0).asLong()
                : found.path(0).asLong();
    }

    /** The minimal chart with the seeded codes, and the company's sequence of the journal. */
    private void chart(long journal) {
        Map<String, Long> byName = TrytonDemoSeed.minimalChart(rpc, company);
        Map.of("Main Expense", "6010", "Main Payable", "2100", "Main Receivable", "1600", "Main Tax", "1410")
                .forEach((name, code) -> rpc.model("account.account", "write", ctx, List.of(byName.get(name)),
                        Map.of("code", code)));
        long sequence = create("ir.sequence", Map.of("name", "Miscellaneous", "sequence_type",
                ref("account", "sequence_type_account_journal"), "company", company));
        rpc.model("account.journal", "write", ctx, List.of(journal), Map.of("sequence", sequence));
    }

    /** The properties that point the bridge's ERP adapter at the database. */
    public static Map<String, String> properties(ErpConfig.Tryton tryton) {
        return Map.of("erp.adapter", "tryton", "erp.tryton.url", tryton.url().toString(),
                "erp.tryton.database", tryton.database(), "erp.tryton.user", tryton.user(),
                "erp.tryton.password", tryton.password().reveal(),
                "erp.tryton.company-id", String.valueOf(tryton.companyId()));
    }

    /** An RPC client of the database (close it). */
    public static TrytonRpc rpc(ErpConfig.Tryton tryton) {
        return new TrytonRpc(HttpClient.newHttpClient(), tryton.databaseUri(), tryton.user(), tryton.password(),
                Duration.ofSeconds(120));
    }

    /** Debit minus credit per account code of the posted move under the key (zero nets left out, two decimals). */
    public static Map<String, BigDecimal> bookedNets(TrytonRpc rpc, long company, String key) {
        List<Map.Entry<String, BigDecimal>> lines = new java.util.ArrayList<>();
        rpc.model("account.move.line", "search_read", Map.of("company", company), List.of(
                        List.of("move.description", "like", "[" + key + "]%"), List.of("move.state", "=", "posted"),
                        List.of("move.company", "=", company)),
                0, null, null, List.of("account.code", "debit", "credit"))
                .forEach(l -> lines.add(Map.entry(TrytonRpc.text(l.path("account.").path("code")),
                        TrytonRpc.decimal(l.path("debit")).subtract(TrytonRpc.decimal(l.path("credit"))))));
        return JournalNets.of(lines.stream());
    }

    /** Moves (any state) of the company whose description carries the key. */
    public static int moves(TrytonRpc rpc, long company, String key) {
        return rpc.model("account.move", "search_count", Map.of("company", company),
                List.of(List.of("description", "like", "[" + key + "]%"), List.of("company", "=", company))).asInt();
    }

    /** Every move of the company. */
    public static int moves(TrytonRpc rpc, long company) {
        return rpc.model("account.move", "search_count", Map.of("company", company),
                List.of(List.of("company", "=", company))).asInt();
    }

    /** What the documents' entries (built without a mapping) refer to. */
    public void createFor(List<String> documentJsons) {
        createForEntries(ErpReferenceData.entriesOf(documentJsons));
    }

    /** What the entries refer to, in this company. */
    public void createForEntries(List<JournalEntry> entries) {
        Map<String, String> accounts = new LinkedHashMap<>();   // code -> seeded account to copy
        Map<String, BigDecimal> partnerNets = new LinkedHashMap<>();
        Set<String> employees = new LinkedHashSet<>();
        Set<String> suppliers = new LinkedHashSet<>();
        Set<String> taxes = new LinkedHashSet<>();
        Set<CostObject> costObjects = new LinkedHashSet<>();
        Set<String> currencies = new LinkedHashSet<>();
        Set<Integer> years = new java.util.TreeSet<>();
        for (JournalEntry e : entries) {
            currencies.add(e.currency());
            years.add(e.postingDate().getYear());
            for (JournalLine l : e.lines()) {
                accounts.putIfAbsent(l.account(), "6010");
                if (l.partner() != null) {
                    (l.partner().type() == Partner.Type.EMPLOYEE ? employees : suppliers).add(l.partner().code());
                    partnerNets.merge(l.account(), l.side() == JournalLine.Side.DEBIT ? l.amount()
                            : l.amount().negate(), BigDecimal::add);
                }
                if (l.taxCode() != null) {
                    taxes.add(l.taxCode());
                    accounts.put(l.account(), "1410");
                }
                costObjects.addAll(l.costObjects());
            }
        }
        partnerNets.forEach((account, net) -> accounts.put(account, net.signum() > 0 ? "1600" : "2100"));
        accounts.keySet().removeAll(existing("account.account", "code", accounts.keySet()));
        accounts.forEach((code, like) -> rpc.model("account.account", "copy", ctx, List.of(id("account.account",
                "code", like)), Map.of("code", code, "name", "Concur " + code)));

        Set<String> parties = new LinkedHashSet<>(employees);
        parties.addAll(suppliers);
        parties.removeAll(existing("party.party", "code", parties));
        for (String code : parties) {
            long party = create("party.party", Map.of("code", code, "name",
                    (employees.contains(code) ? "Employee " : "Supplier ") + code));
            if (employees.contains(code)) {
                create("company.employee", Map.of("party", party, "company", company));
            }
        }

        long taxAccount = id("account.account", "code", "1410");
        taxes.removeAll(existing("account.tax", "name", taxes));
        taxes.forEach(t -> create("account.tax", Map.of("name", t, "description", "Tax " + t, "type", "percentage",
                "rate", BigDecimal.ZERO, "invoice_account", taxAccount, "credit_note_account", taxAccount,
                "company", company)));

        for (CostObject co : costObjects) {
            long root = rootOf(co.dimension());
            JsonNode found = rpc.model("analytic_account.account", "search", ctx, List.of(List.of("code", "=",
                    co.code()), List.of("root", "=", root), List.of("company", "=", company)), 0, 1, null);
            if (found.isEmpty()) {
                create("analytic_account.account", Map.of("name", co.code(), "code", co.code(), "type", "normal",
                        "company", company, "state", "opened", "root", root, "parent", root));
            }
        }

        years.forEach(this::fiscalYear);

        currencies.removeAll(existing("currency.currency", "code", currencies));
        currencies.forEach(c -> create("currency.currency", Map.of("name", c, "code", c, "symbol", c,
                "rounding", new BigDecimal("0.01"), "digits", 2)));
    }

    /** A fiscal year with monthly periods, so that documents dated in it can post (Concur's examples are old). */
    private void fiscalYear(int year) {
        LocalDate start = LocalDate.of(year, 1, 1);
        if (!rpc.model("account.fiscalyear", "search", ctx, List.of(List.of("start_date", "<=", start),
                List.of("end_date", ">=", start), List.of("company", "=", company)), 0, 1, null).isEmpty()) {
            return;
        }
        long sequence = create("ir.sequence", Map.of("name", "Moves " + year, "sequence_type",
                ref("account", "sequence_type_account_move"), "company", company));
        long invoices = create("ir.sequence.strict", Map.of("name", "Invoices " + year, "sequence_type",
                ref("account_invoice", "sequence_type_account_invoice"), "company", company,
                "prefix", "INV/" + year + "/"));
        long fy = create("account.fiscalyear", Map.of("name", String.valueOf(year), "start_date", start,
                "end_date", LocalDate.of(year, 12, 31), "company", company, "post_move_sequence", sequence,
                "invoice_sequences", List.of(List.of("create", List.of(Map.of("company", company,
                        "in_invoice_sequence", invoices, "in_credit_note_sequence", invoices,
                        "out_invoice_sequence", invoices, "out_credit_note_sequence", invoices))))));
        rpc.model("account.fiscalyear", "create_period", ctx, List.of(fy));
    }

    private long ref(String module, String fsId) {
        return rpc.model("ir.model.data", "search_read", ctx, List.of(List.of("module", "=", module),
                List.of("fs_id", "=", fsId)), 0, 1, null, List.of("db_id")).path(0).path("db_id").asLong();
    }

    private long rootOf(String dimension) {
        JsonNode found = rpc.model("analytic_account.account", "search", ctx, List.of(List.of("code", "=", dimension),
                List.of("type", "=", "root"), List.of("company", "=", company)), 0, 1, null);
        return found.isEmpty() ? create("analytic_account.account", Map.of("name", dimension, "code", dimension,
                "type", "root", "company", company, "state", "opened")) : found.path(0).asLong();
    }

    private Set<String> existing(String model, String field, Set<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (!values.isEmpty()) {
            List<Object> domain = new java.util.ArrayList<>(List.of(List.of(field, "in", values)));
            if (!model.equals("party.party") && !model.equals("currency.currency")) {
                domain.add(List.of("company", "=", company));
            }
            rpc.model(model, "search_read", Map.of("company", company, "active_test", false),
                            domain, 0, null, null, List.of(field))
                    .forEach(r -> out.add(TrytonRpc.text(r.path(field))));
        }
        return out;
    }

    /** A company-scoped record by a field. */
    private long id(String model, String field, String value) {
        return rpc.model(model, "search", ctx, List.of(List.of(field, "=", value), List.of("company", "=", company)),
                0, 1, null).path(0).asLong();
    }

    private long create(String model, Map<String, Object> values) {
        return rpc.model(model, "create", ctx, List.of(values)).path(0).asLong();
    }
}

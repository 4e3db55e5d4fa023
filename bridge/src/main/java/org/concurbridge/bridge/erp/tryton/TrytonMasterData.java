package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.Changed;
import org.concurbridge.bridge.erp.Checkpoint;
import org.concurbridge.bridge.erp.CostObjectNode;
import org.concurbridge.bridge.erp.GoodsReceipt;
import org.concurbridge.bridge.erp.PurchaseOrder;
import org.concurbridge.bridge.erp.Supplier;
import org.concurbridge.bridge.erp.tryton.TrytonCompanies.Company;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Change streams over Tryton models, read from every company of {@code erp.tryton.master-data-company-ids}
 * ({@link TrytonCompanies#masterData()}), each call with that company's context, and merged into one stream.
 * A record's change time is its {@code write_date}, or its {@code create_date} when it was never written; Tryton
 * cannot order by that coalesce, so each company's page is two searches (written records by (write_date, id),
 * never-written ones by (create_date, id)); the companies' pages are merged and cut at the limit. A model's ids are
 * unique across its companies, so one (time, id) checkpoint is a position in every company's stream.
 * <p>
 * Parties are shared by the companies and read once. Analytic-account codes (per root) and purchase numbers belong
 * to the first listed company that has them: a record of a later company with the same code is skipped (with its
 * goods receipts), logged once per change as {@code event=erp.tryton.master-data.code-taken}, so it never overwrites
 * the first company's item in Concur (docs/decisions-tryton-md.md).
 */
final class TrytonMasterData {

    private static final Logger log = LoggerFactory.getLogger(TrytonMasterData.class);

    private final TrytonRpc rpc;
    private final TrytonCompanies companies;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    TrytonMasterData(TrytonRpc rpc, TrytonCompanies companies) {
        this.rpc = rpc;
        this.companies = companies;
    }

    /** One record read in one company. */
    private record Row(Company company, JsonNode node, Checkpoint checkpoint) {
        long id() {
            return node.path("id").asLong();
        }
    }

    /**
     * Who owns a code: a stream record's {@code code} (searched by {@code field} in {@code model}) and its
     * {@code key}, compared with the {@code ownerKey} of the records found in the companies listed before.
     */
    private record Ownership(String model, String field, List<Object> domain, List<String> fields,
                             Function<JsonNode, String> code, Function<JsonNode, String> key,
                             Function<JsonNode, String> ownerKey) {
    }

    private <T> List<Changed<T>> changes(List<Company> from, String model, Function<Company, List<Object>> domain,
                                         List<String> fields, Checkpoint after, int limit, Ownership ownership,
                                         Function<List<Row>, List<T>> mapper) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<Row> kept = new ArrayList<>();
        Checkpoint cursor = after;
        while (true) {
            List<Row> page = new ArrayList<>();
            for (Company c : from) {
                page.addAll(page(c, model, domain.apply(c), fields, cursor, limit));
            }
            page.sort(Comparator.comparing(Row::checkpoint));
            if (page.size() > limit) {
                page = page.subList(0, limit);
            }
            Set<Long> skipped = ownership == null ? Set.of() : taken(model, ownership, page);
            for (Row r : page) {
                cursor = r.checkpoint();
                if (!skipped.contains(r.id())) {
                    kept.add(r);
                    if (kept.size() == limit) {
                        break;
                    }
                }
            }
            if (kept.size() == limit || page.size() < limit) {
                break;
            }
        }
        List<T> values = mapper.apply(kept);
        List<Changed<T>> out = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            // skipped records after the last kept one are read: the cursor moves past them
            out.add(new Changed<>(values.get(i), i == kept.size() - 1 ? cursor : kept.get(i).checkpoint()));
        }
        return out;
    }

    private List<Row> page(Company c, String model, List<Object> domain, List<String> fields, Checkpoint after,
                           int limit) {
        Instant t = after.changedAt();
        List<String> read = new ArrayList<>(fields);
        read.add("write_date");
        read.add("create_date");
        List<Object> written = new ArrayList<>(domain);
        written.add(TrytonRpc.clause("write_date", "!=", null));
        written.add(List.of("OR", List.of("write_date", ">", t),
                List.of(List.of("write_date", "=", t), List.of("id", ">", after.id()))));
        List<Object> created = new ArrayList<>(domain);
        created.add(TrytonRpc.clause("write_date", "=", null));
        created.add(List.of("OR", List.of("create_date", ">", t),
                List.of(List.of("create_date", "=", t), List.of("id", ">", after.id()))));
        List<Row> page = new ArrayList<>();
        for (JsonNode row : rpc.model(model, "search_read", c.allCtx(), written, 0, limit,
                List.of(List.of("write_date", "ASC"), List.of("id", "ASC")), read)) {
            page.add(new Row(c, row, checkpoint(row)));
        }
        for (JsonNode row : rpc.model(model, "search_read", c.allCtx(), created, 0, limit,
                List.of(List.of("create_date", "ASC"), List.of("id", "ASC")), read)) {
            page.add(new Row(c, row, checkpoint(row)));
        }
        return page;
    }

    private static Checkpoint checkpoint(JsonNode row) {
        Instant w = TrytonRpc.instant(row.path("write_date"));
        return new Checkpoint(w != null ? w : TrytonRpc.instant(row.path("create_date")), row.path("id").asLong());
    }

    /** The ids of the page's records whose key a company listed before theirs has; each logged once per change. */
    private Set<Long> taken(String model, Ownership o, List<Row> page) {
        List<Company> order = companies.masterData();
        Set<Long> out = new HashSet<>();
        Map<Company, List<Row>> byCompany = new LinkedHashMap<>();
        page.forEach(r -> byCompany.computeIfAbsent(r.company(), k -> new ArrayList<>()).add(r));
        byCompany.forEach((company, rows) -> {
            List<String> codes = rows.stream().map(r -> o.code().apply(r.node())).filter(Objects::nonNull)
                    .distinct().toList();
            for (Company earlier : order.subList(0, order.indexOf(company))) {
                if (codes.isEmpty()) {
                    break;
                }
                List<Object> domain = new ArrayList<>(o.domain());
                domain.add(List.of("company", "=", earlier.id()));
                domain.add(List.of(o.field(), "in", codes));
                Set<String> owned = new HashSet<>();
                rpc.model(o.model(), "search_read", earlier.allCtx(), domain, 0, null, null, o.fields())
                        .forEach(n -> owned.add(o.ownerKey().apply(n)));
                for (Row r : rows) {
                    String key = o.key().apply(r.node());
                    if (key != null && owned.contains(key) && out.add(r.id())
                            && warned.add(model + "/" + r.checkpoint().encode())) {
                        log.warn("event=erp.tryton.master-data.code-taken model={} id={} key={} company={}"
                                        + " owner_company={} action=skipped fix=\"give the record another code, or"
                                        + " reorder erp.tryton.master-data-company-ids\"", model, r.id(), key,
                                company.code(), earlier.code());
                    }
                }
            }
        });
        return out;
    }

    /** Parties that are neither a company nor an employee of a listed company; shared, so read once. */
    List<Changed<Supplier>> suppliers(Checkpoint after, int limit) {
        List<Company> listed = companies.masterData();
        Set<Long> excluded = new HashSet<>();
        rpc.model("company.company", "search_read", listed.get(0).allCtx(), List.of(), 0, null, null,
                List.of("party")).forEach(r -> excluded.add(r.path("party").asLong()));
        for (Company c : listed) {
            rpc.model("company.employee", "search_read", c.allCtx(), List.of(List.of("company", "=", c.id())), 0,
                    null, null, List.of("party")).forEach(r -> excluded.add(r.path("party").asLong()));
        }
        return changes(listed.subList(0, 1), "party.party",
                c -> List.of(List.of("id", "not in", new ArrayList<>(excluded))),
                List.of("code", "name", "active", "tax_identifier.code", "supplier_payment_term.name",
                        "addresses.street", "addresses.city", "addresses.postal_code", "addresses.invoice",
                        "addresses.country.code", "addresses.subdivision.name", "bank_accounts.numbers.number",
                        "bank_accounts.bank.bic", "bank_accounts.bank.party.name", "bank_accounts.currency.code"),
                after, limit, null, rows -> rows.stream().map(r -> supplier(r.node())).toList());
    }

    private static Supplier supplier(JsonNode p) {
        Supplier.Address address = null;
        for (JsonNode a : p.path("addresses.")) {
            if (address == null || a.path("invoice").asBoolean(false)) {
                address = new Supplier.Address(TrytonRpc.text(a.path("street")), TrytonRpc.text(a.path("city")),
                        TrytonRpc.text(a.path("postal_code")), TrytonRpc.text(a.path("subdivision.").path("name")),
                        TrytonRpc.text(a.path("country.").path("code")));
            }
        }
        Supplier.BankAccount bank = null;
        String currency = null;
        JsonNode b = p.path("bank_accounts.").path(0);
        if (!b.isMissingNode()) {
            bank = new Supplier.BankAccount(TrytonRpc.text(b.path("numbers.").path(0).path("number")),
                    TrytonRpc.text(b.path("bank.").path("bic")),
                    TrytonRpc.text(b.path("bank.").path("party.").path("name")));
            currency = TrytonRpc.text(b.path("currency.").path("code"));
        }
        return new Supplier(TrytonRpc.text(p.path("code")), TrytonRpc.text(p.path("name")),
                TrytonRpc.text(p.path("tax_identifier.").path("code")),
                TrytonRpc.text(p.path("supplier_payment_term.").path("name")), currency, address, bank,
                p.path("active").asBoolean(true));
    }

    private static final List<Object> ANALYTIC_TYPES = List.of(List.of("type", "in", List.of("normal", "view")));

    private static String analyticKey(JsonNode a) {
        return TrytonRpc.text(a.path("root.").path("code")) + ":" + TrytonRpc.text(a.path("code"));
    }

    /** A purchase number, read from a stream record by {@code number}, is owned by the purchase that has it. */
    private static Ownership purchaseNumber(Function<JsonNode, String> number) {
        return new Ownership("purchase.purchase", "number", List.of(), List.of("number"), number, number,
                p -> TrytonRpc.text(p.path("number")));
    }

    /** Analytic accounts below a root; the dimension is the root's code. */
    List<Changed<CostObjectNode>> costObjects(Checkpoint after, int limit) {
        List<String> fields = List.of("code", "name", "state", "active", "root.code", "parent.code", "parent.type");
        return changes(companies.masterData(), "analytic_account.account", c -> withCompany(ANALYTIC_TYPES, c),
                fields, after, limit, new Ownership("analytic_account.account", "code", ANALYTIC_TYPES,
                        List.of("code", "root.code"), a -> TrytonRpc.text(a.path("code")),
                        TrytonMasterData::analyticKey, TrytonMasterData::analyticKey),
                rows -> rows.stream().map(Row::node).map(a -> new CostObjectNode(
                        TrytonRpc.text(a.path("root.").path("code")),
                        TrytonRpc.text(a.path("code")), TrytonRpc.text(a.path("name")),
                        "root".equals(TrytonRpc.text(a.path("parent.").path("type"))) ? null
                                : TrytonRpc.text(a.path("parent.").path("code")),
                        "opened".equals(TrytonRpc.text(a.path("state"))) && a.path("active").asBoolean(true)))
                        .toList());
    }

    private static List<Object> withCompany(List<Object> domain, Company c) {
        List<Object> out = new ArrayList<>(domain);
        out.add(List.of("company", "=", c.id()));
        return out;
    }

    /** Purchases with their lines; a line's number is its Tryton id (what receipts refer to). */
    List<Changed<PurchaseOrder>> purchaseOrders(Checkpoint after, int limit) {
        return changes(companies.masterData(), "purchase.purchase", c -> withCompany(List.of(), c),
                List.of("number", "party.code", "purchase_date", "currency.code", "state", "description",
                        "invoice_address.street", "invoice_address.city", "invoice_address.postal_code",
                        "invoice_address.subdivision.name", "invoice_address.country.code",
                        "warehouse.address.street", "warehouse.address.city", "warehouse.address.postal_code",
                        "warehouse.address.subdivision.name", "warehouse.address.country.code"),
                after, limit, purchaseNumber(p -> TrytonRpc.text(p.path("number"))), this::withLines);
    }

    private List<PurchaseOrder> withLines(List<Row> headers) {
        Map<Long, List<PurchaseOrder.Line>> lines = new HashMap<>();
        Map<Company, List<Long>> byCompany = new LinkedHashMap<>();
        headers.forEach(h -> byCompany.computeIfAbsent(h.company(), k -> new ArrayList<>()).add(h.id()));
        byCompany.forEach((company, ids) -> rpc.model("purchase.line", "search_read", company.allCtx(),
                        List.of(List.of("purchase", "in", ids), List.of("type", "=", "line")), 0, null,
                        List.of(List.of("sequence", "ASC"), List.of("id", "ASC")),
                        List.of("purchase", "product.code", "description", "quantity", "unit.symbol", "unit_price",
                                "amount"))
                .forEach(l -> lines.computeIfAbsent(l.path("purchase").asLong(), k -> new ArrayList<>())
                        .add(new PurchaseOrder.Line(l.path("id").asInt(),
                                TrytonRpc.text(l.path("product.").path("code")), TrytonRpc.text(l.path("description")),
                                TrytonRpc.decimal(l.path("quantity")), TrytonRpc.text(l.path("unit.").path("symbol")),
                                TrytonRpc.decimal(l.path("unit_price")), TrytonRpc.decimal(l.path("amount"))))));
        List<PurchaseOrder> out = new ArrayList<>(headers.size());
        for (Row h : headers) {
            PurchaseOrder po = purchaseHeader(h.node());
            out.add(new PurchaseOrder(po.number(), po.supplierCode(), po.orderDate(), po.currency(),
                    po.status(), po.description(), po.billTo(), po.shipTo(), lines.getOrDefault(h.id(), List.of())));
        }
        return out;
    }

    private static PurchaseOrder purchaseHeader(JsonNode p) {
        PurchaseOrder.Status status = switch (String.valueOf(TrytonRpc.text(p.path("state")))) {
            case "confirmed", "processing" -> PurchaseOrder.Status.OPEN;
            case "done" -> PurchaseOrder.Status.CLOSED;
            case "cancelled" -> PurchaseOrder.Status.CANCELLED;
            default -> PurchaseOrder.Status.DRAFT;
        };
        return new PurchaseOrder(TrytonRpc.text(p.path("number")), TrytonRpc.text(p.path("party.").path("code")),
                TrytonRpc.date(p.path("purchase_date")), TrytonRpc.text(p.path("currency.").path("code")), status,
                TrytonRpc.text(p.path("description")), address(p.path("invoice_address.")),
                address(p.path("warehouse.").path("address.")), List.of());
    }

    private static Supplier.Address address(JsonNode a) {
        if (!a.isObject()) {
            return null;
        }
        return new Supplier.Address(TrytonRpc.text(a.path("street")), TrytonRpc.text(a.path("city")),
                TrytonRpc.text(a.path("postal_code")), TrytonRpc.text(a.path("subdivision.").path("name")),
                TrytonRpc.text(a.path("country.").path("code")));
    }

    /**
     * Done incoming moves of supplier shipments that came from a purchase line: one receipt line each; skipped with
     * their purchase when a company listed before has its number.
     */
    List<Changed<GoodsReceipt>> goodsReceipts(Checkpoint after, int limit) {
        return changes(companies.masterData(), "stock.move", c -> withCompany(List.of(List.of("state", "=", "done"),
                        List.of("shipment", "like", "stock.shipment.in,%"),
                        List.of("origin", "like", "purchase.line,%")), c),
                List.of("shipment.number", "origin", "purchase.number", "effective_date", "quantity", "unit_price"),
                after, limit, purchaseNumber(m -> TrytonRpc.text(m.path("purchase.").path("number"))),
                rows -> rows.stream().map(Row::node).map(m -> {
                    BigDecimal quantity = TrytonRpc.decimal(m.path("quantity"));
                    BigDecimal price = TrytonRpc.decimal(m.path("unit_price"));
                    String origin = TrytonRpc.text(m.path("origin"));
                    return new GoodsReceipt(TrytonRpc.text(m.path("shipment.").path("number")),
                            TrytonRpc.text(m.path("purchase.").path("number")),
                            Integer.parseInt(origin.substring(origin.indexOf(',') + 1)),
                            TrytonRpc.date(m.path("effective_date")), quantity,
                            quantity == null || price == null ? null : quantity.multiply(price));
                }).toList());
    }
}

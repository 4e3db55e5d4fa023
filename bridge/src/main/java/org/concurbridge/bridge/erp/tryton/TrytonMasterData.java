package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.Changed;
import org.concurbridge.bridge.erp.Checkpoint;
import org.concurbridge.bridge.erp.CostObjectNode;
import org.concurbridge.bridge.erp.GoodsReceipt;
import org.concurbridge.bridge.erp.PurchaseOrder;
import org.concurbridge.bridge.erp.Supplier;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Change streams over Tryton models. A record's change time is its {@code write_date}, or its {@code create_date}
 * when it was never written; Tryton cannot order by that coalesce, so each page is two searches (written records
 * by (write_date, id), never-written ones by (create_date, id)), merged, and cut at the limit.
 */
final class TrytonMasterData {

    private final TrytonRpc rpc;
    private final int companyId;
    private final Map<String, Object> allCtx;

    TrytonMasterData(TrytonRpc rpc, int companyId) {
        this.rpc = rpc;
        this.companyId = companyId;
        this.allCtx = Map.of("company", companyId, "active_test", false);
    }

    private <T> List<Changed<T>> changes(String model, List<Object> domain, List<String> fields, Checkpoint after,
                                         int limit, Function<JsonNode, T> mapper) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
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
        List<Changed<T>> page = new ArrayList<>();
        for (JsonNode row : rpc.model(model, "search_read", allCtx, written, 0, limit,
                List.of(List.of("write_date", "ASC"), List.of("id", "ASC")), read)) {
            page.add(new Changed<>(mapper.apply(row), checkpoint(row)));
        }
        for (JsonNode row : rpc.model(model, "search_read", allCtx, created, 0, limit,
                List.of(List.of("create_date", "ASC"), List.of("id", "ASC")), read)) {
            page.add(new Changed<>(mapper.apply(row), checkpoint(row)));
        }
        page.sort(Comparator.comparing(Changed::checkpoint));
        return page.size() > limit ? new ArrayList<>(page.subList(0, limit)) : page;
    }

    private static Checkpoint checkpoint(JsonNode row) {
        Instant w = TrytonRpc.instant(row.path("write_date"));
        return new Checkpoint(w != null ? w : TrytonRpc.instant(row.path("create_date")), row.path("id").asLong());
    }

    /** Parties that are neither a company nor an employee. */
    List<Changed<Supplier>> suppliers(Checkpoint after, int limit) {
        Set<Long> excluded = new HashSet<>();
        rpc.model("company.company", "search_read", allCtx, List.of(), 0, null, null, List.of("party"))
                .forEach(r -> excluded.add(r.path("party").asLong()));
        rpc.model("company.employee", "search_read", allCtx, List.of(), 0, null, null, List.of("party"))
                .forEach(r -> excluded.add(r.path("party").asLong()));
        return changes("party.party", List.of(List.of("id", "not in", new ArrayList<>(excluded))),
                List.of("code", "name", "active", "tax_identifier.code", "supplier_payment_term.name",
                        "addresses.street", "addresses.city", "addresses.postal_code", "addresses.invoice",
                        "addresses.country.code", "addresses.subdivision.name", "bank_accounts.numbers.number",
                        "bank_accounts.bank.bic", "bank_accounts.bank.party.name", "bank_accounts.currency.code"),
                after, limit, TrytonMasterData::supplier);
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

    /** Analytic accounts below a root; the dimension is the root's code. */
    List<Changed<CostObjectNode>> costObjects(Checkpoint after, int limit) {
        return changes("analytic_account.account", List.of(List.of("company", "=", companyId),
                        List.of("type", "in", List.of("normal", "view"))),
                List.of("code", "name", "state", "active", "root.code", "parent.code", "parent.type"),
                after, limit, a -> new CostObjectNode(TrytonRpc.text(a.path("root.").path("code")),
                        TrytonRpc.text(a.path("code")), TrytonRpc.text(a.path("name")),
                        "root".equals(TrytonRpc.text(a.path("parent.").path("type"))) ? null
                                : TrytonRpc.text(a.path("parent.").path("code")),
                        "opened".equals(TrytonRpc.text(a.path("state"))) && a.path("active").asBoolean(true)));
    }

    /** Purchases with their lines; a line's number is its Tryton id (what receipts refer to). */
    List<Changed<PurchaseOrder>> purchaseOrders(Checkpoint after, int limit) {
        List<Changed<PurchaseOrder>> headers = changes("purchase.purchase",
                List.of(List.of("company", "=", companyId)),
                List.of("number", "party.code", "purchase_date", "currency.code", "state", "description",
                        "invoice_address.street", "invoice_address.city", "invoice_address.postal_code",
                        "invoice_address.subdivision.name", "invoice_address.country.code",
                        "warehouse.address.street", "warehouse.address.city", "warehouse.address.postal_code",
                        "warehouse.address.subdivision.name", "warehouse.address.country.code"),
                after, limit, TrytonMasterData::purchaseHeader);
        if (headers.isEmpty()) {
            return headers;
        }
        Map<String, List<PurchaseOrder.Line>> lines = new HashMap<>();
        rpc.model("purchase.line", "search_read", allCtx, List.of(List.of("purchase.number", "in",
                        headers.stream().map(h -> h.value().number()).toList()), List.of("type", "=", "line")),
                0, null, List.of(List.of("sequence", "ASC"), List.of("id", "ASC")),
                List.of("purchase.number", "product.code", "description", "quantity", "unit.symbol", "unit_price",
                        "amount"))
                .forEach(l -> lines.computeIfAbsent(TrytonRpc.text(l.path("purchase.").path("number")),
                        k -> new ArrayList<>()).add(new PurchaseOrder.Line(l.path("id").asInt(),
                        TrytonRpc.text(l.path("product.").path("code")), TrytonRpc.text(l.path("description")),
                        TrytonRpc.decimal(l.path("quantity")), TrytonRpc.text(l.path("unit.").path("symbol")),
                        TrytonRpc.decimal(l.path("unit_price")), TrytonRpc.decimal(l.path("amount")))));
        List<Changed<PurchaseOrder>> out = new ArrayList<>(headers.size());
        for (Changed<PurchaseOrder> h : headers) {
            PurchaseOrder po = h.value();
            out.add(new Changed<>(new PurchaseOrder(po.number(), po.supplierCode(), po.orderDate(), po.currency(),
                    po.status(), po.description(), po.billTo(), po.shipTo(),
                    lines.getOrDefault(po.number(), List.of())), h.checkpoint()));
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

    /** Done incoming moves of supplier shipments that came from a purchase line: one receipt line each. */
    List<Changed<GoodsReceipt>> goodsReceipts(Checkpoint after, int limit) {
        return changes("stock.move", List.of(List.of("company", "=", companyId), List.of("state", "=", "done"),
                        List.of("shipment", "like", "stock.shipment.in,%"),
                        List.of("origin", "like", "purchase.line,%")),
                List.of("shipment.number", "origin", "purchase.number", "effective_date", "quantity", "unit_price"),
                after, limit, m -> {
                    BigDecimal quantity = TrytonRpc.decimal(m.path("quantity"));
                    BigDecimal price = TrytonRpc.decimal(m.path("unit_price"));
                    String origin = TrytonRpc.text(m.path("origin"));
                    return new GoodsReceipt(TrytonRpc.text(m.path("shipment.").path("number")),
                            TrytonRpc.text(m.path("purchase.").path("number")),
                            Integer.parseInt(origin.substring(origin.indexOf(',') + 1)),
                            TrytonRpc.date(m.path("effective_date")), quantity,
                            quantity == null || price == null ? null : quantity.multiply(price));
                });
    }
}

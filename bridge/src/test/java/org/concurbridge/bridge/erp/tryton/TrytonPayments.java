package org.concurbridge.bridge.erp.tryton;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Tryton user does to pay a posted entry and to undo the payment, in one company, through Tryton's own
 * wizards over JSON-RPC: a bank payment move reconciled with the entry's payable line ("Reconcile Lines"); a bounced
 * payment unreconciled ("Unreconcile Lines", which deletes the reconciliation) and its move cancelled ("Cancel
 * Moves": a counter move, reconciled with the payment's payable line, posted); lines grouped for one payment ("Group
 * Lines").
 */
public final class TrytonPayments {
    private final TrytonRpc rpc;
    private final long company;
    private final Map<String, Object> ctx;

    public TrytonPayments(TrytonRpc rpc, long company) {
        this.rpc = rpc;
        this.company = company;
        this.ctx = Map.of("company", company);
    }

    /** The entry's payable line: the line with a party on the credit side of the posted move under the key. */
    public JsonNode payableLine(String key) {
        JsonNode line = rpc.model("account.move.line", "search_read", ctx, List.of(
                List.of("move.description", "like", "[" + key + "]%"), List.of("move.company", "=", company),
                TrytonRpc.clause("party", "!=", null), List.of("credit", ">", BigDecimal.ZERO)), 0, 1, null,
                List.of("account", "party", "credit", "reconciliation")).path(0);
        if (line.isMissingNode()) {
            throw new IllegalStateException("no payable line under " + key + " in company " + company);
        }
        return line;
    }

    /**
     * Pays the entry's payable line: a posted bank move on the date (debit the payable with the employee, credit the
     * bank account), whose payable line is reconciled with the entry's. The amount must be the payable line's (Tryton
     * 6.0 reconciles balanced lines only). Returns the payment move.
     */
    public long pay(String key, BigDecimal amount, LocalDate on) {
        return payLine(payableLine(key).path("id").asLong(), amount, on);
    }

    /** {@link #pay} of any payable line (e.g. the balance line of a grouping). */
    public long payLine(long line, BigDecimal amount, LocalDate on) {
        JsonNode payable = rpc.model("account.move.line", "read", ctx, List.of(line), List.of("account", "party"))
                .path(0);
        long bank = rpc.model("account.account", "search", ctx, List.of(List.of("company", "=", company),
                List.of("OR", List.of("code", "=", "1200"), List.of("name", "=", "Main Cash"))), 0, 1, null)
                .path(0).asLong();
        long period = rpc.model("account.period", "search", ctx, List.of(List.of("company", "=", company),
                List.of("type", "=", "standard"), List.of("start_date", "<=", on), List.of("end_date", ">=", on)),
                0, 1, null).path(0).asLong();
        Map<String, Object> payableSide = new LinkedHashMap<>();
        payableSide.put("account", payable.path("account").asLong());
        payableSide.put("party", payable.path("party").asLong());
        payableSide.put("debit", amount);
        payableSide.put("credit", BigDecimal.ZERO);
        long payment = rpc.model("account.move", "create", ctx, List.of(Map.of("journal", journal(),
                "company", company, "period", period, "date", on, "description", "Bank payment",
                "lines", List.of(List.of("create", List.of(payableSide,
                        Map.of("account", bank, "debit", BigDecimal.ZERO, "credit", amount))))))).path(0).asLong();
        rpc.model("account.move", "post", ctx, List.of(payment));
        wizard("account.move.reconcile_lines", "account.move.line", List.of(line, payableLineOf(payment)), "start",
                Map.of());
        return payment;
    }

    /**
     * Group Lines on the entries' payable lines (one employee): Tryton books a grouping move, reconciles the lines
     * with it and delegates their reconciliation to the grouping's balance line, which is returned (to be paid).
     */
    public long group(List<String> keys) {
        List<Long> lines = keys.stream().map(k -> payableLine(k).path("id").asLong()).toList();
        wizard("account.move.line.group", "account.move.line", lines, "group",
                Map.of("start", Map.of("journal", journal(), "description", "Grouped for payment")));
        return rpc.model("account.move.line", "read", ctx, List.of(lines.get(0)),
                List.of("reconciliation.delegate_to")).path(0).path("reconciliation.").path("delegate_to").asLong();
    }

    /**
     * The payment bounced, undone as a Tryton user does it: Unreconcile Lines on the payment's payable line (the
     * reconciliation with the entry is deleted), then Cancel Moves on the payment move.
     */
    public void bounce(long payment, String reason) {
        unreconcile(payment);
        cancel(payment, reason);
    }

    /** Cancel Moves on the move (a counter move reconciled with the move's reconcilable lines), posted. */
    public void cancel(long move, String reason) {
        wizard("account.move.cancel", "account.move", List.of(move), "cancel",
                Map.of("default", Map.of("description", reason)));
        JsonNode cancel = rpc.model("account.move", "search", ctx, List.of(
                List.of("origin", "=", "account.move," + move), List.of("state", "=", "draft")), 0, null, null);
        if (!cancel.isEmpty()) {
            rpc.model("account.move", "post", ctx, cancel);
        }
    }

    /** The posted move under the key. */
    public long moveOf(String key) {
        return rpc.model("account.move", "search", ctx, List.of(List.of("description", "like", "[" + key + "]%"),
                List.of("company", "=", company)), 0, 1, null).path(0).asLong();
    }

    /** Unreconcile Lines on the payment's payable line: its reconciliation is deleted. */
    public void unreconcile(long payment) {
        wizard("account.move.unreconcile_lines", "account.move.line", List.of(payableLineOf(payment)),
                "unreconcile", Map.of());
    }

    /** Whether the entry's payable line is reconciled. */
    public boolean reconciled(String key) {
        return !payableLine(key).path("reconciliation").isNull();
    }

    private long journal() {
        return rpc.model("account.journal", "search", ctx, List.of(List.of("code", "=", "MISC")), 0, 1, null)
                .path(0).asLong();
    }

    private long payableLineOf(long move) {
        return rpc.model("account.move.line", "search", ctx, List.of(List.of("move", "=", move),
                TrytonRpc.clause("party", "!=", null)), 0, 1, null).path(0).asLong();
    }

    /** Runs a wizard on records as the client does: create a session, execute the state with the data, delete. */
    private void wizard(String name, String model, List<Long> ids, String state, Map<String, Object> data) {
        Map<String, Object> wctx = new LinkedHashMap<>(ctx);
        wctx.put("active_model", model);
        wctx.put("active_id", ids.get(0));
        wctx.put("active_ids", ids);
        long session = rpc.call("wizard." + name + ".create", array(wctx)).path(0).asLong();
        rpc.call("wizard." + name + ".execute", array(session, data, state, wctx));
        rpc.call("wizard." + name + ".delete", array(session, wctx));
    }

    private static ArrayNode array(Object... values) {
        return (ArrayNode) TrytonRpc.node(values);
    }
}

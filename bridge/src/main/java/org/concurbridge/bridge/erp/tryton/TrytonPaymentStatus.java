package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.PaymentStatus;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether Tryton paid the payable lines of posted moves (lines with a party on the credit side). A line is paid
 * while it is reconciled by a payment:
 * <ul>
 *     <li>a reconciliation that delegates to another line (Tryton's "Group Lines": the lines are reconciled with the
 *     grouping move and the amount still to pay is the grouping's balance line) pays only while that line is paid,
 *     followed to the end of the chain;</li>
 *     <li>a reconciliation of the line with nothing but its own move's lines and the lines of moves cancelling that
 *     move ({@code origin} = the move: Tryton's "Cancel Moves", or a reversal) is no payment;</li>
 *     <li>a payment undone in Tryton ("Unreconcile Lines", a deleted reconciliation, before "Cancel Moves" of the
 *     payment) leaves the line unreconciled, so unpaid again.</li>
 * </ul>
 * The paying reconciliation gives the date and reference. Amounts in the second currency when the move had one.
 */
final class TrytonPaymentStatus {

    /** Longer delegation chains than this are not followed (Tryton makes them one grouping at a time). */
    private static final int MAX_DELEGATIONS = 10;
    private static final List<String> RECONCILED = List.of("move", "reconciliation", "reconciliation.date",
            "reconciliation.rec_name", "reconciliation.delegate_to");

    /** The reconciliation that pays a line. */
    private record Paid(LocalDate on, String reference) {
    }

    private final TrytonRpc rpc;

    TrytonPaymentStatus(TrytonRpc rpc) {
        this.rpc = rpc;
    }

    /** The status of each found (posted) move of one company, by key. */
    Map<String, PaymentStatus> of(TrytonCompanies.Company company, Map<Long, TrytonMoves.Found> byId) {
        List<String> fields = new ArrayList<>(RECONCILED);
        fields.addAll(List.of("credit", "amount_second_currency", "second_currency.code"));
        JsonNode lines = rpc.model("account.move.line", "search_read", company.ctx(),
                List.of(List.of("move", "in", new ArrayList<>(byId.keySet())), TrytonRpc.clause("party", "!=", null),
                        List.of("credit", ">", BigDecimal.ZERO)), 0, null, null, fields);
        Map<Long, Paid> paid = paid(company, lines);
        Map<Long, List<JsonNode>> perMove = new LinkedHashMap<>();
        lines.forEach(l -> perMove.computeIfAbsent(l.path("move").asLong(), k -> new ArrayList<>()).add(l));
        Map<String, PaymentStatus> out = new LinkedHashMap<>();
        for (TrytonMoves.Found f : byId.values()) {
            BigDecimal payable = BigDecimal.ZERO;
            BigDecimal paidAmount = BigDecimal.ZERO;
            LocalDate paidOn = null;
            String reference = null;
            String currency = company.currency();
            for (JsonNode l : perMove.getOrDefault(f.id(), List.of())) {
                String second = TrytonRpc.text(l.path("second_currency.").path("code"));
                BigDecimal amount = second != null ? TrytonRpc.decimal(l.path("amount_second_currency")).abs()
                        : TrytonRpc.decimal(l.path("credit"));
                currency = second != null ? second : company.currency();
                payable = payable.add(amount);
                Paid p = paid.get(l.path("id").asLong());
                if (p != null) {
                    paidAmount = paidAmount.add(amount);
                    if (paidOn == null || (p.on() != null && p.on().isAfter(paidOn))) {
                        paidOn = p.on();
                        reference = p.reference();
                    }
                }
            }
            out.put(f.ref().idempotencyKey(), new PaymentStatus(f.ref().idempotencyKey(), f.ref().documentNumber(),
                    PaymentStatus.stateOf(payable, paidAmount), payable, paidAmount, currency, paidOn, reference));
        }
        return out;
    }

    /**
     * The paying reconciliation of each payable line (by id) that has one: one read of the reconciliations' lines per
     * level of delegation, and one of the delegated-to lines.
     */
    private Map<Long, Paid> paid(TrytonCompanies.Company company, JsonNode payableLines) {
        Map<Long, Paid> out = new HashMap<>();
        Map<Long, JsonNode> at = new LinkedHashMap<>();   // payable line id -> the line its chain has reached
        payableLines.forEach(l -> at.put(l.path("id").asLong(), l));
        for (int level = 0; level <= MAX_DELEGATIONS && !at.isEmpty(); level++) {
            at.values().removeIf(l -> id(l.path("reconciliation")) == null);
            Map<Long, List<JsonNode>> members = members(company, at.values());
            Map<Long, Long> delegated = new LinkedHashMap<>();   // payable line id -> delegated-to line id
            for (Map.Entry<Long, JsonNode> e : at.entrySet()) {
                JsonNode line = e.getValue();
                JsonNode reconciliation = line.path("reconciliation.");
                if (cancellation(line.path("move").asLong(), members.get(id(line.path("reconciliation"))))) {
                    continue;
                }
                Long delegate = id(reconciliation.path("delegate_to"));
                if (delegate == null) {
                    out.put(e.getKey(), new Paid(TrytonRpc.date(reconciliation.path("date")),
                            TrytonRpc.text(reconciliation.path("rec_name"))));
                } else {
                    delegated.put(e.getKey(), delegate);
                }
            }
            at.clear();
            if (!delegated.isEmpty()) {
                Map<Long, JsonNode> delegates = new HashMap<>();
                rpc.model("account.move.line", "read", company.ctx(), new ArrayList<>(new LinkedHashSet<>(
                        delegated.values())), RECONCILED).forEach(d -> delegates.put(d.path("id").asLong(), d));
                delegated.forEach((payable, delegate) -> {
                    if (delegates.containsKey(delegate)) {
                        at.put(payable, delegates.get(delegate));
                    }
                });
            }
        }
        return out;
    }

    /** The lines of the lines' reconciliations, by reconciliation id, with their move and its origin. */
    private Map<Long, List<JsonNode>> members(TrytonCompanies.Company company, Iterable<JsonNode> lines) {
        Set<Long> reconciliations = new LinkedHashSet<>();
        lines.forEach(l -> reconciliations.add(id(l.path("reconciliation"))));
        Map<Long, List<JsonNode>> out = new HashMap<>();
        if (!reconciliations.isEmpty()) {
            rpc.model("account.move.line", "search_read", company.ctx(), List.of(List.of("reconciliation", "in",
                            new ArrayList<>(reconciliations))), 0, null, null, List.of("reconciliation", "move",
                            "move.origin"))
                    .forEach(m -> out.computeIfAbsent(id(m.path("reconciliation")), k -> new ArrayList<>()).add(m));
        }
        return out;
    }

    /** Every line of the reconciliation is in the move or in a move cancelling it: no payment. */
    private static boolean cancellation(long move, List<JsonNode> members) {
        String cancels = "account.move," + move;
        return members != null && members.stream().allMatch(m -> m.path("move").asLong() == move
                || cancels.equals(TrytonRpc.text(m.path("move.").path("origin"))));
    }

    private static Long id(JsonNode n) {
        return n != null && n.isNumber() ? n.asLong() : null;
    }
}

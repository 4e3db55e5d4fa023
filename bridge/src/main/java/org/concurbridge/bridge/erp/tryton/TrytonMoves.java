package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.CostObject;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.erp.ErpDocumentRef;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.erp.ErpPosting.BatchResult;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.JournalLine;
import org.concurbridge.bridge.erp.Partner;
import org.concurbridge.bridge.erp.PostingResult;
import org.concurbridge.bridge.erp.ReferenceRules;
import org.concurbridge.bridge.erp.Reversal;
import org.concurbridge.bridge.erp.ValidationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Journal entries as {@code account.move}: lookup by key, reference resolution, create + post, reversal. */
final class TrytonMoves {

    private static final Logger log = LoggerFactory.getLogger(TrytonMoves.class);
    private static final String[] MOVE_FIELDS = {"description", "state", "number", "post_number", "origin",
            "origin.description"};

    /** A move found by idempotency key. */
    record Found(long id, boolean posted, ErpDocumentRef ref) {
    }

    /** What a company's session needs once: its party code, currency and the journal. */
    private record Company(String code, String currency, long journalId) {
    }

    private final TrytonRpc rpc;
    private final ErpConfig.Tryton config;
    private final Map<String, Object> ctx;
    private final Map<String, Object> allCtx;    // also inactive records
    private final Map<LocalDate, Long> periods = new ConcurrentHashMap<>();
    private volatile Company company;

    TrytonMoves(TrytonRpc rpc, ErpConfig.Tryton config) {
        this.rpc = rpc;
        this.config = config;
        this.ctx = Map.of("company", config.companyId());
        this.allCtx = Map.of("company", config.companyId(), "active_test", false);
    }

    private Company company() {
        Company c = company;
        if (c == null) {
            JsonNode row = rpc.model("company.company", "read", ctx, List.of(config.companyId()),
                    List.of("party.code", "currency.code")).path(0);
            if (row.isMissingNode()) {
                throw new ErpException.Permanent("Tryton company " + config.companyId() + " does not exist"
                        + " (erp.tryton.company-id)", null);
            }
            JsonNode journal = rpc.model("account.journal", "search", ctx,
                    List.of(List.of("code", "=", config.journal())), 0, 1, null);
            if (journal.isEmpty()) {
                throw new ErpException.Permanent("Tryton has no account.journal with code " + config.journal()
                        + " (erp.tryton.journal)", null);
            }
            c = new Company(TrytonRpc.text(row.path("party.").path("code")),
                    TrytonRpc.text(row.path("currency.").path("code")), journal.path(0).asLong());
            company = c;
        }
        return c;
    }

    String companyCurrency() {
        return company().currency();
    }

    // ------------------------------------------------------------------ lookup

    static String prefix(String key) {
        return "[" + key + "]";
    }

    private static String likePattern(String key) {
        return prefix(key).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Moves of this journal whose description starts with one of the keys. */
    Map<String, Found> find(Collection<String> keys) {
        Map<String, Found> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<Object> or = new ArrayList<>();
        or.add("OR");
        keys.forEach(k -> or.add(List.of("description", "like", likePattern(k))));
        JsonNode rows = rpc.model("account.move", "search_read", ctx,
                List.of(List.of("journal", "=", company().journalId()), List.of("company", "=", config.companyId()),
                        or), 0, null, List.of(List.of("id", "ASC")), Arrays.asList(MOVE_FIELDS));
        for (JsonNode row : rows) {
            String description = TrytonRpc.text(row.path("description"));
            for (String k : keys) {
                if (description != null && description.startsWith(prefix(k)) && !out.containsKey(k)) {
                    out.put(k, found(k, row));
                }
            }
        }
        return out;
    }

    private static Found found(String key, JsonNode row) {
        boolean posted = "posted".equals(TrytonRpc.text(row.path("state")));
        String number = posted ? TrytonRpc.text(row.path("post_number")) : TrytonRpc.text(row.path("number"));
        String reverses = null;
        String origin = TrytonRpc.text(row.path("origin"));
        if (origin != null && origin.startsWith("account.move,")) {
            reverses = keyOf(TrytonRpc.text(row.path("origin.").path("description")));
        }
        return new Found(row.path("id").asLong(), posted, new ErpDocumentRef(key, number, reverses));
    }

    /** The key written at the head of a move description, or null. */
    static String keyOf(String description) {
        if (description == null || !description.startsWith("[")) {
            return null;
        }
        int end = description.indexOf(']');
        return end < 0 ? null : description.substring(1, end);
    }

    // ------------------------------------------------------------------ references

    /** Ids of the records a set of entries refers to, loaded with one search per model. */
    final class Resolved implements ReferenceRules.Lookup {
        private final Map<String, JsonNode> accounts = new HashMap<>();
        private final Map<String, JsonNode> analytic = new HashMap<>();    // root code + '\0' + code
        private final Map<String, JsonNode> parties = new HashMap<>();
        private final Map<String, JsonNode> taxes = new HashMap<>();
        private final Map<String, Long> currencies = new HashMap<>();
        private final Map<LocalDate, Long> periodIds = new HashMap<>();

        List<ValidationProblem> check(JournalEntry e) {
            List<ValidationProblem> problems = new ArrayList<>();
            Company c = company();
            if (e.company() != null && !e.company().equals(c.code())) {
                problems.add(ValidationProblem.header("company", e.company(), "the Tryton company "
                        + config.companyId() + " has code " + c.code()));
            }
            if (e.companyCurrency() != null && !e.companyCurrency().equals(c.currency())) {
                problems.add(ValidationProblem.header("companyCurrency", e.companyCurrency(),
                        "the Tryton company's currency is " + c.currency()));
            }
            if (e.foreignCurrency() && !currencies.containsKey(e.currency())) {
                problems.add(ValidationProblem.header("currency", e.currency(), "unknown currency in Tryton"));
            }
            if (e.postingDate() != null && periodIds.get(e.postingDate()) == null) {
                problems.add(ValidationProblem.header("postingDate", e.postingDate().toString(),
                        "no open accounting period in Tryton covers this date"));
            }
            if (e.idempotencyKey().contains("]")) {
                problems.add(ValidationProblem.header("idempotencyKey", e.idempotencyKey(),
                        "must not contain ']' (it is written as [key] in the move description)"));
            }
            problems.addAll(ReferenceRules.check(e, this));
            return problems;
        }

        @Override
        public ReferenceRules.Account account(String code) {
            JsonNode a = accounts.get(code);
            if (a == null) {
                return null;
            }
            ReferenceRules.State state = !a.path("active").asBoolean(true) || a.path("closed").asBoolean(false)
                    ? ReferenceRules.State.INACTIVE
                    : a.path("type").isNull() ? ReferenceRules.State.NOT_POSTABLE : ReferenceRules.State.ACTIVE;
            return new ReferenceRules.Account(state, a.path("party_required").asBoolean(false));
        }

        /** Only {@code normal} analytic accounts in state {@code opened} take analytic lines. */
        @Override
        public ReferenceRules.State costObject(CostObject co) {
            JsonNode a = analytic.get(co.dimension() + '\0' + co.code());
            return a == null ? null : "opened".equals(TrytonRpc.text(a.path("state")))
                    && a.path("active").asBoolean(true) && "normal".equals(TrytonRpc.text(a.path("type")))
                    ? ReferenceRules.State.ACTIVE : ReferenceRules.State.INACTIVE;
        }

        @Override
        public ReferenceRules.State partner(Partner p) {
            return active(parties.get(p.code()));
        }

        @Override
        public ReferenceRules.State taxCode(String code) {
            return active(taxes.get(code));
        }

        private static ReferenceRules.State active(JsonNode record) {
            return record == null ? null : record.path("active").asBoolean(true) ? ReferenceRules.State.ACTIVE
                    : ReferenceRules.State.INACTIVE;
        }
    }

    Resolved resolve(Collection<JournalEntry> entries) {
        Resolved r = new Resolved();
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> costCodes = new LinkedHashSet<>();
        Set<String> parties = new LinkedHashSet<>();
        Set<String> taxes = new LinkedHashSet<>();
        Set<String> currencies = new LinkedHashSet<>();
        Set<LocalDate> dates = new LinkedHashSet<>();
        for (JournalEntry e : entries) {
            if (e.foreignCurrency()) {
                currencies.add(e.currency());
            }
            if (e.postingDate() != null) {
                dates.add(e.postingDate());
            }
            for (JournalLine l : e.lines()) {
                accounts.add(l.account());
                l.costObjects().forEach(c -> costCodes.add(c.code()));
                if (l.partner() != null) {
                    parties.add(l.partner().code());
                }
                if (l.taxCode() != null) {
                    taxes.add(l.taxCode());
                }
            }
        }
        int company = config.companyId();
        if (!accounts.isEmpty()) {
            rpc.model("account.account", "search_read", allCtx, List.of(List.of("code", "in", accounts),
                            List.of("company", "=", company)), 0, null, null,
                    List.of("code", "active", "closed", "type", "party_required"))
                    .forEach(a -> r.accounts.put(TrytonRpc.text(a.path("code")), a));
        }
        if (!costCodes.isEmpty()) {
            rpc.model("analytic_account.account", "search_read", allCtx, List.of(List.of("code", "in", costCodes),
                            List.of("company", "=", company)), 0, null, null,
                    List.of("code", "state", "type", "active", "root.code"))
                    .forEach(a -> r.analytic.put(TrytonRpc.text(a.path("root.").path("code")) + '\0'
                            + TrytonRpc.text(a.path("code")), a));
        }
        if (!parties.isEmpty()) {
            rpc.model("party.party", "search_read", allCtx, List.of(List.of("code", "in", parties)), 0, null, null,
                    List.of("code", "active")).forEach(p -> r.parties.put(TrytonRpc.text(p.path("code")), p));
        }
        if (!taxes.isEmpty()) {
            rpc.model("account.tax", "search_read", allCtx, List.of(List.of("name", "in", taxes),
                            List.of("company", "=", company)), 0, null, null,
                    List.of("name", "active", "invoice_account", "credit_note_account"))
                    .forEach(t -> r.taxes.put(TrytonRpc.text(t.path("name")), t));
        }
        if (!currencies.isEmpty()) {
            rpc.model("currency.currency", "search_read", ctx, List.of(List.of("code", "in", currencies)), 0, null,
                    null, List.of("code")).forEach(c -> r.currencies.put(TrytonRpc.text(c.path("code")),
                    c.path("id").asLong()));
        }
        for (LocalDate d : dates) {
            Long period = periods.get(d);
            if (period == null) {
                JsonNode found = rpc.model("account.period", "search", ctx, List.of(
                        List.of("company", "=", company), List.of("type", "=", "standard"),
                        List.of("state", "=", "open"), List.of("start_date", "<=", d),
                        List.of("end_date", ">=", d)), 0, 1, null);
                if (!found.isEmpty()) {
                    period = found.path(0).asLong();
                    periods.put(d, period);
                }
            }
            r.periodIds.put(d, period);
        }
        return r;
    }

    // ------------------------------------------------------------------ posting

    /** Posts distinct entries that passed the entry rules: one search, the resolution, one create, one post. */
    List<BatchResult> postChunk(List<JournalEntry> chunk) {
        BatchResult[] out = new BatchResult[chunk.size()];
        Map<String, Found> existing = find(chunk.stream().map(JournalEntry::idempotencyKey).toList());
        List<JournalEntry> fresh = chunk.stream().filter(e -> !existing.containsKey(e.idempotencyKey())).toList();
        Resolved resolved = resolve(fresh);
        List<Map<String, Object>> values = new ArrayList<>();
        List<Integer> createdIndexes = new ArrayList<>();
        List<Long> leftoverDrafts = new ArrayList<>();
        List<Integer> draftIndexes = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            JournalEntry e = chunk.get(i);
            Found f = existing.get(e.idempotencyKey());
            if (f != null && f.posted()) {
                out[i] = new BatchResult(new PostingResult(f.ref(), true), null);
            } else if (f != null) {
                // a draft left by an earlier call that died between create and post: finish it
                leftoverDrafts.add(f.id());
                draftIndexes.add(i);
            } else {
                List<ValidationProblem> problems = resolved.check(e);
                if (problems.isEmpty()) {
                    values.add(moveValues(e, resolved));
                    createdIndexes.add(i);
                } else {
                    out[i] = new BatchResult(null, ErpException.Permanent.invalid(e, problems));
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        if (!values.isEmpty()) {
            rpc.model("account.move", "create", ctx, values).forEach(id -> ids.add(id.asLong()));
        }
        List<Long> toPost = new ArrayList<>(ids);
        toPost.addAll(leftoverDrafts);
        if (!toPost.isEmpty()) {
            postOrDelete(toPost);
            Map<Long, String> numbers = new HashMap<>();
            rpc.model("account.move", "read", ctx, toPost, List.of("post_number"))
                    .forEach(r -> numbers.put(r.path("id").asLong(), TrytonRpc.text(r.path("post_number"))));
            for (int j = 0; j < ids.size(); j++) {
                JournalEntry e = chunk.get(createdIndexes.get(j));
                out[createdIndexes.get(j)] = new BatchResult(new PostingResult(
                        new ErpDocumentRef(e.idempotencyKey(), numbers.get(ids.get(j)), null), false), null);
            }
            for (int j = 0; j < leftoverDrafts.size(); j++) {
                JournalEntry e = chunk.get(draftIndexes.get(j));
                out[draftIndexes.get(j)] = new BatchResult(new PostingResult(
                        new ErpDocumentRef(e.idempotencyKey(), numbers.get(leftoverDrafts.get(j)), null), false),
                        null);
            }
        }
        return Arrays.asList(out);
    }

    /** Posts the moves; when Tryton refuses, deletes the drafts so that nothing half-created remains. */
    private void postOrDelete(List<Long> toPost) {
        try {
            rpc.model("account.move", "post", ctx, toPost);
        } catch (ErpException e) {
            try {
                rpc.model("account.move", "delete", ctx, toPost);
            } catch (ErpException deleteFailed) {
                // left as drafts carrying their keys: the next post of those keys finds and finishes them
                log.warn("event=erp.tryton.draft_cleanup_failed moves={} error=\"{}\"", toPost,
                        deleteFailed.getMessage());
            }
            throw e;
        }
        log.debug("event=erp.tryton.posted moves={}", toPost.size());
    }

    private Map<String, Object> moveValues(JournalEntry e, Resolved r) {
        List<Map<String, Object>> lines = new ArrayList<>();
        Long second = e.foreignCurrency() ? r.currencies.get(e.currency()) : null;
        for (JournalLine l : e.lines()) {
            boolean debit = l.side() == JournalLine.Side.DEBIT;
            BigDecimal company = l.companyAmount();
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("account", r.accounts.get(l.account()).path("id").asLong());
            v.put("debit", debit ? company : BigDecimal.ZERO);
            v.put("credit", debit ? BigDecimal.ZERO : company);
            v.put("description", l.text());
            if (l.partner() != null) {
                v.put("party", r.parties.get(l.partner().code()).path("id").asLong());
            }
            if (second != null) {
                v.put("second_currency", second);
                v.put("amount_second_currency", debit ? l.amount() : l.amount().negate());
            }
            if (!l.costObjects().isEmpty()) {
                List<Map<String, Object>> analytic = new ArrayList<>();
                for (CostObject co : l.costObjects()) {
                    analytic.add(Map.of("account", r.analytic.get(co.dimension() + '\0' + co.code()).path("id")
                                    .asLong(), "debit", debit ? company : BigDecimal.ZERO,
                            "credit", debit ? BigDecimal.ZERO : company, "date", e.postingDate()));
                }
                v.put("analytic_lines", List.of(List.of("create", analytic)));
            }
            if (l.taxCode() != null) {
                JsonNode tax = r.taxes.get(l.taxCode());
                long accountId = r.accounts.get(l.account()).path("id").asLong();
                boolean isTaxLine = tax.path("invoice_account").asLong(-1) == accountId
                        || tax.path("credit_note_account").asLong(-1) == accountId;
                v.put("tax_lines", List.of(List.of("create", List.of(Map.of("tax", tax.path("id").asLong(),
                        "type", isTaxLine ? "tax" : "base", "amount", debit ? company : company.negate())))));
            }
            lines.add(v);
        }
        return move(r.periodIds.get(e.postingDate()), e.postingDate(),
                description(e.idempotencyKey(), e.reference(), e.description()), lines);
    }

    private Map<String, Object> move(long period, LocalDate date, String description,
                                     List<Map<String, Object>> lines) {
        Map<String, Object> move = new LinkedHashMap<>();
        move.put("journal", company().journalId());
        move.put("company", config.companyId());
        move.put("period", period);
        move.put("date", date);
        move.put("description", description);
        move.put("lines", List.of(List.of("create", lines)));
        return move;
    }

    private static String description(String key, String reference, String text) {
        StringBuilder sb = new StringBuilder(prefix(key));
        if (reference != null && !reference.isBlank()) {
            sb.append(' ').append(reference).append(':');
        }
        if (text != null && !text.isBlank()) {
            sb.append(' ').append(text);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ reversal

    PostingResult reverse(Reversal reversal) {
        if (reversal.idempotencyKey().contains("]")) {
            throw new ErpException.Permanent("reversal key " + reversal.idempotencyKey() + " must not contain ']'"
                    + " (it is written as [key] in the move description)", null);
        }
        Map<String, Found> found = find(List.of(reversal.idempotencyKey(), reversal.originalKey()));
        Found already = found.get(reversal.idempotencyKey());
        if (already != null && already.posted()) {
            return new PostingResult(already.ref(), true);
        }
        Found original = found.get(reversal.originalKey());
        if (original == null || !original.posted()) {
            throw new ErpException.Permanent("cannot reverse " + reversal.originalKey()
                    + ": no posted Tryton move carries that key", null);
        }
        if (already != null) {
            rpc.model("account.move", "delete", ctx, List.of(already.id()));  // a draft left by a crashed call
        }
        LocalDate date = reversal.postingDate();
        Resolved r = resolve(List.of(new JournalEntry(reversal.idempotencyKey(), company().code(), date,
                company().currency(), company().currency(), null, null, List.of())));
        Long period = r.periodIds.get(date);
        if (period == null) {
            throw new ErpException.Permanent("cannot reverse " + reversal.originalKey() + " on " + date
                    + ": no open accounting period in Tryton covers this date", null);
        }
        JsonNode lines = rpc.model("account.move.line", "search_read", ctx,
                List.of(List.of("move", "=", original.id())), 0, null, List.of(List.of("id", "ASC")),
                List.of("account", "debit", "credit", "party", "description", "second_currency",
                        "amount_second_currency", "analytic_lines.account", "analytic_lines.debit",
                        "analytic_lines.credit", "tax_lines.tax", "tax_lines.type", "tax_lines.amount"));
        List<Map<String, Object>> reversed = new ArrayList<>();
        for (JsonNode l : lines) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("account", l.path("account").asLong());
            v.put("debit", TrytonRpc.decimal(l.path("credit")));
            v.put("credit", TrytonRpc.decimal(l.path("debit")));
            v.put("description", TrytonRpc.text(l.path("description")));
            v.put("party", l.path("party").isNull() ? null : l.path("party").asLong());
            if (!l.path("second_currency").isNull()) {
                v.put("second_currency", l.path("second_currency").asLong());
                v.put("amount_second_currency", TrytonRpc.decimal(l.path("amount_second_currency")).negate());
            }
            List<Map<String, Object>> analytic = new ArrayList<>();
            for (JsonNode a : l.path("analytic_lines.")) {
                analytic.add(Map.of("account", a.path("account").asLong(),
                        "debit", TrytonRpc.decimal(a.path("credit")), "credit", TrytonRpc.decimal(a.path("debit")),
                        "date", date));
            }
            if (!analytic.isEmpty()) {
                v.put("analytic_lines", List.of(List.of("create", analytic)));
            }
            List<Map<String, Object>> taxLines = new ArrayList<>();
            for (JsonNode t : l.path("tax_lines.")) {
                taxLines.add(Map.of("tax", t.path("tax").asLong(), "type", TrytonRpc.text(t.path("type")),
                        "amount", TrytonRpc.decimal(t.path("amount")).negate()));
            }
            if (!taxLines.isEmpty()) {
                v.put("tax_lines", List.of(List.of("create", taxLines)));
            }
            reversed.add(v);
        }
        Map<String, Object> move = move(period, date, description(reversal.idempotencyKey(), null,
                reversal.description() != null ? reversal.description()
                        : "Reversal of " + original.ref().documentNumber()), reversed);
        move.put("origin", "account.move," + original.id());
        long id = rpc.model("account.move", "create", ctx, List.of(move)).path(0).asLong();
        postOrDelete(List.of(id));
        String number = TrytonRpc.text(rpc.model("account.move", "read", ctx, List.of(id), List.of("post_number"))
                .path(0).path("post_number"));
        return new PostingResult(new ErpDocumentRef(reversal.idempotencyKey(), number, reversal.originalKey()), false);
    }
}

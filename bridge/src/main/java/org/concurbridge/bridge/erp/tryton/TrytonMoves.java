package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.ChunkedPosting;
import org.concurbridge.bridge.erp.CostObject;
import org.concurbridge.bridge.erp.EntryRules;
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
import org.concurbridge.bridge.erp.tryton.TrytonCompanies.Company;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Journal entries as {@code account.move}: lookup by key, reference resolution, create + post, reversal. */
final class TrytonMoves {

    private static final Logger log = LoggerFactory.getLogger(TrytonMoves.class);
    private static final String[] MOVE_FIELDS = {"description", "state", "number", "post_number", "origin",
            "origin.description"};

    /** A move found by idempotency key, in its company. */
    record Found(long id, boolean posted, ErpDocumentRef ref, Company company) {
    }

    private final TrytonRpc rpc;
    private final ErpConfig.Tryton config;
    private final TrytonCompanies companies;
    private final Map<String, Long> periods = new ConcurrentHashMap<>();   // company id + date
    private volatile Long journalId;

    TrytonMoves(TrytonRpc rpc, ErpConfig.Tryton config, TrytonCompanies companies) {
        this.rpc = rpc;
        this.config = config;
        this.companies = companies;
    }

    /** The journal (not company-scoped in Tryton; its sequence is per company). */
    private long journalId() {
        Long id = journalId;
        if (id == null) {
            JsonNode journal = rpc.model("account.journal", "search", companies.fallback().ctx(),
                    List.of(List.of("code", "=", config.journal())), 0, 1, null);
            if (journal.isEmpty()) {
                throw new ErpException.Permanent("Tryton has no account.journal with code " + config.journal()
                        + " (erp.tryton.journal)", null);
            }
            id = journal.path(0).asLong();
            journalId = id;
        }
        return id;
    }

    // ------------------------------------------------------------------ lookup

    static String prefix(String key) {
        return "[" + key + "]";
    }

    private static String likePattern(String key) {
        return prefix(key).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Moves of this journal in any company whose description starts with one of the keys. */
    Map<String, Found> findAnywhere(Collection<String> keys) {
        Map<String, Found> out = new HashMap<>();
        for (Company c : companies.all()) {
            List<String> missing = keys.stream().filter(k -> !out.containsKey(k)).toList();
            if (missing.isEmpty()) {
                break;
            }
            out.putAll(find(c, missing));
        }
        return out;
    }

    /** Moves of this journal in the company whose description starts with one of the keys. */
    Map<String, Found> find(Company company, Collection<String> keys) {
        Map<String, Found> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<Object> or = new ArrayList<>();
        or.add("OR");
        keys.forEach(k -> or.add(List.of("description", "like", likePattern(k))));
        JsonNode rows = rpc.model("account.move", "search_read", company.ctx(),
                List.of(List.of("journal", "=", journalId()), List.of("company", "=", company.id()),
                        or), 0, null, List.of(List.of("id", "ASC")), Arrays.asList(MOVE_FIELDS));
        for (JsonNode row : rows) {
            String description = TrytonRpc.text(row.path("description"));
            for (String k : keys) {
                if (description != null && description.startsWith(prefix(k)) && !out.containsKey(k)) {
                    out.put(k, found(k, row, company));
                }
            }
        }
        return out;
    }

    private static Found found(String key, JsonNode row, Company company) {
        boolean posted = "posted".equals(TrytonRpc.text(row.path("state")));
        String number = posted ? TrytonRpc.text(row.path("post_number")) : TrytonRpc.text(row.path("number"));
        String reverses = null;
        String origin = TrytonRpc.text(row.path("origin"));
        if (origin != null && origin.startsWith("account.move,")) {
            reverses = keyOf(TrytonRpc.text(row.path("origin.").path("description")));
        }
        return new Found(row.path("id").asLong(), posted, new ErpDocumentRef(key, number, reverses), company);
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

    /** Ids of the records a set of entries of one company refers to, loaded with one search per model. */
    final class Resolved implements ReferenceRules.Lookup {
        private final Company company;
        private final Map<String, JsonNode> accounts = new HashMap<>();
        private final Map<String, JsonNode> analytic = new HashMap<>();    // root code + '\0' + code
        private final Map<String, JsonNode> parties = new HashMap<>();
        private final Map<String, JsonNode> taxes = new HashMap<>();
        private final Map<String, Long> currencies = new HashMap<>();
        private final Map<LocalDate, Long> periodIds = new HashMap<>();

        private Resolved(Company company) {
            this.company = company;
        }

        List<ValidationProblem> check(JournalEntry e) {
            List<ValidationProblem> problems = new ArrayList<>();
            if (e.companyCurrency() != null && !e.companyCurrency().equals(company.currency())) {
                problems.add(ValidationProblem.header("companyCurrency", e.companyCurrency(),
                        "the currency of Tryton company " + company + " is " + company.currency()));
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

    Resolved resolve(Company target, Collection<JournalEntry> entries) {
        Resolved r = new Resolved(target);
        Map<String, Object> ctx = target.ctx();
        Map<String, Object> allCtx = target.allCtx();
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
        long company = target.id();
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
            String periodKey = company + ":" + d;
            Long period = periods.get(periodKey);
            if (period == null) {
                JsonNode found = rpc.model("account.period", "search", ctx, List.of(
                        List.of("company", "=", company), List.of("type", "=", "standard"),
                        List.of("state", "=", "open"), List.of("start_date", "<=", d),
                        List.of("end_date", ">=", d)), 0, 1, null);
                if (!found.isEmpty()) {
                    period = found.path(0).asLong();
                    periods.put(periodKey, period);
                }
            }
            r.periodIds.put(d, period);
        }
        return r;
    }

    // ------------------------------------------------------------------ posting

    /**
     * Posts entries into the companies of their company codes: the entries of each company in chunks
     * ({@link ChunkedPosting}); an entry whose company Tryton does not have fails alone with every problem.
     */
    List<BatchResult> postAll(List<JournalEntry> entries, int batchSize, String adapter) {
        BatchResult[] out = new BatchResult[entries.size()];
        Map<Company, List<Integer>> byCompany = new LinkedHashMap<>();
        try {
            for (int i = 0; i < entries.size(); i++) {
                JournalEntry e = entries.get(i);
                Optional<Company> c = companies.of(e.company());
                if (c.isPresent()) {
                    byCompany.computeIfAbsent(c.get(), k -> new ArrayList<>()).add(i);
                } else {
                    List<ValidationProblem> problems = new ArrayList<>(EntryRules.check(e));
                    problems.add(companies.refused(e.company()));
                    out[i] = new BatchResult(null, ErpException.Permanent.invalid(e, problems));
                }
            }
        } catch (ErpException e) {
            Arrays.fill(out, new BatchResult(null, e));
            return Arrays.asList(out);
        }
        byCompany.forEach((company, indexes) -> {
            List<BatchResult> results = ChunkedPosting.postAll(indexes.stream().map(entries::get).toList(),
                    batchSize, adapter, chunk -> postChunk(company, chunk));
            for (int j = 0; j < indexes.size(); j++) {
                out[indexes.get(j)] = results.get(j);
            }
        });
        return Arrays.asList(out);
    }

    /** Every problem of an entry against its company, without writing. */
    List<ValidationProblem> check(JournalEntry e) {
        Optional<Company> c = companies.of(e.company());
        return c.isEmpty() ? List.of(companies.refused(e.company())) : resolve(c.get(), List.of(e)).check(e);
    }

    /** Posts distinct entries of one company that passed the entry rules: one search, the resolution, one create,
     * one post. */
    private List<BatchResult> postChunk(Company company, List<JournalEntry> chunk) {
        BatchResult[] out = new BatchResult[chunk.size()];
        Map<String, Found> existing = find(company, chunk.stream().map(JournalEntry::idempotencyKey).toList());
        List<JournalEntry> fresh = chunk.stream().filter(e -> !existing.containsKey(e.idempotencyKey())).toList();
        Resolved resolved = resolve(company, fresh);
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
            rpc.model("account.move", "create", company.ctx(), values).forEach(id -> ids.add(id.asLong()));
        }
        List<Long> toPost = new ArrayList<>(ids);
        toPost.addAll(leftoverDrafts);
        if (!toPost.isEmpty()) {
            postOrDelete(company, toPost);
            Map<Long, String> numbers = new HashMap<>();
            rpc.model("account.move", "read", company.ctx(), toPost, List.of("post_number"))
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
    private void postOrDelete(Company company, List<Long> toPost) {
        try {
            rpc.model("account.move", "post", company.ctx(), toPost);
        } catch (ErpException e) {
            try {
                rpc.model("account.move", "delete", company.ctx(), toPost);
            } catch (ErpException deleteFailed) {
                // left as drafts carrying their keys: the next post of those keys finds and finishes them
                log.warn("event=erp.tryton.draft_cleanup_failed moves={} error=\"{}\"", toPost,
                        deleteFailed.getMessage());
            }
            throw e;
        }
        log.debug("event=erp.tryton.posted company={} moves={}", company.code(), toPost.size());
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
        return move(r.company, r.periodIds.get(e.postingDate()), e.postingDate(),
                description(e.idempotencyKey(), e.reference(), e.description()), lines);
    }

    private Map<String, Object> move(Company company, long period, LocalDate date, String description,
                                     List<Map<String, Object>> lines) {
        Map<String, Object> move = new LinkedHashMap<>();
        move.put("journal", journalId());
        move.put("company", company.id());
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
        Map<String, Found> found = findAnywhere(List.of(reversal.idempotencyKey(), reversal.originalKey()));
        Found already = found.get(reversal.idempotencyKey());
        if (already != null && already.posted()) {
            return new PostingResult(already.ref(), true);
        }
        Found original = found.get(reversal.originalKey());
        if (original == null || !original.posted()) {
            throw new ErpException.Permanent("cannot reverse " + reversal.originalKey()
                    + ": no posted Tryton move carries that key", null);
        }
        Company company = original.company();
        Map<String, Object> ctx = company.ctx();
        if (already != null) {
            rpc.model("account.move", "delete", already.company().ctx(), List.of(already.id()));  // a crashed call's
        }
        LocalDate date = reversal.postingDate();
        Resolved r = resolve(company, List.of(new JournalEntry(reversal.idempotencyKey(), company.code(), date,
                company.currency(), company.currency(), null, null, List.of())));
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
        Map<String, Object> move = move(company, period, date, description(reversal.idempotencyKey(), null,
                reversal.description() != null ? reversal.description()
                        : "Reversal of " + original.ref().documentNumber()), reversed);
        move.put("origin", "account.move," + original.id());
        long id = rpc.model("account.move", "create", ctx, List.of(move)).path(0).asLong();
        postOrDelete(company, List.of(id));
        String number = TrytonRpc.text(rpc.model("account.move", "read", ctx, List.of(id), List.of("post_number"))
                .path(0).path("post_number"));
        return new PostingResult(new ErpDocumentRef(reversal.idempotencyKey(), number, reversal.originalKey()), false);
    }
}

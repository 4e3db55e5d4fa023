package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.erp.ValidationProblem;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Tryton companies an entry can post into, read from {@code company.company} on first use and again when an
 * entry's company code misses (no such company, or one the user cannot use), at most once per {@link #REREAD_AFTER}
 * (so a company created in Tryton later is found without a restart, and a page of entries for an unknown company
 * costs at most one re-read): an entry's company code is
 * resolved through {@code erp.tryton.companies} ({@code code=id}) first, else to the company whose party code it is;
 * an entry without a company goes to {@code erp.tryton.company-id}; master data is read from
 * {@code erp.tryton.master-data-company-ids} ({@link #masterData()}). Tryton scopes accounts, taxes, analytic
 * accounts, fiscal years and moves by company; every search of the adapter names the company and every call carries
 * {@link Company#ctx()} of its company. Tryton 6.0's record rules, however, follow the user's stored company (not
 * the context's) unless the user's Company Filter is All: a company other than the user's own is only used when the
 * user has it in its companies and the filter is All; an entry for another one is refused saying so. Thread-safe.
 */
final class TrytonCompanies {

    /** One Tryton company: id, party code, currency. */
    record Company(long id, String code, String currency) {
        Map<String, Object> ctx() {
            return Map.of("company", id);
        }

        /** Also inactive records. */
        Map<String, Object> allCtx() {
            return Map.of("company", id, "active_test", false);
        }

        @Override
        public String toString() {
            return code + " (id " + id + ", " + currency + ")";
        }
    }

    private static final String FIX = ": add the company to the user's companies and set the user's Company Filter"
            + " to All (Tryton applies its record rules to the user's own company otherwise)";

    /** The least time between two reads of the companies. */
    static final Duration REREAD_AFTER = Duration.ofMinutes(1);

    private final TrytonRpc rpc;
    private final ErpConfig.Tryton config;
    private final Clock clock;
    private volatile Loaded loaded;
    private Instant readAt;   // guarded by this
    private int reads;        // guarded by this

    private record Loaded(Company fallback, Map<String, Company> byCode, Collection<Company> all,
                          Set<Long> usable, List<Company> masterData) {
    }

    TrytonCompanies(TrytonRpc rpc, ErpConfig.Tryton config, Clock clock) {
        this.rpc = rpc;
        this.config = config;
        this.clock = clock;
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded == null ? read() : loaded;
            }
        }
        return l;
    }

    /** Reads the companies again unless they were read less than {@link #REREAD_AFTER} ago; true when it did. */
    private synchronized boolean reread() {
        if (readAt != null && clock.instant().isBefore(readAt.plus(REREAD_AFTER))) {
            return false;
        }
        read();
        return true;
    }

    /** How many times the companies were read (tests). */
    synchronized int reads() {
        return reads;
    }

    private synchronized Loaded read() {
        readAt = clock.instant();
        reads++;
        JsonNode user = rpc.call("model.res.user.get_preferences", TrytonRpc.JSON.createArrayNode().add(false)
                .add(TrytonRpc.JSON.createObjectNode()));
        Set<Long> usable = new HashSet<>();
        usable.add(user.path("company").asLong());
        if ("all".equals(TrytonRpc.text(user.path("company_filter")))) {
            user.path("companies").forEach(c -> usable.add(c.asLong()));
        }
        Map<Long, Company> byId = new LinkedHashMap<>();
        rpc.model("company.company", "search_read", Map.of("company", config.companyId()), List.of(), 0, null,
                        List.of(List.of("id", "ASC")), List.of("party.code", "currency.code"))
                .forEach(r -> byId.put(r.path("id").asLong(), new Company(r.path("id").asLong(),
                        TrytonRpc.text(r.path("party.").path("code")),
                        TrytonRpc.text(r.path("currency.").path("code")))));
        List<String> unknown = new ArrayList<>();
        if (!byId.containsKey((long) config.companyId())) {
            unknown.add("erp.tryton.company-id=" + config.companyId());
        }
        config.companies().forEach((code, id) -> {
            if (!byId.containsKey((long) id)) {
                unknown.add("erp.tryton.companies " + code + "=" + id);
            }
        });
        config.masterDataCompanyIds().forEach(id -> {
            if (!byId.containsKey((long) id)) {
                unknown.add("erp.tryton.master-data-company-ids " + id);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ErpException.Permanent("Tryton has no company " + String.join(", ", unknown)
                    + "; its companies are " + byId.values(), null);
        }
        List<Company> masterData = config.masterDataCompanyIds().stream().map(id -> byId.get((long) id)).toList();
        Map<String, Company> byCode = new LinkedHashMap<>();
        byId.values().stream().filter(c -> c.code() != null).forEach(c -> byCode.putIfAbsent(c.code(), c));
        config.companies().forEach((code, id) -> byCode.put(code, byId.get((long) id)));
        Loaded l = new Loaded(byId.get((long) config.companyId()), byCode, byId.values().stream()
                .filter(c -> usable.contains(c.id())).toList(), Set.copyOf(usable), masterData);
        loaded = l;
        return l;
    }

    /** The configured {@code erp.tryton.company-id}: entries without a company. */
    Company fallback() {
        return loaded().fallback();
    }

    /**
     * The companies of {@code erp.tryton.master-data-company-ids}, in their configured order.
     *
     * @throws ErpException.Permanent when the user cannot read one of them (Tryton's record rules would return
     *                                nothing of it, silently)
     */
    List<Company> masterData() {
        Loaded l = loaded();
        List<String> unusable = l.masterData().stream().filter(c -> !l.usable().contains(c.id()))
                .map(Company::toString).toList();
        if (!unusable.isEmpty()) {
            throw new ErpException.Permanent("erp.tryton.master-data-company-ids: the Tryton user " + config.user()
                    + " cannot read company " + String.join(", ", unusable) + FIX, null);
        }
        return l.masterData();
    }

    /** Every company the user can post into (a key is looked up in all of them). */
    Collection<Company> all() {
        return loaded().all();
    }

    /**
     * The company of an entry's company code, or empty when no Tryton company the user can use has it (after
     * reading the companies again, unless they were read less than {@link #REREAD_AFTER} ago).
     */
    Optional<Company> of(String code) {
        Optional<Company> c = find(loaded(), code);
        return c.isEmpty() && reread() ? find(loaded(), code) : c;
    }

    private static Optional<Company> find(Loaded l, String code) {
        Company c = code == null ? l.fallback() : l.byCode().get(code);
        return c != null && l.usable().contains(c.id()) ? Optional.of(c) : Optional.empty();
    }

    /** Why an entry's company code has no company ({@link #of} is empty), naming the fix. */
    ValidationProblem refused(String code) {
        Company c = code == null ? fallback() : loaded().byCode().get(code);
        if (c != null) {
            return ValidationProblem.header("company", code, "the Tryton user " + config.user()
                    + " cannot post into company " + c + FIX);
        }
        return ValidationProblem.header("company", code, "no Tryton company has this party code and"
                + " erp.tryton.companies does not map it; the Tryton companies are "
                + loaded().byCode().entrySet().stream().map(e -> e.getKey() + " (id " + e.getValue().id() + ", "
                        + e.getValue().currency() + ")")
                .collect(Collectors.joining(", ")));
    }
}

package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpAdapterContract;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.erp.ErpSide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract on a real trytond 6.0 (Debian packages, SQLite): the server is initialised and seeded once per test
 * JVM (template cached under target/), and this class gets its own copy of the seeded database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrytonAdapterIT extends ErpAdapterContract implements ErpSide {

    private static final Map<String, Object> CTX = Map.of("company", 1);

    private ErpConfig.Tryton config;
    private ErpAdapter adapter;
    private TrytonRpc rpc;

    @BeforeAll
    void start() {
        assertThat(TrytonServer.installed()).as("Tryton is installed (scripts/install-test-deps.sh)").isTrue();
        config = TrytonServer.shared(Clock.systemUTC()).newDatabase("contract_" + ProcessHandle.current().pid());
        adapter = new TrytonErpAdapter(config, HttpClient.newHttpClient(), Clock.systemUTC());
        rpc = new TrytonRpc(HttpClient.newHttpClient(), config.databaseUri(), config.user(), config.password(),
                Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        adapter.close();
        rpc.close();
    }

    @Override
    protected ErpAdapter adapter() {
        return adapter;
    }

    @Override
    protected ErpSide erp() {
        return this;
    }

    @Override
    protected ErpAdapter unreachableAdapter() {
        return new TrytonErpAdapter(new ErpConfig.Tryton(URI.create("http://127.0.0.1:1/"), "nowhere", "admin",
                config.password(), 1, "MISC", 10, Duration.ofSeconds(2)), HttpClient.newHttpClient(),
                Clock.systemUTC());
    }

    @Override
    public int documentsWithKey(String key) {
        return rpc.model("account.move", "search_count", CTX,
                List.of(List.of("description", "like", "[" + key + "]%"))).asInt();
    }

    @Override
    public void addSuppliers(List<String> codes) {
        List<Map<String, Object>> parties = new ArrayList<>();
        codes.forEach(c -> parties.add(Map.of("code", c, "name", "Supplier " + c)));
        rpc.model("party.party", "create", CTX, parties);
    }

    @Override
    public void renameSupplier(String code, String name) {
        JsonNode ids = rpc.model("party.party", "search", CTX, List.of(List.of("code", "=", code)), 0, 1, null);
        rpc.model("party.party", "write", CTX, ids, Map.of("name", name));
    }

    /** A bank payment move debiting the payable, posted and reconciled with the entry's payable line. */
    @Override
    public void pay(String key, BigDecimal amount, LocalDate on) {
        long move = rpc.model("account.move", "search", CTX, List.of(List.of("description", "like", "[" + key + "]%")),
                0, 1, null).path(0).asLong();
        JsonNode payable = rpc.model("account.move.line", "search_read", CTX, List.of(List.of("move", "=", move),
                TrytonRpc.clause("party", "!=", null)), 0, 1, null, List.of("account", "party", "period")).path(0);
        long bank = rpc.model("account.account", "search", CTX, List.of(List.of("code", "=", "1200")), 0, 1, null)
                .path(0).asLong();
        long journal = rpc.model("account.journal", "search", CTX, List.of(List.of("code", "=", "MISC")), 0, 1, null)
                .path(0).asLong();
        long payment = rpc.model("account.move", "create", CTX, List.of(Map.of("journal", journal,
                "period", payable.path("period").asLong(), "date", on, "description", "Bank payment",
                "lines", List.of(List.of("create", List.of(
                        Map.of("account", payable.path("account").asLong(), "party", payable.path("party").asLong(),
                                "debit", amount, "credit", BigDecimal.ZERO),
                        Map.of("account", bank, "debit", BigDecimal.ZERO, "credit", amount))))))).path(0).asLong();
        rpc.model("account.move", "post", CTX, List.of(payment));
        JsonNode paymentLine = rpc.model("account.move.line", "search", CTX, List.of(List.of("move", "=", payment),
                TrytonRpc.clause("party", "!=", null)), 0, 1, null);
        rpc.model("account.move.reconciliation", "create", CTX, List.of(Map.of("date", on, "lines",
                List.of(List.of("add", List.of(payable.path("id").asLong(), paymentLine.path(0).asLong()))))));
    }
}

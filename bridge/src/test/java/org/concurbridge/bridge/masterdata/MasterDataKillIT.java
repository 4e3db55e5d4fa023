package org.concurbridge.bridge.masterdata;

import org.concurbridge.bridge.cli.BridgeCli;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.bridge.testsupport.TestPostgres;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.faults.FaultRule;
import org.concurbridge.sandbox.lists.SandboxListItem;
import org.concurbridge.sandbox.vendors.StoredVendor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sync killed mid-run converges: {@code erp-bridge sync lists|vendors} runs as a separate JVM
 * ({@code java -jar bridge/target/erp-bridge.jar}) on an embedded PostgreSQL (store and SQL adapter) against the
 * sandbox in this JVM, and is killed with SIGKILL at seeded random moments (after 1-3 further write calls), again and
 * again; then one run to the end. Every ERP item is in Concur exactly once, the store says SYNCED for each, and a
 * further run makes no write call.
 */
class MasterDataKillIT {
    static final SandboxForTests concur = new SandboxForTests();
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;
    static final int ITEMS = 3000;
    static final int VENDORS = 1500;
    static final int KILLS = 4;

    Path data;
    Process bridge;

    @AfterEach
    void stopBridge() {
        if (bridge != null) {
            bridge.destroyForcibly();
        }
        concur.sandbox().faults().clear();
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    @Test
    void listAndVendorSyncsKilledMidRunConvergeWithNoDuplicateAndNoLostItem() throws Exception {
        data = Files.createDirectories(Path.of("target/md-kill-test/run-" + System.nanoTime()));
        var sb = concur.sandbox();
        TestPostgres.Database db = TestPostgres.newDatabase("mdkill");
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        connect(db); // also creates the ERP interface tables in the same database
        Instant t = Instant.now().minus(Duration.ofHours(1));
        List<Object[]> nodes = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            // 30 level-1 items, the rest under them
            nodes.add(new Object[] {"K" + i, "Kill item " + i, i < 30 ? null : "K" + (i % 30),
                    OffsetDateTime.ofInstant(t.plusMillis(i), ZoneOffset.UTC)});
        }
        List<Object[]> suppliers = new ArrayList<>();
        for (int i = 0; i < VENDORS; i++) {
            suppliers.add(new Object[] {"KV" + i, "Kill vendor " + i, "1" + (10000 + i),
                    OffsetDateTime.ofInstant(t.plusMillis(i), ZoneOffset.UTC)});
        }
        JdbcTemplate batch = new JdbcTemplate(db.dataSource());
        batch.batchUpdate("insert into erp.cost_object (dimension, code, name, parent_code, active, updated_at)"
                + " values ('COST_CENTER', ?, ?, ?, true, ?)", nodes);
        batch.batchUpdate("insert into erp.supplier (code, name, currency, street, city, postal_code, country, active,"
                + " updated_at) values (?, ?, 'EUR', 'Weg 1', 'Berlin', ?, 'DE', true, ?)", suppliers);
        jdbc.sql("insert into md_mappings (company_uuid, yaml_text, version, updated_at, updated_by) values (?, ?, 'v',"
                + " current_timestamp, 'test')").params(COMPANY, "lists:\n  - name: Kill List\n    dimension:"
                + " COST_CENTER\n    create: true\n").update();
        sb.faults().add(FaultRule.on("*", "/list/v4/lists/*/bulk").delay(Duration.ofMillis(150)));
        sb.faults().add(FaultRule.on("*", "/api/v3.1/invoice/vendors").delay(Duration.ofMillis(150)));

        Random random = new Random(10L);
        for (String what : List.of("lists", "vendors")) {
            String route = what.equals("lists") ? "/bulk" : "/invoice/vendors";
            // vendors go in batches of the client's maximum (1000): 1500 vendors are two writes, room for one kill
            int required = what.equals("lists") ? KILLS : 1;
            int kills = 0;
            int runs = 0;
            while (kills < required && runs < KILLS * 3) {
                int target = writes(route) + 1 + random.nextInt(3);
                bridge = start(db, what, runs++);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                        .until(() -> writes(route) >= target || !bridge.isAlive());
                if (bridge.isAlive()) {
                    bridge.destroyForcibly().waitFor();
                    kills++;
                }
            }
            assertThat(kills).as(what + ": kills that landed mid-run").isEqualTo(required);
            bridge = start(db, what, runs++);
            assertThat(bridge.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(bridge.exitValue()).as(out(runs - 1, what)).isZero();
        }
        sb.faults().clear();

        String listId = sb.lists().listByName(COMPANY, "Kill List").orElseThrow().id();
        List<SandboxListItem> items = sb.lists().liveItems(listId);
        assertThat(items).hasSize(ITEMS);
        assertThat(items.stream().map(SandboxListItem::code).distinct()).hasSize(ITEMS);
        assertThat(sb.lists().items(listId)).as("no item was ever created twice").hasSize(ITEMS);
        assertThat(jdbc.sql("select count(*) from md_items where company_uuid = ? and target = 'list:Kill List'"
                + " and state = 'SYNCED'").param(COMPANY).query(Long.class).single()).isEqualTo(ITEMS);
        List<StoredVendor> vendors = sb.vendors().all(COMPANY).stream()
                .filter(v -> v.vendorCode().startsWith("KV")).toList();
        assertThat(vendors).hasSize(VENDORS);
        assertThat(jdbc.sql("select count(*) from md_items where company_uuid = ? and target = 'vendors'"
                + " and state = 'SYNCED' and item_key like 'KV%'").param(COMPANY).query(Long.class).single())
                .isEqualTo(VENDORS);

        int before = sb.requests().size();
        for (String what : List.of("lists", "vendors")) {
            bridge = start(db, what, 100);
            assertThat(bridge.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(bridge.exitValue()).isZero();
        }
        assertThat(sb.requests().subList(before, sb.requests().size()))
                .as("write calls of a resync with nothing changed")
                .noneMatch(r -> !r.method().equals("GET") && !r.path().contains("/oauth2/"));
    }

    private int writes(String route) {
        return (int) concur.sandbox().requests().stream()
                .filter(r -> !r.method().equals("GET") && r.path().contains(route)).count();
    }

    private String out(int n, String what) {
        try {
            return Files.readString(data.resolve(what + "-" + n + ".out"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private List<String> common(TestPostgres.Database db) {
        return List.of(
                "--bridge.store.url=" + db.jdbcUrl(),
                "--bridge.store.username=" + db.username(),
                "--bridge.store.password=" + db.password(),
                "--bridge.secrets.key-file=" + data.resolve("secret.key"),
                "--bridge.concur.client-id=" + concur.clientId(),
                "--bridge.concur.client-secret=" + concur.clientSecret(),
                "--bridge.concur.token-base-uri=" + concur.sandbox().geolocation("glz"),
                "--bridge.concur.sandbox-uri=" + concur.sandbox().geolocation("glz"),
                "--bridge.admin.username=" + SandboxForTests.ADMIN_USER,
                "--bridge.admin.password=" + SandboxForTests.ADMIN_PASSWORD);
    }

    private void connect(TestPostgres.Database db) {
        List<String> args = new ArrayList<>(List.of("connect", "--company", COMPANY, "--request-token",
                concur.sandbox().companyRequestToken(COMPANY)));
        args.addAll(common(db));
        args.add("--logging.file.name=" + data.resolve("connect.log"));
        assertThat(BridgeCli.commandLine().execute(args.toArray(String[]::new))).isZero();
    }

    private Process start(TestPostgres.Database db, String what, int n) throws IOException {
        Path jar = Path.of("target/erp-bridge.jar").toAbsolutePath();
        assertThat(jar).exists();
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "sync", what, "--company", COMPANY));
        cmd.addAll(common(db));
        cmd.add("--logging.file.name=" + data.resolve(what + "-" + n + ".log"));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolve(what + "-" + n + ".out").toFile()).start();
    }
}

package org.concurbridge.bridge.posting.exactlyonce;

import org.concurbridge.bridge.cli.BridgeCli;
import org.concurbridge.bridge.testsupport.ErpBooks;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.bridge.testsupport.TestPostgres;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.faults.FaultRule;
import org.concurbridge.sandbox.fis.FisDocumentState;
import org.concurbridge.sandbox.fis.FisStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once, proven: the bridge runs as a separate process ({@code java -jar bridge/target/erp-bridge.jar serve})
 * on an embedded PostgreSQL (store and SQL adapter), posting generated documents from the sandbox in this JVM, and
 * is killed with SIGKILL at seeded random moments (after 1-12 further FIS calls; with pages of 2 the work needs more
 * calls than 20 kills allow, so every kill lands while documents are still to post), then restarted, again and again. At the end every document is in
 * the ERP exactly once, confirmed to the sandbox exactly once, the ledger agrees with both, and every ERP document
 * balances. The second test does the same while the sandbox answers 429s, 503s, resets and slow answers.
 */
class KillTestIT {
    static final SandboxForTests concur = new SandboxForTests();
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;
    static final int DOCUMENTS = 200;
    static final int KILLS = 20;
    static final String FIS = "/financialintegration/fi/v4/companies/transactiontypes/*/transactions";

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
    void killedTwentyTimesWhilePostingEveryDocumentIsInTheErpAndConfirmedExactlyOnce() throws Exception {
        run(1L, false);
    }

    @Test
    void killedTwentyTimesWhileTheSandboxThrottlesFailsResetsAndStallsStillExactlyOnce() throws Exception {
        run(2L, true);
    }

    private void run(long seed, boolean faults) throws Exception {
        data = Files.createDirectories(Path.of("target/kill-test/run-" + seed + "-" + System.nanoTime()));
        var sb = concur.sandbox();
        TestPostgres.Database db = TestPostgres.newDatabase("kill");
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        connect(db);
        List<String> ids = sb.fis().generate(COMPANY, seed, DOCUMENTS, List.of());
        new ErpBooks(jdbc).knowEverythingIn(ids.stream().map(id -> sb.fis().document(id).toString()).toList(),
                java.util.Set.of());
        sb.fis().latency(Duration.ofMillis(15));
        if (faults) {
            sb.faults().add(FaultRule.on("GET", FIS).status(429).retryAfter(Duration.ofSeconds(1)).probability(0.1));
            sb.faults().add(FaultRule.on("POST", FIS + "/*").status(503).probability(0.1));
            sb.faults().add(FaultRule.on("POST", FIS + "/*").reset().probability(0.05));
            sb.faults().add(FaultRule.on("GET", FIS).delay(Duration.ofMillis(50), Duration.ofMillis(400))
                    .probability(0.2));
        }

        Random random = new Random(seed);
        int port = freePort();
        int kills = 0;
        while (kills < KILLS) {
            // kill at a random point of the work: after 1-12 more FIS calls than when this process started
            int target = sb.requests().size() + 1 + random.nextInt(12);
            bridge = start(db, port, kills);
            awaitUp(port, kills);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5))
                    .until(() -> sb.requests().size() >= target || !bridge.isAlive());
            bridge.destroyForcibly().waitFor();
            assertThat(confirmed(sb, ids)).as("kill " + kills + " landed while documents were still to post")
                    .isLessThan(DOCUMENTS);
            kills++;
        }
        if (faults) {
            assertThat(sb.faults().list()).as("every injected fault fired").allSatisfy(f ->
                    assertThat(f.fired()).as(f.rule().toString()).isPositive());
        }
        sb.faults().clear();
        bridge = start(db, port, kills);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> confirmed(sb, ids) == DOCUMENTS
                        && jdbc.sql("select count(*) from posting_documents where state <> 'CONFIRMED'")
                        .query(Long.class).single() == 0);
        bridge.destroyForcibly().waitFor();

        ErpBooks books = new ErpBooks(jdbc);
        assertThat(books.totalDocuments()).isEqualTo(DOCUMENTS);
        Map<String, String> erpNumbers = new java.util.HashMap<>();
        jdbc.sql("select idempotency_key k, id from erp.journal_entry")
                .query((rs, i) -> erpNumbers.put(rs.getString("k"), String.format("JE%010d", rs.getLong("id"))))
                .list();
        for (String id : ids) {
            FisDocumentState state = sb.fis().state(id);
            assertThat(state.status()).as(id).isEqualTo(FisStatus.POSTING_CONFIRMED_SUCCESS);
            assertThat(state.postingConfirmations()).as("accepted confirmations of " + id).hasSize(1);
            var rows = jdbc.sql("select idempotency_key, state, erp_document_number from posting_documents"
                    + " where source_doc_id = ?").param(id).query().listOfRows();
            assertThat(rows).as("ledger rows of " + id).hasSize(1);
            String key = (String) rows.get(0).get("idempotency_key");
            assertThat(rows.get(0).get("state")).isEqualTo("CONFIRMED");
            assertThat(books.documents(key)).as("ERP documents of " + id).isEqualTo(1);
            assertThat(rows.get(0).get("erp_document_number")).isEqualTo(erpNumbers.get(key));
            assertThat(state.postingConfirmations().get(0).toString()).contains(erpNumbers.get(key));
            assertThat(books.imbalance(key)).as("debits - credits of " + id).isZero();
        }
    }

    /** This run's documents the sandbox holds as successfully confirmed (earlier tests' documents left out). */
    private static long confirmed(org.concurbridge.sandbox.ConcurSandbox sb, List<String> ids) {
        return ids.stream().filter(id -> sb.fis().state(id).status() == FisStatus.POSTING_CONFIRMED_SUCCESS).count();
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
                "--bridge.admin.password=" + SandboxForTests.ADMIN_PASSWORD,
                "--bridge.jobs.intervals.fis-posting=1s");
    }

    /** Connects the company with the CLI {@code connect} against the same database. */
    private void connect(TestPostgres.Database db) {
        List<String> args = new ArrayList<>(List.of("connect", "--company", COMPANY, "--request-token",
                concur.sandbox().companyRequestToken(COMPANY)));
        args.addAll(common(db));
        args.add("--logging.file.name=" + data.resolve("connect.log"));
        args.add("--logging.level.root=INFO");
        int exit = BridgeCli.commandLine().execute(args.toArray(String[]::new));
        assertThat(exit).isZero();
    }

    private Process start(TestPostgres.Database db, int port, int n) throws IOException {
        Path jar = Path.of("target/erp-bridge.jar").toAbsolutePath();
        assertThat(jar).exists();
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "serve"));
        cmd.addAll(common(db));
        cmd.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1",
                "--bridge.jobs.poll-interval=100ms", "--bridge.jobs.retry-backoff=200ms",
                "--bridge.jobs.shutdown-max-wait=0s", "--bridge.jobs.heartbeat-interval=200ms",
                "--bridge.posting.page-size=2", "--bridge.posting.retry-backoff=200ms",
                "--bridge.posting.max-backoff=1s",
                "--logging.file.name=" + data.resolve("bridge-" + n + ".log")));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolve("bridge-" + n + ".out").toFile()).start();
    }

    private void awaitUp(int port, int n) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> !bridge.isAlive() || http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        assertThat(bridge.isAlive()).as(() -> {
            try {
                return "bridge exited: " + Files.readString(data.resolve("bridge-" + n + ".out"));
            } catch (IOException e) {
                return e.toString();
            }
        }).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.client.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A local trytond 6.0 (Debian packages, SQLite backend) for the integration tests, the benchmark and demos: the
 * database is initialised with {@code trytond-admin} and seeded with {@link TrytonDemoSeed} once, then cached as a
 * template file; every {@link #newDatabase(String)} is a copy of that file served by the same running server on a
 * free loopback port. Recipe and gotchas: {@code shared/erp/tryton-probe.md}.
 */
public final class TrytonServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrytonServer.class);
    /** Bump when the seed changes, so that cached templates are rebuilt. */
    private static final String SEED_VERSION = "3";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin";
    static final List<String> MODULES = List.of("account", "account_invoice", "analytic_account",
            "analytic_invoice", "analytic_purchase", "purchase", "stock", "party", "company", "currency",
            "account_statement", "account_payment", "bank", "project", "account_invoice_stock", "product", "country");

    private static TrytonServer shared;

    private final Path dir;
    private final Path template;
    private final Process process;
    private final URI url;
    private final List<Path> copies = new ArrayList<>();

    private TrytonServer(Path dir, Path template, Process process, URI url) {
        this.dir = dir;
        this.template = template;
        this.process = process;
        this.url = url;
    }

    /** Whether {@code trytond} and {@code trytond-admin} are installed ({@code scripts/install-test-deps.sh}). */
    public static boolean installed() {
        return executable("trytond") && executable("trytond-admin");
    }

    private static boolean executable(String name) {
        for (String p : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(p, name))) {
                return true;
            }
        }
        return false;
    }

    /** One server per JVM under {@code java.io.tmpdir}, stopped at JVM exit. */
    public static synchronized TrytonServer shared(Clock clock) {
        if (shared == null) {
            shared = start(Path.of(System.getProperty("java.io.tmpdir"), "tryton-erp"), clock);
            TrytonServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        }
        return shared;
    }

    /**
     * Starts trytond serving {@code dir/db}; builds the seeded template {@code dir/seeded-<version>-<year>.sqlite}
     * first when it is missing (about 20-30 s).
     */
    public static TrytonServer start(Path dir, Clock clock) {
        if (!installed()) {
            throw new IllegalStateException("Tryton is not installed: run scripts/install-test-deps.sh (Debian"
                    + " packages tryton-server and tryton-modules-*)");
        }
        try {
            Path db = Files.createDirectories(dir.resolve("db"));
            LocalDate today = LocalDate.now(clock);
            Path template = dir.resolve("seeded-" + SEED_VERSION + "-" + today.getYear() + ".sqlite");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path conf = dir.resolve("trytond.conf");
            Files.writeString(conf, "[database]\nuri = sqlite://\npath = " + db + "\nlanguage = en\n\n[web]\n"
                    + "listen = 127.0.0.1:" + port + "\n\n[session]\ntimeout = 3600\n");
            boolean seed = !Files.exists(template);
            String seedDb = "seed_" + ProcessHandle.current().pid();
            if (seed) {
                initialise(dir, conf, db.resolve(seedDb + ".sqlite"));
            }
            Process p = new ProcessBuilder("trytond", "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.log").toFile())
                    .start();
            URI url = URI.create("http://127.0.0.1:" + port + "/");
            TrytonServer server = new TrytonServer(dir, template, p, url);
            try {
                server.awaitReady(Duration.ofSeconds(60));
                if (seed) {
                    server.seed(seedDb, today);
                }
            } catch (RuntimeException e) {
                server.close();   // never leave a trytond behind when start-up fails
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start trytond in " + dir, e);
        }
    }

    /** Seeds the freshly initialised database over JSON-RPC and caches it as the template. */
    private void seed(String seedDb, LocalDate today) {
        ErpConfig.Tryton cfg = config(seedDb);
        try (TrytonRpc rpc = new TrytonRpc(HttpClient.newHttpClient(), cfg.databaseUri(), ADMIN, cfg.password(),
                Duration.ofSeconds(120))) {
            TrytonDemoSeed.seed(rpc, today);
        }
        try {
            Path tmp = dir.resolve(template.getFileName() + ".tmp");
            Files.copy(dir.resolve("db").resolve(seedDb + ".sqlite"), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, template, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            copies.add(databaseFile(seedDb));   // deleted on close like the copies
        } catch (IOException e) {
            throw new UncheckedIOException("could not cache the seeded Tryton template " + template, e);
        }
        log.info("event=tryton.template_seeded file={}", template);
    }

    private static void initialise(Path dir, Path conf, Path dbFile) throws IOException {
        Files.deleteIfExists(dbFile);
        Files.createFile(dbFile);   // the SQLite backend refuses a missing file
        Path pass = dir.resolve("admin-password");
        Files.writeString(pass, ADMIN_PASSWORD + "\n");
        String name = dbFile.getFileName().toString().replace(".sqlite", "");
        List<String> cmd = new ArrayList<>(List.of("trytond-admin", "-c", conf.toString(), "-d", name, "--all",
                "--email", "admin@example.com", "--activate-dependencies", "-u"));
        cmd.addAll(MODULES);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("admin.log").toFile());
        pb.environment().put("TRYTONPASSFILE", pass.toString());
        long t0 = System.nanoTime();
        try {
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("trytond-admin failed; see " + dir.resolve("admin.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while initialising Tryton", e);
        }
        log.info("event=tryton.initialised seconds={}", (System.nanoTime() - t0) / 1_000_000_000);
    }

    private void awaitReady(Duration max) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ping = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"id\":0,\"method\":\"common.server.version\",\"params\":[]}")).build();
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("trytond exited with " + process.exitValue() + "; see "
                        + dir.resolve("server.log"));
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.ofString()).body().contains("\"result\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for trytond", e);
            }
            try {
                Thread.sleep(100);   // process start-up poll in a launcher, not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for trytond", e);
            }
        }
        close();
        throw new IllegalStateException("trytond did not answer within " + max + "; see " + dir.resolve("server.log"));
    }

    /** A fresh copy of the seeded database under {@code name}, and the adapter configuration to reach it. */
    public ErpConfig.Tryton newDatabase(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_]", "_");
        try {
            Path copy = databaseFile(safe);
            Files.copy(template, copy, StandardCopyOption.REPLACE_EXISTING);
            synchronized (copies) {
                copies.add(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the Tryton template", e);
        }
        return config(safe);
    }

    /** The SQLite file of a database this server serves. */
    public Path databaseFile(String database) {
        return dir.resolve("db").resolve(database + ".sqlite");
    }

    private ErpConfig.Tryton config(String database) {
        return new ErpConfig.Tryton(url, database, ADMIN, Secret.of(ADMIN_PASSWORD), 1, "MISC", 10,
                Duration.ofSeconds(60));
    }

    public URI url() {
        return url;
    }

    /** Stops trytond and deletes the database copies made by {@link #newDatabase} (the template stays cached). */
    @Override
    public synchronized void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        synchronized (copies) {
            for (Path copy : copies) {
                try {
                    Files.deleteIfExists(copy);
                    Files.deleteIfExists(Path.of(copy + "-journal"));
                } catch (IOException e) {
                    log.warn("event=tryton.copy_not_deleted file={} error=\"{}\"", copy, e.toString());
                }
            }
            copies.clear();
        }
    }
}

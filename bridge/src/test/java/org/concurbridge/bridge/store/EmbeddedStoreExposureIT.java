package org.concurbridge.bridge.store;

import org.concurbridge.bridge.BridgeApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default store (H2 file with {@code AUTO_SERVER=TRUE}, so that CLI commands can open it while the
 * service runs) exposes nothing beyond the bridge's user: its TCP server listens on loopback only, the database
 * needs a generated password kept in an owner-only file, and the data directory is owner-only. A CLI command in a
 * separate process still opens the store next to the running service.
 */
class EmbeddedStoreExposureIT {
    @TempDir
    static Path tmp;
    static Path data;
    static ConfigurableApplicationContext service;

    static String url() {
        return "jdbc:h2:file:" + data.resolve("bridge")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    static List<String> settings() {
        return List.of("--bridge.store.url=" + url(),
                "--bridge.store.password-file=" + data.resolve("store.password"),
                "--bridge.secrets.key-file=" + data.resolve("secret.key"),
                "--logging.file.name=" + tmp.resolve("logs/bridge.log"),
                "--bridge.admin.password=correct horse battery staple",
                "--bridge.jobs.enabled=false");
    }

    @BeforeAll
    static void startService() {
        data = tmp.resolve("data");
        List<String> args = new ArrayList<>(settings());
        args.add("--server.port=0");
        service = BridgeApplication.start(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theDataDirectoryAndThePasswordFileAreOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        Path password = data.resolve("store.password");
        assertThat(password).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
        assertThat(Files.readString(password, StandardCharsets.US_ASCII).strip()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void theDatabaseServerListensOnLoopbackOnly() throws IOException {
        int port = serverPort();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        }
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                        .forEach(others::add);
            }
        }
        System.out.println("EmbeddedStoreExposureIT: probing port " + port + " on " + others);
        for (InetAddress address : others) {
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(address, port), 2000);
                }
            }).as("H2 server reachable on " + address).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theDatabaseRefusesTheDefaultUserWithoutPassword() {
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", "").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
    }

    @Test
    void aCliCommandInAnotherProcessOpensTheStoreNextToTheService() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.concurbridge.bridge.BridgeMain", "connections"));
        cmd.addAll(settings());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("No company is connected.");
    }

    @Test
    void aDatabaseOfAnOlderVersionWithoutPasswordGetsTheGeneratedOne() throws Exception {
        Path old = tmp.resolve("old/bridge");
        String oldUrl = "jdbc:h2:file:" + old + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
        DriverManager.getConnection(oldUrl, "sa", "").close();
        EmbeddedH2.adoptPassword(oldUrl, old, "sa", "generated-password");
        DriverManager.getConnection(oldUrl, "sa", "generated-password").close();
        assertThatThrownBy(() -> DriverManager.getConnection(oldUrl, "sa", "").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void rotateKeyRefusesWhileAServiceRunsOnTheStore() {
        List<String> args = new ArrayList<>(List.of("rotate-key"));
        args.addAll(settings());
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = org.concurbridge.bridge.cli.BridgeCli.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true));
        int exit = cli.execute(args.toArray(String[]::new));
        assertThat(exit).as(err.toString()).isNotZero();
        assertThat(err.toString()).contains("a bridge service is running on this store");
    }

    @Test
    void theWebServerListensOnLoopbackOnly() {
        String port = service.getEnvironment().getProperty("local.server.port");
        assertThat(service.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(port).isNotNull();
    }

    /** The port of the TCP server H2 started for the open database, from its lock file. */
    private static int serverPort() throws IOException {
        Properties lock = new Properties();
        try (var in = Files.newInputStream(data.resolve("bridge.lock.db"))) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        assertThat(server).as("lock file names the server").isNotNull();
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }
}

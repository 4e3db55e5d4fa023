package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.testsupport.SandboxForTests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code erp-bridge} commands in this JVM against an embedded H2 file database and a sandbox, capturing output. */
final class CliRunner {
    private final Path data;
    private final SandboxForTests concur;

    CliRunner(Path data, SandboxForTests concur) {
        this.data = data;
        this.concur = concur;
    }

    record Result(int exit, String out, String err) {
    }

    /** The settings every command of the test gets: the database, key file, log file and the sandbox app. */
    List<String> settings() {
        return List.of(
                "--bridge.store.url=jdbc:h2:file:" + data.resolve("bridge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--bridge.secrets.key-file=" + data.resolve("secret.key"),
                "--logging.file.name=" + data.resolve("bridge.log"),
                "--logging.level.root=INFO", // logging levels outlive a context in this JVM: keep the other tests'
                "--bridge.concur.client-id=" + concur.clientId(),
                "--bridge.concur.client-secret=" + concur.clientSecret(),
                "--bridge.concur.token-base-uri=" + concur.sandbox().geolocation("glz"),
                "--bridge.concur.sandbox-uri=" + concur.sandbox().geolocation("glz"));
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(settings());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            picocli.CommandLine cli = BridgeCli.commandLine();
            cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            int exit = cli.execute(all.toArray(String[]::new));
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
        }
    }
}

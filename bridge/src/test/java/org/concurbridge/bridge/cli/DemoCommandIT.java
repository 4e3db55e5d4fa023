package org.concurbridge.bridge.cli;

import org.concurbridge.sandbox.SandboxDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command, {@code demo --once}, end to end in this JVM: real sandbox, real bridge, real HTTP. */
class DemoCommandIT {

    @Test
    void demoOnceConnectsBothDemoCompaniesThroughQuickConnectAndPrintsTheSummary(@TempDir Path data) throws IOException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = BridgeCli.commandLine().execute("demo", "--once",
                    "--port", String.valueOf(freePort()), "--sandbox-port", String.valueOf(freePort()),
                    "--bridge.store.url=jdbc:h2:file:" + data.resolve("bridge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                    "--bridge.secrets.key-file=" + data.resolve("secret.key"),
                    "--logging.file.name=" + data.resolve("bridge.log"),
                    // logging levels outlive a context in this JVM: keep the other tests' levels
                    "--logging.level.root=INFO", "--logging.level.com.github.kagkarlsson.scheduler=INFO",
                    "--logging.level.org.concurbridge.sandbox=INFO");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("uuid=" + SandboxDemo.PROFESSIONAL_COMPANY + "  edition=PROFESSIONAL")
                .contains("uuid=" + SandboxDemo.STANDARD_COMPANY + "  edition=STANDARD")
                .contains("state=CONNECTED")
                .containsPattern("FIS posting: +OK .*posted 25")
                .containsPattern("extract posting: +OK .*posted=" + DemoCommand.DEMO_BATCH_REPORTS + " ")
                .contains("dashboard:")
                .contains("Demo cycle complete.");
    }

    /**
     * The demo keeps to its own directory and its own embedded ERP: settings meant for a production bridge (here as
     * system properties, like ERP_* / BRIDGE_STORE_URL environment variables) are not used.
     */
    @Test
    void demoNeverUsesTheProductionDataDirectoryOrErpSettings(@TempDir Path demoData) throws IOException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setProperty("erp.adapter", "tryton");  // would stop the demo: no Tryton is configured
        System.setProperty("bridge.store.url", "jdbc:h2:mem:production_store_must_not_be_used");
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = BridgeCli.commandLine().execute("demo", "--once", "--data-dir", demoData.toString(),
                    "--port", String.valueOf(freePort()), "--sandbox-port", String.valueOf(freePort()),
                    "--logging.level.root=INFO", "--logging.level.com.github.kagkarlsson.scheduler=INFO",
                    "--logging.level.org.concurbridge.sandbox=INFO");
        } finally {
            System.setOut(original);
            System.clearProperty("erp.adapter");
            System.clearProperty("bridge.store.url");
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("Demo cycle complete.").contains(demoData.toString());
        assertThat(demoData.resolve("bridge.mv.db")).exists();
        assertThat(demoData.resolve("secret.key")).exists();
        assertThat(demoData.resolve("store.password")).exists();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

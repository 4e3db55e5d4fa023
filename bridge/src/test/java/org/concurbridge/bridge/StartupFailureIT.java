package org.concurbridge.bridge;

import org.concurbridge.bridge.secrets.SecretKeyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service refuses to start on bad configuration or an unusable key, and says exactly what is wrong. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIT {
    @TempDir
    Path dir;

    private void start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--spring.main.web-application-type=none";
        all[1] = "--logging.file.name=" + dir.resolve("bridge.log");
        System.arraycopy(args, 0, all, 2, args.length);
        new SpringApplicationBuilder(BridgeApplication.class).run(all).close();
    }

    private static String h2() {
        return "--bridge.store.url=jdbc:h2:mem:startup_" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }

    @Test
    void everyInvalidSettingIsListedByName(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                "--bridge.secrets.key-file=" + dir.resolve("secret.key"),
                "--bridge.jobs.threads=0",
                "--bridge.jobs.poll-interval=1ms",
                "--bridge.concur.token-base-uri=ftp://files.example.com",
                "--bridge.store.url=jdbc:mysql://db/bridge",
                "--bridge.jobs.intervals.profile-refresh=10ms",
                "--bridge.admin.username=")).isInstanceOf(Exception.class);

        assertThat(output.getOut() + output.getErr()).contains(
                "Invalid configuration (6 problems)",
                "bridge.jobs.intervals.profile-refresh (a map key: set it in YAML or on the command line)",
                "must be longer than or equal to 1 second",
                "bridge.jobs.threads (environment variable BRIDGE_JOBS_THREADS)",
                "must be greater than or equal to 1",
                "bridge.jobs.poll-interval (environment variable BRIDGE_JOBS_POLLINTERVAL)",
                "must be longer than or equal to 100 millis",
                "bridge.concur.token-base-uri (environment variable BRIDGE_CONCUR_TOKENBASEURI)",
                "value: \"ftp://files.example.com\"",
                "must be an absolute http:// or https:// URI with a host",
                "bridge.store.url (environment variable BRIDGE_STORE_URL)",
                "must be a jdbc:h2: or jdbc:postgresql: URL",
                "bridge.admin.username (environment variable BRIDGE_ADMIN_USERNAME)",
                "must not be blank");
    }

    @Test
    void aShortAdminPasswordStopsStartup(CapturedOutput output) {
        assertThatThrownBy(() -> start(h2(), "--bridge.secrets.key-file=" + dir.resolve("secret.key"),
                "--bridge.admin.password=short-pw")).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr()).contains("bridge.admin.password")
                .contains("at least 12 characters").doesNotContain("short-pw");
    }

    @Test
    void corruptedKeyFileStopsStartupNamingTheFileAndTheRemedy(CapturedOutput output) throws IOException {
        Path keyFile = dir.resolve("secret.key");
        Files.writeString(keyFile, "%%% not a key %%%\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> start(h2(), "--bridge.secrets.key-file=" + keyFile))
                .hasRootCauseInstanceOf(SecretKeyException.class)
                .rootCause().hasMessage("encryption key file " + keyFile + " line 1 is not valid base64 (corrupted?)");

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("encryption key file " + keyFile + " line 1 is not valid base64")
                .contains("restore the key file from the backup");
    }

    @Test
    void firstStartGeneratesTheKeyFileWithOwnerOnlyPermissions() throws IOException {
        Path keyFile = dir.resolve("data/secret.key");

        start(h2(), "--bridge.secrets.key-file=" + keyFile, "--bridge.admin.password=configured-password");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }
}

package org.concurbridge.bridge.web;

import org.concurbridge.bridge.BridgeApplication;
import org.concurbridge.bridge.testsupport.BridgeHttp;
import org.concurbridge.bridge.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a configured password, the first start generates one, prints it once to standard output and keeps only its
 * BCrypt hash; later starts do not print it again; it never reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordIT {
    private static final Pattern PRINTED = Pattern.compile("password: (\\S+)");

    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BridgeApplication.class).run(
                "--server.port=0",
                "--bridge.store.url=jdbc:h2:file:" + dir.resolve("bridge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--bridge.secrets.key-file=" + dir.resolve("secret.key"),
                "--logging.file.name=" + dir.resolve("logs/bridge.log"));
    }

    private static BridgeHttp browser(ConfigurableApplicationContext context) {
        return new BridgeHttp(((WebServerApplicationContext) context).getWebServer().getPort(),
                BridgeHttp.Redirects.RETURN);
    }

    @Test
    void generatedPasswordIsPrintedOnceStoredAsHashAndNeverLogged(CapturedOutput output) throws IOException {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Matcher m = PRINTED.matcher(output.getOut());
            assertThat(m.find()).as("password printed on first start").isTrue();
            password = m.group(1);
            assertThat(m.find()).as("printed only once").isFalse();

            BridgeHttp web = browser(first);
            assertThat(web.signIn("admin", password).headers().firstValue("Location")).hasValue(web.url("/"));
            String hash = first.getBean(org.concurbridge.bridge.store.SettingsRepository.class)
                    .get(AdminAccount.GENERATED_HASH_KEY).orElseThrow();
            assertThat(hash).startsWith("$2").doesNotContain(password);
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(PRINTED.matcher(output.getOut()).results().count()).as("not printed again").isEqualTo(1);
            BridgeHttp web = browser(second);
            assertThat(web.signIn("admin", password).headers().firstValue("Location")).hasValue(web.url("/"));

            String reset = second.getBean(AdminAccount.class).resetGeneratedPassword();
            assertThat(reset).isNotEqualTo(password);
            BridgeHttp other = browser(second);
            assertThat(other.signIn("admin", password).headers().firstValue("Location"))
                    .hasValue(other.url("/login?error"));
            assertThat(other.signIn("admin", reset).headers().firstValue("Location")).hasValue(other.url("/"));
            logs.assertNoSecret(reset);
        }

        logs.assertNoSecret(password);
        // the console log, not the file: Spring Boot initialises logging once per JVM while any cached test context
        // is open, so the file named here may belong to another test's context
        assertThat(output.getOut()).contains("event=admin_password_generated");
        assertThat(output.getErr()).doesNotContain(password);
    }
}

package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.sandbox.SandboxDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator commands against a real sandbox and an embedded database: connect, connections, run-job, disconnect. */
class CliIT {
    static final SandboxForTests concur = new SandboxForTests();

    @TempDir
    static Path data;

    @AfterAll
    static void stop() {
        concur.close();
    }

    private CliRunner.Result run(String... args) {
        return new CliRunner(data, concur).run(args);
    }

    @Test
    void mappingSetValidatesEveryFieldStoresItAndShowPrintsIt() throws Exception {
        String token = concur.sandbox().companyRequestToken(SandboxDemo.PROFESSIONAL_COMPANY);
        assertThat(run("connect", "--company", SandboxDemo.PROFESSIONAL_COMPANY, "--request-token", token).exit())
                .isZero();
        Path bad = data.resolve("bad-mapping.yaml");
        java.nio.file.Files.writeString(bad, "acounts: {}\noffsets:\n  EMPL: {}\n");
        CliRunner.Result refused = run("mapping", "set", "--company", SandboxDemo.PROFESSIONAL_COMPANY, bad.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("acounts: unknown key");
        assertThat(run("mapping", "show", "--company", SandboxDemo.PROFESSIONAL_COMPANY).out())
                .contains("no mapping");

        Path good = data.resolve("good-mapping.yaml");
        java.nio.file.Files.writeString(good, "accounts:\n  \"474230\": \"6110\"\n");
        CliRunner.Result set = run("mapping", "set", "--company", SandboxDemo.PROFESSIONAL_COMPANY, good.toString());
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("stored: version sha256:");
        CliRunner.Result show = run("mapping", "show", "--company", SandboxDemo.PROFESSIONAL_COMPANY);
        assertThat(show.out()).contains("source: database").contains("\"474230\": \"6110\"");
    }

    @Test
    void connectListRunJobAndDisconnectACompany() {
        String token = concur.sandbox().companyRequestToken(SandboxDemo.STANDARD_COMPANY);
        CliRunner.Result connect = run("connect", "--company", SandboxDemo.STANDARD_COMPANY, "--request-token", token);
        assertThat(connect.exit()).as(connect.err()).isZero();
        assertThat(connect.out()).contains("Connected Globex").contains("edition:      STANDARD");

        CliRunner.Result list = run("connections");
        assertThat(list.out()).contains(SandboxDemo.STANDARD_COMPANY).contains("STANDARD").contains("CONNECTED");

        CliRunner.Result runJob = run("run-job", "--no-wait", "profile-refresh", SandboxDemo.STANDARD_COMPANY);
        assertThat(runJob.exit()).as(runJob.err()).isZero();
        assertThat(runJob.out()).contains("is due now");
        CliRunner.Result nobody = run("run-job", "--start-timeout=300ms", "--poll=100ms", "profile-refresh",
                SandboxDemo.STANDARD_COMPANY);
        assertThat(nobody.exit()).as("no bridge instance runs jobs here: retry later").isEqualTo(75);
        assertThat(nobody.out()).contains("No bridge instance started the job within 0.3s; it stays due");

        CliRunner.Result unknown = run("run-job", "profile-refresh", "00000000-0000-0000-0000-000000000000");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("No connection for company 00000000-0000-0000-0000-000000000000");

        CliRunner.Result rotate = run("rotate-key");
        assertThat(rotate.exit()).as(rotate.err()).isZero();
        assertThat(rotate.out()).contains("(newly generated); 1 secret(s) re-encrypted.");

        CliRunner.Result reset = run("reset-admin-password");
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(reset.out()).containsPattern("New administrator password \\(shown once\\): \\S{12,}");

        // the rotated refresh token still decrypts: disconnect revokes with it
        CliRunner.Result disconnect = run("disconnect", SandboxDemo.STANDARD_COMPANY);
        assertThat(disconnect.exit()).as(disconnect.err()).isZero();
        assertThat(disconnect.out()).contains("tokens revoked at SAP Concur");
        assertThat(concur.revokeCalls()).isEqualTo(1);
        assertThat(run("connections").out()).contains("No company is connected.");
    }

    @Test
    void badRequestTokenFailsWithAClearMessageAndStoresNothing() {
        CliRunner.Result connect = run("connect", "--company", SandboxDemo.PROFESSIONAL_COMPANY, "--request-token", "wrong");
        assertThat(connect.exit()).isEqualTo(1);
        assertThat(connect.err()).contains("did not accept the request token");
        // only the command's own output: cached service contexts of other test classes in this JVM may log too
        String listed = run("connections").out().lines().filter(l -> !l.startsWith("ts="))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(listed).doesNotContain(SandboxDemo.PROFESSIONAL_COMPANY);
    }

    @Test
    void missingCompanyUuidIsAUsageError() {
        CliRunner.Result connect = run("connect", "--company", "not-a-uuid", "--request-token", "x");
        assertThat(connect.exit()).isEqualTo(2);
        assertThat(connect.err()).contains("Company UUID (id) is not a UUID");
    }
}

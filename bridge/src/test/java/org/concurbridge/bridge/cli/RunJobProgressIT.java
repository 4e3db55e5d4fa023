package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.testsupport.ErpBooks;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.faults.Gate;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code run-job} follows the run it asked for: a bridge service (another context on the same database, as another
 * process would be) executes it against a slow sandbox while the command prints a line per page and the outcome.
 */
class RunJobProgressIT {
    @RegisterExtension
    static final SandboxForTests concur = new SandboxForTests();
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;
    private static final Pattern READ = Pattern.compile("\\] expense page \\d+: read (\\d+), acknowledged \\d+,"
            + " posted \\d+, confirmed \\d+, failed \\d+");

    @TempDir
    Path data;

    @Test
    void runJobPrintsAProgressLinePerPageAndTheFinalSummary() throws Exception {
        CliRunner cli = new CliRunner(data, concur);
        var sb = concur.sandbox();
        CliRunner.Result connect = cli.run("connect", "--company", COMPANY, "--request-token",
                sb.companyRequestToken(COMPANY));
        assertThat(connect.exit()).as(connect.err()).isZero();
        List<String> args = new ArrayList<>(cli.settings());
        args.addAll(List.of("--spring.main.web-application-type=none", "--bridge.jobs.poll-interval=200ms",
                "--bridge.jobs.instance-name=service-node", "--bridge.posting.page-size=2"));
        try (ConfigurableApplicationContext service = Contexts.service(Map.of(), args.toArray(String[]::new))) {
            List<String> ids = sb.fis().generate(COMPANY, 31L, 6, List.of(FisUseCase.MILEAGE));
            new ErpBooks(service.getBean(JdbcClient.class)).knowEverythingIn(
                    ids.stream().map(id -> sb.fis().document(id).toString()).toList(), Set.of());
            // each expense page read waits at a gate until the test has seen the previous page's progress line: the
            // poller cannot miss a page however slow the machine (the run reports page N before it awaits read N+1)
            Gate reads = sb.faults().hold("GET", "/financialintegration/fi/v4/companies/transactiontypes/expense"
                    + "/transactions");
            java.io.ByteArrayOutputStream live = new java.io.ByteArrayOutputStream();
            CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(
                    () -> cli.run(live, "run-job", "--poll=50ms", "fis-posting", COMPANY));
            for (int read : List.of(2, 4, 6)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> reads.waiting() > 0);
                reads.release();
                Pattern line = Pattern.compile("\\] expense page \\d+: read " + read + ",");
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> line.matcher(live.toString(StandardCharsets.UTF_8)).find());
            }
            reads.open();
            CliRunner.Result run = running.get(2, TimeUnit.MINUTES);

            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Job fis-posting for " + COMPANY + " is due now")
                    .containsPattern("Run \\d+ started on service-node at ");
            List<Integer> read = new ArrayList<>();
            Matcher m = READ.matcher(run.out());
            while (m.find()) {
                read.add(Integer.parseInt(m.group(1)));
            }
            assertThat(read).as(run.out()).containsExactly(2, 4, 6);
            assertThat(run.out()).contains("] done: read 6, acknowledged 6, posted 6, confirmed 6, failed 0")
                    .containsPattern("OK after \\d+\\.\\d s: received 6, acknowledged 6, posted 6, confirmed 6");
        } finally {
            sb.faults().clear();
        }
    }
}

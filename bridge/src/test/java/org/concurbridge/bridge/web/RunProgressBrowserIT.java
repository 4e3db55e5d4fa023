package org.concurbridge.bridge.web;

import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.jobs.ConnectionJobs;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.store.Timestamps;
import org.concurbridge.bridge.testsupport.BridgeHttp;
import org.concurbridge.bridge.testsupport.Browser;
import org.concurbridge.bridge.testsupport.ErpBooks;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.faults.Gate;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live progress of job runs on the connection page in headless Chromium: an operator starts a posting run against a
 * slow SAP Concur and watches its figures grow while it runs, then sees the final ones, without reloading; a run whose
 * instance died (scheduler heartbeat long gone) shows as interrupted, not running; the Jobs table's row of a job
 * follows its runs live too, keeping its Run now form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bridge.posting.page-size=2",
        "bridge.web.runs-refresh=200ms",
        "bridge.web.jobs-idle-refresh=1s",
        "bridge.jobs.instance-name=browser-node"})
class RunProgressBrowserIT {
    @RegisterExtension
    static final SandboxForTests concur = new SandboxForTests();
    @RegisterExtension
    static final Browser browser = new Browser();
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;
    static final String PAGE = "/connections/" + COMPANY;

    @LocalServerPort
    int port;
    @Autowired
    QuickConnectService quickConnect;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConnectionJobs jobs;

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "run-progress-browser-it");
    }

    @BeforeEach
    void connected() {
        concur.connectOnce(quickConnect, connections, COMPANY);
    }

    /**
     * The cells of the first run row matching {@code rowSelector} as the page shows them now, read in one script call
     * (the table is redrawn every 200 ms: element references would go stale between two reads); empty when none.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> cells(WebDriver web, String rowSelector) {
        Object cells = ((JavascriptExecutor) web).executeScript(
                "var r = document.querySelector(arguments[0]);"
                + "if (!r) { return {}; }"
                + "var o = {status: r.getAttribute('data-status')};"
                + "['read', 'posted', 'confirmed', 'failed', 'phase', 'elapsed', 'message'].forEach(function (c) {"
                + "  o[c] = r.querySelector('.' + c).textContent; });"
                + "return o;", rowSelector);
        return (Map<String, String>) cells;
    }

    /** The jobs the dashboard shows the connection running now. */
    private List<String> dashboardRunning() {
        BridgeHttp admin = new BridgeHttp(port, BridgeHttp.Redirects.FOLLOW);
        admin.signIn(SandboxForTests.ADMIN_USER, SandboxForTests.ADMIN_PASSWORD);
        String html = admin.get("/").body();
        int rowStart = html.indexOf("data-company=\"" + COMPANY + "\"");
        assertThat(rowStart).as("the connection's dashboard row").isPositive();
        String row = html.substring(rowStart, html.indexOf("</tr>", rowStart));
        return java.util.regex.Pattern.compile("data-job=\"([^\"]+)\"")
                .matcher(row).results().map(m -> m.group(1)).toList();
    }

    private boolean pickedByNode2() {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'profile-refresh'"
                + " and task_instance = ? and picked and picked_by = 'node-2'").param(COMPANY).query(Long.class)
                .single() == 1;
    }

    static final String EXPENSE_READS = "/financialintegration/fi/v4/companies/transactiontypes/expense/transactions";

    /** The newest fis-posting run (rows are newest first). */
    private static Map<String, String> fisRun(WebDriver web) {
        return cells(web, "#runs tbody tr[data-job='fis-posting']");
    }

    @Test
    void operatorStartsAPostingRunAndWatchesItsFiguresGrowUntilTheFinalOnesWithoutReloading() {
        var sb = concur.sandbox();
        List<String> ids = sb.fis().generate(COMPANY, 21L, 8, List.of(FisUseCase.MILEAGE));
        new ErpBooks(jdbc).knowEverythingIn(ids.stream().map(id -> sb.fis().document(id).toString()).toList(),
                Set.of());
        // the run stops at the read of its second page until the test has seen it running (no timing involved)
        Gate reads = sb.faults().hold("GET", EXPENSE_READS);
        reads.release(); // the first page's read goes through

        WebDriver web = browser.open(port, PAGE);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("run-fis-posting"))).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        ((JavascriptExecutor) web).executeScript("window.notReloaded = true;");

        AtomicReference<Map<String, String>> midway = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .untilAsserted(() -> {
                    Map<String, String> run = fisRun(web);
                    assertThat(run.get("status")).isEqualTo("RUNNING");
                    assertThat(Integer.parseInt(run.get("read"))).isBetween(1, 7);
                    assertThat(dashboardRunning()).as("the dashboard shows the connection running the job")
                            .containsExactly("fis-posting");
                    midway.set(run);
                });
        ((JavascriptExecutor) web).executeScript("document.getElementById('runs').scrollIntoView();");
        browser.screenshot("run-progress-running");
        assertThat(midway.get().get("phase")).matches("expense page [1-4]");
        assertThat(Integer.parseInt(midway.get().get("confirmed"))).isLessThan(8);
        reads.open();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .untilAsserted(() -> assertThat(fisRun(web).get("status")).isEqualTo("OK"));
        Map<String, String> end = fisRun(web);
        assertThat(end).containsEntry("read", "8").containsEntry("posted", "8").containsEntry("confirmed", "8")
                .containsEntry("failed", "0").containsEntry("phase", "done");
        assertThat(end.get("elapsed")).matches("\\d+ s");
        assertThat(((JavascriptExecutor) web).executeScript("return window.notReloaded === true;"))
                .as("the figures changed in place: the page was never reloaded").isEqualTo(true);
        browser.screenshot("run-progress-done");
        sb.faults().clear();
    }

    /** The Jobs table's row of {@code job} as the page shows it now, read in one script call; empty when none. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> jobRow(WebDriver web, String job) {
        Object cells = ((JavascriptExecutor) web).executeScript(
                "var r = document.querySelector('#jobs tbody tr[data-job=\"' + arguments[0] + '\"]');"
                + "if (!r) { return {}; }"
                + "var o = {state: r.getAttribute('data-state'),"
                + "  badge: r.querySelector('.last-state span').className,"
                + "  token: r.querySelector('form input[name=_csrf]').value};"
                + "['last-state', 'last-started', 'next-run', 'outcome', 'status'].forEach(function (c) {"
                + "  o[c] = r.querySelector('.' + c).textContent.trim(); });"
                + "return o;", job);
        return (Map<String, String>) cells;
    }

    @Test
    void jobsTableRowFollowsARunStartedElsewhereFromItsPreviousStateToRunningToItsResultWithoutReloading() {
        var sb = concur.sandbox();
        WebDriver web = browser.open(port, PAGE);
        // a first run with nothing to read: the row shows its OK (a new row, or the previous run's of this class)
        long before = jobs.lastRunId("fis-posting", COMPANY);
        jobs.runNow("fis-posting", COMPANY);
        browser.waiting().until(d -> jobs.firstRunAfter("fis-posting", COMPANY, before)
                .filter(r -> !r.running()).isPresent());
        browser.waiting().until(d -> "OK".equals(jobRow(d, "fis-posting").get("state"))
                && jobRow(d, "fis-posting").get("outcome").startsWith("received 0,"));
        Map<String, String> previous = jobRow(web, "fis-posting");
        assertThat(previous.get("badge")).isEqualTo("badge badge-ok");
        assertThat(previous.get("next-run")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        WebElement button = web.findElement(By.id("run-fis-posting"));
        ((JavascriptExecutor) web).executeScript("window.notReloaded = true;");

        // then a slow run of 6 documents, started elsewhere (as by the CLI or another operator): no click, no reload
        List<String> ids = sb.fis().generate(COMPANY, 22L, 6, List.of(FisUseCase.MILEAGE));
        new ErpBooks(jdbc).knowEverythingIn(ids.stream().map(id -> sb.fis().document(id).toString()).toList(),
                Set.of());
        Gate reads = sb.faults().hold("GET", EXPENSE_READS);
        reads.release(); // the first page's read goes through, the second waits until the test saw the run
        AtomicReference<Map<String, String>> running = new AtomicReference<>();
        try {
            jobs.runNow("fis-posting", COMPANY);
            browser.waiting().until(d -> {
                Map<String, String> row = jobRow(d, "fis-posting");
                running.set(row);
                return "RUNNING".equals(row.get("state")) && row.get("outcome").startsWith("expense page");
            });
            assertThat(running.get().get("badge")).isEqualTo("badge badge-warn");
            assertThat(running.get().get("next-run")).isEqualTo("after this run");
            assertThat(running.get().get("status")).isEqualTo("running on browser-node");
            assertThat(running.get().get("last-started")).isNotEqualTo(previous.get("last-started"));
            ((JavascriptExecutor) web).executeScript("document.getElementById('jobs').scrollIntoView();");
            browser.screenshot("jobs-table-running");
            reads.open();

            browser.waiting().until(d -> "OK".equals(jobRow(d, "fis-posting").get("state")));
        } finally {
            sb.faults().clear();
        }
        Map<String, String> done = jobRow(web, "fis-posting");
        assertThat(done.get("outcome")).startsWith("received 6, acknowledged 6, posted 6, confirmed 6,");
        assertThat(done.get("badge")).isEqualTo("badge badge-ok");
        assertThat(done.get("status")).isEmpty();
        assertThat(done.get("next-run")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(done.get("last-started")).isEqualTo(running.get().get("last-started"));
        assertThat(((JavascriptExecutor) web).executeScript("return window.notReloaded === true;"))
                .as("the row changed in place: the page was never reloaded").isEqualTo(true);
        assertThat(done.get("token")).as("the Run now form kept its CSRF token").isEqualTo(previous.get("token"));
        assertThat(web.findElement(By.id("run-fis-posting"))).as("the very same form button").isEqualTo(button);
        browser.screenshot("jobs-table-done");

        long last = jobs.lastRunId("fis-posting", COMPANY);
        BridgeHttp admin = new BridgeHttp(port, BridgeHttp.Redirects.FOLLOW);
        admin.signIn(SandboxForTests.ADMIN_USER, SandboxForTests.ADMIN_PASSWORD);
        assertThat(admin.get(PAGE + "/jobs").body()).contains("{\"job\":\"fis-posting\",\"lastState\":\"OK\"");
        HttpResponse<String> anonymous = new BridgeHttp(port, BridgeHttp.Redirects.RETURN).get(PAGE + "/jobs");
        assertThat(anonymous.statusCode()).as("the JSON needs the admin, like the page").isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        button.click(); // the kept form still works
        assertThat(browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notice"))).getText())
                .contains("Job fis-posting will run within a few seconds.");
        browser.waiting().until(d -> jobs.firstRunAfter("fis-posting", COMPANY, last)
                .filter(r -> !r.running()).isPresent()); // ended before the next test reads documents
    }

    @Test
    void runWhoseInstanceStoppedHeartBeatingShowsAsInterruptedWithItsLastFigures() {
        Instant now = Instant.now();
        // node-2 picked profile-refresh and was killed: its heartbeat stopped ten minutes ago, its run stayed open
        jdbc.sql("update scheduled_tasks set picked = true, picked_by = 'node-2', last_heartbeat = ?"
                        + " where task_name = 'profile-refresh' and task_instance = ?")
                .params(Timestamps.toDb(now.minus(Duration.ofMinutes(10))), COMPANY).update();
        jdbc.sql("insert into job_runs (job, company_uuid, instance, started_at, phase, docs_read, progress_at)"
                        + " values ('profile-refresh', ?, 'node-2', ?, 'reading the profile', 1, ?)")
                .params(COMPANY, Timestamps.toDb(now.minus(Duration.ofMinutes(12))),
                        Timestamps.toDb(now.minus(Duration.ofMinutes(11)))).update();
        long id = jdbc.sql("select max(id) from job_runs where instance = 'node-2'").query(Long.class).single();

        boolean deadBefore = pickedByNode2();
        WebDriver web = browser.open(port, PAGE);
        String row = "#runs tr[data-run='" + id + "']";
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
        String jobStatus = web.findElement(By.cssSelector("#jobs")).getText();
        assertThat(jobStatus).as("the Jobs table applies the heartbeat rule too").doesNotContain("running on node-2");
        if (deadBefore && pickedByNode2()) {   // not revived by the scheduler while the page was read
            assertThat(jobStatus).contains("interrupted: no heartbeat from node-2 since");
            assertThat(dashboardRunning()).as("a dead instance's job is not running on the dashboard")
                    .doesNotContain("profile-refresh");
        }
        // the scheduler may revive the dead execution meanwhile: the run is closed as interrupted then too
        Map<String, String> dead = cells(web, row);
        assertThat(dead).containsEntry("status", "INTERRUPTED").containsEntry("phase", "reading the profile")
                .containsEntry("read", "1");
        assertThat(dead.get("message")).contains("node-2");
        assertThat(web.findElement(By.id("dead-after")).getText()).isEqualTo("3 min 00 s");
        ((JavascriptExecutor) web).executeScript("document.getElementById('runs').scrollIntoView();");
        browser.screenshot("run-interrupted");

        BridgeHttp admin = new BridgeHttp(port, BridgeHttp.Redirects.FOLLOW);
        admin.signIn(SandboxForTests.ADMIN_USER, SandboxForTests.ADMIN_PASSWORD);
        String json = admin.get(PAGE + "/runs").body();
        assertThat(json).contains("{\"id\":" + id + ",\"job\":\"profile-refresh\",\"instance\":\"node-2\",\"status\":\"INTERRUPTED\"");
    }
}

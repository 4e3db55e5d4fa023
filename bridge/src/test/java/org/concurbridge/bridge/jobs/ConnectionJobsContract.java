package org.concurbridge.bridge.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import org.concurbridge.bridge.BridgeApplication;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.testsupport.MutableClock;
import org.concurbridge.bridge.testsupport.TestConnections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The job behaviour, run on H2 ({@link ConnectionJobsH2IT}) and PostgreSQL ({@link ConnectionJobsPostgresIT}). */
@SpringBootTest(classes = {BridgeApplication.class, ConnectionJobsContract.Jobs.class}, properties = {
        "bridge.secrets.key-file=target/test-data/jobs/secret.key",
        "bridge.admin.password=not-used-here-123",
        "bridge.jobs.poll-interval=100ms",
        "bridge.jobs.retry-backoff=1m",
        "bridge.jobs.instance-name=test-instance",
        "logging.file.name=target/test-data/jobs/bridge.log"})
abstract class ConnectionJobsContract {
    static final Duration INTERVAL = Duration.ofHours(1);

    @TestConfiguration(proxyBeanMethods = false)
    static class Jobs {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        }

        @Bean
        RecordingJob recordingJob() {
            return new RecordingJob();
        }

        /** Only the recording job: the application's own jobs (token and profile refresh) would add schedules. */
        @Bean
        static org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor onlyTheRecordingJob() {
            return new org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor() {
                @Override
                public void postProcessBeanDefinitionRegistry(
                        org.springframework.beans.factory.support.BeanDefinitionRegistry registry) {
                    for (String name : registry.getBeanDefinitionNames()) {
                        String type = registry.getBeanDefinition(name).getBeanClassName();
                        if (type != null && !type.equals(RecordingJob.class.getName()) && isConnectionJob(type)) {
                            registry.removeBeanDefinition(name);
                        }
                    }
                }

                @Override
                public void postProcessBeanFactory(
                        org.springframework.beans.factory.config.ConfigurableListableBeanFactory factory) {
                }
            };
        }

        private static boolean isConnectionJob(String type) {
            try {
                return ConnectionJob.class.isAssignableFrom(Class.forName(type));
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
    }

    /** Records each run; its behaviour per run is set by the test. */
    static class RecordingJob implements ConnectionJob {
        final Queue<String> runs = new ConcurrentLinkedQueue<>();
        final AtomicReference<Exception> fail = new AtomicReference<>();
        final AtomicReference<JobResult> result = new AtomicReference<>(JobResult.ok("synced 3 items"));
        final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
        /** Reported before the gate (first) and after it (second), when set. */
        final AtomicReference<List<RunProgress>> reports = new AtomicReference<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Duration interval() {
            return INTERVAL;
        }

        @Override
        public JobResult run(String companyUuid) throws Exception {
            return run(companyUuid, ProgressListener.NONE);
        }

        @Override
        public JobResult run(String companyUuid, ProgressListener progress) throws Exception {
            runs.add(companyUuid);
            List<RunProgress> r = reports.get();
            if (r != null) {
                progress.progress(r.get(0));
            }
            CountDownLatch g = gate.get();
            if (g != null && !g.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test gate never opened");
            }
            if (r != null) {
                progress.progress(r.get(1));
            }
            Exception e = fail.get();
            if (e != null) {
                throw e;
            }
            return result.get();
        }

        long runsFor(String company) {
            return runs.stream().filter(company::equals).count();
        }
    }

    @Autowired
    ConnectionJobs jobs;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    MutableClock clock;
    @Autowired
    RecordingJob job;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reset() {
        job.fail.set(null);
        job.result.set(JobResult.ok("synced 3 items"));
        job.gate.set(null);
        job.reports.set(null);
    }

    @Test
    void runNowWhileTheJobIsRunningIsRefusedAndTheRunIsShownAsRunning() {
        String company = TestConnections.connectNew(connections, clock.instant());
        CountDownLatch gate = new CountDownLatch(1);
        job.gate.set(gate);
        try {
            assertThat(jobs.runNow("recording", company)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> job.runsFor(company) == 1);

            assertThat(jobs.scheduled(company)).singleElement().satisfies(s -> {
                assertThat(s.running()).isTrue();
                assertThat(s.runningOn()).isEqualTo("test-instance");
            });
            assertThat(jobs.history(company, 10)).singleElement().satisfies(run -> {
                assertThat(run.finishedAt()).isNull();
                assertThat(run.outcome()).isNull();
            });
            assertThat(jobs.runNow("recording", company)).isFalse();
        } finally {
            gate.countDown();
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.scheduled(company))
                .singleElement().satisfies(s -> assertThat(s.running()).isFalse()));
        assertThat(job.runsFor(company)).isEqualTo(1);
    }

    @Test
    void companyDisconnectedDuringARunLosesItsScheduleWhenTheRunEnds() {
        String company = TestConnections.connectNew(connections, clock.instant());
        CountDownLatch gate = new CountDownLatch(1);
        job.gate.set(gate);
        try {
            jobs.runNow("recording", company);
            await().atMost(Duration.ofSeconds(5)).until(() -> job.runsFor(company) == 1);
            connections.delete(company);
            jobs.cancel(company); // the running execution cannot be cancelled; it removes itself
        } finally {
            gate.countDown();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> jobs.scheduled(company).isEmpty());
    }

    @Test
    void jobRunsWhenItsIntervalHasPassedAndReschedulesItself() {
        String company = TestConnections.connectNew(connections, clock.instant());
        jobs.schedule(company);
        Instant scheduledAt = clock.instant();

        assertThat(jobs.scheduled(company)).singleElement().satisfies(s -> {
            assertThat(s.job()).isEqualTo("recording");
            assertThat(s.nextRunAt()).isEqualTo(scheduledAt.plus(INTERVAL));
            assertThat(s.running()).isFalse();
        });
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> job.runsFor(company) == 0);

        clock.advance(INTERVAL);
        await().atMost(Duration.ofSeconds(5)).until(() -> job.runsFor(company) == 1);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.history(company, 10))
                .singleElement().satisfies(run -> {
                    assertThat(run.job()).isEqualTo("recording");
                    assertThat(run.instance()).isEqualTo("test-instance");
                    assertThat(run.outcome()).isEqualTo(JobOutcome.OK);
                    assertThat(run.message()).isEqualTo("synced 3 items");
                    assertThat(run.startedAt()).isEqualTo(clock.instant());
                    assertThat(run.finishedAt()).isEqualTo(clock.instant());
                }));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.scheduled(company))
                .singleElement().satisfies(s -> {
                    assertThat(s.nextRunAt()).isEqualTo(clock.instant().plus(INTERVAL));
                    assertThat(s.lastSuccess()).isEqualTo(clock.instant());
                    assertThat(s.consecutiveFailures()).isZero();
                }));
    }

    @Test
    void runNowRunsWithinThePollingInterval() {
        String company = TestConnections.connectNew(connections, clock.instant());
        jobs.schedule(company);

        assertThat(jobs.runNow("recording", company)).isTrue();

        await().atMost(Duration.ofSeconds(3)).until(() -> job.runsFor(company) == 1);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(jobs.scheduled(company)).singleElement()
                        .satisfies(s -> assertThat(s.nextRunAt()).isEqualTo(clock.instant().plus(INTERVAL))));
        assertThat(meters.find("dbscheduler_task_completions").tag("task", "recording").counters())
                .as("db-scheduler metrics in Micrometer").isNotEmpty();
    }

    @Test
    void runNowOfAJobThatWasNotScheduledSchedulesAndRunsIt() {
        String company = TestConnections.connectNew(connections, clock.instant());

        assertThat(jobs.runNow("recording", company)).isTrue();

        await().atMost(Duration.ofSeconds(3)).until(() -> job.runsFor(company) == 1);
    }

    @Test
    void runNowOfAnUnknownJobNamesTheKnownJobs() {
        assertThatThrownBy(() -> jobs.runNow("no-such-job", "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-job").hasMessageContaining("recording");
    }

    @Test
    void failedRunIsRecordedWithTheExceptionAndRetriedWithGrowingBackoffUntilItSucceeds() {
        String company = TestConnections.connectNew(connections, clock.instant());
        job.fail.set(new IllegalStateException("ERP unreachable at erp.example:8000"));
        jobs.runNow("recording", company);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.scheduled(company))
                .singleElement().satisfies(s -> {
                    assertThat(s.consecutiveFailures()).isEqualTo(1);
                    assertThat(s.nextRunAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
                }));
        assertThat(jobs.history(company, 10)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
            assertThat(run.message())
                    .isEqualTo("java.lang.IllegalStateException: ERP unreachable at erp.example:8000");
        });

        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.scheduled(company))
                .singleElement().satisfies(s -> {
                    assertThat(s.consecutiveFailures()).isEqualTo(2);
                    assertThat(s.nextRunAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
                }));

        job.fail.set(null);
        job.result.set(JobResult.failed("3 documents rejected by the ERP"));
        clock.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.scheduled(company))
                .singleElement().satisfies(s -> assertThat(s.consecutiveFailures()).isEqualTo(3)));
        assertThat(jobs.history(company, 1)).singleElement()
                .satisfies(run -> assertThat(run.message()).isEqualTo("3 documents rejected by the ERP"));

        job.result.set(JobResult.ok("recovered"));
        clock.advance(Duration.ofMinutes(4));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.scheduled(company))
                .singleElement().satisfies(s -> {
                    assertThat(s.consecutiveFailures()).isZero();
                    assertThat(s.nextRunAt()).isEqualTo(clock.instant().plus(INTERVAL));
                }));
        assertThat(jobs.history(company, 10)).extracting(JobRun::outcome)
                .containsExactly(JobOutcome.OK, JobOutcome.FAILED, JobOutcome.FAILED, JobOutcome.FAILED);
        assertThat(job.runsFor(company)).isEqualTo(4);
    }

    @Test
    void concursRetryAfterAndItsFiveMinutesFor503ReachTheSchedulerInsteadOfTheOwnBackoff() {
        String company = TestConnections.connectNew(connections, clock.instant());
        job.fail.set(new org.concurbridge.client.ConcurException.Retriable("fisTransactions failed: HTTP 429", 429,
                null, null, Duration.ofSeconds(150), null));
        jobs.runNow("recording", company);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.scheduled(company))
                .singleElement().satisfies(s -> {
                    assertThat(s.consecutiveFailures()).isEqualTo(1);
                    assertThat(s.nextRunAt()).as("Retry-After 150 s, not the 1-minute backoff")
                            .isEqualTo(clock.instant().plus(Duration.ofSeconds(150)));
                }));

        job.fail.set(null);
        job.result.set(JobResult.concurUnavailable("SAP Concur did not answer",
                new org.concurbridge.client.ConcurException.Retriable("HTTP 503", 503, null, null, null, null)));
        clock.advance(Duration.ofSeconds(150));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.scheduled(company))
                .singleElement().satisfies(s -> {
                    assertThat(s.consecutiveFailures()).isEqualTo(2);
                    assertThat(s.nextRunAt()).as("503: Concur asks to wait 5 minutes")
                            .isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
                }));

        job.result.set(JobResult.ok("recovered"));
        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.scheduled(company))
                .singleElement().satisfies(s -> assertThat(s.consecutiveFailures()).isZero()));
        assertThat(job.runsFor(company)).isEqualTo(3);

        // Retry-After: 0 reaches the scheduler as 0 (the job runs again at once), and a second 0 in a row falls back
        // on the backoff of one failure: never a loop
        job.result.set(JobResult.concurUnavailable("SAP Concur did not answer",
                new org.concurbridge.client.ConcurException.Retriable("HTTP 429", 429, null, null, Duration.ZERO,
                        null)));
        jobs.runNow("recording", company);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.scheduled(company))
                .singleElement().satisfies(s -> {
                    assertThat(s.consecutiveFailures()).isEqualTo(2);
                    assertThat(s.nextRunAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
                }));
        assertThat(job.runsFor(company)).as("once, then at once again for Retry-After: 0").isEqualTo(5);
        job.result.set(JobResult.ok("recovered"));
    }

    @Test
    void connectionWaitingForReconnectIsSkippedWithoutCallingTheJob() {
        String company = TestConnections.connectNew(connections, clock.instant());
        connections.markNeedsReconnect(company, "refresh token revoked (Concur error code 108)");

        jobs.runNow("recording", company);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.history(company, 10))
                .singleElement().satisfies(run -> {
                    assertThat(run.outcome()).isEqualTo(JobOutcome.SKIPPED);
                    assertThat(run.message()).contains("needs reconnecting", "Concur error code 108");
                }));
        assertThat(job.runsFor(company)).isZero();
        assertThat(jobs.scheduled(company)).singleElement()
                .satisfies(s -> assertThat(s.nextRunAt()).isEqualTo(clock.instant().plus(INTERVAL)));
    }

    @Test
    void cancelRemovesTheSchedulesAndADisconnectedCompanysRunRemovesItsOwn() {
        String cancelled = TestConnections.connectNew(connections, clock.instant());
        jobs.schedule(cancelled);
        jobs.cancel(cancelled);
        assertThat(jobs.scheduled(cancelled)).isEmpty();
        jobs.cancel(cancelled); // idempotent

        String deleted = TestConnections.connectNew(connections, clock.instant());
        jobs.schedule(deleted);
        connections.delete(deleted);
        jobs.runNow("recording", deleted);
        await().atMost(Duration.ofSeconds(5)).until(() -> jobs.scheduled(deleted).isEmpty());
        assertThat(job.runsFor(deleted)).isZero();
        assertThat(jobs.history(deleted, 10)).isEmpty();
    }

    @Test
    void reconcileSchedulesConnectedCompaniesAndDropsSchedulesOfRemovedOnes() {
        String connected = TestConnections.connectNew(connections, clock.instant());
        String removed = TestConnections.connectNew(connections, clock.instant());
        jobs.schedule(removed);
        connections.delete(removed);

        jobs.reconcile();

        assertThat(jobs.scheduled(connected)).extracting(ScheduledJob::job).containsExactly("recording");
        assertThat(jobs.scheduled(removed)).isEmpty();
    }

    @Test
    void historyIsNewestFirstAndLimitedAndTheLatestRunOfEachJobIsTheNewest() {
        String company = TestConnections.connectNew(connections, clock.instant());
        assertThat(jobs.latestRuns(company)).as("never ran").isEmpty();
        for (int i = 1; i <= 3; i++) {
            job.result.set(JobResult.ok("run " + i));
            int expected = i;
            jobs.runNow("recording", company);
            await().atMost(Duration.ofSeconds(5)).until(() -> jobs.history(company, 10).size() == expected
                    && jobs.history(company, 1).get(0).finishedAt() != null);
            clock.advance(Duration.ofSeconds(1));
        }
        List<JobRun> lastTwo = jobs.history(company, 2);
        assertThat(lastTwo).extracting(JobRun::message).containsExactly("run 3", "run 2");
        assertThat(jobs.latestRuns(company)).containsOnlyKeys("recording");
        assertThat(jobs.latestRuns(company).get("recording")).isEqualTo(lastTwo.get(0));
        assertThatThrownBy(() -> jobs.history(company, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runningRunShowsItsLatestProgressAndKeepsTheLastFiguresWhenItEnds() {
        String company = TestConnections.connectNew(connections, clock.instant());
        RunProgress page1 = new RunProgress("expense page 1", 2, 2, 1, 1, 1);
        RunProgress done = new RunProgress("done", 5, 5, 4, 4, 1);
        job.reports.set(List.of(page1, done));
        CountDownLatch gate = new CountDownLatch(1);
        job.gate.set(gate);
        try {
            jobs.runNow("recording", company);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.history(company, 1))
                    .singleElement().satisfies(run -> {
                        assertThat(run.running()).isTrue();
                        assertThat(run.progress()).isEqualTo(page1);
                        assertThat(run.progressAt()).isEqualTo(clock.instant());
                        assertThat(run.heartbeatAt()).isNotNull();
                    }));
            clock.advance(Duration.ofSeconds(42));
            assertThat(jobs.history(company, 1).get(0).elapsed(clock.instant())).isEqualTo(Duration.ofSeconds(42));
        } finally {
            gate.countDown();
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jobs.history(company, 1))
                .singleElement().satisfies(run -> {
                    assertThat(run.outcome()).isEqualTo(JobOutcome.OK);
                    assertThat(run.progress()).isEqualTo(done);
                    assertThat(run.heartbeatAt()).isNull();
                    assertThat(run.elapsed(clock.instant())).isEqualTo(Duration.ofSeconds(42));
                }));
    }

    @Test
    void runWhoseSchedulerHeartbeatIsOlderThanTheDeadLimitShowsAsInterrupted() {
        String company = TestConnections.connectNew(connections, clock.instant());
        CountDownLatch gate = new CountDownLatch(1);
        job.gate.set(gate);
        try {
            jobs.runNow("recording", company);
            await().atMost(Duration.ofSeconds(5)).until(() -> !jobs.history(company, 1).isEmpty()
                    && jobs.history(company, 1).get(0).running());
            // the instance stops heart-beating (as after SIGKILL): its last heartbeat just over the limit ago
            setHeartbeat(company, clock.instant().minus(jobs.deadAfter()).minusSeconds(1));
            assertThat(jobs.history(company, 1)).singleElement().satisfies(run -> {
                assertThat(run.outcome()).isEqualTo(JobOutcome.INTERRUPTED);
                assertThat(run.message()).contains("no heartbeat from test-instance since");
                assertThat(run.finishedAt()).isNull();
            });
            // the job's schedule (the connection page's Jobs table, the dashboard) follows the same rule
            assertThat(jobs.scheduled(company)).singleElement().satisfies(s -> {
                assertThat(s.running()).isFalse();
                assertThat(s.runningOn()).isEqualTo("test-instance");
                assertThat(s.interrupted()).contains("no heartbeat from test-instance since");
            });
            assertThat(jobs.runningNow()).doesNotContainKey(company);
            // within the limit it is alive: the state is read from the heartbeat, never guessed
            setHeartbeat(company, clock.instant().minus(jobs.deadAfter()));
            assertThat(jobs.history(company, 1).get(0).running()).isTrue();
            assertThat(jobs.scheduled(company)).singleElement().satisfies(s -> {
                assertThat(s.running()).isTrue();
                assertThat(s.interrupted()).isNull();
            });
            assertThat(jobs.runningNow()).containsEntry(company, List.of("recording"));
        } finally {
            gate.countDown();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> jobs.history(company, 1).get(0).outcome() == JobOutcome.OK);
    }

    @Test
    void openRunOfAnInstanceThatDiedIsClosedAsInterruptedWhenTheJobStartsAgain() {
        String company = TestConnections.connectNew(connections, clock.instant());
        jdbc.sql("insert into job_runs (job, company_uuid, instance, started_at) values ('recording', ?, 'dead-node',"
                + " ?)").params(company, org.concurbridge.bridge.store.Timestamps.toDb(clock.instant())).update();
        assertThat(jobs.history(company, 1).get(0).outcome())
                .as("no scheduler row is picked by dead-node: not running").isEqualTo(JobOutcome.INTERRUPTED);
        clock.advance(Duration.ofSeconds(1));

        jobs.runNow("recording", company);

        await().atMost(Duration.ofSeconds(5)).until(() -> jobs.history(company, 2).size() == 2
                && jobs.history(company, 1).get(0).outcome() == JobOutcome.OK);
        assertThat(jobs.history(company, 2).get(1)).satisfies(dead -> {
            assertThat(dead.instance()).isEqualTo("dead-node");
            assertThat(dead.outcome()).isEqualTo(JobOutcome.INTERRUPTED);
            assertThat(dead.finishedAt()).isNotNull();
            assertThat(dead.message()).contains("dead-node").contains("started again on test-instance");
        });
    }

    private void setHeartbeat(String company, Instant at) {
        assertThat(jdbc.sql("update scheduled_tasks set last_heartbeat = ? where task_name = 'recording'"
                        + " and task_instance = ? and picked")
                .params(org.concurbridge.bridge.store.Timestamps.toDb(at), company).update()).isEqualTo(1);
    }
}

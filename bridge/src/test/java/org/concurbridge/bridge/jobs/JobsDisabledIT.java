package org.concurbridge.bridge.jobs;

import org.concurbridge.bridge.BridgeApplication;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.testsupport.TestConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With bridge.jobs.enabled=false (CLI commands) jobs can be scheduled and requested, but this process runs none. */
class JobsDisabledIT {
    static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    static class CountingJob {
        @Bean
        ConnectionJob counting() {
            return new ConnectionJob() {
                @Override
                public String name() {
                    return "counting";
                }

                @Override
                public Duration interval() {
                    return Duration.ofHours(1);
                }

                @Override
                public JobResult run(String companyUuid) {
                    RUNS.incrementAndGet();
                    return JobResult.ok(null);
                }
            };
        }
    }

    @Test
    void disabledSchedulerSchedulesButNeverExecutes() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BridgeApplication.class,
                CountingJob.class).run(
                "--spring.main.web-application-type=none",
                "--bridge.store.url=jdbc:h2:mem:jobs_disabled;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--bridge.secrets.key-file=" + dir.resolve("secret.key"),
                "--bridge.admin.password=unused-in-this-test",
                "--bridge.jobs.enabled=false",
                "--bridge.jobs.poll-interval=100ms",
                "--logging.file.name=" + dir.resolve("bridge.log"))) {
            ConnectionJobs jobs = context.getBean(ConnectionJobs.class);
            String company = TestConnections.connectNew(context.getBean(ConnectionRepository.class),
                    Clock.systemUTC().instant());

            assertThat(jobs.runNow("counting", company)).isTrue();

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> RUNS.get() == 0);
            assertThat(jobs.scheduled(company)).singleElement().satisfies(s -> assertThat(s.running()).isFalse());
            assertThat(jobs.history(company, 10)).isEmpty();
        }
    }
}

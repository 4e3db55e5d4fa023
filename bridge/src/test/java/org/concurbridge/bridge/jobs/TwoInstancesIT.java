package org.concurbridge.bridge.jobs;

import org.concurbridge.bridge.BridgeApplication;
import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.testsupport.TestConnections;
import org.concurbridge.bridge.testsupport.TestPostgres;
import org.concurbridge.bridge.testsupport.TestSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two bridge instances (two Spring Boot applications in this JVM) on one PostgreSQL database share the per-connection
 * jobs: every (job, company) runs on one instance at a time, and both instances do work.
 */
class TwoInstancesIT {
    static final Queue<Run> RUNS = new ConcurrentLinkedQueue<>();
    static final int COMPANIES = 4;
    static final int WANTED_RUNS = 48;

    record Run(String instance, String company, long startNanos, long endNanos) {
    }

    /** Records where and when it ran; its work is a short database round trip so that runs could overlap. */
    @Configuration(proxyBeanMethods = false)
    static class ProbeJobConfiguration {
        @Bean
        ConnectionJob overlapProbe(BridgeProperties properties, JdbcClient jdbc) {
            String instance = properties.jobs().instanceName();
            return new ConnectionJob() {
                @Override
                public String name() {
                    return "overlap-probe";
                }

                @Override
                public Duration interval() {
                    return Duration.ofMillis(50);
                }

                @Override
                public JobResult run(String companyUuid) {
                    long start = System.nanoTime();
                    jdbc.sql("select pg_sleep(0.04)").query().singleValue();
                    RUNS.add(new Run(instance, companyUuid, start, System.nanoTime()));
                    return JobResult.ok("probe on " + instance);
                }
            };
        }
    }

    @Test
    void twoInstancesShareTheJobsAndNeverRunTheSameJobForTheSameCompanyAtOnce() {
        TestPostgres.Database db = TestPostgres.newDatabase("two_instances");
        String key = Base64.getEncoder().encodeToString(TestSecrets.randomKey());
        try (ConfigurableApplicationContext a = start("bridge-a", db, key);
             ConfigurableApplicationContext b = start("bridge-b", db, key)) {
            ConnectionRepository connections = a.getBean(ConnectionRepository.class);
            ConnectionJobs jobs = b.getBean(ConnectionJobs.class);
            List<String> companies = new ArrayList<>();
            for (int i = 0; i < COMPANIES; i++) {
                String company = TestConnections.connectNew(connections, Clock.systemUTC().instant());
                jobs.schedule(company);
                companies.add(company);
            }

            await().atMost(Duration.ofSeconds(90)).until(() -> RUNS.size() >= WANTED_RUNS);
            a.close();
            b.close();

            Map<String, List<Run>> byCompany = RUNS.stream().collect(Collectors.groupingBy(Run::company));
            assertThat(byCompany.keySet()).containsExactlyInAnyOrderElementsOf(companies);
            for (List<Run> runs : byCompany.values()) {
                List<Run> sorted = runs.stream().sorted(Comparator.comparingLong(Run::startNanos)).toList();
                for (int i = 1; i < sorted.size(); i++) {
                    assertThat(sorted.get(i).startNanos())
                            .as("run %s of company %s starts after run %s ended", i, sorted.get(i).company(), i - 1)
                            .isGreaterThanOrEqualTo(sorted.get(i - 1).endNanos());
                }
            }
            Set<String> instances = RUNS.stream().map(Run::instance).collect(Collectors.toSet());
            assertThat(instances).containsExactlyInAnyOrder("bridge-a", "bridge-b");

            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            for (String company : companies) {
                long recorded = jdbc.sql("select count(*) from job_runs where company_uuid = ? and outcome = 'OK'")
                        .param(company).query(Long.class).single();
                assertThat(recorded).as("each execution recorded once in job_runs for %s", company)
                        .isEqualTo(byCompany.get(company).size());
            }
        }
    }

    private static ConfigurableApplicationContext start(String instance, TestPostgres.Database db, String key) {
        return new SpringApplicationBuilder(BridgeApplication.class, ProbeJobConfiguration.class)
                .run("--spring.main.web-application-type=none",
                        "--bridge.store.url=" + db.jdbcUrl(),
                        "--bridge.store.username=" + db.username(),
                        "--bridge.store.password=" + db.password(),
                        "--bridge.secrets.key=" + key,
                        "--bridge.admin.password=unused-in-this-test",
                        "--bridge.jobs.instance-name=" + instance,
                        "--bridge.jobs.threads=2",
                        "--bridge.jobs.poll-interval=100ms",
                        "--bridge.jobs.shutdown-max-wait=5s",
                        "--logging.file.name=target/test-data/two-instances/bridge.log");
    }
}

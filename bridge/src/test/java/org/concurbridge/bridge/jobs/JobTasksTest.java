package org.concurbridge.bridge.jobs;

import org.concurbridge.bridge.config.BridgeProperties;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobTasksTest {

    static ConnectionJob job(String name, Duration interval) {
        return new ConnectionJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public JobResult run(String companyUuid) {
                return JobResult.ok(null);
            }
        };
    }

    static BridgeProperties.Jobs settings(Map<String, Duration> intervals) {
        return new BridgeProperties.Jobs(true, Duration.ofSeconds(10), 4, Duration.ofSeconds(30), "i", Duration.ofMinutes(1),
                intervals, Duration.ofSeconds(30));
    }

    @Test
    void configuredIntervalOverridesTheJobsOwn() {
        JobTasks tasks = new JobTasks(List.of(job("a", Duration.ofHours(1)), job("b", Duration.ofDays(1))),
                settings(Map.of("b", Duration.ofHours(6))), "i", null, null, Clock.systemUTC());

        assertThat(tasks.all()).extracting(JobTasks.Entry::interval)
                .containsExactly(Duration.ofHours(1), Duration.ofHours(6));
    }

    @Test
    void intervalForAnUnknownJobIsAConfigurationError() {
        assertThatThrownBy(() -> new JobTasks(List.of(job("a", Duration.ofHours(1))),
                settings(Map.of("typo", Duration.ofHours(6))), "i", null, null, Clock.systemUTC()))
                .hasMessageContaining("bridge.jobs.intervals.typo").hasMessageContaining("[a]");
    }

    @Test
    void twoJobsWithTheSameNameAreRefused() {
        assertThatThrownBy(() -> new JobTasks(List.of(job("a", Duration.ofHours(1)), job("a", Duration.ofHours(2))),
                settings(Map.of()), "i", null, null, Clock.systemUTC()))
                .hasMessageContaining("two connection jobs are named a");
    }

    @Test
    void backoffDoublesPerConsecutiveFailureAndStopsAtTheInterval() {
        JobTasks.CappedBackoff backoff = new JobTasks.CappedBackoff(Duration.ofMinutes(1), Duration.ofMinutes(30));

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 100)).map(backoff::delay).containsExactly(
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                Duration.ofMinutes(16), Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofMinutes(30));
    }
}

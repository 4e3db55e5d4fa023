package org.concurbridge.bridge.web;

import org.concurbridge.bridge.jobs.JobOutcome;
import org.concurbridge.bridge.jobs.JobRun;
import org.concurbridge.bridge.jobs.RunProgress;
import org.concurbridge.bridge.jobs.ScheduledJob;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JobViewTest {
    static final Instant NOW = Instant.parse("2026-11-30T07:00:00Z");
    static final RunProgress PAGE_2 = new RunProgress("expense page 2", 4, 4, 2, 2, 0);

    static ScheduledJob scheduled(Instant next, boolean running) {
        return new ScheduledJob("fis-posting", "c", next, running, running ? "node-1" : null, null, 0, null, null);
    }

    static JobRun run(JobOutcome outcome, String message) {
        return new JobRun(7, "fis-posting", "c", "node-1", NOW.minusSeconds(30),
                outcome == null ? null : NOW.minusSeconds(5), outcome, message, PAGE_2, NOW.minusSeconds(6),
                outcome == null ? NOW.minusSeconds(1) : null);
    }

    @Test
    void runningJobShowsItsFiguresSoFarAndNoNextRunYet() {
        JobView v = JobView.of(scheduled(NOW.minusSeconds(31), true), run(null, null), NOW);
        assertThat(v.lastState()).isEqualTo("RUNNING");
        assertThat(v.lastBadge()).isEqualTo("badge badge-warn");
        assertThat(v.lastStarted()).isEqualTo("2026-11-30 06:59:30 UTC");
        assertThat(v.nextRun()).isEqualTo("after this run");
        assertThat(v.outcome()).isEqualTo("expense page 2: read 4, acknowledged 4, posted 2, confirmed 2, failed 0");
        assertThat(v.runningOn()).isEqualTo("node-1");
    }

    @Test
    void finishedRunShowsItsMessageAndTheNextRun() {
        JobView v = JobView.of(scheduled(NOW.plus(Duration.ofHours(1)), false), run(JobOutcome.FAILED, "ERP down"),
                NOW);
        assertThat(v.lastState()).isEqualTo("FAILED");
        assertThat(v.lastBadge()).isEqualTo("badge badge-bad");
        assertThat(v.nextRun()).isEqualTo("2026-11-30 08:00:00 UTC");
        assertThat(v.outcome()).isEqualTo("ERP down");
        assertThat(v.runningOn()).isNull();
    }

    @Test
    void jobThatNeverRanShowsOnlyItsNextRun() {
        JobView v = JobView.of(scheduled(NOW.plus(Duration.ofDays(1)), false), null, NOW);
        assertThat(v.lastState()).isEmpty();
        assertThat(v.lastBadge()).isEmpty();
        assertThat(v.lastStarted()).isEmpty();
        assertThat(v.outcome()).isEmpty();
        assertThat(v.nextRun()).isEqualTo("2026-12-01 07:00:00 UTC");
    }

    @Test
    void jobIsActiveWhileItRunsOrWhenDueBeforeTheIdlePoll() {
        Instant soon = NOW.plusSeconds(30);
        assertThat(JobView.active(scheduled(NOW.minusSeconds(31), true), run(null, null), soon)).isTrue();
        assertThat(JobView.active(scheduled(NOW.plusSeconds(20), false), null, soon)).isTrue();
        assertThat(JobView.active(scheduled(NOW.plusSeconds(40), false), run(JobOutcome.OK, "ok"), soon)).isFalse();
    }
}

package org.concurbridge.bridge.web;

import org.concurbridge.bridge.jobs.JobRun;
import org.concurbridge.bridge.jobs.RunProgress;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A run as the connection page shows it, formatted once for the page and for its live refresh
 * ({@code GET /connections/{id}/runs}, read by {@code static/js/runs.js}).
 *
 * @param status       RUNNING, or the outcome (OK, FAILED, SKIPPED, INTERRUPTED)
 * @param figure       read, acknowledged, posted, confirmed, failed: the run's figures so far, "" where it has none
 * @param heartbeatAge seconds since the running instance's last scheduler heartbeat, or null
 * @param badge        the CSS classes of the status badge ({@link #badge(String)})
 */
record RunView(long id, String job, String instance, String status, String started, String finished,
               String elapsed, String phase, String read, String acknowledged, String posted, String confirmed,
               String failed, String message, Long heartbeatAge, String badge) {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    static RunView of(JobRun r, Instant now) {
        RunProgress p = r.progress();
        String status = r.running() ? "RUNNING" : r.outcome().name();
        return new RunView(r.id(), r.job(), r.instance(), status,
                TIME.format(r.startedAt()), r.finishedAt() == null ? "" : TIME.format(r.finishedAt()),
                duration(r.elapsed(now)), p == null || p.phase() == null ? "" : p.phase(),
                figure(p == null ? null : p.read()), figure(p == null ? null : p.acknowledged()),
                figure(p == null ? null : p.posted()), figure(p == null ? null : p.confirmed()),
                figure(p == null ? null : p.failed()), r.message() == null ? "" : r.message(),
                r.heartbeatAt() == null ? null : Math.max(0, Duration.between(r.heartbeatAt(), now).toSeconds()),
                badge(status));
    }

    /** The CSS classes of a run status's badge: OK green, RUNNING and SKIPPED amber, the others red. */
    static String badge(String status) {
        if ("OK".equals(status)) {
            return "badge badge-ok";
        }
        return "RUNNING".equals(status) || "SKIPPED".equals(status) ? "badge badge-warn" : "badge badge-bad";
    }

    private static String figure(Integer n) {
        return n == null ? "" : n.toString();
    }

    /** {@code 45 s}, {@code 3 min 05 s}, {@code 2 h 01 min}. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format("%d min %02d s", s / 60, s % 60);
        }
        return String.format("%d h %02d min", s / 3600, s % 3600 / 60);
    }
}

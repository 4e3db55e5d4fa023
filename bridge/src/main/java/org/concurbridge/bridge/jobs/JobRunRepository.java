package org.concurbridge.bridge.jobs;

import org.concurbridge.bridge.store.Timestamps;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The run history, table {@code job_runs}. Whether an unfinished run is still alive is read from db-scheduler's own
 * row of the job ({@code scheduled_tasks}: picked by the run's instance, heartbeat recent).
 */
@Repository
class JobRunRepository {
    private static final int MAX_MESSAGE = 2000;
    private static final String SELECT = "select r.*, t.picked, t.picked_by, t.last_heartbeat from job_runs r"
            + " left join scheduled_tasks t on r.finished_at is null and t.task_name = r.job"
            + " and t.task_instance = r.company_uuid ";

    private final JdbcClient jdbc;

    JobRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the start of a run. Any earlier run of the same job and company still open was interrupted: the
     * scheduler runs one (job, company) at a time, so it can only be one whose instance died.
     */
    long started(String job, String companyUuid, String instance, Instant at) {
        jdbc.sql("update job_runs set finished_at = ?, outcome = 'INTERRUPTED', message = 'interrupted: ' || instance"
                        + " || cast(? as varchar(300)) where job = ?"
                        + " and company_uuid = ? and finished_at is null")
                .params(Timestamps.toDb(at), " stopped during the run; the job started again on " + instance, job,
                        companyUuid)
                .update();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into job_runs (job, company_uuid, instance, started_at) values (?, ?, ?, ?)")
                .params(job, companyUuid, instance, Timestamps.toDb(at))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** Stores the latest figures of a running run (one small update; called once per page or file). */
    void progress(long id, RunProgress p, Instant at) {
        jdbc.sql("update job_runs set phase = ?, docs_read = ?, docs_acknowledged = ?, docs_posted = ?,"
                        + " docs_confirmed = ?, docs_failed = ?, progress_at = ? where id = ?")
                .params(truncate(p.phase(), 200), p.read(), p.acknowledged(), p.posted(), p.confirmed(), p.failed(),
                        Timestamps.toDb(at), id)
                .update();
    }

    void finished(long id, Instant at, JobResult result) {
        jdbc.sql("update job_runs set finished_at = ?, outcome = ?, message = ? where id = ?")
                .params(Timestamps.toDb(at), result.outcome().name(), truncate(result.message(), MAX_MESSAGE), id)
                .update();
    }

    /** Newest first; an open run whose heartbeat is older than {@code staleBefore} comes back INTERRUPTED. */
    List<JobRun> history(String companyUuid, int limit, Instant staleBefore) {
        return jdbc.sql(SELECT + "where r.company_uuid = ? order by r.started_at desc, r.id desc limit ?")
                .params(companyUuid, limit).query(mapper(staleBefore)).list();
    }

    /** The latest run of each job of the company (jobs that never ran are left out), by {@link #history}'s rule. */
    List<JobRun> latestPerJob(String companyUuid, Instant staleBefore) {
        return jdbc.sql(SELECT + "where r.id in (select max(id) from job_runs where company_uuid = ? group by job)")
                .param(companyUuid).query(mapper(staleBefore)).list();
    }

    Optional<JobRun> find(long id, Instant staleBefore) {
        return jdbc.sql(SELECT + "where r.id = ?").param(id).query(mapper(staleBefore)).optional();
    }

    /** The highest run id of the job for the company, 0 when it never ran. */
    long lastId(String job, String companyUuid) {
        return jdbc.sql("select coalesce(max(id), 0) from job_runs where job = ? and company_uuid = ?")
                .params(job, companyUuid).query(Long.class).single();
    }

    /** The first run of the job for the company with an id above {@code afterId}, if one started. */
    Optional<Long> firstAfter(String job, String companyUuid, long afterId) {
        return jdbc.sql("select min(id) from job_runs where job = ? and company_uuid = ? and id > ?")
                .params(job, companyUuid, afterId).query(Long.class).optional();
    }

    private static RowMapper<JobRun> mapper(Instant staleBefore) {
        return (rs, n) -> {
            Instant finishedAt = Timestamps.fromDb(rs, "finished_at");
            String outcome = rs.getString("outcome");
            JobOutcome o = outcome == null ? null : JobOutcome.valueOf(outcome);
            String message = rs.getString("message");
            Instant heartbeat = null;
            if (o == null) {
                String instance = rs.getString("instance");
                heartbeat = Timestamps.fromDb(rs, "last_heartbeat");
                String dead = deadReason(rs.getBoolean("picked") ? rs.getString("picked_by") : null, instance,
                        heartbeat, staleBefore);
                if (dead != null) {
                    o = JobOutcome.INTERRUPTED;
                    message = "interrupted: " + dead;
                    heartbeat = null;
                }
            }
            return new JobRun(rs.getLong("id"), rs.getString("job"), rs.getString("company_uuid"),
                    rs.getString("instance"), Timestamps.fromDb(rs, "started_at"), finishedAt, o, message,
                    progress(rs), Timestamps.fromDb(rs, "progress_at"), heartbeat);
        };
    }

    /**
     * db-scheduler's rule for a live execution, applied to a run of {@code instance} (and to a job's own execution,
     * with {@code instance = pickedBy}): alive while the job's row is picked by that instance and its last heartbeat
     * is not older than {@code staleBefore}. Returns null while alive, else why not (for an operator).
     *
     * @param pickedBy the instance that picked the job's row, null when it is not picked
     */
    static String deadReason(String pickedBy, String instance, Instant heartbeat, Instant staleBefore) {
        if (!instance.equals(pickedBy)) {
            return instance + " no longer runs it (the instance stopped)";
        }
        if (heartbeat == null || heartbeat.isBefore(staleBefore)) {
            return "no heartbeat from " + instance + " since " + heartbeat + " (the instance stopped or hangs)";
        }
        return null;
    }

    /** A job's execution currently picked by an instance, from db-scheduler's {@code scheduled_tasks}. */
    record Picked(String job, String companyUuid, String by, Instant heartbeat) {
        /** Null while the execution is alive, else why not ({@link #deadReason}). */
        String deadReason(Instant staleBefore) {
            return JobRunRepository.deadReason(by, by, heartbeat, staleBefore);
        }
    }

    /** The picked executions of the company's jobs, or of every company's when {@code companyUuid} is null. */
    List<Picked> picked(String companyUuid) {
        String sql = "select task_name, task_instance, picked_by, last_heartbeat from scheduled_tasks where picked";
        RowMapper<Picked> m = (rs, n) -> new Picked(rs.getString("task_name"), rs.getString("task_instance"),
                rs.getString("picked_by"), Timestamps.fromDb(rs, "last_heartbeat"));
        return companyUuid == null ? jdbc.sql(sql).query(m).list()
                : jdbc.sql(sql + " and task_instance = ?").param(companyUuid).query(m).list();
    }

    private static RunProgress progress(ResultSet rs) throws SQLException {
        if (rs.getObject("progress_at") == null) {
            return null;
        }
        return new RunProgress(rs.getString("phase"), integer(rs, "docs_read"), integer(rs, "docs_acknowledged"),
                integer(rs, "docs_posted"), integer(rs, "docs_confirmed"), integer(rs, "docs_failed"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static String truncate(String message, int max) {
        return message == null || message.length() <= max ? message : message.substring(0, max - 3) + "...";
    }
}

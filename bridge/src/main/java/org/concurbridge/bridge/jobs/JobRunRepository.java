package org.concurbridge.bridge.jobs;

import org.concurbridge.bridge.store.Timestamps;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/** The run history, table {@code job_runs}. */
@Repository
class JobRunRepository {
    private static final int MAX_MESSAGE = 2000;
    private static final RowMapper<JobRun> ROW = (rs, n) -> new JobRun(
            rs.getLong("id"), rs.getString("job"), rs.getString("company_uuid"), rs.getString("instance"),
            Timestamps.fromDb(rs, "started_at"), Timestamps.fromDb(rs, "finished_at"),
            rs.getString("outcome") == null ? null : JobOutcome.valueOf(rs.getString("outcome")),
            rs.getString("message"));

    private final JdbcClient jdbc;

    JobRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long started(String job, String companyUuid, String instance, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into job_runs (job, company_uuid, instance, started_at) values (?, ?, ?, ?)")
                .params(job, companyUuid, instance, Timestamps.toDb(at))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    void finished(long id, Instant at, JobResult result) {
        jdbc.sql("update job_runs set finished_at = ?, outcome = ?, message = ? where id = ?")
                .params(Timestamps.toDb(at), result.outcome().name(), truncate(result.message()), id)
                .update();
    }

    List<JobRun> history(String companyUuid, int limit) {
        return jdbc.sql("select * from job_runs where company_uuid = ? order by started_at desc, id desc limit ?")
                .params(companyUuid, limit).query(ROW).list();
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE - 3) + "...";
    }
}

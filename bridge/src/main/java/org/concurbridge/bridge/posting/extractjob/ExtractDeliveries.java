package org.concurbridge.bridge.posting.extractjob;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.concurbridge.bridge.store.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The extract jobs and payment batches a company's runs have started, fetched or processed (table
 * {@code extract_deliveries}). A delivery is processed at most once: a run skips every PROCESSED, HELD or FAILED one
 * and resumes STARTED ones (a crash between start and posting); posting itself is idempotent through the ledger.
 */
@Repository
public class ExtractDeliveries {

    public enum Origin { JOB, BATCH }

    public enum State { STARTED, PROCESSED, HELD, FAILED }

    /** One recorded delivery. */
    public record Delivery(long id, String companyUuid, Origin origin, String originId, String definition,
                           String format, State state, String batchId, Integer documents, Integer posted,
                           Integer quarantined, Integer alreadyPosted, String detail, Instant startedAt,
                           Instant updatedAt) {
    }

    /** What processing a file gave. */
    public record Counts(String batchId, int documents, int posted, int quarantined, int alreadyPosted) {
    }

    private static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public ExtractDeliveries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Delivery> find(String companyUuid, Origin origin, String originId) {
        return jdbc.sql("select * from extract_deliveries where company_uuid = ? and origin = ? and origin_id = ?")
                .params(companyUuid, origin.name(), originId).query(ROW).optional();
    }

    /** Deliveries of a company and format in a state, oldest first. */
    public List<Delivery> inState(String companyUuid, String format, State state) {
        return jdbc.sql("select * from extract_deliveries where company_uuid = ? and format = ? and state = ?"
                        + " order by id").params(companyUuid, format, state.name()).query(ROW).list();
    }

    /** Every delivery of a company, newest first. */
    public List<Delivery> list(String companyUuid, int limit) {
        return jdbc.sql("select * from extract_deliveries where company_uuid = ? order by id desc limit ?")
                .params(companyUuid, limit).query(ROW).list();
    }

    public boolean any(String companyUuid, Origin origin, String definition) {
        return jdbc.sql("select count(*) from extract_deliveries where company_uuid = ? and origin = ?"
                        + " and definition = ?").params(companyUuid, origin.name(), definition)
                .query(Long.class).single() > 0;
    }

    /** Records a delivery as STARTED, or returns the one already recorded. */
    public Delivery started(String companyUuid, Origin origin, String originId, String definition, String format,
                            Instant startedAt) {
        Instant now = clock.instant();
        try {
            jdbc.sql("insert into extract_deliveries (company_uuid, origin, origin_id, definition, format, state,"
                            + " started_at, created_at, updated_at) values (?, ?, ?, ?, ?, 'STARTED', ?, ?, ?)")
                    .params(companyUuid, origin.name(), originId, definition, format,
                            startedAt == null ? null : Timestamps.toDb(startedAt), Timestamps.toDb(now),
                            Timestamps.toDb(now)).update();
        } catch (DuplicateKeyException raced) {
            // recorded already (another run, or an earlier crash): use that row
        }
        return find(companyUuid, origin, originId).orElseThrow();
    }

    /** STARTED → PROCESSED, HELD or FAILED (only once). */
    public boolean finish(long id, State state, Counts counts, String detail) {
        return jdbc.sql("update extract_deliveries set state = ?, batch_id = ?, documents = ?, posted = ?,"
                        + " quarantined = ?, already_posted = ?, detail = ?, updated_at = ? where id = ?"
                        + " and state = 'STARTED'")
                .params(state.name(), counts == null ? null : counts.batchId(),
                        counts == null ? null : counts.documents(), counts == null ? null : counts.posted(),
                        counts == null ? null : counts.quarantined(), counts == null ? null : counts.alreadyPosted(),
                        detail == null || detail.length() <= MAX_TEXT ? detail : detail.substring(0, MAX_TEXT - 1)
                                + "…", Timestamps.toDb(clock.instant()), id)
                .update() == 1;
    }

    private static final RowMapper<Delivery> ROW = (rs, i) -> new Delivery(rs.getLong("id"),
            rs.getString("company_uuid"), Origin.valueOf(rs.getString("origin")), rs.getString("origin_id"),
            rs.getString("definition"), rs.getString("format"), State.valueOf(rs.getString("state")),
            rs.getString("batch_id"), (Integer) rs.getObject("documents", Integer.class),
            (Integer) rs.getObject("posted", Integer.class), (Integer) rs.getObject("quarantined", Integer.class),
            (Integer) rs.getObject("already_posted", Integer.class), rs.getString("detail"),
            Timestamps.fromDb(rs, "started_at"), Timestamps.fromDb(rs, "updated_at"));
}

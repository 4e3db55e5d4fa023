package org.concurbridge.bridge.masterdata.store;

import org.concurbridge.bridge.store.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The master-data store (V10_1): items, problems, checkpoints and targets. Reads come in bounded chunks (keyset
 * cursors), writes in JDBC batches, so a run's memory does not grow with the size of a list.
 */
@Component
public class MasterDataStore {
    /** Keys per {@code in (...)} lookup. */
    static final int IN_CHUNK = 500;

    private static final String ITEM_COLUMNS = "id, item_key, erp_key, parent_key, level, short_code, name, payload,"
            + " content_hash, pushed_hash, in_concur, concur_id, desired_deleted, state, error_id, error_message,"
            + " attempts, next_attempt_at, synced_at, seen_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public MasterDataStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
    }

    // ---------------------------------------------------------------- checkpoints

    public Optional<String> checkpoint(String company, String stream) {
        return jdbc.sql("select checkpoint from md_checkpoints where company_uuid = ? and stream = ?")
                .params(company, stream).query(String.class).optional();
    }

    public void saveCheckpoint(String company, String stream, String checkpoint, Instant now) {
        int n = jdbc.sql("update md_checkpoints set checkpoint = ?, updated_at = ? where company_uuid = ? and stream = ?")
                .params(checkpoint, Timestamps.toDb(now), company, stream).update();
        if (n == 0) {
            jdbc.sql("insert into md_checkpoints (company_uuid, stream, checkpoint, updated_at) values (?, ?, ?, ?)")
                    .params(company, stream, checkpoint, Timestamps.toDb(now)).update();
        }
    }

    // ---------------------------------------------------------------- targets

    public TargetRow target(String company, String target) {
        return jdbc.sql("select * from md_targets where company_uuid = ? and target = ?").params(company, target)
                .query(MasterDataStore::targetRow).optional()
                .orElseGet(() -> {
                    jdbc.sql("insert into md_targets (company_uuid, target, availability) values (?, ?, 'AVAILABLE')")
                            .params(company, target).update();
                    return target(company, target);
                });
    }

    public List<TargetRow> targets(String company) {
        return jdbc.sql("select * from md_targets where company_uuid = ? order by target").param(company)
                .query(MasterDataStore::targetRow).list();
    }

    public void listId(String company, String target, String listId) {
        jdbc.sql("update md_targets set concur_list_id = ? where company_uuid = ? and target = ?")
                .params(listId, company, target).update();
    }

    public void availability(String company, String target, TargetRow.Availability availability, String note,
                             Instant checkedAt) {
        jdbc.sql("update md_targets set availability = ?, availability_note = ?, checked_at = ?"
                        + " where company_uuid = ? and target = ?")
                .params(availability.name(), cut(note), Timestamps.toDb(checkedAt), company, target).update();
    }

    public void firstLoad(String company, String target, Instant at) {
        jdbc.sql("update md_targets set first_load_at = ? where company_uuid = ? and target = ?")
                .params(Timestamps.toDb(at), company, target).update();
    }

    public void fullCompare(String company, String target, Instant at) {
        jdbc.sql("update md_targets set full_compare_at = ? where company_uuid = ? and target = ?")
                .params(Timestamps.toDb(at), company, target).update();
    }

    public void runStarted(String company, String target, String mappingVersion, Instant now) {
        jdbc.sql("update md_targets set run_started_at = ?, run_finished_at = null, run_outcome = 'RUNNING',"
                        + " run_message = null, run_phase = 'starting', mapping_version = ?, created = 0, updated = 0,"
                        + " deleted = 0, unchanged = 0, failed = 0 where company_uuid = ? and target = ?")
                .params(Timestamps.toDb(now), mappingVersion, company, target).update();
    }

    public void runProgress(String company, String target, String phase, RunCounts c) {
        jdbc.sql("update md_targets set run_phase = ?, created = ?, updated = ?, deleted = ?, unchanged = ?, failed = ?"
                        + " where company_uuid = ? and target = ?")
                .params(cut(phase), c.created(), c.updated(), c.deleted(), c.unchanged(), c.failed(), company, target)
                .update();
    }

    public void runFinished(String company, String target, String outcome, String message, RunCounts c, Instant now) {
        jdbc.sql("update md_targets set run_finished_at = ?, run_outcome = ?, run_message = ?, run_phase = 'done',"
                        + " created = ?, updated = ?, deleted = ?, unchanged = ?, failed = ?"
                        + " where company_uuid = ? and target = ?")
                .params(Timestamps.toDb(now), outcome, cut(message), c.created(), c.updated(), c.deleted(),
                        c.unchanged(), c.failed(), company, target).update();
    }

    private static TargetRow targetRow(ResultSet rs, int i) throws SQLException {
        return new TargetRow(rs.getString("company_uuid"), rs.getString("target"), rs.getString("concur_list_id"),
                TargetRow.Availability.valueOf(rs.getString("availability")), rs.getString("availability_note"),
                Timestamps.fromDb(rs, "checked_at"), Timestamps.fromDb(rs, "first_load_at"),
                Timestamps.fromDb(rs, "full_compare_at"), rs.getString("mapping_version"),
                Timestamps.fromDb(rs, "run_started_at"), Timestamps.fromDb(rs, "run_finished_at"),
                rs.getString("run_outcome"), rs.getString("run_message"), rs.getString("run_phase"),
                new RunCounts(rs.getInt("created"), rs.getInt("updated"), rs.getInt("deleted"),
                        rs.getInt("unchanged"), rs.getInt("failed")));
    }

    // ---------------------------------------------------------------- items

    /** The rows with these item keys, by key. */
    public Map<String, ItemRow> byKeys(String company, String target, Collection<String> keys) {
        return lookup(company, target, "item_key", keys);
    }

    /** The rows coming from these ERP records, by ERP key (a row not marked for deletion wins). */
    public Map<String, ItemRow> byErpKeys(String company, String target, Collection<String> erpKeys) {
        return lookup(company, target, "erp_key", erpKeys);
    }

    private Map<String, ItemRow> lookup(String company, String target, String column, Collection<String> keys) {
        Map<String, ItemRow> out = new HashMap<>();
        List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(keys));
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            List<Object> params = new ArrayList<>(List.of(company, target));
            params.addAll(part);
            for (ItemRow row : jdbc.sql("select " + ITEM_COLUMNS + " from md_items where company_uuid = ? and target = ?"
                    + " and " + column + " in (" + marks + ")").params(params).query(MasterDataStore::itemRow).list()) {
                String key = column.equals("item_key") ? row.itemKey : row.erpKey;
                ItemRow had = out.get(key);
                if (had == null || (had.desiredDeleted && !row.desiredDeleted)) {
                    out.put(key, row);
                }
            }
        }
        return out;
    }

    /** Inserts new rows and updates existing ones (by id), each kind in one batch. */
    public void save(String company, String target, Collection<ItemRow> rows, Instant now) {
        List<ItemRow> inserts = rows.stream().filter(r -> r.id == null).toList();
        List<ItemRow> updates = rows.stream().filter(r -> r.id != null).toList();
        if (!inserts.isEmpty()) {
            template.batchUpdate("insert into md_items (company_uuid, target, item_key, erp_key, parent_key, level,"
                            + " short_code, name, payload, content_hash, pushed_hash, in_concur, concur_id, desired_deleted,"
                            + " state, error_id, error_message, attempts, next_attempt_at, synced_at, seen_at, created_at,"
                            + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts, 500, (ps, r) -> {
                        ps.setString(1, company);
                        ps.setString(2, target);
                        ps.setString(3, r.itemKey);
                        fill(ps, 4, r);
                        ps.setObject(22, Timestamps.toDb(now), Types.TIMESTAMP_WITH_TIMEZONE);
                        ps.setObject(23, Timestamps.toDb(now), Types.TIMESTAMP_WITH_TIMEZONE);
                    });
            // ids for rows the run keeps using (a run reads them again by key when it needs them)
        }
        if (!updates.isEmpty()) {
            template.batchUpdate("update md_items set item_key = ?, erp_key = ?, parent_key = ?, level = ?, short_code = ?,"
                            + " name = ?, payload = ?, content_hash = ?, pushed_hash = ?, in_concur = ?, concur_id = ?,"
                            + " desired_deleted = ?, state = ?, error_id = ?, error_message = ?, attempts = ?,"
                            + " next_attempt_at = ?, synced_at = ?, seen_at = ?, updated_at = ? where id = ?",
                    updates, 500, (ps, r) -> {
                        ps.setString(1, r.itemKey);
                        fill(ps, 2, r);
                        ps.setObject(20, Timestamps.toDb(now), Types.TIMESTAMP_WITH_TIMEZONE);
                        ps.setLong(21, r.id);
                    });
        }
    }

    /** Sets parameters erp_key .. seen_at (18 of them) from {@code i}. */
    private static void fill(java.sql.PreparedStatement ps, int i, ItemRow r) throws SQLException {
        ps.setString(i, r.erpKey);
        ps.setString(i + 1, r.parentKey);
        ps.setInt(i + 2, r.level);
        ps.setString(i + 3, r.shortCode);
        ps.setString(i + 4, r.name);
        ps.setString(i + 5, r.payload);
        ps.setString(i + 6, r.contentHash);
        ps.setString(i + 7, r.pushedHash);
        ps.setBoolean(i + 8, r.inConcur);
        ps.setString(i + 9, r.concurId);
        ps.setBoolean(i + 10, r.desiredDeleted);
        ps.setString(i + 11, r.state.name());
        ps.setString(i + 12, r.errorId);
        ps.setString(i + 13, r.errorMessage);
        ps.setInt(i + 14, r.attempts);
        ps.setObject(i + 15, Timestamps.toDb(r.nextAttemptAt), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(i + 16, Timestamps.toDb(r.syncedAt), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(i + 17, Timestamps.toDb(r.seenAt), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** Stamps rows as seen by a full read of the ERP. */
    public void seen(String company, String target, Collection<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        template.batchUpdate("update md_items set seen_at = ? where id = ?", new ArrayList<>(ids), 500,
                (ps, id) -> {
                    ps.setObject(1, Timestamps.toDb(at), Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setLong(2, id);
                });
    }

    /** What a push step works on. */
    public enum Work {
        /** not in Concur, wanted: create */
        CREATE("not desired_deleted and not in_concur"),
        /** in Concur, wanted with other content: update */
        UPDATE("not desired_deleted and in_concur"),
        /** in Concur, not wanted: delete */
        DELETE("desired_deleted and in_concur");

        final String condition;

        Work(String condition) {
            this.condition = condition;
        }
    }

    /** Up to {@code limit} due rows of one kind of work and level, after row id {@code afterId}, in id order. */
    public List<ItemRow> due(String company, String target, Work work, int level, long afterId, Instant now, int limit) {
        // one ordered range scan of md_items_work_idx per state, merged: with "state = PENDING or state = FAILED" in
        // one condition PostgreSQL collects every due row of the level and sorts them on each call (quadratic in a
        // first load of 100,000 items: docs/benchmarks.md, bench list-sync)
        String branch = "select " + ITEM_COLUMNS + " from md_items where company_uuid = ? and target = ? and state = ?"
                + " and level = ? and id > ? and " + work.condition + "%s order by id limit " + limit;
        return jdbc.sql("select " + ITEM_COLUMNS + " from ((" + branch.formatted("") + ") union all ("
                        + branch.formatted(" and next_attempt_at <= ?") + ")) due order by id limit " + limit)
                .params(company, target, "PENDING", level, afterId, company, target, "FAILED", level, afterId,
                        Timestamps.toDb(now))
                .query(MasterDataStore::itemRow).list();
    }

    /** Due rows to delete that Concur never had: DELETED without a call. Returns how many. */
    public int dropNeverPushed(String company, String target, Instant now) {
        return jdbc.sql("update md_items set state = 'DELETED', error_id = null, error_message = null, attempts = 0,"
                        + " next_attempt_at = null, updated_at = ? where company_uuid = ? and target = ?"
                        + " and desired_deleted and not in_concur and state in ('PENDING', 'FAILED')")
                .params(Timestamps.toDb(now), company, target).update();
    }

    /** The first load: forget what the store believed Concur holds (the adoption that follows says it again). */
    public void forgetConcur(String company, String target, Instant now) {
        jdbc.sql("delete from md_items where company_uuid = ? and target = ? and state = 'CONCUR_ONLY'")
                .params(company, target).update();
        jdbc.sql("update md_items set in_concur = false, pushed_hash = null, concur_id = null,"
                        + " state = case when state = 'DELETED' then 'DELETED' else 'PENDING' end, updated_at = ?"
                        + " where company_uuid = ? and target = ?")
                .params(Timestamps.toDb(now), company, target).update();
    }

    /** Items only Concur has become deletions (the bridge owns the list). Returns how many. */
    public int deleteConcurOnly(String company, String target, Instant now) {
        return jdbc.sql("update md_items set desired_deleted = true, state = 'PENDING', updated_at = ?"
                        + " where company_uuid = ? and target = ? and state = 'CONCUR_ONLY'")
                .params(Timestamps.toDb(now), company, target).update();
    }

    /**
     * After a full read of the ERP that started at {@code start}: every ERP item not seen since is gone from the ERP
     * and becomes a deletion; problems not seen are gone too. Returns how many items.
     */
    public int removeUnseen(String company, String target, Instant start) {
        jdbc.sql("delete from md_problems where company_uuid = ? and target = ? and (seen_at is null or seen_at < ?)")
                .params(company, target, Timestamps.toDb(start)).update();
        return jdbc.sql("update md_items set desired_deleted = true, state = 'PENDING', error_id = null,"
                        + " error_message = null, attempts = 0, next_attempt_at = null, updated_at = ?"
                        + " where company_uuid = ? and target = ? and erp_key is not null and not desired_deleted"
                        + " and (seen_at is null or seen_at < ?)")
                .params(Timestamps.toDb(start), company, target, Timestamps.toDb(start)).update();
    }

    /** Items that come from the ERP and are wanted (not marked for deletion). */
    public int erpItems(String company, String target) {
        return jdbc.sql("select count(*) from md_items where company_uuid = ? and target = ? and erp_key is not null"
                + " and not desired_deleted").params(company, target).query(Integer.class).single();
    }

    /** Per level and kind of work, how many rows are due (the plan). */
    public List<PlanLine> plan(String company, String target, Instant now) {
        return jdbc.sql("select level, case when desired_deleted then 'DELETE' when in_concur then 'UPDATE'"
                        + " else 'CREATE' end as work, count(*) as n from md_items where company_uuid = ? and target = ?"
                        + " and (state = 'PENDING' or (state = 'FAILED' and next_attempt_at <= ?))"
                        + " and (in_concur or not desired_deleted)"
                        + " group by level, case when desired_deleted then 'DELETE' when in_concur then 'UPDATE'"
                        + " else 'CREATE' end order by level, work")
                .params(company, target, Timestamps.toDb(now))
                .query((rs, i) -> new PlanLine(rs.getInt("level"), rs.getString("work"), rs.getInt("n"))).list();
    }

    public record PlanLine(int level, String work, int count) {
    }

    /** Rows by state (for the summary). */
    public Map<ItemState, Integer> countByState(String company, String target) {
        Map<ItemState, Integer> out = new java.util.EnumMap<>(ItemState.class);
        jdbc.sql("select state, count(*) as n from md_items where company_uuid = ? and target = ? group by state")
                .params(company, target)
                .query((rs, i) -> out.put(ItemState.valueOf(rs.getString("state")), rs.getInt("n"))).list();
        return out;
    }

    /** A page of rows in one state, by item key (FAILED for the dashboard's failed items, CONCUR_ONLY, ...). */
    public List<ItemRow> inState(String company, String target, ItemState state, String afterKey, int limit) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from md_items where company_uuid = ? and target = ? and state = ?"
                        + " and item_key > ? order by item_key limit " + limit)
                .params(company, target, state.name(), afterKey == null ? "" : afterKey)
                .query(MasterDataStore::itemRow).list();
    }

    public Optional<ItemRow> item(String company, String target, String itemKey) {
        return Optional.ofNullable(byKeys(company, target, List.of(itemKey)).get(itemKey));
    }

    /** Makes a FAILED row due now (the dashboard's retry). */
    public boolean retryNow(String company, String target, String itemKey, Instant now) {
        return jdbc.sql("update md_items set next_attempt_at = ?, updated_at = ? where company_uuid = ? and target = ?"
                        + " and item_key = ? and state = 'FAILED'")
                .params(Timestamps.toDb(now), Timestamps.toDb(now), company, target, itemKey).update() == 1;
    }

    /** Rows whose parent (by parent key) is this key: the children of a list item. */
    public int children(String company, String target, String parentKey) {
        return jdbc.sql("select count(*) from md_items where company_uuid = ? and target = ? and parent_key = ?"
                        + " and not desired_deleted").params(company, target, parentKey).query(Integer.class).single();
    }

    static ItemRow itemRow(ResultSet rs, int i) throws SQLException {
        ItemRow r = new ItemRow();
        r.id = rs.getLong("id");
        r.itemKey = rs.getString("item_key");
        r.erpKey = rs.getString("erp_key");
        r.parentKey = rs.getString("parent_key");
        r.level = rs.getInt("level");
        r.shortCode = rs.getString("short_code");
        r.name = rs.getString("name");
        r.payload = rs.getString("payload");
        r.contentHash = rs.getString("content_hash");
        r.pushedHash = rs.getString("pushed_hash");
        r.inConcur = rs.getBoolean("in_concur");
        r.concurId = rs.getString("concur_id");
        r.desiredDeleted = rs.getBoolean("desired_deleted");
        r.state = ItemState.valueOf(rs.getString("state"));
        r.errorId = rs.getString("error_id");
        r.errorMessage = rs.getString("error_message");
        r.attempts = rs.getInt("attempts");
        r.nextAttemptAt = Timestamps.fromDb(rs, "next_attempt_at");
        r.syncedAt = Timestamps.fromDb(rs, "synced_at");
        r.seenAt = Timestamps.fromDb(rs, "seen_at");
        return r;
    }

    // ---------------------------------------------------------------- problems

    public record Problem(String erpKey, String kind, String message, String payload, Instant updatedAt) {
    }

    /** Records (or replaces) problems of ERP records; {@code seenAt} stamps them for the full compare. */
    public void saveProblems(String company, String target, Collection<Problem> problems, Instant seenAt) {
        if (problems.isEmpty()) {
            return;
        }
        List<Problem> all = new ArrayList<>(problems);
        deleteProblems(company, target, all.stream().map(Problem::erpKey).toList());
        template.batchUpdate("insert into md_problems (company_uuid, target, erp_key, kind, message, payload, updated_at,"
                + " seen_at) values (?, ?, ?, ?, ?, ?, ?, ?)", all, 500, (ps, p) -> {
                    ps.setString(1, company);
                    ps.setString(2, target);
                    ps.setString(3, p.erpKey());
                    ps.setString(4, p.kind());
                    ps.setString(5, cut(p.message()));
                    ps.setString(6, p.payload());
                    ps.setObject(7, Timestamps.toDb(p.updatedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setObject(8, Timestamps.toDb(seenAt), Types.TIMESTAMP_WITH_TIMEZONE);
                });
    }

    public void deleteProblems(String company, String target, Collection<String> erpKeys) {
        List<String> all = new ArrayList<>(erpKeys);
        if (all.isEmpty()) {
            return;
        }
        template.batchUpdate("delete from md_problems where company_uuid = ? and target = ? and erp_key = ?", all, 500,
                (ps, k) -> {
                    ps.setString(1, company);
                    ps.setString(2, target);
                    ps.setString(3, k);
                });
    }

    /** A page of problems by ERP key; {@code kind} null = every kind. */
    public List<Problem> problems(String company, String target, String kind, String afterKey, int limit) {
        return jdbc.sql("select erp_key, kind, message, payload, updated_at from md_problems where company_uuid = ?"
                        + " and target = ? and erp_key > ?" + (kind == null ? "" : " and kind = '" + kind.replace("'", "")
                        + "'") + " order by erp_key limit " + limit)
                .params(company, target, afterKey == null ? "" : afterKey)
                .query((rs, i) -> new Problem(rs.getString("erp_key"), rs.getString("kind"), rs.getString("message"),
                        rs.getString("payload"), Timestamps.fromDb(rs, "updated_at"))).list();
    }

    public int problemCount(String company, String target) {
        return jdbc.sql("select count(*) from md_problems where company_uuid = ? and target = ?")
                .params(company, target).query(Integer.class).single();
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}

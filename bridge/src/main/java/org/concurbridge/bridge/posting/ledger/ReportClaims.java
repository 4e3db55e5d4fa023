package org.concurbridge.bridge.posting.ledger;

import org.concurbridge.bridge.store.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One posting per Concur report: FIS and the SAE/PRAE extracts deliver the same report (expense report id, payment
 * request id, cash advance id) under different ERP idempotency keys, so the ERP cannot see that they are one. Before a
 * row is posted it claims its report ({@code posting_claims}, primary key company + doc type + Concur id); the insert
 * is atomic on every database, so of two instances posting the same report from two sources at once exactly one
 * holds the claim. A claim held by a row that ended without a standing posting (recalled, error-confirmed, reversed,
 * superseded) is taken over. Obtained from {@link PostingLedger#claims()}.
 */
public final class ReportClaims {
    /** States in which a row no longer stands for its report in the ERP: its claim can be taken over. */
    static final Set<LedgerState> ENDED = Set.of(LedgerState.RECALLED, LedgerState.ERROR_CONFIRMED,
            LedgerState.REVERSED, LedgerState.SUPERSEDED);

    /** A row's claim on its report. */
    public record Claim(String companyUuid, String docType, String concurId, String idempotencyKey) {
    }

    /**
     * Who holds a report's claim instead of the caller: its key and its row (null when that row is not recorded yet —
     * an extract run that stopped between claiming and recording; it resumes with the same key).
     */
    public record Holder(String idempotencyKey, LedgerDocument row) {
        /** The holder's posting stands in the ERP (POSTED, CONFIRMED, PAYMENT_CONFIRMED). */
        public boolean posted() {
            return row != null && (row.state() == LedgerState.POSTED || row.state() == LedgerState.CONFIRMED
                    || row.state() == LedgerState.PAYMENT_CONFIRMED);
        }
    }

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final PostingLedger ledger;
    private final Clock clock;

    ReportClaims(JdbcTemplate template, PostingLedger ledger, Clock clock) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Claims each report for its row's key (claims without a Concur id are ignored: they cannot collide). Returns, per
     * claiming key, the holder when another key holds the report; a key absent from the result holds the claim (newly,
     * already, or taken over from an ended row).
     */
    public Map<String, Holder> claimAll(List<Claim> claims) {
        List<Claim> real = claims.stream().filter(c -> c.concurId() != null && !c.concurId().isBlank()).toList();
        Map<String, Holder> out = new LinkedHashMap<>();
        if (real.isEmpty()) {
            return out;
        }
        Instant now = clock.instant();
        template.batchUpdate("insert into posting_claims (company_uuid, doc_type, concur_id, idempotency_key,"
                        + " claimed_at) values (?, ?, ?, ?, ?) on conflict do nothing",
                real.stream().map(c -> new Object[]{c.companyUuid(), c.docType(), c.concurId(), c.idempotencyKey(),
                        Timestamps.toDb(now)}).toList());
        String company = real.get(0).companyUuid();
        if (real.stream().anyMatch(c -> !c.companyUuid().equals(company))) {
            throw new IllegalArgumentException("claims of one company at a time");
        }
        Map<String, String> holders = holders(real);
        Map<String, LedgerDocument> rows = new HashMap<>();
        ledger.headsByIdempotencyKeys(company, holders.values()).forEach(r -> rows.put(r.idempotencyKey(), r));
        for (Claim c : real) {
            String holder = holders.get(report(c));
            if (holder == null || holder.equals(c.idempotencyKey())) {
                continue;
            }
            LedgerDocument row = rows.get(holder);
            if (row != null && ENDED.contains(row.state())) {
                if (takeOver(c, holder)) {
                    continue;
                }
                holder = holders(List.of(c)).get(report(c)); // another row took it over first
                row = ledger.headsByIdempotencyKeys(company, List.of(holder)).stream().findFirst().orElse(null);
            }
            out.put(c.idempotencyKey(), new Holder(holder, row));
        }
        return out;
    }

    private boolean takeOver(Claim c, String from) {
        return jdbc.sql("update posting_claims set idempotency_key = ?, claimed_at = ? where company_uuid = ?"
                        + " and doc_type = ? and concur_id = ? and idempotency_key = ?")
                .params(c.idempotencyKey(), Timestamps.toDb(clock.instant()), c.companyUuid(), c.docType(),
                        c.concurId(), from)
                .update() == 1;
    }

    /**
     * The key holding each report's claim, by {@link #report}. One query per company and doc type with the Concur ids
     * in a list: the primary key's index finds them (a list of (company, doc type, id) tuples is a full scan).
     */
    private Map<String, String> holders(List<Claim> claims) {
        Map<String, String> out = new HashMap<>();
        Map<List<String>, Set<String>> idsByQueue = new LinkedHashMap<>();
        for (Claim c : claims) {
            idsByQueue.computeIfAbsent(List.of(c.companyUuid(), c.docType()), q -> new LinkedHashSet<>())
                    .add(c.concurId());
        }
        idsByQueue.forEach((queue, idSet) -> {
            List<String> ids = List.copyOf(idSet);
            for (int from = 0; from < ids.size(); from += 500) {
                jdbc.sql("select company_uuid, doc_type, concur_id, idempotency_key from posting_claims"
                                + " where company_uuid = :company and doc_type = :docType and concur_id in (:ids)")
                        .param("company", queue.get(0)).param("docType", queue.get(1))
                        .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                        .query((rs, i) -> out.put(rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000"
                                + rs.getString(3), rs.getString(4))).list();
            }
        });
        return out;
    }

    private static String report(Claim c) {
        return c.companyUuid() + "\u0000" + c.docType() + "\u0000" + c.concurId();
    }

    /**
     * Records that a row's report was already posted by another row (it is not posted again): POSTED with that row's
     * ERP document number and posting date, linked to it ({@code posted_as_id}).
     */
    public boolean postedAs(long id, LedgerDocument holder) {
        Instant now = clock.instant();
        return jdbc.sql("update posting_documents set state = 'POSTED', erp_document_number = ?, posted_as_id = ?,"
                        + " posting_date = coalesce(?, posting_date), posted_at = ?, updated_at = ?,"
                        + " error_text = null, failed_step = null"
                        + " where id = ? and state in ('RECEIVED', 'ACKNOWLEDGED', 'FAILED')")
                .params(holder.erpDocumentNumber(), holder.id(), holder.postingDate() == null ? null
                                : java.sql.Date.valueOf(holder.postingDate()), Timestamps.toDb(now),
                        Timestamps.toDb(now), id)
                .update() == 1;
    }

    /** Per row linked to another ({@link #postedAs}): that row. Rows not linked are absent. */
    public Map<Long, LedgerDocument> postedAs(Collection<Long> ids) {
        Map<Long, LedgerDocument> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, Long> links = new HashMap<>();
        jdbc.sql("select id, posted_as_id from posting_documents where id in (:ids) and posted_as_id is not null")
                .param("ids", ids).query((rs, i) -> links.put(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, LedgerDocument> holders = new HashMap<>();
        ledger.headsByIds(links.values()).forEach(r -> holders.put(r.id(), r));
        links.forEach((id, holder) -> out.put(id, holders.get(holder)));
        return out;
    }

    /** The rows linked to this one ({@link #postedAs}). */
    public List<Long> linkedTo(long holderId) {
        return new ArrayList<>(jdbc.sql("select id from posting_documents where posted_as_id = ? order by id")
                .param(holderId).query(Long.class).list());
    }
}

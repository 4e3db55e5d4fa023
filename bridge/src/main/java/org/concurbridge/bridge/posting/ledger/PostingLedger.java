package org.concurbridge.bridge.posting.ledger;

import org.concurbridge.bridge.store.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The posting ledger: one row per source document with its state, and an append-only event per step and per call.
 * Every state change is a single guarded {@code update … where state in (…)}, so a step repeated after a crash (or by
 * a second instance) changes nothing twice; a row reaches POSTED only in the update that records the ERP document
 * number.
 */
@Repository
public class PostingLedger {
    public static final String FIS = "FIS";
    private static final String COLUMNS = "id, company_uuid, source, doc_type, source_doc_id, concur_id, revision,"
            + " idempotency_key, kind, currency, total, mapping_version, state, failed_step, erp_document_number,"
            + " error_text, attempts, next_attempt_at, document_json, supersedes_id, reversal_document_number,"
            + " posting_date, created_at, updated_at, posted_at, confirmed_at, paid_at, erp_system_id";
    /** {@link #COLUMNS} without the document ({@code documentJson} null): for reads that only need the state. */
    private static final String HEAD_COLUMNS = COLUMNS.replace("document_json", "null as document_json");
    private static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final Clock clock;
    private final PaymentLedger payments;
    private final ReportClaims claims;

    public PostingLedger(javax.sql.DataSource dataSource, Clock clock) {
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(dataSource));
        this.template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(template);
        this.clock = clock;
        this.payments = new PaymentLedger(template, clock);
        this.claims = new ReportClaims(template, this, clock);
    }

    /** The claims that keep a report from being posted once through FIS and once from an extract. */
    public ReportClaims claims() {
        return claims;
    }

    /** The payment confirmations sent for the ledger's expense reports. */
    public PaymentLedger payments() {
        return payments;
    }

    /**
     * Runs several ledger writes as one database transaction (one commit instead of one per statement): all of them
     * are recorded, or none. Never call the ERP inside it.
     */
    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    /** What a received document is, as recorded. */
    public record Received(String companyUuid, String source, String docType, String sourceDocId, String concurId,
                           int revision, String idempotencyKey, String erpSystemId) {
    }

    /** Records a document as RECEIVED, or returns the row already recorded for it (same source id and revision). */
    public LedgerDocument receive(Received r) {
        Optional<LedgerDocument> existing = find(r.companyUuid(), r.source(), r.sourceDocId(), r.revision());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        try {
            jdbc.sql("insert into posting_documents (company_uuid, source, doc_type, source_doc_id, concur_id,"
                            + " revision, idempotency_key, erp_system_id, state, attempts, created_at, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', 0, ?, ?)")
                    .params(r.companyUuid(), r.source(), r.docType(), r.sourceDocId(), r.concurId(), r.revision(),
                            r.idempotencyKey(), r.erpSystemId(), Timestamps.toDb(now), Timestamps.toDb(now))
                    .update();
        } catch (DuplicateKeyException raced) {
            // another run recorded it first: use that row
        }
        return find(r.companyUuid(), r.source(), r.sourceDocId(), r.revision()).orElseThrow();
    }

    /** A received document with what its build gave: the document JSON and totals, or the problems. */
    public record ReceivedBuilt(Received received, String kind, String currency, BigDecimal total,
                                String mappingVersion, LocalDate postingDate, String documentJson, String problems) {
    }

    /**
     * Records a page of documents as RECEIVED with their build results in one batch; rows already recorded (same
     * source id and revision, or key) are left as they are.
     */
    public void receiveAll(List<ReceivedBuilt> docs) {
        if (docs.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Object[]> args = docs.stream().map(d -> new Object[]{d.received().companyUuid(), d.received().source(),
                d.received().docType(), d.received().sourceDocId(), d.received().concurId(), d.received().revision(),
                d.received().idempotencyKey(), d.received().erpSystemId(), d.kind(), d.currency(), d.total(),
                d.mappingVersion(), d.postingDate() == null ? null : Date.valueOf(d.postingDate()), d.documentJson(),
                cut(d.problems()), Timestamps.toDb(now), Timestamps.toDb(now)}).toList();
        org.springframework.jdbc.core.JdbcTemplate template = templateOf();
        template.batchUpdate("insert into posting_documents (company_uuid, source, doc_type, source_doc_id,"
                + " concur_id, revision, idempotency_key, erp_system_id, kind, currency, total, mapping_version,"
                + " posting_date, document_json, error_text, state, attempts, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', 0, ?, ?)"
                + " on conflict do nothing", args);
    }

    /** The company's rows for these source document ids (any revision), in one query. */
    public List<LedgerDocument> bySourceDocIds(String companyUuid, String source, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from posting_documents where company_uuid = :company"
                        + " and source = :source and source_doc_id in (:ids) order by id")
                .param("company", companyUuid).param("source", source).param("ids", ids).query(ROW).list();
    }

    /** Rows by ledger id, in one query (ordered by id). */
    public List<LedgerDocument> byIds(java.util.Collection<Long> ids) {
        return byIds(COLUMNS, ids);
    }

    /** {@link #byIds} without the documents ({@code documentJson} null). */
    public List<LedgerDocument> headsByIds(java.util.Collection<Long> ids) {
        return byIds(HEAD_COLUMNS, ids);
    }

    private List<LedgerDocument> byIds(String columns, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + columns + " from posting_documents where id in (:ids) order by id")
                .param("ids", ids).query(ROW).list();
    }

    /**
     * The company's rows by ERP idempotency key (one source document revision each), in one query on the
     * {@code (company_uuid, idempotency_key)} unique index: keys are unique per company only.
     */
    public List<LedgerDocument> byIdempotencyKeys(String companyUuid, java.util.Collection<String> keys) {
        return byKeys(COLUMNS, companyUuid, keys);
    }

    /** {@link #byIdempotencyKeys} without the documents ({@code documentJson} null). */
    public List<LedgerDocument> headsByIdempotencyKeys(String companyUuid, java.util.Collection<String> keys) {
        return byKeys(HEAD_COLUMNS, companyUuid, keys);
    }

    private List<LedgerDocument> byKeys(String columns, String companyUuid, java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + columns + " from posting_documents where company_uuid = :company"
                        + " and idempotency_key in (:keys) order by id")
                .param("company", companyUuid).param("keys", keys).query(ROW).list();
    }

    /** Which of these idempotency keys the company's ledger has. */
    public Set<String> knownKeys(String companyUuid, java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select idempotency_key from posting_documents where company_uuid = :company"
                        + " and idempotency_key in (:keys)")
                .param("company", companyUuid).param("keys", keys).query(String.class).list());
    }

    /** RECEIVED → ACKNOWLEDGED for several rows in one update; returns how many moved. */
    public int acknowledgedAll(java.util.Collection<Long> ids) {
        return moveAll(ids, "'RECEIVED'", LedgerState.ACKNOWLEDGED, "");
    }

    /** POSTED (or FAILED after posting) → CONFIRMED for several rows in one update; returns how many moved. */
    public int confirmedAll(java.util.Collection<Long> ids) {
        return moveAll(ids, "'POSTED', 'FAILED'", LedgerState.CONFIRMED,
                ", confirmed_at = :now, error_text = null, failed_step = null");
    }

    /** → POSTED with each row's ERP document number, in one batch (never POSTED without the number). */
    public int postedAll(Map<Long, String> erpNumbers) {
        if (erpNumbers.isEmpty()) {
            return 0;
        }
        Object now = Timestamps.toDb(clock.instant());
        List<Map.Entry<Long, String>> all = new ArrayList<>(erpNumbers.entrySet());
        int moved = 0;
        // one statement per 500 rows (each row's number by a CASE on its id), not one per row
        for (int from = 0; from < all.size(); from += 500) {
            List<Map.Entry<Long, String>> part = all.subList(from, Math.min(all.size(), from + 500));
            StringBuilder sql = new StringBuilder("update posting_documents set state = 'POSTED',"
                    + " erp_document_number = case id");
            List<Object> args = new ArrayList<>();
            for (Map.Entry<Long, String> e : part) {
                sql.append(" when ? then cast(? as varchar(100))");
                args.add(e.getKey());
                args.add(e.getValue());
            }
            sql.append(" end, posted_at = ?, updated_at = ?, error_text = null, failed_step = null where id in (")
                    .append("?,".repeat(part.size() - 1)).append("?) and state in ('RECEIVED', 'ACKNOWLEDGED',"
                            + " 'FAILED')");
            args.add(now);
            args.add(now);
            part.forEach(e -> args.add(e.getKey()));
            moved += jdbc.sql(sql.toString()).params(args).update();
        }
        return moved;
    }

    private int moveAll(java.util.Collection<Long> ids, String fromStates, LedgerState to, String setMore) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update posting_documents set state = :to, updated_at = :now" + setMore
                        + " where id in (:ids) and state in (" + fromStates + ")")
                .param("to", to.name()).param("now", Timestamps.toDb(clock.instant())).param("ids", ids).update();
    }

    private org.springframework.jdbc.core.JdbcTemplate templateOf() {
        return template;
    }

    public Optional<LedgerDocument> find(String companyUuid, String source, String sourceDocId, int revision) {
        return jdbc.sql("select " + COLUMNS + " from posting_documents where company_uuid = ? and source = ?"
                        + " and source_doc_id = ? and revision = ?")
                .params(companyUuid, source, sourceDocId, revision).query(ROW).optional();
    }

    public Optional<LedgerDocument> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from posting_documents where id = ?").param(id).query(ROW).optional();
    }

    /** The company's document rows with the given source id, any revision. */
    public List<LedgerDocument> bySourceDocId(String companyUuid, String sourceDocId) {
        return jdbc.sql("select " + COLUMNS + " from posting_documents where company_uuid = ? and source_doc_id = ?"
                        + " order by revision").params(companyUuid, sourceDocId).query(ROW).list();
    }

    /** The posted (and not yet replaced) row of an earlier revision of the same Concur report/request, if any. */
    public Optional<LedgerDocument> postedEarlierRevision(String companyUuid, String docType, String concurId,
                                                          int revision, long exceptId) {
        if (concurId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from posting_documents where company_uuid = ? and doc_type = ?"
                        + " and concur_id = ? and revision < ? and id <> ? and posted_as_id is null"
                        + " and state in ('POSTED', 'CONFIRMED', 'PAYMENT_CONFIRMED')"
                        + " order by revision desc, id desc limit 1")
                .params(companyUuid, docType, concurId, revision, exceptId).query(ROW).optional();
    }

    /** Rows with work left: RECEIVED, ACKNOWLEDGED, POSTED, and FAILED ones whose next attempt is due. */
    public List<LedgerDocument> due(String companyUuid, String source, int limit) {
        return jdbc.sql("select " + COLUMNS + " from posting_documents where company_uuid = ? and source = ?"
                        + " and (state in ('RECEIVED', 'ACKNOWLEDGED', 'POSTED')"
                        + "      or (state = 'FAILED' and next_attempt_at <= ?))"
                        + " order by id limit ?")
                .params(companyUuid, source, Timestamps.toDb(clock.instant()), limit).query(ROW).list();
    }

    /**
     * The documents whose payment the pipeline watches: CONFIRMED ones (payment not confirmed yet) first, then
     * PAYMENT_CONFIRMED ones paid since {@code paidSince} (a payment the ERP reverses is reported to Concur). Without
     * their documents ({@code documentJson} null): every run reads them all, and few have a payment to confirm
     * ({@link #byIds} reads those in full).
     */
    public List<LedgerDocument> awaitingPayment(String companyUuid, String docType, Instant paidSince, int limit) {
        return jdbc.sql("select " + HEAD_COLUMNS + " from posting_documents where company_uuid = ? and doc_type = ?"
                        + " and (state = 'CONFIRMED' or (state = 'PAYMENT_CONFIRMED' and paid_at >= ?))"
                        + " order by case when state = 'CONFIRMED' then 0 else 1 end, id limit ?")
                .params(companyUuid, docType, Timestamps.toDb(paidSince), limit).query(ROW).list();
    }

    /** The company's documents, newest first, optionally in one state. */
    public List<LedgerDocument> list(String companyUuid, LedgerState state, int limit) {
        return jdbc.sql("select " + COLUMNS + " from posting_documents where company_uuid = ?"
                        + (state == null ? "" : " and state = '" + state.name() + "'")
                        + " order by id desc limit ?")
                .params(companyUuid, limit).query(ROW).list();
    }

    /** Number of documents per state. */
    public java.util.Map<LedgerState, Long> counts(String companyUuid) {
        java.util.Map<LedgerState, Long> out = new java.util.EnumMap<>(LedgerState.class);
        jdbc.sql("select state, count(*) n from posting_documents where company_uuid = ? group by state")
                .param(companyUuid)
                .query((rs, i) -> out.put(LedgerState.valueOf(rs.getString("state")), rs.getLong("n"))).list();
        return out;
    }

    /** Stores the built document, or the problems that kept it from building (then {@code documentJson} is null). */
    public void built(long id, String kind, String currency, BigDecimal total, String mappingVersion,
                      LocalDate postingDate, String documentJson, String problems) {
        jdbc.sql("update posting_documents set kind = ?, currency = ?, total = ?, mapping_version = ?,"
                        + " posting_date = ?, document_json = ?, error_text = ?, updated_at = ?"
                        + " where id = ? and state in ('RECEIVED', 'ACKNOWLEDGED', 'FAILED')")
                .params(kind, currency, total, mappingVersion, postingDate == null ? null : Date.valueOf(postingDate),
                        documentJson, cut(problems), Timestamps.toDb(clock.instant()), id)
                .update();
    }

    /** FAILED at acknowledgement → ACKNOWLEDGED (the retry was accepted). */
    public boolean acknowledgedAfterFailure(long id) {
        return jdbc.sql("update posting_documents set state = 'ACKNOWLEDGED', failed_step = null, error_text = null,"
                        + " updated_at = ? where id = ? and state = 'FAILED' and failed_step = 'RECEIVED'")
                .params(Timestamps.toDb(clock.instant()), id).update() == 1;
    }

    /** → POSTED with the ERP's document number, in one update (never POSTED without the number). */
    public boolean posted(long id, String erpDocumentNumber) {
        return postedAll(Map.of(id, erpDocumentNumber)) == 1;
    }

    /** CONFIRMED → PAYMENT_CONFIRMED. */
    public boolean paymentConfirmed(long id) {
        return move(id, Set.of(LedgerState.CONFIRMED), LedgerState.PAYMENT_CONFIRMED, ", paid_at = ?",
                List.of(Timestamps.toDb(clock.instant())));
    }

    /**
     * PAYMENT_CONFIRMED → CONFIRMED: Concur accepted a reversal (RE) of the payment, the document is no longer paid
     * (posted and confirmed, its payment watched again).
     */
    public boolean paymentReversed(long id) {
        return move(id, Set.of(LedgerState.PAYMENT_CONFIRMED), LedgerState.CONFIRMED, ", paid_at = null", List.of());
    }

    /** → ERROR_CONFIRMED: Concur received the error confirmation with this text. */
    public boolean errorConfirmed(long id, String error) {
        return move(id, Set.of(LedgerState.RECEIVED, LedgerState.ACKNOWLEDGED, LedgerState.FAILED),
                LedgerState.ERROR_CONFIRMED, ", error_text = ?, failed_step = null, confirmed_at = ?",
                List.of(cut(error), Timestamps.toDb(clock.instant())));
    }

    /** → RECALLED (nothing of it in the ERP). */
    public boolean recalled(long id, String reason) {
        return move(id, Set.of(LedgerState.RECEIVED, LedgerState.ACKNOWLEDGED, LedgerState.FAILED),
                LedgerState.RECALLED, ", error_text = ?, failed_step = null", List.of(cut(reason)));
    }

    /** A posted document reversed in the ERP (recalled after posting): → REVERSED with the reversal's number. */
    public boolean reversed(long id, String reversalNumber, String reason) {
        return move(id, Set.of(LedgerState.POSTED, LedgerState.CONFIRMED, LedgerState.PAYMENT_CONFIRMED,
                        LedgerState.FAILED), LedgerState.REVERSED,
                ", reversal_document_number = ?, error_text = ?, failed_step = null",
                java.util.Arrays.asList(reversalNumber, cut(reason)));
    }

    /** A posted document replaced by a re-approved revision: → SUPERSEDED with its reversal's number. */
    public boolean superseded(long id, String reversalNumber) {
        return move(id, Set.of(LedgerState.POSTED, LedgerState.CONFIRMED, LedgerState.PAYMENT_CONFIRMED),
                LedgerState.SUPERSEDED, ", reversal_document_number = ?", List.of(reversalNumber));
    }

    /** Links a new revision to the row it replaces. */
    public void supersedes(long id, long earlierId) {
        jdbc.sql("update posting_documents set supersedes_id = ? where id = ?").params(earlierId, id).update();
    }

    /**
     * → FAILED (retryable): remembers the state to resume from, counts the attempt and schedules the next one.
     */
    public boolean failed(long id, LedgerState step, String error, Instant nextAttemptAt) {
        LedgerState resume = step == LedgerState.FAILED ? null : step;
        return jdbc.sql("update posting_documents set state = 'FAILED', failed_step = coalesce(?, failed_step),"
                        + " error_text = ?, attempts = attempts + 1, next_attempt_at = ?, updated_at = ?"
                        + " where id = ? and state in ('RECEIVED', 'ACKNOWLEDGED', 'POSTED', 'FAILED')")
                .params(resume == null ? null : resume.name(), cut(error), Timestamps.toDb(nextAttemptAt),
                        Timestamps.toDb(clock.instant()), id)
                .update() == 1;
    }

    /** Makes a FAILED document due now (the dashboard's retry, e.g. after the mapping was fixed). */
    public boolean retryNow(long id) {
        return jdbc.sql("update posting_documents set next_attempt_at = ?, updated_at = ? where id = ?"
                        + " and state = 'FAILED'")
                .params(Timestamps.toDb(clock.instant()), Timestamps.toDb(clock.instant()), id).update() == 1;
    }

    private boolean move(long id, Collection<LedgerState> from, LedgerState to, String setMore, List<Object> more) {
        String states = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        List<Object> params = new java.util.ArrayList<>();
        params.add(to.name());
        params.add(Timestamps.toDb(clock.instant()));
        params.addAll(more);
        params.add(id);
        return jdbc.sql("update posting_documents set state = ?, updated_at = ?" + setMore
                        + " where id = ? and state in (" + states + ")")
                .params(params).update() == 1;
    }

    // ---- events ----

    /** One step or call and its outcome (append-only; never a secret). */
    public record Event(long id, Long documentId, String companyUuid, Instant at, String step, String outcome,
                        String detail, String correlationId) {
    }

    /** Records one event at once. */
    public void event(Long documentId, String companyUuid, String step, String outcome, String detail,
                      String correlationId) {
        eventsAll(List.of(newEvent(documentId, companyUuid, step, outcome, detail, correlationId)));
    }

    /** Several events in one batch, in order. */
    public void eventsAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        template.batchUpdate("insert into posting_events (document_id, company_uuid, at, step, outcome, detail,"
                + " correlation_id) values (?, ?, ?, ?, ?, ?, ?)", events.stream().map(e -> new Object[]{
                e.documentId(), e.companyUuid(), Timestamps.toDb(e.at()), e.step(), e.outcome(), cut(e.detail()),
                e.correlationId()}).toList());
    }

    /** An event to record with {@link #eventsAll}. */
    public Event newEvent(Long documentId, String companyUuid, String step, String outcome, String detail,
                          String correlationId) {
        return new Event(0, documentId, companyUuid, clock.instant(), step, outcome, detail, correlationId);
    }

    public List<Event> events(long documentId) {
        return jdbc.sql("select id, document_id, company_uuid, at, step, outcome, detail, correlation_id"
                        + " from posting_events where document_id = ? order by id")
                .param(documentId)
                .query((rs, i) -> new Event(rs.getLong("id"), rs.getLong("document_id"), rs.getString("company_uuid"),
                        Timestamps.fromDb(rs, "at"), rs.getString("step"), rs.getString("outcome"),
                        rs.getString("detail"), rs.getString("correlation_id")))
                .list();
    }

    // ---- reconciliation ----

    /**
     * Per posting day and currency: what Concur sent (every document received with a built total), what is in the
     * ERP (posted, confirmed, paid; reversed and superseded ones count as out again), what was payment-confirmed
     * completely ({@code paid} documents, their {@code paidTotal}), and {@code toldPaid}: what Concur was told was
     * paid, the accepted PP and CP confirmations minus the accepted RE ones (partial payments included; those of a
     * FIS row linked to an extract row count on the extract row, which stands for both).
     */
    public record DailyTotals(LocalDate day, String currency, long received, BigDecimal concurTotal, long inErp,
                              BigDecimal erpTotal, long paid, BigDecimal paidTotal, BigDecimal toldPaid) {
        public BigDecimal difference() {
            return concurTotal.subtract(erpTotal);
        }
    }

    public List<DailyTotals> daily(String companyUuid, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select posting_date d, currency c,
                          count(*) received,
                          coalesce(sum(total), 0) concur_total,
                          sum(case when state in ('POSTED', 'CONFIRMED', 'PAYMENT_CONFIRMED') then 1 else 0 end) in_erp,
                          coalesce(sum(case when state in ('POSTED', 'CONFIRMED', 'PAYMENT_CONFIRMED')
                                       then total else 0 end), 0) erp_total,
                          sum(case when state = 'PAYMENT_CONFIRMED' then 1 else 0 end) paid,
                          coalesce(sum(case when state = 'PAYMENT_CONFIRMED' then total else 0 end), 0) paid_total,
                          coalesce(sum(told.net), 0) told_paid
                        from posting_documents
                        left join (select coalesce(f.posted_as_id, p.document_id) document_id, %s net
                                   from posting_payments p join posting_documents f on f.id = p.document_id
                                   group by coalesce(f.posted_as_id, p.document_id)) told
                          on told.document_id = posting_documents.id
                        where company_uuid = ? and posting_date between ? and ?
                          and state not in ('RECALLED', 'SUPERSEDED') and posted_as_id is null
                        group by posting_date, currency order by posting_date desc, currency"""
                        .formatted(PaymentLedger.netAccepted("p.")))
                .params(companyUuid, Date.valueOf(from), Date.valueOf(to))
                .query((rs, i) -> new DailyTotals(rs.getDate("d").toLocalDate(), rs.getString("c"),
                        rs.getLong("received"), rs.getBigDecimal("concur_total"), rs.getLong("in_erp"),
                        rs.getBigDecimal("erp_total"), rs.getLong("paid"), rs.getBigDecimal("paid_total"),
                        rs.getBigDecimal("told_paid")))
                .list();
    }

    /**
     * Documents of the period Concur was told were paid in part, or whose payment was reversed: an accepted payment
     * confirmation, but not (or no longer) PAYMENT_CONFIRMED. The payment differences to list.
     */
    public List<LedgerDocument> partlyPaid(String companyUuid, LocalDate from, LocalDate to) {
        return jdbc.sql("select " + COLUMNS + " from posting_documents where company_uuid = ?"
                        + " and posting_date between ? and ? and state <> 'PAYMENT_CONFIRMED' and id in"
                        + " (select document_id from posting_payments where state = 'ACCEPTED')"
                        + " order by posting_date desc, id")
                .params(companyUuid, Date.valueOf(from), Date.valueOf(to)).query(ROW).list();
    }

    /** Documents of one posting day that are not (or no longer) in the ERP: the differences to list. */
    public List<LedgerDocument> notInErp(String companyUuid, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from posting_documents where company_uuid = ? and posting_date = ?"
                        + " and state not in ('POSTED', 'CONFIRMED', 'PAYMENT_CONFIRMED', 'SUPERSEDED', 'RECALLED')"
                        + " order by id")
                .params(companyUuid, Date.valueOf(day)).query(ROW).list();
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static final RowMapper<LedgerDocument> ROW = (rs, i) -> {
        String failedStep = rs.getString("failed_step");
        Date postingDate = rs.getDate("posting_date");
        long supersedes = rs.getLong("supersedes_id");
        Long supersedesId = rs.wasNull() ? null : supersedes;
        return new LedgerDocument(rs.getLong("id"), rs.getString("company_uuid"), rs.getString("source"),
                rs.getString("doc_type"), rs.getString("source_doc_id"), rs.getString("concur_id"),
                rs.getInt("revision"), rs.getString("idempotency_key"), rs.getString("kind"),
                rs.getString("currency"), rs.getBigDecimal("total"), rs.getString("mapping_version"),
                LedgerState.valueOf(rs.getString("state")),
                failedStep == null ? null : LedgerState.valueOf(failedStep), rs.getString("erp_document_number"),
                rs.getString("error_text"), rs.getInt("attempts"), Timestamps.fromDb(rs, "next_attempt_at"),
                rs.getString("document_json"), supersedesId, rs.getString("reversal_document_number"),
                postingDate == null ? null : postingDate.toLocalDate(), Timestamps.fromDb(rs, "created_at"),
                Timestamps.fromDb(rs, "updated_at"), Timestamps.fromDb(rs, "posted_at"),
                Timestamps.fromDb(rs, "confirmed_at"), Timestamps.fromDb(rs, "paid_at"), rs.getString("erp_system_id"));
    };
}

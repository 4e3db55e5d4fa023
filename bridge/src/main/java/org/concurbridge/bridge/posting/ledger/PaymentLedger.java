package org.concurbridge.bridge.posting.ledger;

import org.concurbridge.bridge.store.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The payment confirmations of posted expense reports ({@code posting_payments}): each PP (partially paid), CP
 * (completely paid) and RE (reversal: the ERP's paid amount went down) sent to SAP Concur, with its amounts. A
 * confirmation is recorded PENDING before it is sent and ACCEPTED or REJECTED after Concur answered, so a run that
 * stopped in between sends the same one again (same {@code paymentRef} and reason, which Concur recognises as already
 * confirmed). Obtained from {@link PostingLedger#payments()}.
 */
public final class PaymentLedger {
    private static final String COLUMNS = "id, document_id, seq, status, clearing_amount, paid_total, payable,"
            + " currency, clearing_date, payment_ref, erp_reference, message, state, outcome, created_at, updated_at";
    /** What Concur accepted as paid, net: PP and CP add their clearing amount, RE takes its amount away. */
    private static final String NET_ACCEPTED = netAccepted("");

    /** {@link #NET_ACCEPTED} over {@code posting_payments} under the given alias prefix ({@code "p."}). */
    static String netAccepted(String alias) {
        return "coalesce(sum(case when " + alias + "state <> 'ACCEPTED' then 0 when " + alias + "status = 'RE'"
                + " then -" + alias + "clearing_amount else " + alias + "clearing_amount end), 0)";
    }

    /** Where a payment confirmation stands. */
    public enum State { PENDING, ACCEPTED, REJECTED }

    /**
     * One payment confirmation.
     *
     * @param seq            1, 2, … per document (part of the {@code paymentRef})
     * @param status         {@code PP}, {@code CP} or {@code RE}
     * @param clearingAmount what this confirmation says was paid: the growth of the ERP's paid amount since the
     *                       previous accepted confirmation; for an RE the decrease (positive, as in the documented
     *                       sample)
     * @param paidTotal      the ERP's paid amount when this confirmation was planned (accepted ones add up to it)
     * @param payable        the employee payable in the ERP
     * @param clearingDate   the date of the ERP's latest payment; for an RE the day the bridge saw the decrease
     * @param erpReference   the ERP's reference of that payment (payment run, bank statement), when it gives one
     * @param message        the reason sent as {@code additionalMessage} (RE only)
     */
    public record Payment(long id, long documentId, int seq, String status, BigDecimal clearingAmount,
                          BigDecimal paidTotal, BigDecimal payable, String currency, LocalDate clearingDate,
                          String paymentRef, String erpReference, String message, State state, String outcome,
                          Instant createdAt, Instant updatedAt) {
        public boolean complete() {
            return "CP".equals(status);
        }

        public boolean reversal() {
            return "RE".equals(status);
        }
    }

    /**
     * What is known about a document's payment confirmations: {@code paidConfirmed} net of reversals, the one in
     * flight ({@code pending}), and the latest one when Concur refused it ({@code lastRejected}).
     */
    public record Progress(BigDecimal paidConfirmed, int lastSeq, Payment pending, Payment lastRejected) {
        static final Progress NONE = new Progress(BigDecimal.ZERO, 0, null, null);
    }

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentLedger(JdbcTemplate template, Clock clock) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.clock = clock;
    }

    /** Every document's progress (documents without confirmations get {@link Progress#NONE}), in two queries. */
    public Map<Long, Progress> progress(Collection<Long> documentIds) {
        Map<Long, Progress> out = new HashMap<>();
        if (documentIds.isEmpty()) {
            return out;
        }
        documentIds.forEach(id -> out.put(id, Progress.NONE));
        jdbc.sql("select document_id, " + NET_ACCEPTED + " paid, max(seq) last_seq from posting_payments"
                        + " where document_id in (:ids)"
                        + " group by document_id")
                .param("ids", documentIds)
                .query((rs, i) -> out.put(rs.getLong(1), new Progress(rs.getBigDecimal(2), rs.getInt(3), null,
                        null)))
                .list();
        List<Payment> open = jdbc.sql("select " + COLUMNS + " from posting_payments where document_id in (:ids)"
                + " and state <> 'ACCEPTED' order by document_id, seq").param("ids", documentIds).query(ROW).list();
        for (Payment p : open) {
            Progress pr = out.get(p.documentId());
            if (p.state() == State.PENDING && pr.pending() == null) {
                out.put(p.documentId(), new Progress(pr.paidConfirmed(), pr.lastSeq(), p, pr.lastRejected()));
            } else if (p.state() == State.REJECTED && p.seq() == pr.lastSeq()) {
                out.put(p.documentId(), new Progress(pr.paidConfirmed(), pr.lastSeq(), pr.pending(), p));
            }
        }
        return out;
    }

    /**
     * Records planned confirmations as PENDING in one batch. A confirmation whose (document, seq) is already recorded
     * (another instance planned it first) is left out; {@link #byDocuments} then gives the one recorded.
     */
    public void planAll(List<Payment> planned) {
        if (planned.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        template.batchUpdate("insert into posting_payments (document_id, seq, status, clearing_amount, paid_total,"
                + " payable, currency, clearing_date, payment_ref, erp_reference, message, state, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) on conflict do nothing",
                planned.stream().map(p -> new Object[]{p.documentId(), p.seq(), p.status(), p.clearingAmount(),
                        p.paidTotal(), p.payable(), p.currency(), Date.valueOf(p.clearingDate()), p.paymentRef(),
                        p.erpReference(), p.message(), Timestamps.toDb(now), Timestamps.toDb(now)}).toList());
    }

    /** PENDING → ACCEPTED (Concur took it, now or earlier); false when it was not pending any more. */
    public boolean accepted(long paymentId, String outcome) {
        return finish(paymentId, State.ACCEPTED, outcome);
    }

    /** PENDING → REJECTED (Concur refused it; the next run plans again from the ERP's status). */
    public boolean rejected(long paymentId, String outcome) {
        return finish(paymentId, State.REJECTED, outcome);
    }

    private boolean finish(long paymentId, State state, String outcome) {
        return jdbc.sql("update posting_payments set state = ?, outcome = ?, updated_at = ? where id = ?"
                        + " and state = 'PENDING'")
                .params(state.name(), outcome == null || outcome.length() <= 4000 ? outcome
                        : outcome.substring(0, 3999) + "…", Timestamps.toDb(clock.instant()), paymentId)
                .update() == 1;
    }

    /** The documents' confirmations, optionally in one state, in document and sequence order. */
    public List<Payment> byDocuments(Collection<Long> documentIds, State state) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from posting_payments where document_id in (:ids)"
                        + (state == null ? "" : " and state = '" + state.name() + "'") + " order by document_id, seq")
                .param("ids", documentIds).query(ROW).list();
    }

    /**
     * The amount Concur accepted as paid per document, net of reversals (documents without accepted confirmations are
     * absent).
     */
    public Map<Long, BigDecimal> paidConfirmed(Collection<Long> documentIds) {
        Map<Long, BigDecimal> out = new HashMap<>();
        if (documentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select document_id, " + NET_ACCEPTED + " from posting_payments where document_id in (:ids)"
                        + " and state = 'ACCEPTED' group by document_id")
                .param("ids", documentIds).query((rs, i) -> out.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return out;
    }

    private static final RowMapper<Payment> ROW = (rs, i) -> new Payment(rs.getLong("id"), rs.getLong("document_id"),
            rs.getInt("seq"), rs.getString("status"), rs.getBigDecimal("clearing_amount"),
            rs.getBigDecimal("paid_total"), rs.getBigDecimal("payable"), rs.getString("currency"),
            rs.getDate("clearing_date").toLocalDate(), rs.getString("payment_ref"), rs.getString("erp_reference"),
            rs.getString("message"), State.valueOf(rs.getString("state")), rs.getString("outcome"),
            Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"));
}

package org.concurbridge.bridge.erp.sql;

import org.concurbridge.bridge.erp.Changed;
import org.concurbridge.bridge.erp.ChunkedPosting;
import org.concurbridge.bridge.erp.Checkpoint;
import org.concurbridge.bridge.erp.CostObject;
import org.concurbridge.bridge.erp.CostObjectNode;
import org.concurbridge.bridge.erp.EntryRules;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.erp.ErpDocumentRef;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.erp.GoodsReceipt;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.JournalLine;
import org.concurbridge.bridge.erp.Partner;
import org.concurbridge.bridge.erp.PaymentStatus;
import org.concurbridge.bridge.erp.PostingResult;
import org.concurbridge.bridge.erp.PurchaseOrder;
import org.concurbridge.bridge.erp.Reversal;
import org.concurbridge.bridge.erp.Supplier;
import org.concurbridge.bridge.erp.ValidationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL interface-table adapter: writes journal entries into {@code journal_entry}/{@code journal_line}/
 * {@code journal_line_cost_object} (one transaction per chunk of entries, batched inserts, unique idempotency key),
 * and reads suppliers, cost objects, purchase orders, receipts and payments from the ERP-owned tables.
 * Schema: {@code docs/erp-sql-schema.md}. Thread-safe; every call takes its own connection.
 */
public final class SqlErpAdapter implements ErpAdapter {

    private static final Logger log = LoggerFactory.getLogger(SqlErpAdapter.class);

    private final DataSource dataSource;
    private final AutoCloseable owned;
    private final String s;               // "<schema>." prefix
    private final int batchSize;
    private final Clock clock;
    private final SqlMasterData masterData;

    /**
     * @param owned closed with the adapter (the pool the factory created), or null when the caller owns the
     *              data source (the bridge's own database)
     */
    public SqlErpAdapter(DataSource dataSource, AutoCloseable owned, ErpConfig.Sql config, Clock clock) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.s = config.schema() + ".";
        this.batchSize = config.batchSize();
        this.clock = clock;
        this.masterData = new SqlMasterData(dataSource, s, config.changeSettle(), clock);
    }

    @Override
    public String kind() {
        return "sql";
    }

    // ------------------------------------------------------------------ posting

    @Override
    public List<ValidationProblem> validate(JournalEntry entry) {
        List<ValidationProblem> problems = new ArrayList<>(EntryRules.check(entry));
        try (Connection c = dataSource.getConnection()) {
            problems.addAll(SqlReferences.load(c, s, List.of(entry)).check(entry));
        } catch (SQLException e) {
            throw SqlErrors.classify("validating entry " + entry.idempotencyKey(), e);
        }
        return problems;
    }

    @Override
    public PostingResult post(JournalEntry entry) {
        return postAll(List.of(entry)).get(0).get();
    }

    @Override
    public List<BatchResult> postAll(List<JournalEntry> entries) {
        return ChunkedPosting.postAll(entries, batchSize, kind(), chunk -> postChunk(chunk, true));
    }

    /** Posts distinct entries that passed the entry rules, in one transaction. */
    private List<BatchResult> postChunk(List<JournalEntry> chunk, boolean retryOnRace) {
        BatchResult[] out = new BatchResult[chunk.size()];
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<String, ErpDocumentRef> existing =
                        findByKeys(c, chunk.stream().map(JournalEntry::idempotencyKey).toList());
                List<JournalEntry> fresh = chunk.stream().filter(e -> !existing.containsKey(e.idempotencyKey()))
                        .toList();
                SqlReferences refs = SqlReferences.load(c, s, fresh);
                List<JournalEntry> toInsert = new ArrayList<>();
                List<Integer> insertIndexes = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    JournalEntry e = chunk.get(i);
                    ErpDocumentRef found = existing.get(e.idempotencyKey());
                    List<ValidationProblem> problems = found == null ? refs.check(e) : List.of();
                    if (found != null) {
                        out[i] = new BatchResult(new PostingResult(found, true), null);
                    } else if (!problems.isEmpty()) {
                        out[i] = new BatchResult(null, ErpException.Permanent.invalid(e, problems));
                    } else {
                        toInsert.add(e);
                        insertIndexes.add(i);
                    }
                }
                List<ErpDocumentRef> inserted = insert(c, toInsert, null);
                c.commit();
                for (int j = 0; j < inserted.size(); j++) {
                    out[insertIndexes.get(j)] = new BatchResult(new PostingResult(inserted.get(j), false), null);
                }
            } catch (SQLException e) {
                rollback(c);
                if (retryOnRace && SqlErrors.isUniqueViolation(e)) {
                    // another poster committed one of these keys meanwhile: the re-read finds it as already posted
                    return postChunk(chunk, false);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.classify("posting " + chunk.size() + " journal entries (first key "
                    + chunk.get(0).idempotencyKey() + ")", e);
        }
        return Arrays.asList(out);
    }

    /** Inserts the entries (already checked) and returns their references in order. */
    private List<ErpDocumentRef> insert(Connection c, List<JournalEntry> entries, String reversesKey)
            throws SQLException {
        if (entries.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        SqlRows headers = SqlRows.into(c, s + "journal_entry", List.of("idempotency_key", "company", "posting_date",
                "currency", "company_currency", "reference", "description", "reverses_key", "created_at"));
        for (JournalEntry e : entries) {
            headers.add(e.idempotencyKey(), e.company(), e.postingDate(), e.currency(), e.companyCurrency(),
                    e.reference(), e.description(), reversesKey, now);
        }
        headers.flush();
        Map<String, Long> ids = idsByKeys(c, entries.stream().map(JournalEntry::idempotencyKey).toList());
        SqlRows lines = SqlRows.into(c, s + "journal_line", List.of("entry_id", "line_no", "account_code", "debit",
                "credit", "company_debit", "company_credit", "tax_code", "partner_type", "partner_code",
                "partner_name", "line_text"));
        SqlRows costs = SqlRows.into(c, s + "journal_line_cost_object",
                List.of("entry_id", "line_no", "dimension", "code"));
        for (JournalEntry e : entries) {
            long id = ids.get(e.idempotencyKey());
            for (int i = 0; i < e.lines().size(); i++) {
                JournalLine l = e.lines().get(i);
                boolean debit = l.side() == JournalLine.Side.DEBIT;
                Partner p = l.partner();
                lines.add(id, i + 1, l.account(), debit ? l.amount() : BigDecimal.ZERO,
                        debit ? BigDecimal.ZERO : l.amount(), debit ? l.companyAmount() : BigDecimal.ZERO,
                        debit ? BigDecimal.ZERO : l.companyAmount(), l.taxCode(),
                        p == null ? null : p.type().name(), p == null ? null : p.code(), p == null ? null : p.name(),
                        l.text());
                for (CostObject co : l.costObjects()) {
                    costs.add(id, i + 1, co.dimension(), co.code());
                }
            }
        }
        lines.flush();
        costs.flush();
        List<ErpDocumentRef> refs = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            refs.add(new ErpDocumentRef(e.idempotencyKey(), documentNumber(ids.get(e.idempotencyKey())), reversesKey));
        }
        return refs;
    }

    static String documentNumber(long id) {
        return String.format("JE%010d", id);
    }

    private Map<String, Long> idsByKeys(Connection c, List<String> keys) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        SqlIn.forKeys(c, "SELECT idempotency_key, id FROM " + s + "journal_entry WHERE idempotency_key IN ", keys,
                rs -> ids.put(rs.getString(1), rs.getLong(2)));
        return ids;
    }

    private Map<String, ErpDocumentRef> findByKeys(Connection c, Collection<String> keys) throws SQLException {
        Map<String, ErpDocumentRef> found = new HashMap<>();
        SqlIn.forKeys(c, "SELECT idempotency_key, id, reverses_key FROM " + s + "journal_entry WHERE idempotency_key IN ",
                keys, rs -> found.put(rs.getString(1),
                        new ErpDocumentRef(rs.getString(1), documentNumber(rs.getLong(2)), rs.getString(3))));
        return found;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; closing it discards the transaction anyway
        }
    }

    @Override
    public Optional<ErpDocumentRef> lookup(String idempotencyKey) {
        try (Connection c = dataSource.getConnection()) {
            return Optional.ofNullable(findByKeys(c, List.of(idempotencyKey)).get(idempotencyKey));
        } catch (SQLException e) {
            throw SqlErrors.classify("looking up journal entry " + idempotencyKey, e);
        }
    }

    @Override
    public PostingResult reverse(Reversal reversal) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<String, ErpDocumentRef> found =
                        findByKeys(c, List.of(reversal.idempotencyKey(), reversal.originalKey()));
                ErpDocumentRef already = found.get(reversal.idempotencyKey());
                if (already != null) {
                    c.rollback();
                    return new PostingResult(already, true);
                }
                ErpDocumentRef original = found.get(reversal.originalKey());
                if (original == null) {
                    throw new ErpException.Permanent("cannot reverse " + reversal.originalKey()
                            + ": no journal entry was posted under that key", null);
                }
                JournalEntry reversed = readEntry(c, reversal.originalKey(), reversal, original.documentNumber());
                List<ErpDocumentRef> inserted = insert(c, List.of(reversed), reversal.originalKey());
                c.commit();
                return new PostingResult(inserted.get(0), false);
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.classify("reversing journal entry " + reversal.originalKey(), e);
        }
    }

    /** The original entry with every line on the opposite side, as the reversal to post. */
    private JournalEntry readEntry(Connection c, String key, Reversal reversal, String originalNumber)
            throws SQLException {
        long id;
        String company;
        String currency;
        String companyCurrency;
        String reference;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, company, currency, company_currency, reference"
                + " FROM " + s + "journal_entry WHERE idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                company = rs.getString(2);
                currency = rs.getString(3);
                companyCurrency = rs.getString(4);
                reference = rs.getString(5);
            }
        }
        Map<Integer, List<CostObject>> costs = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT line_no, dimension, code FROM " + s
                + "journal_line_cost_object WHERE entry_id = ? ORDER BY line_no, dimension")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    costs.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(new CostObject(rs.getString(2), rs.getString(3)));
                }
            }
        }
        List<JournalLine> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT line_no, account_code, debit, credit, company_debit,"
                + " company_credit, tax_code, partner_type, partner_code, partner_name, line_text FROM " + s
                + "journal_line WHERE entry_id = ? ORDER BY line_no")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean wasDebit = rs.getBigDecimal(3).signum() > 0;
                    String partnerType = rs.getString(8);
                    Partner partner = partnerType == null ? null
                            : new Partner(Partner.Type.valueOf(partnerType), rs.getString(9), rs.getString(10));
                    lines.add(new JournalLine(rs.getString(2),
                            wasDebit ? JournalLine.Side.CREDIT : JournalLine.Side.DEBIT,
                            wasDebit ? rs.getBigDecimal(3) : rs.getBigDecimal(4),
                            wasDebit ? rs.getBigDecimal(5) : rs.getBigDecimal(6),
                            costs.getOrDefault(rs.getInt(1), List.of()), rs.getString(7), partner, rs.getString(11)));
                }
            }
        }
        String description = reversal.description() != null ? reversal.description()
                : "Reversal of " + originalNumber;
        return new JournalEntry(reversal.idempotencyKey(), company, reversal.postingDate(), currency,
                companyCurrency, reference, description, lines);
    }

    // ------------------------------------------------------------------ master data and payments

    @Override
    public List<Changed<Supplier>> suppliers(Checkpoint after, int limit) {
        return masterData.suppliers(after, limit);
    }

    @Override
    public List<Changed<CostObjectNode>> costObjects(Checkpoint after, int limit) {
        return masterData.costObjects(after, limit);
    }

    @Override
    public List<Changed<PurchaseOrder>> purchaseOrders(Checkpoint after, int limit) {
        return masterData.purchaseOrders(after, limit);
    }

    @Override
    public List<Changed<GoodsReceipt>> goodsReceipts(Checkpoint after, int limit) {
        return masterData.goodsReceipts(after, limit);
    }

    private record Payable(long id, String currency, BigDecimal amount) {
    }

    /** Payments of one entry so far: total, and date and reference of the latest. */
    private record Paid(BigDecimal total, LocalDate lastOn, String lastReference) {
        static final Paid NONE = new Paid(BigDecimal.ZERO, null, null);

        Paid plus(BigDecimal amount, LocalDate on, String reference) {
            boolean latest = lastOn == null || !on.isBefore(lastOn);
            return new Paid(total.add(amount), latest ? on : lastOn, latest ? reference : lastReference);
        }
    }

    @Override
    public Map<String, PaymentStatus> paymentStatus(Collection<String> idempotencyKeys) {
        Map<String, Payable> payables = new LinkedHashMap<>();
        Map<String, Paid> paid = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            SqlIn.forKeys(c, "SELECT e.idempotency_key, e.id, e.currency, (SELECT COALESCE(SUM(l.credit), 0) FROM "
                    + s + "journal_line l WHERE l.entry_id = e.id AND l.partner_code IS NOT NULL) FROM " + s
                    + "journal_entry e WHERE e.idempotency_key IN ", idempotencyKeys,
                    rs -> payables.put(rs.getString(1), new Payable(rs.getLong(2), rs.getString(3),
                            rs.getBigDecimal(4))));
            SqlIn.forKeys(c, "SELECT idempotency_key, amount, paid_on, reference FROM " + s + "payment"
                    + " WHERE idempotency_key IN ", payables.keySet(),
                    rs -> paid.put(rs.getString(1), paid.getOrDefault(rs.getString(1), Paid.NONE)
                            .plus(rs.getBigDecimal(2), rs.getObject(3, LocalDate.class), rs.getString(4))));
        } catch (SQLException e) {
            throw SqlErrors.classify("reading payment status", e);
        }
        Map<String, PaymentStatus> out = new LinkedHashMap<>();
        payables.forEach((key, p) -> {
            Paid sum = paid.getOrDefault(key, Paid.NONE);
            out.put(key, new PaymentStatus(key, documentNumber(p.id()), PaymentStatus.stateOf(p.amount(), sum.total()),
                    p.amount(), sum.total(), p.currency(), sum.lastOn(), sum.lastReference()));
        });
        return out;
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                log.warn("event=erp.sql.close_failed error=\"{}\"", e.toString());
            }
        }
    }
}

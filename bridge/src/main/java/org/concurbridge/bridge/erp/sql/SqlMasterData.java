package org.concurbridge.bridge.erp.sql;

import org.concurbridge.bridge.erp.Changed;
import org.concurbridge.bridge.erp.Checkpoint;
import org.concurbridge.bridge.erp.CostObjectNode;
import org.concurbridge.bridge.erp.GoodsReceipt;
import org.concurbridge.bridge.erp.PurchaseOrder;
import org.concurbridge.bridge.erp.Supplier;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the outbound tables in (updated_at, id) order after a checkpoint. Rows changed less than
 * {@code changeSettle} ago (by the injected clock) are left for the next read: a transaction that commits late with
 * an earlier {@code updated_at} is then still picked up instead of falling behind a checkpoint already saved.
 */
final class SqlMasterData {

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;
    private final String s;
    private final Duration changeSettle;
    private final Clock clock;

    SqlMasterData(DataSource dataSource, String schemaPrefix, Duration changeSettle, Clock clock) {
        this.dataSource = dataSource;
        this.s = schemaPrefix;
        this.changeSettle = changeSettle;
        this.clock = clock;
    }

    List<Changed<Supplier>> suppliers(Checkpoint after, int limit) {
        return read("suppliers", "SELECT * FROM " + s + "supplier", after, limit, rs -> new Supplier(
                rs.getString("code"), rs.getString("name"), rs.getString("tax_id"), rs.getString("payment_terms"),
                rs.getString("currency"), address(rs, ""),
                rs.getString("bank_account_number") == null ? null : new Supplier.BankAccount(
                        rs.getString("bank_account_number"), rs.getString("bank_bic"), rs.getString("bank_name")),
                rs.getBoolean("active")), null);
    }

    List<Changed<CostObjectNode>> costObjects(Checkpoint after, int limit) {
        return read("cost objects", "SELECT * FROM " + s + "cost_object", after, limit, rs -> new CostObjectNode(
                rs.getString("dimension"), rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
                rs.getBoolean("active")), null);
    }

    List<Changed<GoodsReceipt>> goodsReceipts(Checkpoint after, int limit) {
        return read("goods receipts", "SELECT * FROM " + s + "goods_receipt", after, limit, rs -> new GoodsReceipt(
                rs.getString("receipt_number"), rs.getString("po_number"), rs.getInt("po_line_no"),
                rs.getObject("received_on", LocalDate.class), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("amount")), null);
    }

    List<Changed<PurchaseOrder>> purchaseOrders(Checkpoint after, int limit) {
        return read("purchase orders", "SELECT * FROM " + s + "purchase_order", after, limit,
                rs -> new PurchaseOrder(rs.getString("number"), rs.getString("supplier_code"),
                        rs.getObject("order_date", LocalDate.class), rs.getString("currency"),
                        PurchaseOrder.Status.valueOf(rs.getString("status")), rs.getString("description"),
                        address(rs, "bill_to_"), address(rs, "ship_to_"), List.of()),
                this::withLines);
    }

    /** The page's orders with their lines, read in the same transaction as the headers. */
    private List<Changed<PurchaseOrder>> withLines(Connection c, List<Changed<PurchaseOrder>> orders)
            throws SQLException {
        Map<String, List<PurchaseOrder.Line>> lines = new HashMap<>();
        SqlIn.forKeys(c, "SELECT * FROM " + s + "purchase_order_line WHERE po_number IN ",
                orders.stream().map(o -> o.value().number()).toList(),
                rs -> lines.computeIfAbsent(rs.getString("po_number"), k -> new ArrayList<>())
                        .add(new PurchaseOrder.Line(rs.getInt("line_no"), rs.getString("item_code"),
                                rs.getString("description"), rs.getBigDecimal("quantity"), rs.getString("unit"),
                                rs.getBigDecimal("unit_price"), rs.getBigDecimal("amount"))));
        List<Changed<PurchaseOrder>> out = new ArrayList<>(orders.size());
        for (Changed<PurchaseOrder> o : orders) {
            PurchaseOrder po = o.value();
            List<PurchaseOrder.Line> mine = new ArrayList<>(lines.getOrDefault(po.number(), List.of()));
            mine.sort(java.util.Comparator.comparingInt(PurchaseOrder.Line::lineNumber));
            out.add(new Changed<>(new PurchaseOrder(po.number(), po.supplierCode(), po.orderDate(), po.currency(),
                    po.status(), po.description(), po.billTo(), po.shipTo(), mine), o.checkpoint()));
        }
        return out;
    }

    /** Completes a page with rows of other tables, on the same connection. */
    @FunctionalInterface
    private interface Completion<T> {
        List<Changed<T>> complete(Connection c, List<Changed<T>> page) throws SQLException;
    }

    private <T> List<Changed<T>> read(String what, String select, Checkpoint after, int limit, RowMapper<T> mapper,
                                      Completion<T> completion) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        OffsetDateTime from = OffsetDateTime.ofInstant(after.changedAt(), ZoneOffset.UTC);
        OffsetDateTime settled = OffsetDateTime.ofInstant(clock.instant().minus(changeSettle), ZoneOffset.UTC);
        String sql = select + " WHERE (updated_at > ? OR (updated_at = ? AND id > ?)) AND updated_at <= ?"
                + " ORDER BY updated_at, id LIMIT ?";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            List<Changed<T>> page = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, from);
                ps.setObject(2, from);
                ps.setLong(3, after.id());
                ps.setObject(4, settled);
                ps.setInt(5, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(new Changed<>(mapper.map(rs), checkpoint(rs)));
                    }
                }
            }
            List<Changed<T>> out = completion == null || page.isEmpty() ? page : completion.complete(c, page);
            c.commit();
            return out;
        } catch (SQLException e) {
            throw SqlErrors.classify("reading " + what + " after " + after.encode(), e);
        }
    }

    private static Checkpoint checkpoint(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("id"));
    }

    private static Supplier.Address address(ResultSet rs, String prefix) throws SQLException {
        String street = rs.getString(prefix + "street");
        String city = rs.getString(prefix + "city");
        if (street == null && city == null) {
            return null;
        }
        return new Supplier.Address(street, city, rs.getString(prefix + "postal_code"), rs.getString(prefix + "region"),
                rs.getString(prefix + "country"));
    }
}

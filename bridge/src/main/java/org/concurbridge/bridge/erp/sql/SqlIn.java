package org.concurbridge.bridge.erp.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Queries of the form {@code ... WHERE col IN (?, ?, ...)} over any number of keys, 1000 keys per statement. */
final class SqlIn {

    static final int CHUNK = 1000;

    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private SqlIn() {
    }

    /** Runs {@code sqlPrefix + "(?,?,...)"} for the keys in chunks and hands each row to the handler. */
    static void forKeys(Connection c, String sqlPrefix, Collection<String> keys, RowHandler handler)
            throws SQLException {
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement(sqlPrefix + placeholders(part.size()))) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
            }
        }
    }

    static String placeholders(int n) {
        return "(" + "?,".repeat(n - 1) + "?)";
    }
}

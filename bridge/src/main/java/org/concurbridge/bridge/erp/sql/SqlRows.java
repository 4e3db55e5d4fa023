package org.concurbridge.bridge.erp.sql;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Many rows into one table inside the caller's transaction: {@code COPY ... FROM STDIN (FORMAT csv)} on PostgreSQL
 * (several times faster than batched INSERTs for wide rows), a JDBC batch of INSERTs elsewhere (H2).
 * Values: String, BigDecimal, Integer, Long, LocalDate, OffsetDateTime or null.
 */
abstract sealed class SqlRows permits SqlRows.Copy, SqlRows.Batch {

    static SqlRows into(Connection c, String table, List<String> columns) throws SQLException {
        if (c.isWrapperFor(PGConnection.class)) {
            return new Copy(c.unwrap(PGConnection.class).getCopyAPI(), table, columns);
        }
        return new Batch(c, table, columns);
    }

    abstract void add(Object... values) throws SQLException;

    /** Writes the rows added so far; returns the number written. */
    abstract long flush() throws SQLException;

    static final class Copy extends SqlRows {
        private final CopyManager copy;
        private final String sql;
        private final StringBuilder csv = new StringBuilder(64 * 1024);

        Copy(CopyManager copy, String table, List<String> columns) {
            this.copy = copy;
            this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
        }

        @Override
        void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                Object v = values[i];
                if (v instanceof String s) {
                    csv.append('"').append(s.replace("\"", "\"\"")).append('"');   // quoted: "" stays empty
                } else if (v instanceof BigDecimal d) {
                    csv.append(d.toPlainString());
                } else if (v != null) {
                    csv.append(v);   // numbers, LocalDate, OffsetDateTime (ISO-8601)
                }                    // null: unquoted empty field
            }
            csv.append('\n');
        }

        @Override
        long flush() throws SQLException {
            if (csv.isEmpty()) {
                return 0;
            }
            try {
                return copy.copyIn(sql, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into the interface table failed: " + e.getMessage(), "08006", e);
            } finally {
                csv.setLength(0);
            }
        }
    }

    static final class Batch extends SqlRows {
        private final PreparedStatement insert;
        private long rows;

        Batch(Connection c, String table, List<String> columns) throws SQLException {
            this.insert = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                    + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)");
        }

        @Override
        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    insert.setNull(i + 1, Types.VARCHAR);
                } else {
                    insert.setObject(i + 1, values[i]);
                }
            }
            insert.addBatch();
            rows++;
        }

        @Override
        long flush() throws SQLException {
            try {
                if (rows > 0) {
                    insert.executeBatch();
                }
                return rows;
            } finally {
                rows = 0;
                insert.close();
            }
        }
    }
}

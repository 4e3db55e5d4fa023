package org.concurbridge.bridge.erp.sql;

import org.concurbridge.bridge.erp.ErpException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * The SQL adapter's one error boundary: every {@link SQLException} becomes an {@link ErpException} here, by SQLSTATE
 * class (and the JDBC exception subclass), never by message text.
 * <ul>
 *   <li>{@code 08} connection exception, {@code 40} transaction rollback (serialization failure, deadlock),
 *       {@code 53} insufficient resources, {@code 57P01..57P03} server shutting down / cannot connect now,
 *       {@code HYT00} timeout, H2 {@code 90020} database in use / {@code 90098} database closed,
 *       {@link SQLTransientException}, {@link SQLRecoverableException} and
 *       {@link SQLNonTransientConnectionException} → retriable</li>
 *   <li>{@code 28} invalid authorization → authentication</li>
 *   <li>everything else (integrity {@code 23}, data {@code 22}, syntax/missing table {@code 42}, ...) → permanent</li>
 * </ul>
 */
final class SqlErrors {

    private SqlErrors() {
    }

    static ErpException classify(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = what + " failed: " + (state.isEmpty() ? "" : "SQLSTATE " + state + ": ") + e.getMessage();
        return switch (kind(e, state)) {
            case RETRIABLE -> new ErpException.Retriable(message, e);
            case AUTHENTICATION -> new ErpException.Authentication(message, e);
            case PERMANENT -> new ErpException.Permanent(message, e);
        };
    }

    enum Kind { RETRIABLE, PERMANENT, AUTHENTICATION }

    static Kind kind(SQLException e, String state) {
        if (state.startsWith("28")) {
            return Kind.AUTHENTICATION;
        }
        if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("HYT00") || state.equals("90020") || state.equals("90098")) {
            return Kind.RETRIABLE;
        }
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || e instanceof SQLNonTransientConnectionException) {
            return Kind.RETRIABLE;
        }
        return Kind.PERMANENT;
    }

    /** Unique or primary key violated: another writer posted the same key at the same moment. */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}

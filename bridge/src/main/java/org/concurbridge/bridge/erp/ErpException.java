package org.concurbridge.bridge.erp;

import java.util.List;

/**
 * Every failure at the ERP boundary, classified once by the adapter that saw it (see {@code SqlErrors},
 * {@code TrytonErrors}): {@link Retriable} (the ERP is unreachable, busy or a transaction conflicted; the same call
 * may succeed later), {@link Permanent} (the entry or the request is wrong; it fails again until the data or the
 * mapping is fixed) and {@link Authentication} (the ERP rejected the credentials; fix the configuration, do not
 * retry). Messages name the document, line and value at fault and never contain passwords or session keys.
 */
public abstract sealed class ErpException extends RuntimeException
        permits ErpException.Retriable, ErpException.Permanent, ErpException.Authentication {

    protected ErpException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Transient: connection refused or reset, timeout, lock/serialization conflict, ERP overloaded. */
    public static final class Retriable extends ErpException {
        public Retriable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The entry or request is wrong; {@link #problems()} lists every problem found when validation caused it. */
    public static final class Permanent extends ErpException {
        private final List<ValidationProblem> problems;

        public Permanent(String message, Throwable cause) {
            this(message, List.of(), cause);
        }

        public Permanent(String message, List<ValidationProblem> problems, Throwable cause) {
            super(message, cause);
            this.problems = List.copyOf(problems);
        }

        /** Invalid entry: one exception carrying every problem. */
        public static Permanent invalid(JournalEntry entry, List<ValidationProblem> problems) {
            StringBuilder sb = new StringBuilder("journal entry ").append(entry.idempotencyKey())
                    .append(" is invalid: ");
            for (int i = 0; i < problems.size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(problems.get(i));
            }
            return new Permanent(sb.toString(), problems, null);
        }

        public List<ValidationProblem> problems() {
            return problems;
        }
    }

    /** The ERP rejected the configured credentials (or the session could not be re-established). */
    public static final class Authentication extends ErpException {
        public Authentication(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

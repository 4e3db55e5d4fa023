package org.concurbridge.sandbox.extract;

import java.util.Locale;
import java.util.Objects;

/**
 * A defect to put into one extract file (a job's or a payment batch's), so the bridge's handling of bad files can be
 * tested: {@link Kind#TRUNCATED} cuts the file in the middle of a row (after the header's record count was written),
 * {@link Kind#WRONG_TOTALS} writes a header whose record count and journal amount total do not match the rows,
 * {@link Kind#BAD_ROWS} breaks the quoting of the rows of one report (or invoice) — {@code report} = its report id
 * (SAE column 19 / PRAE column 51) or report key (SAE column 20 / PRAE column 2) — so that only that report is
 * unparseable, {@link Kind#UNEXPECTED_ZIP_MEMBER} answers a zip that also
 * holds a member no extract definition produces.
 */
public record FileFault(Kind kind, String report) {

    public enum Kind { TRUNCATED, WRONG_TOTALS, BAD_ROWS, UNEXPECTED_ZIP_MEMBER }

    public FileFault {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.BAD_ROWS && (report == null || report.isBlank())) {
            throw new IllegalArgumentException("a BAD_ROWS fault needs the report id or key whose rows to break");
        }
    }

    public static FileFault truncated() {
        return new FileFault(Kind.TRUNCATED, null);
    }

    public static FileFault wrongTotals() {
        return new FileFault(Kind.WRONG_TOTALS, null);
    }

    /** Breaks the rows of the report with this report id or report key. */
    public static FileFault badRows(String report) {
        return new FileFault(Kind.BAD_ROWS, report);
    }

    public static FileFault unexpectedZipMember() {
        return new FileFault(Kind.UNEXPECTED_ZIP_MEMBER, null);
    }

    /** From the admin API: {@code {"kind":"BAD_ROWS","report":"..."}} ({@code kind} case-insensitive). */
    public static FileFault parse(String kind, String report) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("fault kind is required: TRUNCATED, WRONG_TOTALS, BAD_ROWS or"
                    + " UNEXPECTED_ZIP_MEMBER");
        }
        try {
            return new FileFault(Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT)), report);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("a BAD_ROWS")) {
                throw e;
            }
            throw new IllegalArgumentException("unknown fault kind '" + kind + "' (TRUNCATED, WRONG_TOTALS, BAD_ROWS,"
                    + " UNEXPECTED_ZIP_MEMBER)");
        }
    }
}

package org.concurbridge.client.extract;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Syntax checks and conversions working directly on a char range, so that validating a row allocates nothing.
 * Each {@code check...} method returns null when the value is acceptable, otherwise the reason.
 */
final class Values {

    private static final int[] DATE_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9};

    private Values() {
    }

    /** Start of the number once a leading currency sign (e.g. {@code ¤}, {@code $}, {@code €}) is skipped. */
    static int skipCurrencySign(char[] b, int s, int e) {
        if (s < e && Character.getType(b[s]) == Character.CURRENCY_SYMBOL) {
            return s + 1;
        }
        return s;
    }

    static String checkDecimal(char[] b, int s, int e) {
        int p = skipCurrencySign(b, s, e);
        if (p < e && (b[p] == '+' || b[p] == '-')) {
            p++;
        }
        int digits = 0;
        boolean dot = false;
        for (; p < e; p++) {
            char c = b[p];
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return "is not a number (expected digits with an optional sign and decimal point)";
            }
        }
        return digits == 0 ? "is not a number (no digits)" : null;
    }

    static BigDecimal decimal(char[] b, int s, int e) {
        int p = skipCurrencySign(b, s, e);
        return new BigDecimal(b, p, e - p);
    }

    static String checkInteger(char[] b, int s, int e) {
        int p = s;
        if (p < e && (b[p] == '+' || b[p] == '-')) {
            p++;
        }
        if (p == e || e - p > 18) {
            return "is not an integer";
        }
        for (; p < e; p++) {
            if (b[p] < '0' || b[p] > '9') {
                return "is not an integer";
            }
        }
        return null;
    }

    static long integer(char[] b, int s, int e) {
        boolean neg = b[s] == '-';
        int p = (b[s] == '+' || neg) ? s + 1 : s;
        long v = 0;
        for (; p < e; p++) {
            v = v * 10 + (b[p] - '0');
        }
        return neg ? -v : v;
    }

    /** {@code yyyy-MM-dd} (SAE) or {@code yyyy/MM/dd} (PRAE); both are accepted in both formats. */
    static String checkDate(char[] b, int s, int e) {
        if (e - s != 10 || !(b[s + 4] == '-' || b[s + 4] == '/') || b[s + 7] != b[s + 4]) {
            return "is not a date (expected yyyy-MM-dd or yyyy/MM/dd)";
        }
        for (int i : DATE_DIGITS) {
            if (b[s + i] < '0' || b[s + i] > '9') {
                return "is not a date (expected yyyy-MM-dd or yyyy/MM/dd)";
            }
        }
        try {
            date(b, s);
            return null;
        } catch (DateTimeException ex) {
            return "is not a valid calendar date";
        }
    }

    static LocalDate date(char[] b, int s) {
        int y = (b[s] - '0') * 1000 + (b[s + 1] - '0') * 100 + (b[s + 2] - '0') * 10 + (b[s + 3] - '0');
        int m = (b[s + 5] - '0') * 10 + (b[s + 6] - '0');
        int d = (b[s + 8] - '0') * 10 + (b[s + 9] - '0');
        return LocalDate.of(y, m, d);
    }

    static String checkFlag(char[] b, int s, int e) {
        if (e - s == 1) {
            char c = Character.toUpperCase(b[s]);
            if (c == 'Y' || c == 'N') {
                return null;
            }
        }
        return "is not a flag (expected Y or N)";
    }

    static String checkDebitCredit(char[] b, int s, int e) {
        if (e - s == 2) {
            char c0 = Character.toUpperCase(b[s]);
            char c1 = Character.toUpperCase(b[s + 1]);
            if ((c0 == 'D' || c0 == 'C') && c1 == 'R') {
                return null;
            }
        }
        return "is not DR or CR";
    }

    /** The check for a column type; null for text, which accepts anything. */
    static String check(char type, char[] b, int s, int e) {
        switch (type) {
            case ExtractFormat.ColumnType.MONEY:
            case ExtractFormat.ColumnType.RATE:
                return checkDecimal(b, s, e);
            case ExtractFormat.ColumnType.DATE:
                return checkDate(b, s, e);
            case ExtractFormat.ColumnType.FLAG:
                return checkFlag(b, s, e);
            case ExtractFormat.ColumnType.INTEGER:
                return checkInteger(b, s, e);
            case ExtractFormat.ColumnType.DEBIT_CREDIT:
                return checkDebitCredit(b, s, e);
            default:
                return null;
        }
    }
}

package org.concurbridge.client.extract;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Syntax checks and conversions working directly on a byte range of the file (the parser never decodes columns
 * that are not read). Each {@code check...} method returns null when the value is acceptable, otherwise the reason.
 * The extract charsets (UTF-8, Windows-1252) share ASCII, so digits, signs, separators and quotes are single bytes.
 */
final class Values {

    private static final int[] DATE_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9};

    private Values() {
    }

    /** Text of a byte range: ASCII is copied straight; other bytes are decoded strictly (null when invalid). */
    static String text(byte[] b, int s, int e, Charset cs) {
        for (int p = s; p < e; p++) {
            if (b[p] < 0) {
                try {
                    return CharsetDetection.strict(cs).decode(ByteBuffer.wrap(b, s, e - s)).toString();
                } catch (CharacterCodingException ex) {
                    return null;
                }
            }
        }
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    /**
     * Start of the number once a leading currency sign ({@code $}, {@code ¤}, {@code €}, …) is skipped: the
     * sign is one character of Unicode category Sc in the file's charset.
     */
    static int skipCurrencySign(byte[] b, int s, int e, Charset cs) {
        int p = s;
        while (p < e && p - s < 4 && (b[p] < 0 || b[p] == '$')) {
            p++;
            if (b[p - 1] == '$') {
                break;
            }
        }
        if (p == s) {
            return s;
        }
        String sign = new String(b, s, p - s, cs);
        return sign.length() == 1 && Character.getType(sign.charAt(0)) == Character.CURRENCY_SYMBOL ? p : s;
    }

    static String checkDecimal(byte[] b, int s, int e, Charset cs) {
        int p = skipCurrencySign(b, s, e, cs);
        if (p < e && (b[p] == '+' || b[p] == '-')) {
            p++;
        }
        int digits = 0;
        boolean dot = false;
        for (; p < e; p++) {
            byte c = b[p];
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

    /** Converts a range that passed {@link #checkDecimal}. */
    static BigDecimal decimal(byte[] b, int s, int e, Charset cs) {
        int p = skipCurrencySign(b, s, e, cs);
        boolean neg = b[p] == '-';
        if (b[p] == '+' || neg) {
            p++;
        }
        if (e - p <= 18) {
            long unscaled = 0;
            int scale = 0;
            boolean dot = false;
            for (; p < e; p++) {
                if (b[p] == '.') {
                    dot = true;
                } else {
                    unscaled = unscaled * 10 + (b[p] - '0');
                    if (dot) {
                        scale++;
                    }
                }
            }
            return BigDecimal.valueOf(neg ? -unscaled : unscaled, scale);
        }
        BigDecimal v = new BigDecimal(new String(b, p, e - p, StandardCharsets.ISO_8859_1));
        return neg ? v.negate() : v;
    }

    static String checkInteger(byte[] b, int s, int e) {
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

    static long integer(byte[] b, int s, int e) {
        boolean neg = b[s] == '-';
        int p = (b[s] == '+' || neg) ? s + 1 : s;
        long v = 0;
        for (; p < e; p++) {
            v = v * 10 + (b[p] - '0');
        }
        return neg ? -v : v;
    }

    /** {@code yyyy-MM-dd} (SAE) or {@code yyyy/MM/dd} (PRAE); both are accepted in both formats. */
    static String checkDate(byte[] b, int s, int e) {
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

    static LocalDate date(byte[] b, int s) {
        int y = (b[s] - '0') * 1000 + (b[s + 1] - '0') * 100 + (b[s + 2] - '0') * 10 + (b[s + 3] - '0');
        int m = (b[s + 5] - '0') * 10 + (b[s + 6] - '0');
        int d = (b[s + 8] - '0') * 10 + (b[s + 9] - '0');
        return LocalDate.of(y, m, d);
    }

    static String checkFlag(byte[] b, int s, int e) {
        if (e - s == 1) {
            int c = b[s] & 0xDF;
            if (c == 'Y' || c == 'N') {
                return null;
            }
        }
        return "is not a flag (expected Y or N)";
    }

    static String checkDebitCredit(byte[] b, int s, int e) {
        if (e - s == 2) {
            int c0 = b[s] & 0xDF;
            int c1 = b[s + 1] & 0xDF;
            if ((c0 == 'D' || c0 == 'C') && c1 == 'R') {
                return null;
            }
        }
        return "is not DR or CR";
    }

    /** The check for a column type; null for text, which accepts anything. */
    static String check(char type, byte[] b, int s, int e, Charset cs) {
        switch (type) {
            case ExtractFormat.ColumnType.MONEY:
            case ExtractFormat.ColumnType.RATE:
                return checkDecimal(b, s, e, cs);
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

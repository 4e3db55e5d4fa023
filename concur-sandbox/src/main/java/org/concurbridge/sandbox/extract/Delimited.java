package org.concurbridge.sandbox.extract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Writing pipe-delimited extract records the way the real SAE samples are written (shared/samples/sae): fields joined
 * by {@code |}, a field quoted with {@code "} only when it contains the delimiter, a quote or a line break, quotes
 * inside a quoted field doubled; records end with {@code \n}; money with four decimals.
 */
final class Delimited {

    static final char DELIMITER = '|';

    private Delimited() {
    }

    static String record(List<String> fields) {
        StringBuilder sb = new StringBuilder(fields.size() * 6);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(DELIMITER);
            }
            sb.append(quote(fields.get(i)));
        }
        return sb.append('\n').toString();
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(DELIMITER) < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** {@code 600.1100}; null stays empty. */
    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(Math.max(4, amount.scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    /** The signed journal amount of SAE column 169: {@code +600.1100}, {@code -50.0000}, {@code 0.0000}. */
    static String signed(BigDecimal amount) {
        String plain = money(amount);
        return amount.signum() > 0 ? "+" + plain : plain;
    }
}

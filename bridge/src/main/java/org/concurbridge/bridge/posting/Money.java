package org.concurbridge.bridge.posting;

import java.math.BigDecimal;

/** Exact money helpers: no rounding ever happens here. */
public final class Money {

    private Money() {
    }

    /**
     * The same value with trailing zeros dropped but at least two decimals: {@code 50.00000000 → 50.00},
     * {@code 12.5 → 12.50}, {@code 0E-8 → 0.00}, {@code 1.234 → 1.234}.
     */
    public static BigDecimal normalize(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    /** Plain decimal text, never in exponent form. */
    public static String format(BigDecimal value) {
        return normalize(value).toPlainString();
    }

    public static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    public static boolean isZero(BigDecimal value) {
        return value == null || value.signum() == 0;
    }
}

package org.concurbridge.sandbox;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A Concur product a company has bought. An API that needs a product the company lacks answers 403 ("consumer lacks
 * the product", common-http-errors-and-limits.md section 1), e.g. Vendor v3.1 without {@link #INVOICE}
 * ("SAP Concur clients must purchase Concur Invoice in order to use this API", vendors-v3.md).
 */
public enum SandboxProduct {
    EXPENSE,
    INVOICE;

    /** What a company gets unless told otherwise: Expense and Invoice. */
    public static Set<SandboxProduct> defaults() {
        return EnumSet.of(EXPENSE, INVOICE);
    }

    /** {@code EXPENSE} / {@code invoice} / ...; anything else is an {@link IllegalArgumentException} naming the values. */
    public static SandboxProduct parse(String value) {
        try {
            return valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("product must be one of " + EnumSet.allOf(SandboxProduct.class)
                    + " (got '" + value + "')", e);
        }
    }
}

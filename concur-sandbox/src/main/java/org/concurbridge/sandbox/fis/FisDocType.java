package org.concurbridge.sandbox.fis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The FIS v4 {@code docType} path values the sandbox serves (financial-integration-v4.md section 2). */
public enum FisDocType {
    EXPENSE("expense"),
    INVOICE("invoice"),
    CASH_ADVANCE("cashadvance");

    private final String pathValue;

    FisDocType(String pathValue) {
        this.pathValue = pathValue;
    }

    /** {@code expense}, {@code invoice} or {@code cashadvance}. */
    public String pathValue() {
        return pathValue;
    }

    public static Optional<FisDocType> fromPath(String value) {
        String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.pathValue.equals(v)).findFirst();
    }

    public static FisDocType parse(String value) {
        return fromPath(value).orElseThrow(() -> new IllegalArgumentException(
                "docType must be expense, invoice or cashadvance (got '" + value + "')"));
    }
}

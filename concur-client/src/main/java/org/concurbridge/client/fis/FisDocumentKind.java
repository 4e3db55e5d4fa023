package org.concurbridge.client.fis;

import java.util.Arrays;
import java.util.Optional;

/** The FIS v4 {@code docType} values this SDK understands, with the path segment Concur uses for each. */
public enum FisDocumentKind {
    EXPENSE("expense"),
    INVOICE("invoice"),
    CASH_ADVANCE("cashadvance");

    private final String docType;

    FisDocumentKind(String docType) {
        this.docType = docType;
    }

    /** The {@code docType} path value and envelope field ({@code expense}, {@code invoice}, {@code cashadvance}). */
    public String docType() {
        return docType;
    }

    /** The kind for a {@code docType} value, case-insensitive; empty for types outside this SDK (payroll, obligations). */
    public static Optional<FisDocumentKind> fromDocType(String docType) {
        return Arrays.stream(values()).filter(k -> k.docType.equalsIgnoreCase(docType)).findFirst();
    }
}

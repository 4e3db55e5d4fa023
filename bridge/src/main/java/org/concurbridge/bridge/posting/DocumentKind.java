package org.concurbridge.bridge.posting;

/** What a {@link PostingDocument} records in the ERP. */
public enum DocumentKind {
    EXPENSE_REPORT,
    INVOICE,
    CASH_ADVANCE
}

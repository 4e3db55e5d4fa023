package org.concurbridge.client.fis;

/** The {@code document} member of a FIS v4 financial transaction: one of the three kinds this SDK reads. */
public sealed interface FinancialDocument permits ExpenseDocument, InvoiceDocument, CashAdvanceDocument {

    /** The kind, matching the envelope's {@code docType}. */
    FisDocumentKind kind();
}

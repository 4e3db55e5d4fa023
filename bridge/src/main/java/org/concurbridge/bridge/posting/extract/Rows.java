package org.concurbridge.bridge.posting.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.DocumentKind;
import org.concurbridge.bridge.posting.JournalAssembler;
import org.concurbridge.bridge.posting.Party;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.PostingHeader;
import org.concurbridge.bridge.posting.PostingSource;
import org.concurbridge.bridge.posting.PostingValidator;
import org.concurbridge.bridge.posting.Problem;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.extract.DebitCredit;
import org.concurbridge.client.extract.ExtractFieldException;
import org.concurbridge.client.extract.ExtractRow;

/** Helpers shared by the SAE and PRAE postings: field names with line and column, values, header, finishing. */
final class Rows {

    static final String COMPANY = "COMP";

    private Rows() {
    }

    /** How a problem names a cell: {@code Journal Account Code (line 12, column 167)}. */
    static String field(ExtractRow row, int column, String name) {
        return name + " (line " + row.lineNumber() + ", column " + column + ")";
    }

    static String text(ExtractRow row, int column) {
        String v = row.text(column).trim();
        return v.isEmpty() ? null : v;
    }

    /** The value, or records "required" against the cell and returns null. */
    static String require(JournalAssembler a, ExtractRow row, int column, String name) {
        String v = text(row, column);
        if (v == null) {
            a.problem(field(row, column, name), "required");
        }
        return v;
    }

    /** A money column; a value that does not convert is a problem naming the cell, and null. */
    static BigDecimal decimal(JournalAssembler a, ExtractRow row, int column, String name) {
        try {
            return row.decimal(column);
        } catch (ExtractFieldException e) {
            a.problem(field(row, column, name), e.problem().message());
            return null;
        }
    }

    /**
     * The row's journal amount signed by its Debit/Credit column (the spec: direction from DR/CR, the amount's own sign
     * informative only).
     */
    static BigDecimal signedAmount(ExtractRow row) {
        BigDecimal amount = row.journalAmount().abs();
        return row.debitOrCredit() == DebitCredit.CREDIT ? amount.negate() : amount;
    }

    static String fullName(String first, String last) {
        String n = ((first == null ? "" : first.trim()) + " " + (last == null ? "" : last.trim())).trim();
        return n.isEmpty() ? null : n;
    }

    /** The header, or null after a problem when no ERP company is mapped for the ledger. */
    static PostingHeader header(JournalAssembler a, ExtractRow row, int ledgerColumn, String concurId, Party party,
                                String currency, java.time.LocalDate postingDate, java.time.LocalDate documentDate,
                                String reference, String description) {
        String ledger = text(row, ledgerColumn);
        PostingMapping.CompanyTarget target = a.mapping().company(null, ledger, currency, null).orElse(null);
        if (target == null) {
            a.problem(field(row, ledgerColumn, "Ledger"), "no ERP company mapped for Concur ledger \"" + ledger + "\" and currency "
                    + currency);
            return null;
        }
        String companyCurrency = target.currency() != null ? target.currency() : currency;
        BigDecimal rate = companyCurrency != null && companyCurrency.equals(currency) ? BigDecimal.ONE : null;
        return new PostingHeader(concurId, 1, null, ledger, target.company(), party, currency, companyCurrency, rate,
                postingDate, documentDate, reference, description);
    }

    /** Validated document, or the problems. */
    static BuildResult finish(JournalAssembler a, DocumentKind kind, PostingSource source, PostingHeader header) {
        List<Problem> problems = new ArrayList<>(a.problems());
        if (!problems.isEmpty() || header == null) {
            return new BuildResult(a.documentKey(), null, problems);
        }
        PostingDocument doc = a.document(kind, source, header);
        problems.addAll(PostingValidator.validate(doc));
        return problems.isEmpty() ? new BuildResult(doc.idempotencyKey(), doc, List.of())
                : new BuildResult(doc.idempotencyKey(), null, problems);
    }
}

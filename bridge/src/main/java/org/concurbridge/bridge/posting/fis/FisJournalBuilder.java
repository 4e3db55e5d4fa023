package org.concurbridge.bridge.posting.fis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.DocumentKind;
import org.concurbridge.bridge.posting.JournalAssembler;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.PostingHeader;
import org.concurbridge.bridge.posting.PostingSource;
import org.concurbridge.bridge.posting.PostingValidator;
import org.concurbridge.bridge.posting.Problem;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.fis.CashAdvanceDocument;
import org.concurbridge.client.fis.ExpenseDocument;
import org.concurbridge.client.fis.FisDocument;
import org.concurbridge.client.fis.FisReadResult;
import org.concurbridge.client.fis.InvoiceDocument;

/**
 * Turns FIS v4 financial documents into balanced {@link PostingDocument}s with one connection's mapping. Pure: no
 * I/O, no clock; the same document and mapping always give the same result. Problems name the document key and the
 * field path inside the document ({@code expenseEntry[2].allocation[0].journal[0].journalAccountCode}).
 */
public final class FisJournalBuilder {

    private final PostingMapping mapping;

    public FisJournalBuilder(PostingMapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    public BuildResult build(FisDocument document) {
        Draft draft;
        if (document.document() instanceof ExpenseDocument e) {
            draft = new ExpenseReportPosting(document, e, mapping).build();
        } else if (document.document() instanceof InvoiceDocument i) {
            draft = new InvoicePosting(document, i, mapping).build();
        } else if (document.document() instanceof CashAdvanceDocument c) {
            draft = new CashAdvancePosting(document, c, mapping).build();
        } else {
            throw new IllegalArgumentException("unknown FIS document type " + document.document());
        }
        return draft.finish();
    }

    /**
     * The result for a document the client could not read: its problem names the field relative to the document
     * ({@code report.reportKey}).
     *
     * @param fallbackKey used as the document name when the envelope had no id (e.g. the file name)
     */
    public static BuildResult malformed(FisReadResult.Malformed m, String fallbackKey) {
        String key = m.id() != null ? "fis:" + m.id() : fallbackKey;
        return new BuildResult(key, null, List.of(new Problem(key, documentRelative(m.jsonPath()), m.reason())));
    }

    static String documentRelative(String jsonPath) {
        int i = jsonPath.indexOf(".document.");
        if (i >= 0) {
            return jsonPath.substring(i + ".document.".length());
        }
        if (jsonPath.endsWith(".document")) {
            return "document";
        }
        return jsonPath.startsWith("$.") ? jsonPath.substring(2) : jsonPath.equals("$") ? "" : jsonPath;
    }

    /** What each kind's posting produces before validation. */
    record Draft(DocumentKind kind, PostingSource source, JournalAssembler assembler, PostingHeader header) {

        BuildResult finish() {
            List<Problem> problems = new ArrayList<>(assembler.problems());
            if (!problems.isEmpty() || header == null) {
                return new BuildResult(assembler.documentKey(), null, problems);
            }
            PostingDocument doc = assembler.document(kind, source, header);
            problems.addAll(PostingValidator.validate(doc));
            return problems.isEmpty()
                    ? new BuildResult(doc.idempotencyKey(), doc, List.of())
                    : new BuildResult(doc.idempotencyKey(), null, problems);
        }
    }
}

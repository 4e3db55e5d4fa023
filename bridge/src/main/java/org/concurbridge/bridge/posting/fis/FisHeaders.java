package org.concurbridge.bridge.posting.fis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.concurbridge.bridge.posting.JournalAssembler;
import org.concurbridge.bridge.posting.Party;
import org.concurbridge.bridge.posting.PostingHeader;
import org.concurbridge.bridge.posting.mapping.PostingMapping;

/** Header pieces every FIS kind needs: required fields, the ERP company and currencies. */
final class FisHeaders {

    private FisHeaders() {
    }

    static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The value, or records "required" against the field and returns null. */
    static String require(JournalAssembler a, String field, String value) {
        String v = nonBlank(value);
        if (v == null) {
            a.problem(field, "required");
        }
        return v;
    }

    static LocalDate utcDate(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    static String fullName(String first, String last) {
        String n = ((first == null ? "" : first.trim()) + " " + (last == null ? "" : last.trim())).trim();
        return n.isEmpty() ? null : n;
    }

    /**
     * The header, or null after recording a problem when the company cannot be determined. The company currency is
     * the mapping's (else the document currency); the rate is 1 when they are equal, otherwise unknown (the ERP
     * converts at its own rate).
     */
    static PostingHeader header(JournalAssembler a, String concurCompanyId, String entity, String ledger,
                                String ledgerField,
                                String concurId, int revision, Party party, String currency, LocalDate postingDate,
                                LocalDate documentDate, String reference, String description) {
        PostingMapping mapping = a.mapping();
        Optional<PostingMapping.CompanyTarget> target =
                mapping.company(nonBlank(entity), nonBlank(ledger), nonBlank(currency), nonBlank(concurCompanyId));
        if (target.isEmpty()) {
            a.problem(ledgerField, "no ERP company mapped for Concur entity \"" + entity + "\", ledger \""
                    + ledger + "\" and currency " + currency);
            return null;
        }
        String companyCurrency = target.get().currency() != null ? target.get().currency() : currency;
        BigDecimal rate = companyCurrency != null && companyCurrency.equals(currency) ? BigDecimal.ONE : null;
        return new PostingHeader(concurId, revision, nonBlank(entity), nonBlank(ledger), target.get().company(),
                party, currency, companyCurrency, rate, postingDate, documentDate, reference, description);
    }
}

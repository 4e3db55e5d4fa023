package org.concurbridge.bridge.erp;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A journal entry to post: one accounting document in the ERP.
 *
 * @param idempotencyKey  deterministic key of the source document (FIS document id; SAE batch id + report key);
 *                        posting the same key twice returns the first ERP document and creates nothing
 * @param company         ERP company (legal entity) code
 * @param postingDate     accounting date
 * @param currency        document (transaction) currency, ISO 4217
 * @param companyCurrency the company's (functional) currency, ISO 4217; equal to {@code currency} when no
 *                        conversion applies
 * @param reference       the source document's reference shown to accountants (report id, invoice number)
 * @param description     header text
 * @param lines           at least two lines; debits equal credits in both currencies
 */
public record JournalEntry(String idempotencyKey, String company, LocalDate postingDate, String currency,
                           String companyCurrency, String reference, String description, List<JournalLine> lines) {

    public JournalEntry {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    /** Whether the amounts are in a currency other than the company's. */
    public boolean foreignCurrency() {
        return currency != null && !currency.equals(companyCurrency);
    }
}

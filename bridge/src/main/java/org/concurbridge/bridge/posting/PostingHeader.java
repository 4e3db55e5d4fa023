package org.concurbridge.bridge.posting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The header of a {@link PostingDocument}.
 *
 * @param concurId       the Concur id of the source (report id, invoice request id, cash advance id)
 * @param revision       the Concur revision (a re-approved report comes back with a higher one); 1 when unknown
 * @param concurEntity   Concur entity id (FIS envelope {@code entityId}), or null
 * @param ledger         Concur ledger code, or null
 * @param company        ERP company the document posts into (from the mapping; Concur's ledger code without one)
 * @param party          employee or vendor
 * @param currency       document currency: the currency of every line's debit and credit
 * @param companyCurrency the company's currency; equal to {@code currency} unless the mapping says otherwise
 * @param exchangeRate   document → company currency; 1 when equal, null when the ERP must convert at its own rate
 * @param postingDate    the date to post on; null lets the pipeline use the day it posts
 * @param documentDate   the source's own date (invoice date, submit date, issue date), or null
 * @param reference      the reference printed on the ERP document (report id, vendor invoice number…)
 * @param description    free text (report name, invoice title, advance name)
 */
public record PostingHeader(
        String concurId,
        int revision,
        String concurEntity,
        String ledger,
        String company,
        Party party,
        String currency,
        String companyCurrency,
        BigDecimal exchangeRate,
        LocalDate postingDate,
        LocalDate documentDate,
        String reference,
        String description) {
}

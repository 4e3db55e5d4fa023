package org.concurbridge.client.extract;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The header record ({@code EXTRACT}) of an extract file: its batch and control totals.
 *
 * @param format             SAE or PRAE
 * @param batchId            batch ID (numeric text; SAE up to 13 digits, PRAE up to 20)
 * @param batchDate          batch date
 * @param recordCount        number of detail records announced
 * @param journalAmountTotal sum of the journal amounts announced
 */
public record ExtractHeader(ExtractFormat format, String batchId, LocalDate batchDate, long recordCount,
                            BigDecimal journalAmountTotal) {
}

package org.concurbridge.client.extract;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.List;

/**
 * What the parser found once the whole file was read: the control totals it computed while streaming, how many
 * rows had problems, and the file-level problems. When {@link #fileProblems()} is not empty the file must be held
 * whole: nothing from it may be posted, even rows already read.
 *
 * @param fileName              file (or zip member) name
 * @param header                the header, or null when it could not be read
 * @param charset               the character set the file was decoded with
 * @param charsetSource         how it was chosen: {@code bom}, {@code configured}, {@code detected-utf-8} or
 *                              {@code detected-windows-1252}
 * @param delimiter             the field delimiter used
 * @param detailRecords         detail lines read (including those with problems)
 * @param journalAmountTotal    sum of the journal amounts of the rows whose amount could be read
 * @param rowsWithoutAmount     rows whose journal amount could not be read (their problems were reported); when not
 *                              zero the journal total cannot be verified and {@link #journalTotalVerified()} is false
 * @param journalTotalVerified  true when every amount was read and the sum equals the header's total
 * @param rowProblems           number of row problems reported
 * @param fileProblems          file-level problems; non-empty means "hold the whole file"
 */
public record ExtractSummary(String fileName, ExtractHeader header, Charset charset, String charsetSource,
                             char delimiter, long detailRecords, BigDecimal journalAmountTotal,
                             long rowsWithoutAmount, boolean journalTotalVerified, long rowProblems,
                             List<FileProblem> fileProblems) {

    public ExtractSummary {
        fileProblems = List.copyOf(fileProblems);
    }

    /** True when a file-level problem means that nothing from this file may be posted. */
    public boolean heldWhole() {
        return !fileProblems.isEmpty();
    }
}

package org.concurbridge.sandbox.extract;

import java.math.BigDecimal;
import java.util.List;

/**
 * One generated extract file: its name (the zip member name when several are served together), its text (UTF-8,
 * {@code \n} line ends), the header's true record count and journal amount total, and the documents it holds.
 */
public record ExtractFile(String name, String content, int recordCount, BigDecimal journalTotal,
                          List<ExtractedDocument> documents) {

    @Override
    public String toString() {
        return "ExtractFile[" + name + ", " + recordCount + " records, " + documents.size() + " documents]";
    }
}

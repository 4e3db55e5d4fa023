package org.concurbridge.sandbox.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How a {@link FileFault} changes a file: truncation and broken rows (wrong totals are the writers' header). */
final class FaultyFiles {

    private FaultyFiles() {
    }

    /**
     * A record whose field {@code column} (1-based) holds the delimiter unquoted and ends with a stray quote, as in
     * shared/samples/sae/extract_CES_SAE_v3_testBadQuoteFile.txt: the row has one field too many and bad quoting.
     */
    static String badRecord(String[] fields, int column) {
        List<String> out = new ArrayList<>(Arrays.asList(fields));
        String raw = fields[column - 1] + " " + Delimited.DELIMITER + " BROKEN\"";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            if (i > 0) {
                sb.append(Delimited.DELIMITER);
            }
            sb.append(i == column - 1 ? raw : Delimited.quote(out.get(i)));
        }
        return sb.append('\n').toString();
    }

    /** Header + records; a TRUNCATED fault cuts the result in the middle of a record after the header. */
    static String assemble(String header, List<String> records, FileFault fault) {
        StringBuilder sb = new StringBuilder(header);
        records.forEach(sb::append);
        if (fault == null || fault.kind() != FileFault.Kind.TRUNCATED || records.isEmpty()) {
            return sb.toString();
        }
        int cut = header.length() + (sb.length() - header.length()) * 2 / 3;
        while (cut > header.length() + 1 && (sb.charAt(cut - 1) == '\n' || sb.charAt(cut) == '\n')) {
            cut--;
        }
        return sb.substring(0, cut);
    }
}

package org.concurbridge.client.extract;

/**
 * The file as a whole cannot be trusted and must be held whole: nothing from it is posted.
 *
 * @param fileName the file (or zip member) name
 * @param kind     what kind of file-level failure
 * @param line       1-based line where it was detected: the header (line 1) for its own fields and for the control
 *                   totals it announces, the offending line for a second header, a line too long or an unfinished
 *                   last line; 0 only for a zip archive's content (no line of any file)
 * @param column     1-based field of that line (the header field for the control totals: Record_Count,
 *                   Journal Amount Total), 0 when the whole line is concerned
 * @param columnName the specification's name of that field, or null for column 0
 * @param message    what is wrong
 * @param expected the value the header announced (control totals), or null
 * @param actual   the value found in the file (control totals), or null
 */
public record FileProblem(String fileName, Kind kind, long line, int column, String columnName, String message,
                          String expected, String actual) implements ExtractProblem {

    /** A problem of a whole line (column 0). */
    public FileProblem(String fileName, Kind kind, long line, String message, String expected, String actual) {
        this(fileName, kind, line, 0, null, message, expected, actual);
    }

    /** The kinds of file-level failure. */
    public enum Kind {
        /** Missing, empty or unreadable header record, or a header that contradicts the configured delimiter. */
        BAD_HEADER,
        /** A second {@code EXTRACT} record after line 1 (two files concatenated?). */
        SECOND_HEADER,
        /** A file in an encoding the parser does not read (UTF-16). */
        ENCODING,
        /** A line longer than the configured maximum (a runaway quote or a binary file). */
        LINE_TOO_LONG,
        /** The file ends in the middle of a record, or before the announced number of records. */
        TRUNCATED,
        /** The number of detail records differs from the header's Record_Count. */
        RECORD_COUNT_MISMATCH,
        /** The sum of the journal amounts differs from the header's Journal Amount Total. */
        JOURNAL_TOTAL_MISMATCH,
        /** A zip delivery that is unreadable, empty, or holds members that are not extract files. */
        ZIP_CONTENT
    }

    @Override
    public String describe() {
        return fileName + (line > 0 ? " line " + line : "") + (column > 0 ? " column " + column
                + (columnName == null ? "" : " (" + columnName + ")") : "") + " [" + kind + "]: " + message
                + (expected != null ? " (expected " + expected + ", actual " + actual + ")" : "");
    }
}

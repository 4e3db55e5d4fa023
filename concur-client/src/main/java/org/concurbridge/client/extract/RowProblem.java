package org.concurbridge.client.extract;

/**
 * A detail line that cannot be used: a quoting error, a wrong number of fields, or a value that does not convert
 * to its column's type.
 *
 * @param fileName   the file (or zip member) name
 * @param line       1-based physical line number
 * @param column     1-based field index of the offending value; 0 when the whole line is concerned
 * @param columnName the specification's name of that column
 * @param reportKey  the row's report key (SAE column 20) or request key (PRAE column 2) when it could be read
 *                   before the problem, so that the caller can quarantine exactly that report; null otherwise
 * @param rawLine    the line as read, truncated for display to {@value ExtractProblem#MAX_RAW_LINE} characters
 * @param message    what is wrong
 */
public record RowProblem(String fileName, long line, int column, String columnName, String reportKey,
                         String rawLine, String message) implements ExtractProblem {

    public RowProblem {
        rawLine = ExtractProblem.truncate(rawLine);
    }

    @Override
    public String describe() {
        return fileName + " line " + line + (column > 0 ? " column " + column + " (" + columnName + ")" : "")
                + (reportKey != null ? " report " + reportKey : "") + ": " + message;
    }
}

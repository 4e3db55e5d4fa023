package org.concurbridge.client.extract;

/**
 * Something wrong in an extract file, classified once by the parser into one of two kinds:
 * <ul>
 *   <li>{@link RowProblem}: one detail line cannot be used. The stream goes on; the caller quarantines the report
 *       named by {@link RowProblem#reportKey()} (or holds the whole file when the key could not be read, or when it
 *       is configured to hold files with bad rows).</li>
 *   <li>{@link FileProblem}: the file as a whole cannot be trusted (bad header, truncated, control totals that do
 *       not match, undecodable bytes). The file must be held whole: nothing from it is posted.</li>
 * </ul>
 */
public sealed interface ExtractProblem permits RowProblem, FileProblem {

    /** Name of the file (or zip member) as given to the parser. */
    String fileName();

    /** 1-based physical line number; 0 when the problem concerns the file as a whole. */
    long line();

    /** What is wrong, in words an operator understands. */
    String message();

    /** One line for logs and the CLI: file, line, column, message. */
    String describe();

    /** Longest raw line kept in a problem, for display. */
    int MAX_RAW_LINE = 300;

    static String truncate(String rawLine) {
        if (rawLine == null || rawLine.length() <= MAX_RAW_LINE) {
            return rawLine;
        }
        return rawLine.substring(0, MAX_RAW_LINE) + "…(" + (rawLine.length() - MAX_RAW_LINE) + " more characters)";
    }
}

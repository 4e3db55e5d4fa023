package org.concurbridge.bridge.erp;

/**
 * One problem with a journal entry. {@code line} is the 1-based line number, or 0 for the header;
 * {@code field} names the field ({@code account}, {@code costObject}, {@code partner}, {@code amount}, ...);
 * {@code value} is the offending value as the entry carried it (may be null).
 */
public record ValidationProblem(int line, String field, String value, String message) {

    public static ValidationProblem header(String field, String value, String message) {
        return new ValidationProblem(0, field, value, message);
    }

    public static ValidationProblem line(int line, String field, String value, String message) {
        return new ValidationProblem(line, field, value, message);
    }

    @Override
    public String toString() {
        return (line == 0 ? "header" : "line " + line) + " " + field
                + (value == null ? "" : " '" + value + "'") + ": " + message;
    }
}

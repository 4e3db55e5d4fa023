package org.concurbridge.sandbox.lists;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.lists.ListError.Violation;

/**
 * One v4 query filter {@code <field>=<op>:<value>} ({@code op} optional, default {@code eq}). Text operators
 * {@code eq}, {@code not}, {@code sw}, {@code ew}, {@code cp} (contains) compare ignoring case; number operators
 * {@code eq}, {@code gt}, {@code gte}, {@code lt}, {@code lte}. An operator the field does not take is a 400
 * validation error.
 */
record Filter(String field, String op, String value) {

    static final Set<String> TEXT_OPS = Set.of("eq", "not", "sw", "ew", "cp");
    static final Set<String> NUMBER_OPS = Set.of("eq", "gt", "gte", "lt", "lte");
    private static final Pattern OP = Pattern.compile("^(eq|not|sw|ew|cp|gt|gte|lt|lte):(.*)$", Pattern.DOTALL);

    /** The filter on {@code field} of this request, or null when absent. */
    static Filter parse(SandboxExchange ex, String field, Set<String> allowed) {
        String raw = ex.ctx().queryParam(field);
        if (raw == null) {
            return null;
        }
        Matcher m = OP.matcher(raw);
        String op = m.matches() ? m.group(1) : "eq";
        String value = m.matches() ? m.group(2) : raw;
        if (!allowed.contains(op)) {
            throw ListError.validation(List.of(new Violation(field, "operator '" + op
                    + "' is not supported; use one of " + String.join(", ", allowed.stream().sorted().toList()))));
        }
        return new Filter(field, op, value);
    }

    boolean matches(String actual) {
        if (actual == null) {
            return "not".equals(op);
        }
        String a = actual.toLowerCase(Locale.ROOT);
        String v = value.toLowerCase(Locale.ROOT);
        return switch (op) {
            case "eq" -> a.equals(v);
            case "not" -> !a.equals(v);
            case "sw" -> a.startsWith(v);
            case "ew" -> a.endsWith(v);
            case "cp" -> a.contains(v);
            default -> false;
        };
    }

    boolean bool() {
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw ListError.validation(List.of(new Violation(field, "must be true or false")));
    }

    int number() {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ListError.validation(List.of(new Violation(field, "must be a whole number")));
        }
    }

    boolean compare(int actual, int wanted) {
        return switch (op) {
            case "eq" -> actual == wanted;
            case "gt" -> actual > wanted;
            case "gte" -> actual >= wanted;
            case "lt" -> actual < wanted;
            case "lte" -> actual <= wanted;
            default -> false;
        };
    }
}

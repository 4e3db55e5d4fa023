package org.concurbridge.sandbox.lists;

import java.util.List;

/**
 * A refusal by the list service: the HTTP status, the documented {@code error.id} and message, and for a request
 * validation error the {@code validationErrors}. The HTTP layer renders it as the List v4 ErrorMessage (or, for a
 * bulk part, as a BulkListItemError; for List Item v3 as the classic error body).
 */
public final class ListError extends RuntimeException {

    /** One entry of {@code validationErrors}. */
    public record Violation(String source, String message) {
    }

    private final int status;
    private final String id;
    private final transient List<Violation> violations;

    ListError(int status, String id, String message, List<Violation> violations) {
        super(message, null, false, false);
        this.status = status;
        this.id = id;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    static ListError of(int status, String id, String message) {
        return new ListError(status, id, message, List.of());
    }

    static ListError validation(List<Violation> violations) {
        return new ListError(400, ListErrors.VALIDATION, "Please check your request parameter", violations);
    }

    public int status() {
        return status;
    }

    public String id() {
        return id;
    }

    public List<Violation> violations() {
        return violations;
    }
}

package org.concurbridge.bridge.posting.mapping;

/** One invalid field of a mapping: its path ({@code offsets.EMPL.account}) and what is wrong with it. */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}

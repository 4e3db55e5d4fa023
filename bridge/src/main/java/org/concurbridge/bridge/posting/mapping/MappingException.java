package org.concurbridge.bridge.posting.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** A mapping that cannot be used, with every field error found (not only the first). */
public final class MappingException extends RuntimeException {

    private final List<FieldError> errors;

    public MappingException(String source, List<FieldError> errors) {
        super("invalid posting mapping" + (source == null ? "" : " " + source) + ": "
                + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

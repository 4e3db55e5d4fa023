package org.concurbridge.bridge.masterdata.mapping;

import org.concurbridge.bridge.posting.mapping.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/** A master-data mapping that cannot be used, with every field error found (not only the first). */
public final class MasterDataMappingException extends IllegalArgumentException {
    private final transient List<FieldError> errors;

    public MasterDataMappingException(String source, List<FieldError> errors) {
        super("invalid master-data mapping" + (source == null ? "" : " " + source) + ": "
                + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

package org.concurbridge.client.lists;

import java.util.Objects;

/**
 * A List v4 {@code ListUpdate} (PUT): {@code name} (required, sent as {@code value}); {@code managed} null leaves the
 * managed state as it is, {@code true} claims the list, {@code false} releases it. Null members are not sent.
 */
public record ListUpdate(String name, String searchCriteria, String displayFormat, Boolean managed) {
    public ListUpdate {
        Objects.requireNonNull(name, "name");
    }
}

package org.concurbridge.client.lists;

import java.util.Objects;

/**
 * A List v4 {@code ListRequest} (POST): {@code name} (required, sent as {@code value}), {@code searchCriteria}
 * ({@code TEXT}|{@code CODE}), {@code displayFormat} ({@code (CODE) TEXT}|{@code TEXT (CODE)}), {@code categoryId}
 * (uuid), {@code managed} ({@code isManaged}). Null members are not sent.
 */
public record NewList(String name, String searchCriteria, String displayFormat, String categoryId, boolean managed) {
    public NewList {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a list name must not be blank");
        }
    }
}

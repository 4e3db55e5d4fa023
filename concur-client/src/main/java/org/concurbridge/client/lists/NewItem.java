package org.concurbridge.client.lists;

import java.util.Objects;

/**
 * A List Item v4 {@code ListItemCreate}: {@code listId}, {@code shortCode}, {@code value} required; a child names its
 * parent by {@code parentId} (uuid) or {@code parentCode} (the parent's long code). Null members are not sent.
 */
public record NewItem(String listId, String shortCode, String value, String parentId, String parentCode) {
    public NewItem {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(shortCode, "shortCode");
        Objects.requireNonNull(value, "value");
    }

    public static NewItem topLevel(String listId, String shortCode, String value) {
        return new NewItem(listId, shortCode, value, null, null);
    }

    public static NewItem underCode(String listId, String parentCode, String shortCode, String value) {
        return new NewItem(listId, shortCode, value, null, parentCode);
    }
}

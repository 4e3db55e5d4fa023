package org.concurbridge.client.lists;

import java.util.List;
import java.util.Optional;

/**
 * A List Item v4 item: {@code code} is the long code ({@code parent-child}), {@code shortCode} its own code,
 * {@code value} its name, {@code parentId} null on level 1; {@code lists} the lists it belongs to (when not
 * {@code deleted}: only those where it is not deleted); {@code deleted} only when deleted from all lists.
 */
public record ListItem(String id, String code, String shortCode, String value, String parentId, int level,
                       List<ItemList> lists, boolean deleted) {

    public ListItem {
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    /** This item's membership of {@code listId}, when it has one. */
    public Optional<ItemList> in(String listId) {
        return lists.stream().filter(l -> l.listId().equals(listId)).findFirst();
    }
}

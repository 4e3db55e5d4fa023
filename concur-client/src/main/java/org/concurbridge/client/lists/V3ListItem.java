package org.concurbridge.client.lists;

import java.util.List;

/**
 * A List Item v3 item ({@code ListItemGet}): {@code levelCodes} are {@code Level1Code}… in order, up to the last
 * non-empty one ({@code Level1Code} always present); {@code parentId} null when empty.
 */
public record V3ListItem(String id, String listId, String name, String parentId, List<String> levelCodes, String uri) {
    public V3ListItem {
        levelCodes = List.copyOf(levelCodes);
    }

    /** The item's own code: its deepest level code. */
    public String code() {
        return levelCodes.isEmpty() ? null : levelCodes.get(levelCodes.size() - 1);
    }

    /** The v4 long code equivalent: the level codes joined by {@code -}. */
    public String longCode() {
        return String.join("-", levelCodes);
    }
}

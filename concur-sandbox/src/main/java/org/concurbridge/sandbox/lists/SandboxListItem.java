package org.concurbridge.sandbox.lists;

import java.util.List;

/**
 * An item of one list as the sandbox holds it (Java and admin API): {@code code} is the long code
 * ({@code parentCode-shortCode}); {@code deletedInList} = deleted from this list; {@code deleted} = deleted from
 * every list it was in (the API's {@code isDeleted}); {@code lists} = the lists it is still live in.
 */
public record SandboxListItem(String id, String listId, String code, String shortCode, String value, String parentId,
                              String parentCode, int level, boolean deletedInList, boolean deleted,
                              List<String> lists) {
}

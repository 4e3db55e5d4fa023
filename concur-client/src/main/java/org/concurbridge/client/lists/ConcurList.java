package org.concurbridge.client.lists;

/**
 * A List v4 list ({@code ListResponse}): {@code name} is Concur's {@code value}; {@code managedBy} is
 * {@code appId:<uuid>}, {@code service:<id>} or null.
 */
public record ConcurList(String id, String name, int levelCount, String searchCriteria, String displayFormat,
                         String categoryId, String categoryType, boolean readOnly, boolean deleted, String managedBy) {

    /** Whether some app or service manages the list (only it may change the list and its items). */
    public boolean managed() {
        return managedBy != null && !managedBy.isBlank();
    }
}

package org.concurbridge.sandbox.lists;

/**
 * A list as the sandbox holds it (Java and admin API; not an API payload). {@code items} counts every item ever in
 * the list, {@code liveItems} those not deleted from it. {@code createdOnStandard}: created through the API by a
 * Standard Edition company, which the docs call "not supported" (such a list cannot be attached to a field).
 */
public record SandboxList(String id, String companyUuid, String name, int levelCount, String searchCriteria,
                          String displayFormat, String categoryId, String categoryType, boolean readOnly,
                          boolean deleted, String managedBy, Integer externalThreshold, boolean createdOnStandard,
                          int items, int liveItems) {
}

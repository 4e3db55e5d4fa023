package org.concurbridge.sandbox.lists;

import java.util.Objects;

/**
 * A list a customer already has (made in the UI, or by another app when {@code managedBy} is set), for
 * {@link Lists#seedList(String, SeedList)}. {@code categoryType} {@code Normal} (default), {@code Vendor} or
 * {@code Configuration}; {@code categoryId} puts it into an existing category of the company (null = a new one).
 */
public record SeedList(String name, int levelCount, String searchCriteria, String displayFormat, String categoryId,
                       String categoryType, String managedBy, boolean readOnly, Integer externalThreshold) {

    public SeedList {
        Objects.requireNonNull(name, "name");
        if (levelCount < 1 || levelCount > ListStore.MAX_LEVELS) {
            throw new IllegalArgumentException("levelCount must be 1.." + ListStore.MAX_LEVELS + " (got " + levelCount
                    + ")");
        }
        searchCriteria = searchCriteria == null ? "TEXT" : searchCriteria;
        displayFormat = displayFormat == null ? "(CODE) TEXT" : displayFormat;
        categoryType = categoryType == null ? "Normal" : categoryType;
    }

    /** A plain list: Normal category, searched by text, shown {@code (CODE) TEXT}, not managed. */
    public static SeedList of(String name, int levelCount) {
        return new SeedList(name, levelCount, null, null, null, null, null, false, null);
    }

    /** The same list, managed by {@code managedBy} ({@code appId:<uuid>} or {@code service:<id>}). */
    public SeedList managedBy(String by) {
        return new SeedList(name, levelCount, searchCriteria, displayFormat, categoryId, categoryType, by, readOnly,
                externalThreshold);
    }

    public SeedList category(String type) {
        return new SeedList(name, levelCount, searchCriteria, displayFormat, categoryId, type, managedBy, readOnly,
                externalThreshold);
    }
}

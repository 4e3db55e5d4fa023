package org.concurbridge.client.lists;

/**
 * A create part of List Item Bulk v4: {@code shortCode}, {@code value} and the parent's long code {@code parentCode}
 * (null on level 1).
 */
public record BulkCreate(String shortCode, String value, String parentCode) {

    /**
     * The long code the item gets by the documented rule: {@code parentCode + "-" + shortCode}, or {@code shortCode}
     * on level 1 (never guessed from other parts of the request).
     */
    public String code() {
        return parentCode == null || parentCode.isEmpty() ? shortCode : parentCode + "-" + shortCode;
    }
}

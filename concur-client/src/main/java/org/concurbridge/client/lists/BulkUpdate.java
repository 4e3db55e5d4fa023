package org.concurbridge.client.lists;

/**
 * An update/delete part of List Item Bulk v4 by long {@code code}: a new {@code value} (null: not sent), or
 * {@code deleted} true to delete the item (and, in a connected list, its children).
 */
public record BulkUpdate(String code, String value, boolean deleted) {

    public static BulkUpdate rename(String code, String value) {
        return new BulkUpdate(code, value, false);
    }

    public static BulkUpdate delete(String code) {
        return new BulkUpdate(code, null, true);
    }
}

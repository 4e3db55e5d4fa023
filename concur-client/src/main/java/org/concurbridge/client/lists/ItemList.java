package org.concurbridge.client.lists;

/** A list an item belongs to ({@code lists[].id}) and whether the item has children there. */
public record ItemList(String listId, boolean hasChildren) {
}

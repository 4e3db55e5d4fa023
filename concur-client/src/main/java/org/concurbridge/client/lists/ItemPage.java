package org.concurbridge.client.lists;

import java.util.List;

/** A page of list items: {@code number} is 1-based; pages hold 100 (fixed by Concur). */
public record ItemPage(List<ListItem> content, int number, int totalPages, long totalElements) {
    public ItemPage {
        content = List.copyOf(content);
    }
}

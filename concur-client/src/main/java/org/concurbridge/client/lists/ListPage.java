package org.concurbridge.client.lists;

import java.util.List;

/** A page of lists: {@code number} is 1-based; pages hold 100 (fixed by Concur). */
public record ListPage(List<ConcurList> content, int number, int totalPages, long totalElements) {
    public ListPage {
        content = List.copyOf(content);
    }
}

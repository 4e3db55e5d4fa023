package org.concurbridge.client.lists;

import java.util.List;

/** A v3 collection page: its {@code Items} and the {@code NextPage} URI as Concur sent it (null on the last page). */
public record V3Page<T>(List<T> items, String nextPage) {
    public V3Page {
        items = List.copyOf(items);
    }
}

package org.concurbridge.bridge.erp;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A lazy stream over a paged change read, fetching the next page only when the previous one is consumed. */
public final class MasterDataStreams {

    /** One page read: {@code ErpMasterData::suppliers} and its siblings. */
    @FunctionalInterface
    public interface PageReader<T> {
        List<Changed<T>> read(Checkpoint after, int limit);
    }

    private MasterDataStreams() {
    }

    /** Every change after {@code from}, page by page; memory holds at most one page. */
    public static <T> Stream<Changed<T>> stream(PageReader<T> reader, Checkpoint from, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        Iterator<Changed<T>> it = new Iterator<>() {
            private Checkpoint after = from;
            private Iterator<Changed<T>> page = List.<Changed<T>>of().iterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !exhausted) {
                    List<Changed<T>> next = reader.read(after, pageSize);
                    exhausted = next.size() < pageSize;
                    if (!next.isEmpty()) {
                        after = next.get(next.size() - 1).checkpoint();
                    }
                    page = next.iterator();
                }
                return page.hasNext();
            }

            @Override
            public Changed<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }
}

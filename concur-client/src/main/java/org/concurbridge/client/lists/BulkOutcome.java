package org.concurbridge.client.lists;

import java.util.List;

/** One result per request part, in request order, and the number of HTTP calls made. */
public record BulkOutcome(List<PartResult> parts, int calls) {

    public BulkOutcome {
        parts = List.copyOf(parts);
    }

    public int succeeded() {
        return (int) parts.stream().filter(PartResult::ok).count();
    }

    public int failed() {
        return parts.size() - succeeded();
    }
}

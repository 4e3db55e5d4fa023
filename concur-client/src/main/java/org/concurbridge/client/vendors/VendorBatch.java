package org.concurbridge.client.vendors;

import java.util.List;

/** One status per record sent, in request order, and the number of HTTP calls made. */
public record VendorBatch(List<VendorStatus> statuses, int calls) {

    public VendorBatch {
        statuses = List.copyOf(statuses);
    }

    public int succeeded() {
        return (int) statuses.stream().filter(VendorStatus::ok).count();
    }

    public int failed() {
        return statuses.size() - succeeded();
    }
}

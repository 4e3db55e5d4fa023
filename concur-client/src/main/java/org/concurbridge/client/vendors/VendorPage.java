package org.concurbridge.client.vendors;

import java.util.List;

/** A page of vendors, the {@code NextPage} URI as Concur sent it (null on the last page) and {@code TotalCount}. */
public record VendorPage(List<Vendor> vendors, String nextPage, Integer totalCount) {
    public VendorPage {
        vendors = List.copyOf(vendors);
    }
}

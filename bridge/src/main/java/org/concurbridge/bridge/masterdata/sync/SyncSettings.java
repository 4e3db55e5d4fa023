package org.concurbridge.bridge.masterdata.sync;

import java.time.Duration;

/**
 * How the sync engines run ({@code bridge.masterdata.*}).
 *
 * @param erpPageSize         ERP records per change-stream read
 * @param fullCompareInterval how often the ERP is read in full to find records removed from it
 * @param retryBackoff        first wait before a failed item is tried again; doubles per attempt
 * @param maxBackoff          longest wait between two attempts of one item
 * @param unavailableRecheck  how often vendors are re-checked for a company without Concur Invoice
 */
public record SyncSettings(int erpPageSize, Duration fullCompareInterval, Duration retryBackoff, Duration maxBackoff,
                           Duration unavailableRecheck) {
    public static final SyncSettings DEFAULTS = new SyncSettings(500, Duration.ofDays(1), Duration.ofHours(1),
            Duration.ofDays(1), Duration.ofDays(1));
}

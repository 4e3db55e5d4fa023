package org.concurbridge.bridge.connect;

import java.time.Duration;

/** How often the connection-keeping jobs run. */
public record JobIntervals(Duration tokenRefresh, Duration profileRefresh) {
}

package org.concurbridge.client;

import java.time.Duration;

/**
 * Waits between retries. Production uses {@link #system()}; tests inject a recording sleeper and assert the exact
 * waits without sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Blocks the calling thread ({@link Thread#sleep(long)}). */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}

package org.concurbridge.sandbox.faults;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Holds matching requests before their endpoint until the test lets them through, one {@link #release()} per request
 * (or all with {@link #open()}): a test can stop a caller at an exact point instead of hoping a delay is long enough.
 * A request held longer than {@link #MAX_HOLD} goes on by itself. Installed with {@link Faults#hold}; removed, and
 * opened, by {@link Faults#clear()}.
 */
public final class Gate {
    /** The longest a request waits for its release. */
    public static final Duration MAX_HOLD = Duration.ofSeconds(60);

    private final String method;
    private final Pattern path;
    private final Semaphore permits = new Semaphore(0);
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean open;

    Gate(String method, String pathPattern) {
        this.method = method == null || method.isBlank() ? "*" : method.trim();
        this.path = Faults.compile(pathPattern);
    }

    boolean matches(String requestMethod, String requestPath) {
        return ("*".equals(method) || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).matches();
    }

    /** Blocks the calling request until released, opened, or {@link #MAX_HOLD} passed. */
    void pass() {
        if (open) {
            return;
        }
        waiting.incrementAndGet();
        try {
            permits.tryAcquire(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Requests held at the gate now. */
    public int waiting() {
        return waiting.get();
    }

    /** Lets one held (or the next) request through. */
    public void release() {
        permits.release();
    }

    /** Lets every request through from now on. */
    public void open() {
        open = true;
        permits.release(Integer.MAX_VALUE / 2);
    }
}

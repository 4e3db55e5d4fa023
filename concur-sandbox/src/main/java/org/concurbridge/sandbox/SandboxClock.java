package org.concurbridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's settable clock: a base clock plus an offset that tests (or the admin API) move forward with
 * {@link #advance(Duration)} or pin with {@link #set(Instant)}. Every lifetime in the sandbox (request tokens,
 * access tokens, refresh tokens) is measured on this clock. Thread-safe.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    private SandboxClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Follows the system clock (UTC), shifted by whatever has been advanced or set. */
    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
    }

    /** Stands still at {@code start} until advanced or set. */
    public static SandboxClock fixed(Instant start) {
        return new SandboxClock(Clock.fixed(start, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO));
    }

    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        offset.accumulateAndGet(duration, Duration::plus);
    }

    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        offset.set(Duration.between(base.instant(), instant));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** A view in another zone that shares this clock's offset (advancing one advances both). */
    @Override
    public Clock withZone(ZoneId zone) {
        return new SandboxClock(base.withZone(zone), offset);
    }

    @Override
    public String toString() {
        return "SandboxClock[" + instant() + "]";
    }
}

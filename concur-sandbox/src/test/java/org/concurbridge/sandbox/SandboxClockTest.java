package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SandboxClockTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void fixedClockMovesOnlyWhenAdvancedOrSet() {
        SandboxClock clock = SandboxClock.fixed(T0);
        assertThat(clock.instant()).isEqualTo(T0);
        clock.advance(Duration.ofHours(25));
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(25)));
        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void systemClockCanBeShiftedIntoTheFuture() {
        SandboxClock clock = SandboxClock.system();
        Instant before = Instant.now();
        clock.advance(Duration.ofDays(200));
        assertThat(clock.instant()).isAfterOrEqualTo(before.plus(Duration.ofDays(200)));
    }

    @Test
    void zonedViewSharesTheOffset() {
        SandboxClock clock = SandboxClock.fixed(T0);
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(paris.instant()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }
}

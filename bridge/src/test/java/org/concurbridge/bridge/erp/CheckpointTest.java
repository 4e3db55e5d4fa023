package org.concurbridge.bridge.erp;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointTest {

    @Test
    void encodesAndParsesBackWithMicroseconds() {
        Checkpoint c = new Checkpoint(Instant.parse("2026-11-30T10:15:30.123456Z"), 42);
        assertThat(c.encode()).isEqualTo("2026-11-30T10:15:30.123456Z/42");
        assertThat(Checkpoint.parse(c.encode())).isEqualTo(c);
    }

    @Test
    void ordersByTimeThenId() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(new Checkpoint(t, 2)).isGreaterThan(new Checkpoint(t, 1));
        assertThat(new Checkpoint(t.plusNanos(1000), 1)).isGreaterThan(new Checkpoint(t, 2));
        assertThat(Checkpoint.START).isLessThan(new Checkpoint(t, 0));
    }

    @Test
    void rejectsTextThatIsNotACheckpointNamingIt() {
        assertThatThrownBy(() -> Checkpoint.parse("yesterday")).hasMessageContaining("'yesterday'");
        assertThatThrownBy(() -> Checkpoint.parse("2026-01-01T00:00:00Z/x")).hasMessageContaining("<instant>/<id>");
    }
}

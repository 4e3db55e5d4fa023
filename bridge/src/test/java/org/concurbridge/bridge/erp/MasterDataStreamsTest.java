package org.concurbridge.bridge.erp;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterDataStreamsTest {

    private final Instant t = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Changed<String>> rows = List.of(
            new Changed<>("a", new Checkpoint(t, 1)), new Changed<>("b", new Checkpoint(t, 2)),
            new Changed<>("c", new Checkpoint(t, 3)), new Changed<>("d", new Checkpoint(t.plusSeconds(1), 1)),
            new Changed<>("e", new Checkpoint(t.plusSeconds(2), 9)));
    private final List<Checkpoint> reads = new ArrayList<>();

    private List<Changed<String>> page(Checkpoint after, int limit) {
        reads.add(after);
        return rows.stream().filter(r -> r.checkpoint().compareTo(after) > 0).limit(limit).toList();
    }

    @Test
    void readsPageAfterPageFromTheLastCheckpointOfEachPage() {
        assertThat(MasterDataStreams.stream(this::page, Checkpoint.START, 2).map(Changed::value))
                .containsExactly("a", "b", "c", "d", "e");
        assertThat(reads).containsExactly(Checkpoint.START, new Checkpoint(t, 2), new Checkpoint(t.plusSeconds(1), 1));
    }

    @Test
    void fetchesOnlyThePagesThatAreConsumed() {
        assertThat(MasterDataStreams.stream(this::page, Checkpoint.START, 2).limit(2).map(Changed::value))
                .containsExactly("a", "b");
        assertThat(reads).hasSize(1);
    }

    @Test
    void resumesAfterAGivenCheckpoint() {
        assertThat(MasterDataStreams.stream(this::page, new Checkpoint(t, 2), 10).map(Changed::value))
                .containsExactly("c", "d", "e");
        assertThatThrownBy(() -> MasterDataStreams.stream(this::page, Checkpoint.START, 0))
                .hasMessageContaining("pageSize");
    }
}

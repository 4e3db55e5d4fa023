package org.concurbridge.bridge.masterdata.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench list-sync} on tiny sizes: every phase runs and checks what the sandbox holds (it throws otherwise), the
 * figures are printed one {@code key=value} per line, a resync with nothing changed writes nothing, and the wall
 * time is never below the bound (every Concur call waits the simulated latency, one call at a time).
 */
class ListSyncBenchIT {

    @Test
    void tinyRunPrintsEveryFigureAndANothingChangedResyncWritesNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ListSyncBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new ListSyncBench.Options(600, 250, Duration.ofMillis(5), 0.02, List.of(200, 400)));
        String text = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        Map<String, String> f = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            assertThat(eq).as("key=value: " + line).isPositive();
            f.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
        assertThat(f.get("list-sync.items")).isEqualTo("600");
        assertThat(f.get("lists.first-load.created")).isEqualTo("600");
        assertThat(f.get("lists.resync-changed.updated")).isEqualTo("12");
        assertThat(f.get("lists.resync-unchanged.concur-writes")).isEqualTo("0");
        assertThat(f.get("vendors.first-load.created")).isEqualTo("250");
        assertThat(f.get("vendors.resync-changed.updated")).isEqualTo("5");
        assertThat(f.get("vendors.resync-unchanged.concur-writes")).isEqualTo("0");
        assertThat(f).containsKeys("lists.first-load.heap-after-gc-mb.read-200", "lists.first-load.heap-after-gc-mb.pushed-400",
                "lists.first-load.calls-ratio", "lists.first-load.store-statement-seconds",
                "lists.first-load.process-cpu-seconds");
        for (String phase : List.of("lists.first-load", "lists.resync-changed", "vendors.first-load")) {
            assertThat(Double.parseDouble(f.get(phase + ".time-ratio"))).as(phase).isGreaterThanOrEqualTo(1.0);
            assertThat(Integer.parseInt(f.get(phase + ".concur-calls")))
                    .isGreaterThanOrEqualTo(Integer.parseInt(f.get(phase + ".minimum-calls")));
        }
    }
}

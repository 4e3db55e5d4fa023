package org.concurbridge.bridge.posting.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark end to end on a few documents, with the sandbox in a JVM of its own and in this one: every document
 * confirmed (the run checks it and throws otherwise), the figures printed, and the wall time never below the bound
 * (every FIS call waits the simulated latency, one call at a time).
 */
class FisPostingBenchIT {
    private static final Pattern LINE = Pattern.compile("fis-posting documents=(\\d+) seconds=([\\d.]+)"
            + " concur-calls=(\\d+) erp-calls=(\\d+) lower-bound-seconds=([\\d.]+) ratio=([\\d.]+)"
            + " heap-before-mb=\\d+ peak-heap-mb=\\d+ heap-after-gc-mb=\\d+");

    @Test
    void withTheSandboxInItsOwnProcessEveryDocumentIsConfirmedAndTheRatioIsPrinted() {
        assertRun(FisPostingBench.Where.PROCESS);
    }

    @Test
    void withTheSandboxInProcessEveryDocumentIsConfirmedAndTheRatioIsPrinted() {
        assertRun(FisPostingBench.Where.IN_PROCESS);
    }

    private static void assertRun(FisPostingBench.Where where) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FisPostingBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), new FisPostingBench.Options(150,
                List.of(), Duration.ofMillis(10), 50, where));
        String out = bytes.toString(StandardCharsets.UTF_8);
        Matcher m = LINE.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(150);
        // 150 documents in pages of 50: per page one read, one acknowledgement, one confirmation; an empty read per
        // document type at the end
        assertThat(Integer.parseInt(m.group(3))).isGreaterThanOrEqualTo(3 * 3 + 3);
        assertThat(Double.parseDouble(m.group(5))).isEqualTo(Integer.parseInt(m.group(3)) * 0.010,
                org.assertj.core.data.Offset.offset(0.006));
        assertThat(Double.parseDouble(m.group(6))).isGreaterThanOrEqualTo(1.0);
    }
}

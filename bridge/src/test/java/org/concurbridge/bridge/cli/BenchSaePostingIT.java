package org.concurbridge.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code bench sae-posting} runs end to end on a small file and prints its figures as key=value. */
class BenchSaePostingIT {

    @Test
    void saePostingPostsEveryReportOfTheGeneratedFileAndPrintsItsFigures() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = BridgeCli.commandLine().execute("bench", "sae-posting", "--reports", "120", "--h2");
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        assertThat(text).contains("sae-posting: reports=120 database=h2");
        assertThat(value(text, "sae-posting reports")).isEqualTo(120);
        // the generated mix books about four ERP lines per report
        assertThat(value(text, "journal-lines")).isBetween(3 * 120L, 6 * 120L);
        assertThat(text).containsPattern("journals/s=\\d+ lines/s=\\d+ peak-heap-mb=\\d+")
                .containsPattern("baseline=sql-adapter-postAll-of-the-same-entries seconds=[0-9.]+ lines/s=\\d+"
                        + " ratio=[0-9.]+");
    }

    private static long value(String text, String key) {
        Matcher m = Pattern.compile(Pattern.quote(key) + "=(\\d+)").matcher(text);
        assertThat(m.find()).as(key + " in " + text).isTrue();
        return Long.parseLong(m.group(1));
    }
}

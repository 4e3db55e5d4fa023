package org.concurbridge.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code erp-bridge preview --format sae|prae FILE}: the FIS preview's JSON plus the header's batch id, record count
 * and control total; parse errors with line, column and message; exit 2 when anything is wrong. Run on the real SAE
 * samples in {@code shared/samples/sae}.
 */
class PreviewExtractCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Run(int exit, JsonNode out, String text) {
    }

    private static Run preview(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            List<String> all = new ArrayList<>(List.of("preview"));
            all.addAll(List.of(args));
            int exit = BridgeCli.commandLine().execute(all.toArray(String[]::new));
            String text = out.toString(StandardCharsets.UTF_8);
            // the JSON document only: log lines of other tests' contexts may share standard output
            int start = text.indexOf("{\n\"") >= 0 ? text.indexOf("{\n\"") : text.indexOf('{');
            return new Run(exit, JSON.readTree(text.substring(start, text.lastIndexOf('}') + 1)), text);
        } finally {
            System.setOut(original);
        }
    }

    static Path samples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/samples/sae");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/samples/sae not found above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> sampleFiles(boolean bad) throws IOException {
        try (var files = Files.list(samples())) {
            return files.filter(f -> f.getFileName().toString().contains("BadQuote") == bad).sorted().toList();
        }
    }

    @Test
    void everyGoodSampleMapsWithItsHeaderControlValuesAndExitsZero() throws IOException {
        List<Path> good = sampleFiles(false);
        assertThat(good).hasSize(5);
        for (Path f : good) {
            Run run = preview("--format", "sae", f.toString());
            assertThat(run.exit()).as(f + "\n" + run.text()).isZero();
            JsonNode file = run.out().path("files").get(0);
            String batch = file.path("batchId").asString();
            assertThat(batch).isIn("567", "568");
            assertThat(file.path("recordCount").asLong()).isEqualTo(3);
            assertThat(file.path("controlTotal").asString()).isEqualTo("1230.36");
            assertThat(run.out().path("format").asString()).isEqualTo("sae");
            JsonNode doc = run.out().path("documents").get(0);
            assertThat(doc.path("key").asString()).isEqualTo("sae:" + batch + ":13231");
            assertThat(doc.path("journal").get(0).path("account").asString()).isEqualTo("6200");
            assertThat(run.out().path("errors")).isEmpty();
        }
    }

    @Test
    void theBadQuoteSamplesExitTwoWithLineColumnAndMessage() throws IOException {
        List<Path> bad = sampleFiles(true);
        assertThat(bad).hasSize(2);
        Run first = preview("--format", "sae", bad.get(0).toString());
        assertThat(first.exit()).isEqualTo(2);
        JsonNode e1 = first.out().path("errors").get(0);
        assertThat(e1.path("line").asLong()).isEqualTo(4);
        assertThat(e1.path("column").asInt()).isEqualTo(74);
        assertThat(e1.path("message").asString()).isNotBlank();
        Run second = preview("--format", "sae", bad.get(1).toString());
        assertThat(second.exit()).isEqualTo(2);
        JsonNode e2 = second.out().path("errors").get(0);
        assertThat(e2.path("line").asLong()).isEqualTo(3);
        assertThat(e2.path("column").asInt()).isEqualTo(5);
    }

    @Test
    void aZipWithAnUnexpectedMemberIsAnError(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("delivery.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("sae.csv"));
            z.write(Files.readAllBytes(sampleFiles(false).get(0)));
            z.putNextEntry(new ZipEntry("import.iif"));
            z.write("x".getBytes(StandardCharsets.UTF_8));
        }
        Run run = preview("--format", "sae", zip.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out().path("errors").get(0).path("message").asString()).contains("import.iif");
    }

    @Test
    void aPraeFileWithWrongTotalsIsHeldAndExitsTwo(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("prae.txt");
        String[] row = new String[256];
        java.util.Arrays.fill(row, "");
        row[0] = "DETAIL";
        row[1] = "1001";
        row[50] = "R-1";
        row[60] = "5000";
        row[61] = "100.00";
        row[62] = "100.00";
        row[63] = "DR";
        row[64] = "USD";
        row[164] = "V-1";
        Files.writeString(f, "EXTRACT|42|2026/11/30|1|99.00\n" + String.join("|", row) + "\n");
        Run run = preview("--format", "prae", f.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out().path("files").get(0).path("controlTotal").asString()).isEqualTo("99.00");
        assertThat(run.out().path("errors").get(0).path("field").asString()).isEqualTo("JOURNAL_TOTAL_MISMATCH");
    }
}

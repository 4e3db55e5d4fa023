package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.posting.FisExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code erp-bridge preview --format fis FILE…}: JSON on stdout, exit 0 when every document maps, 2 otherwise. */
class PreviewCommandTest {

    private record Run(int exit, String out) {
    }

    private static Run preview(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "preview";
            System.arraycopy(args, 0, all, 1, args.length);
            return new Run(BridgeCli.commandLine().execute(all), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void officialExampleMapsWithConcursOwnAccountsAndExitsZero() throws IOException {
        Path example;
        try (var files = Files.list(FisExamples.DIR)) {
            example = files.filter(f -> f.getFileName().toString().contains("Example-2.1")).findFirst().orElseThrow();
        }
        Run run = preview("--format", "fis", example.toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("\"journal\"").contains("\"debit\" : \"8.40").contains("\"errors\" : [ ]");
    }

    @Test
    void malformedDocumentIsNamedAndExitsTwo(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"report\": {\"reportKey\": []}}");
        Run run = preview("--format", "fis", bad.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("bad.json");
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThat(preview("--format", "xml", "x.json").exit()).isEqualTo(2);
    }
}

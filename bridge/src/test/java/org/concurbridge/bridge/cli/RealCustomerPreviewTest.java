package org.concurbridge.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code erp-bridge preview --format sae FILE} on a file shaped like a real customer's (the repository's fixture
 * {@code extracts/sae-real-customer.txt}: payment types renamed "University"/"User" with a pseudo payment code, quoted
 * delimiters and stray quotes, CRLF, a currency sign in the header total, a cash advance issuance row, a company-billed
 * card charge with a personal part), and on the same file held whole by a wrong header.
 */
class RealCustomerPreviewTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Run(int exit, JsonNode out) {
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
            int start = text.indexOf("{\n\"") >= 0 ? text.indexOf("{\n\"") : text.indexOf('{');
            return new Run(exit, JSON.readTree(text.substring(start, text.lastIndexOf('}') + 1)));
        } finally {
            System.setOut(original);
        }
    }

    static String fixture() throws IOException {
        try (InputStream in = RealCustomerPreviewTest.class.getResourceAsStream("/extracts/sae-real-customer.txt")) {
            assertThat(in).as("fixture extracts/sae-real-customer.txt").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String journal(JsonNode doc) {
        StringBuilder s = new StringBuilder();
        for (JsonNode l : doc.path("journal")) {
            s.append(l.path("account").asString()).append(l.has("debit") && !l.path("debit").asString().equals("0.00")
                    ? " Dr " + l.path("debit").asString() : " Cr " + l.path("credit").asString()).append("; ");
        }
        return s.toString().trim();
    }

    @Test
    void aRealCustomersFilePreviewsEveryReportAndTheAdvanceByWhatTheColumnsMean(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("extract_CES_SAE_v3_9001.txt");
        Files.writeString(file, fixture());
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, """
                paymentLabels: { University: COMP, User: EMPL }
                offsets:
                  EMPL: { account: "2100", receivableAccount: "1420" }
                  CBCP: "2220"
                """);
        Run run = preview("--format", "sae", "--mapping", mapping.toString(), file.toString());
        assertThat(run.out().path("errors").size()).as(run.out().toString()).isZero();
        assertThat(run.exit()).isZero();
        JsonNode docs = run.out().path("documents");
        assertThat(docs.size()).isEqualTo(3);
        assertThat(docs.get(0).path("key").asString()).isEqualTo("sae:9001:13231");
        assertThat(journal(docs.get(0))).isEqualTo("6200 Dr 600.11; 6300 Dr 230.03; 2100 Cr 830.14;");
        assertThat(docs.get(1).path("key").asString()).isEqualTo("sae:9001:13232");
        assertThat(journal(docs.get(1)))
                .isEqualTo("474230 Dr 400.00; 199999 Dr 100.00; 199999 Cr 100.00; 2220 Cr 500.00; 1420 Dr 100.00;");
        assertThat(docs.get(2).path("key").asString()).isEqualTo("sae:9001:CA-4711");
        assertThat(docs.get(2).path("kind").asString()).isEqualTo("CASH_ADVANCE");
        assertThat(docs.get(2).path("currency").asString()).isEqualTo("USD");
        assertThat(journal(docs.get(2))).isEqualTo("1410 Dr 700.00; 2100 Cr 700.00;");
    }

    @Test
    void aFileHeldWholeListsNoDocumentAndEveryErrorHasLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("extract_CES_SAE_v3_9001.txt");
        // the header announces 7 records and another total: held whole
        Files.writeString(file, fixture().replaceFirst("EXTRACT\\|2026-11-30\\|6\\|", "EXTRACT|2026-11-30|7|"));
        Run run = preview("--format", "sae", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out().path("documents").size()).as(run.out().toString()).isZero();
        assertThat(run.out().path("files").get(0).path("held").asBoolean()).isTrue();
        JsonNode errors = run.out().path("errors");
        assertThat(errors.size()).isPositive();
        for (JsonNode e : errors) {
            assertThat(e.path("line").isNumber()).as(e.toString()).isTrue();
            assertThat(e.path("column").isNumber()).as(e.toString()).isTrue();
        }
        assertThat(errors.get(0).path("field").asString()).isEqualTo("TRUNCATED");
        assertThat(errors.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(errors.get(0).path("column").asInt()).isEqualTo(3);
        assertThat(errors.get(0).path("message").asString()).contains("expected 7, actual 6");
    }
}

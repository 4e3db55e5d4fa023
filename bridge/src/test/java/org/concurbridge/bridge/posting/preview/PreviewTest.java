package org.concurbridge.bridge.posting.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concurbridge.bridge.posting.FisExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PreviewTest {

    @TempDir
    Path dir;

    private final Preview preview = new Preview();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private JsonNode output() {
        return JsonMapper.builder().build().readTree(bytes.toString(StandardCharsets.UTF_8));
    }

    private static Path example(String fragment) throws IOException {
        try (var files = Files.list(FisExamples.DIR)) {
            return files.filter(f -> f.getFileName().toString().contains(fragment)).findFirst().orElseThrow();
        }
    }

    private static Path mappingExample() throws Exception {
        return Path.of(PreviewTest.class.getResource("/posting/mapping-example.yaml").toURI());
    }

    @Test
    void everyValidExampleMapsAndExitsZero() throws IOException {
        List<Path> files;
        try (var list = Files.list(FisExamples.DIR)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().contains("FundsReservation")).sorted().toList();
        }
        int status = preview.run(files, Preview.Format.FIS, Optional.empty(), out);

        JsonNode json = output();
        assertThat(status).isZero();
        assertThat(json.get("errors")).isEmpty();
        assertThat(json.get("documents")).hasSize(32);
        assertThat(json.get("mapping").asString()).isEqualTo("concur-codes");
        assertThat(json.get("files")).hasSize(32);
    }

    @Test
    void documentJsonCarriesKeyKindCurrencyAndDecimalStringLines() throws Exception {
        int status = preview.run(List.of(example("Example-4.1.json")), Preview.Format.FIS, Optional.empty(), out);

        assertThat(status).isEqualTo(Preview.OK);
        JsonNode doc = output().get("documents").get(0);
        assertThat(doc.get("key").asString()).isEqualTo("fis:dc84333c5490443cb61c769f3262e2d4");
        assertThat(doc.get("kind").asString()).isEqualTo("EXPENSE_REPORT");
        assertThat(doc.get("currency").asString()).isEqualTo("USD");
        JsonNode journal = doc.get("journal");
        assertThat(journal).hasSize(5);
        JsonNode breakfastHalf = journal.get(3);
        assertThat(breakfastHalf.get("account").asString()).isEqualTo("474230");
        assertThat(breakfastHalf.get("debit").isString()).isTrue();
        assertThat(breakfastHalf.get("debit").asString()).isEqualTo("12.50");
        assertThat(breakfastHalf.get("credit").asString()).isEqualTo("0.00");
        assertThat(breakfastHalf.get("costObjects").get("allocationCustom2Code").asString()).isEqualTo("BE01");
        assertThat(breakfastHalf.get("text").asString()).isEqualTo("Breakfast");
        JsonNode offset = journal.get(4);
        assertThat(offset.get("account").asString()).isEqualTo("COPD");
        assertThat(offset.get("credit").asString()).isEqualTo("325.00");
        assertThat(offset.has("costObjects")).isTrue();
    }

    @Test
    void mappingFileIsAppliedAndItsVersionReported() throws Exception {
        int status = preview.run(List.of(example("Example-1.3.json")), Preview.Format.FIS, Optional.of(mappingExample()), out);

        assertThat(status).isZero();
        JsonNode json = output();
        assertThat(json.get("mapping").asString()).startsWith("sha256:");
        List<String> accounts = new ArrayList<>();
        json.get("documents").get(0).get("journal").forEach(l -> accounts.add(l.get("account").asString()
                + " " + l.get("debit").asString() + "/" + l.get("credit").asString()));
        assertThat(accounts).containsExactly("54 24.30/0.00", "2100 0.00/24.30");
        assertThat(json.get("documents").get(0).get("company").asString()).isEqualTo("US01");
        assertThat(json.get("documents").get(0).get("journal").get(0).get("costObjects").get("costCenter").asString())
                .isEqualTo("21-BELLEV1");
    }

    @Test
    void problemsGoToErrorsNamingFileDocumentAndFieldAndExitTwo() throws Exception {
        Path bad = dir.resolve("page.json");
        Files.writeString(bad, """
                {"content":[
                  {"id":"ok1","docType":"cashadvance","document":{"employeeData":{"employeeId":"E1"},
                    "cashAdvanceData":{"cashAdvanceId":"CA1","currencyAlphaCode":"USD","employeeCurrencyAlphaCode":"USD","requestAmount":10},
                    "journalData":[{"payer":"COMP","payee":"EMPL","accountCode":"CADV","amount":10,"debitOrCredit":"DR"}]}},
                  {"id":"typo","docType":"expense","document":{"report":{"reportId":"R","totalApprovedAmount":"lots"}}},
                  {"id":"unbalanced","docType":"expense","document":{"employee":{"employeeId":"E1"},
                    "report":{"reportId":"R9","employeeCurrencyAlphaCode":"USD","ledgerCode":"DEFAULT"},
                    "expenseEntry":[{"entryApprovedAmount":5,"allocation":[{"journal":[
                       {"journalPayer":"COMP","journalPayee":"EMPL","journalAccountCode":"6100","amountGross":4}]}]}]}}]}
                """);
        Path notJson = dir.resolve("broken.json");
        Files.writeString(notJson, "{\"report\": ");
        Path missing = dir.resolve("missing.json");

        int status = preview.run(List.of(bad, notJson, missing), Preview.Format.FIS, Optional.empty(), out);

        assertThat(status).isEqualTo(Preview.PROBLEMS);
        JsonNode json = output();
        assertThat(json.get("documents")).hasSize(1);
        assertThat(json.get("documents").get(0).get("key").asString()).isEqualTo("fis:ok1");
        List<String> errors = new ArrayList<>();
        json.get("errors").forEach(e -> errors.add(e.get("file").asString().replace(dir.toString(), "")
                + " | " + (e.has("document") ? e.get("document").asString() : "-")
                + " | " + (e.has("field") ? e.get("field").asString() : "-")
                + " | " + e.get("message").asString()));
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).isEqualTo("/page.json | fis:typo | report.totalApprovedAmount | expected a number but was \"lots\"");
        assertThat(errors.get(1)).isEqualTo("/page.json | fis:unbalanced | expenseEntry[0].entryApprovedAmount | "
                + "is 5.00 but its journals' amountGross add up to 4.00");
        assertThat(errors.get(2)).startsWith("/broken.json | - | - | not valid JSON");
        assertThat(errors.get(3)).startsWith("/missing.json | - | - | cannot read the file");
    }

    @Test
    void invalidMappingFileIsReportedFieldByFieldAndNothingIsBuilt() throws Exception {
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, "offsets:\n  EMPL: \"\"\ncostObjects:\n  cc: [employeeOrgUnit4Code]\n");

        int status = preview.run(List.of(example("Example-1.3.json")), Preview.Format.FIS, Optional.of(mapping), out);

        assertThat(status).isEqualTo(Preview.PROBLEMS);
        JsonNode json = output();
        assertThat(json.get("documents")).isEmpty();
        List<String> fields = new ArrayList<>();
        json.get("errors").forEach(e -> {
            assertThat(e.get("file").asString()).isEqualTo(mapping.toString());
            fields.add(e.get("field").asString());
        });
        assertThat(fields).containsExactly("offsets.EMPL.account", "costObjects.cc[0]");
    }

    @Test
    void noInputFilesIsAnError() {
        assertThat(preview.run(List.of(), Preview.Format.FIS, Optional.empty(), out)).isEqualTo(Preview.PROBLEMS);
        assertThat(output().get("errors").get(0).get("message").asString()).isEqualTo("no input files");
    }
}

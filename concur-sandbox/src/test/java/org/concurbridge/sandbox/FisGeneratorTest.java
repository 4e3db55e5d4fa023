package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.concurbridge.sandbox.fis.ExpectedJournal;
import org.concurbridge.sandbox.fis.FisDocType;
import org.concurbridge.sandbox.fis.FisDocumentState;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seeded FIS generator, without HTTP: determinism, coverage of the catalogue, balanced expected journals that
 * agree with the documents' own amounts, and the structure of the official example of each use case.
 */
class FisGeneratorTest {

    private ConcurSandbox sb;
    private String company;

    @BeforeEach
    void sandbox() {
        sb = ConcurSandbox.builder().seed(3L).build();
        company = SandboxDemo.PROFESSIONAL_COMPANY;
    }

    @AfterEach
    void close() {
        sb.close();
    }

    @Test
    void sameSeedGivesTheSameDocumentsAndJournals() {
        List<String> a = sb.fis().generate(company, 42L, 40, List.of());
        List<String> b = sb.fis().generate(SandboxDemo.STANDARD_COMPANY, 42L, 40, List.of());
        List<String> c = sb.fis().generate(SandboxDemo.UNKNOWN_EDITION_COMPANY, 43L, 40, List.of());
        for (int i = 0; i < a.size(); i++) {
            assertThat(sb.fis().document(b.get(i))).isEqualTo(sb.fis().document(a.get(i)));
            assertThat(sb.fis().document(a.get(i))).as("regenerated on every call").isEqualTo(sb.fis().document(a.get(i)));
            assertThat(sb.fis().expectedJournal(b.get(i)).orElseThrow().lines())
                    .isEqualTo(sb.fis().expectedJournal(a.get(i)).orElseThrow().lines());
        }
        assertThat(a).as("FIS ids are per company").doesNotContainAnyElementsOf(b);
        long same = Stream.iterate(0, i -> i + 1).limit(40)
                .filter(i -> sb.fis().document(c.get(i)).equals(sb.fis().document(a.get(i)))).count();
        assertThat(same).as("another seed draws other documents").isZero();
    }

    @Test
    void everyUseCaseOfTheCatalogueAppearsWithABalancedJournal() {
        List<String> ids = sb.fis().generate(company, 7L, 3 * FisUseCase.values().length, List.of());
        Set<String> seen = ids.stream().map(id -> sb.fis().state(id).useCase()).collect(Collectors.toSet());
        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                Stream.of(FisUseCase.values()).map(Enum::name).toList());
        for (String id : ids) {
            ExpectedJournal j = sb.fis().expectedJournal(id).orElseThrow();
            assertThat(j.lines()).as(j.useCase() + " " + id).isNotEmpty();
            assertThat(j.totalDebit()).as(j.useCase() + " balanced").isEqualByComparingTo(j.totalCredit());
            assertThat(j.totalDebit()).isPositive();
            assertThat(j.lines()).allSatisfy(l -> assertThat(l.debit().signum() * l.credit().signum()).isZero());
        }
    }

    @Test
    void mixRestrictsTheUseCases() {
        List<String> ids = sb.fis().generate(company, 9L, 10, List.of(FisUseCase.INVOICE, FisUseCase.VAT_PARTIAL));
        assertThat(ids).extracting(id -> sb.fis().state(id).useCase()).containsOnly("INVOICE", "VAT_PARTIAL");
        assertThat(ids).extracting(id -> sb.fis().state(id).docType())
                .containsOnly(FisDocType.INVOICE, FisDocType.EXPENSE);
    }

    @Test
    void expenseJournalsAgreeWithTheDocumentsOwnAmounts() {
        List<FisUseCase> expense = Stream.of(FisUseCase.values()).filter(u -> u.docType() == FisDocType.EXPENSE)
                .toList();
        for (String id : sb.fis().generate(company, 11L, 5 * expense.size(), expense)) {
            JsonNode doc = sb.fis().document(id);
            ExpectedJournal j = sb.fis().expectedJournal(id).orElseThrow();
            BigDecimal offsets = BigDecimal.ZERO;
            BigDecimal approved = BigDecimal.ZERO;
            for (JsonNode e : doc.get("expenseEntry")) {
                approved = approved.add(e.get("entryApprovedAmount").decimalValue());
            }
            assertThat(doc.get("report").get("totalApprovedAmount").decimalValue()).isEqualByComparingTo(approved);
            for (JsonNode e : doc.get("expenseEntry")) {
                for (JsonNode a : e.get("allocation")) {
                    for (JsonNode jr : a.get("journal")) {
                        offsets = offsets.add(jr.get("amountGross").decimalValue());
                    }
                }
            }
            for (JsonNode ca : doc.get("cashAdvanceApplication")) {
                offsets = offsets.add(ca.get("cashAdvanceApplicationAmount").decimalValue());
            }
            BigDecimal partyNet = j.lines().stream()
                    .filter(l -> Set.of("EMPL", "IBCP", "CBCP", "COPD").contains(l.account()))
                    .map(l -> l.credit().subtract(l.debit())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(partyNet).as(j.useCase() + ": owed to employee and card vendors = journal gross + CA")
                    .isEqualByComparingTo(offsets);
        }
    }

    @Test
    void generatedDocumentsHaveTheStructureOfTheOfficialExampleOfTheirUseCase() throws IOException {
        Path dir = ConformanceIT.locateExamples().resolve("fis/documents");
        for (FisUseCase useCase : FisUseCase.values()) {
            FisShape shape = new FisShape(examplesOf(dir, useCase.docType()));
            JsonNode example = FisShape.document(Http.JSON.readTree(Files.readString(dir.resolve(useCase.exampleFile()))));
            for (String id : sb.fis().generate(company, 100L + useCase.ordinal(), 6, List.of(useCase))) {
                assertThat(shape.differences(example, sb.fis().document(id)))
                        .as(useCase + " vs " + useCase.exampleFile()).isEmpty();
            }
        }
    }

    @Test
    void tenThousandDocumentsAreCheapToHoldAndServe() {
        List<String> ids = sb.fis().generate(company, 5L, 10_000, List.of());
        assertThat(ids).doesNotHaveDuplicates().hasSize(10_000);
        assertThat(sb.fis().document(ids.get(9_999))).isNotNull();
        List<FisDocumentState> states = sb.fis().documents(company);
        assertThat(states).hasSize(10_000);
        assertThat(EnumSet.copyOf(states.stream().map(FisDocumentState::docType).toList()))
                .containsExactlyInAnyOrder(FisDocType.values());
    }

    static List<Path> examplesOf(Path dir, FisDocType type) throws IOException {
        String prefix = switch (type) {
            case EXPENSE -> "FI-API-ReportID-";
            case CASH_ADVANCE -> "FI-API-CashAdvanceID-";
            case INVOICE -> "getting-started-example-invoice";
        };
        String started = "getting-started-example-" + (type == FisDocType.CASH_ADVANCE ? "cashadvance"
                : type.pathValue());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    || p.getFileName().toString().startsWith(started)).sorted().toList();
        }
    }

    @Test
    void reportAndRequestKeysAreUniqueBecauseExtractFilesGroupByThem() {
        List<String> ids = sb.fis().generate(company, 8L, 5000, List.of(FisUseCase.CASH, FisUseCase.INVOICE));
        List<String> more = sb.fis().generate(company, 9L, 200, List.of(FisUseCase.CASH, FisUseCase.INVOICE));
        Set<String> keys = new java.util.HashSet<>();
        for (String id : Stream.concat(ids.stream(), more.stream()).toList()) {
            JsonNode doc = sb.fis().document(id);
            JsonNode key = doc.has("report") ? doc.get("report").get("reportKey") : doc.get("requestHeader").get("reqKey");
            assertThat(key.isIntegralNumber()).isTrue();
            assertThat(keys.add(key.asString())).as("key %s of %s is unique", key, id).isTrue();
        }
    }
}

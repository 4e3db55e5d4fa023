package org.concurbridge.bridge.posting.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.JournalLine;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.fis.FisJournalBuilder;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.fis.FisDocuments;
import org.concurbridge.client.fis.FisReadResult;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.SandboxClock;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.extract.ExtractDefinition;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One seeded set of documents from the sandbox's FIS generator, posted twice: from the FIS documents (FisJournalBuilder)
 * and from the SAE/PRAE files the sandbox writes from the same documents (ExtractJournalBuilder). Per report, both
 * routes give the same journals: same accounts, amounts (debit and credit) and cost objects.
 */
class FisSaeEquivalenceTest {

    private static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;

    private ConcurSandbox sb;

    @BeforeEach
    void sandbox() {
        sb = ConcurSandbox.builder().seed(11L).clock(SandboxClock.fixed(Instant.parse("2026-03-02T08:00:00Z")))
                .build();
        sb.extracts().timing(Duration.ZERO, Duration.ZERO);
    }

    @AfterEach
    void close() {
        sb.close();
    }

    /** A document's journal as comparable text: one sorted entry per line. */
    private static List<String> journal(PostingDocument d) {
        List<String> out = new ArrayList<>();
        for (JournalLine l : d.lines()) {
            out.add(l.account() + " Dr " + l.debit().stripTrailingZeros().toPlainString() + " Cr "
                    + l.credit().stripTrailingZeros().toPlainString() + " " + new TreeMap<>(l.costObjects()));
        }
        out.sort(null);
        return out;
    }

    private Map<String, List<String>> fisJournals(List<String> ids, PostingMapping mapping) {
        FisJournalBuilder fis = new FisJournalBuilder(mapping);
        Map<String, List<String>> out = new TreeMap<>();
        for (String id : ids) {
            byte[] json = sb.fis().document(id).toString().getBytes(StandardCharsets.UTF_8);
            for (FisReadResult r : FisDocuments.read(new ByteArrayInputStream(json))) {
                BuildResult built = fis.build(((FisReadResult.Parsed) r).document());
                assertThat(built.problems()).as(id).isEmpty();
                out.put(built.document().header().concurId(), journal(built.document()));
            }
        }
        return out;
    }

    private Map<String, List<String>> extractJournals(String definition, ExtractJournalBuilder.Format format,
                                                      PostingMapping mapping) {
        return extractJournals(definition, format, mapping, UnaryOperator.identity());
    }

    private Map<String, List<String>> extractJournals(String definition, ExtractJournalBuilder.Format format,
                                                      PostingMapping mapping, UnaryOperator<byte[]> customer) {
        String job = sb.extracts().startJob(COMPANY, definition);
        return journals(customer.apply(sb.extracts().jobFile(job)), definition, format, mapping);
    }

    private static Map<String, List<String>> journals(byte[] file, String definition,
                                                      ExtractJournalBuilder.Format format, PostingMapping mapping) {
        ExtractBuild build = new ExtractJournalBuilder(mapping).build(format, new ByteArrayInputStream(file),
                definition);
        assertThat(build.heldReasons()).isEmpty();
        assertThat(build.quarantined()).isEmpty();
        Map<String, List<String>> out = new TreeMap<>();
        for (PostingDocument d : build.postable()) {
            out.put(d.header().concurId(), journal(d));
        }
        return out;
    }

    @Test
    void everyGeneratedReportAndCashAdvancePostsTheSameJournalsFromFisAndFromSae() {
        List<FisUseCase> expense = java.util.Arrays.stream(FisUseCase.values())
                .filter(u -> u != FisUseCase.INVOICE).toList();
        List<String> ids = sb.fis().generate(COMPANY, 42L, 2 * expense.size(), expense);
        Map<String, List<String>> fis = fisJournals(ids, PostingMapping.none());
        Map<String, List<String>> sae = extractJournals(ExtractDefinition.SAE, ExtractJournalBuilder.Format.SAE,
                PostingMapping.none());
        assertThat(sae.keySet()).isEqualTo(fis.keySet());
        assertThat(fis).hasSize(ids.size());
        fis.forEach((report, lines) -> assertThat(sae.get(report)).as(report).isEqualTo(lines));
    }

    @Test
    void withAMappingOfAccountsTaxesOffsetsAndDimensionsBothRoutesStillAgree(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mapping.yaml");
        Files.writeString(file, """
                accounts: { "474230": "6110", CADV: "1410" }
                offsets:
                  EMPL: { account: "2100", receivableAccount: "1420" }
                  IBCP: "2210"
                  CBCP: "2220"
                taxes:
                  V19P: { account: "1576", nonDeductibleAccount: "6875" }
                  V19N: { account: "1577", nonDeductibleAccount: "6876" }
                costObjects:
                  costCenter: [allocationCustom2Code, entryOrgUnit4Code]
                  project: [allocationCustom1Code]
                """);
        PostingMapping mapping = PostingMapping.load(file);
        List<String> ids = sb.fis().generate(COMPANY, 99L, 40, List.of());
        Map<String, List<String>> fis = fisJournals(ids.stream()
                .filter(id -> !sb.fis().document(id).toString().contains("\"requestHeader\"")).toList(), mapping);
        Map<String, List<String>> sae = extractJournals(ExtractDefinition.SAE, ExtractJournalBuilder.Format.SAE,
                mapping);
        assertThat(sae.keySet()).isEqualTo(fis.keySet());
        assertThat(String.join(" ", fis.values().stream().flatMap(List::stream).toList()))
                .contains("6110 Dr").contains("2100 Dr 0 Cr").contains("costCenter=");
        fis.forEach((report, lines) -> assertThat(sae.get(report)).as(report).isEqualTo(lines));
    }

    /**
     * The sandbox's SAE file as written for a customer who renamed the payment types, as in the real samples: type
     * names "University" (company) and "User" (employee), and one pseudo payment code name for both in 164/166.
     */
    static byte[] renamedPaymentTypes(byte[] file) {
        String[] lines = new String(file, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] c = lines[i].split("\\|", -1);
            assertThat(c).as("line %d splits into the 400 SAE columns (no quoted delimiter)", i + 1).hasSize(400);
            for (int col : new int[] {163, 165}) {
                c[col - 1] = switch (c[col - 1]) {
                    case "COMPANY" -> "University";
                    case "EMPLOYEE" -> "User";
                    default -> c[col - 1];
                };
            }
            for (int col : new int[] {164, 166}) {
                if (c[col - 1].equals("COMP") || c[col - 1].equals("EMPL")) {
                    c[col - 1] = "University/User Pseudo Payment Code";
                }
            }
            lines[i] = String.join("|", c);
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void renamedPaymentTypesPostTheSameJournalsAsFisWithAndWithoutLabelsInTheMapping(@TempDir Path dir)
            throws IOException {
        List<FisUseCase> expense = java.util.Arrays.stream(FisUseCase.values())
                .filter(u -> u != FisUseCase.INVOICE).toList();
        List<String> ids = sb.fis().generate(COMPANY, 43L, 2 * expense.size(), expense);
        Path file = dir.resolve("mapping.yaml");
        Files.writeString(file, """
                paymentLabels: { University: COMP, User: EMPL }
                offsets:
                  EMPL: { account: "2100", receivableAccount: "1420" }
                  CBCP: "2220"
                """);
        PostingMapping labelled = PostingMapping.load(file);
        Files.writeString(file, """
                offsets:
                  EMPL: { account: "2100", receivableAccount: "1420" }
                  CBCP: "2220"
                """);
        PostingMapping unlabelled = PostingMapping.load(file);
        Map<String, List<String>> fis = fisJournals(ids, unlabelled);
        assertThat(String.join(" ", fis.values().stream().flatMap(List::stream).toList())).contains("1420 Dr");
        byte[] renamed = renamedPaymentTypes(sb.extracts().jobFile(sb.extracts().startJob(COMPANY,
                ExtractDefinition.SAE)));
        assertThat(new String(renamed, StandardCharsets.UTF_8)).contains("|University|").contains("|User|");
        for (PostingMapping m : List.of(labelled, unlabelled)) {
            Map<String, List<String>> sae = journals(renamed, ExtractDefinition.SAE, ExtractJournalBuilder.Format.SAE,
                    m);
            assertThat(sae.keySet()).isEqualTo(fis.keySet());
            fis.forEach((report, lines) -> assertThat(sae.get(report)).as(report).isEqualTo(lines));
        }
    }

    @Test
    void generatedInvoicesPostTheSameJournalsFromFisAndFromPrae() {
        List<String> ids = sb.fis().generate(COMPANY, 7L, 6, List.of(FisUseCase.INVOICE));
        Map<String, List<String>> fis = fisJournals(ids, PostingMapping.none());
        Map<String, List<String>> prae = extractJournals(ExtractDefinition.PRAE, ExtractJournalBuilder.Format.PRAE,
                PostingMapping.none());
        assertThat(prae.keySet()).isEqualTo(fis.keySet());
        fis.forEach((request, lines) -> assertThat(prae.get(request)).as(request).isEqualTo(lines));
    }
}

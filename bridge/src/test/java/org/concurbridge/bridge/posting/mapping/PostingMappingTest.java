package org.concurbridge.bridge.posting.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostingMappingTest {

    @TempDir
    Path dir;

    static Path example() throws URISyntaxException {
        return Path.of(PostingMappingTest.class.getResource("/posting/mapping-example.yaml").toURI());
    }

    @Test
    void exampleFileLoadsWithEverySection() throws Exception {
        PostingMapping m = PostingMapping.load(example());

        assertThat(m.version()).matches("sha256:[0-9a-f]{24}");
        assertThat(m.account("474230")).contains("6110");
        assertThat(m.account("54")).as("unmapped codes pass through when not strict").contains("54");
        assertThat(m.offsetAccount("EMPL", false)).contains("2100");
        assertThat(m.offsetAccount("EMPL", true)).contains("1420");
        assertThat(m.offsetAccount("IBCP", true)).as("no receivable: both sides on the account").contains("2210");
        assertThat(m.taxAccounts("DEVAT")).contains(new PostingMapping.TaxAccounts("1576", "1576"));
        assertThat(m.taxAccounts("JC1E")).contains(new PostingMapping.TaxAccounts("1575", "6875"));
        assertThat(m.shippingAccount()).contains("5600");
        assertThat(m.company("t0171945nik5", "DEFAULT", "USD", "192544"))
                .contains(new PostingMapping.CompanyTarget("US01", "USD"));
        assertThat(m.company("p0153808bco5", "DEFAULT", "USD", "192544"))
                .as("entity rule is more specific than a ledger rule").contains(new PostingMapping.CompanyTarget("CA01", "CAD"));
        assertThat(m.company("x", "OTHER", "USD", "192544")).as("never guessed once companies are mapped").isEmpty();
    }

    @Test
    void paymentLabelsNameAPaymentCodeAndCompareWithoutCase() throws Exception {
        PostingMapping m = PostingMapping.load(example());
        assertThat(m.paymentLabel("university")).contains("COMP");
        assertThat(m.paymentLabel(" User ")).contains("EMPL");
        assertThat(m.paymentLabel("Staff")).isEmpty();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "paymentLabels: { University: \"the company\", user: EMPL, USER: EMPL }\n");
        assertThatThrownBy(() -> PostingMapping.load(bad)).isInstanceOfSatisfying(MappingException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field)
                        .contains("paymentLabels.University", "paymentLabels.USER"));
    }

    @Test
    void companiesAreChosenByLedgerAndDocumentCurrencyMostSpecificFirst() {
        PostingMapping m = PostingMapping.from(new MappingConfig(null, null, List.of(
                new MappingConfig.CompanyRule(null, "DEFAULT", "US01", "USD", null),
                new MappingConfig.CompanyRule(null, null, "FR01", "EUR", "EUR"),
                new MappingConfig.CompanyRule(null, "DEFAULT", "DE01", "EUR", "EUR"),
                new MappingConfig.CompanyRule("p0153808bco5", null, "CA01", "CAD", null)),
                null, null, null, null, null, null));

        assertThat(m.company("e1", "DEFAULT", "USD", "1")).contains(new PostingMapping.CompanyTarget("US01", "USD"));
        assertThat(m.company("e1", "DEFAULT", "EUR", "1")).as("ledger and currency beat the ledger alone")
                .contains(new PostingMapping.CompanyTarget("DE01", "EUR"));
        assertThat(m.company("e1", "OTHER", "EUR", "1")).as("currency alone, whatever the ledger")
                .contains(new PostingMapping.CompanyTarget("FR01", "EUR"));
        assertThat(m.company("p0153808bco5", "DEFAULT", "EUR", "1")).as("the entity beats ledger and currency")
                .contains(new PostingMapping.CompanyTarget("CA01", "CAD"));
        assertThat(m.company("e1", "OTHER", "GBP", "1")).as("never guessed").isEmpty();
    }

    @Test
    void withoutMappingConcursOwnCodesAreUsed() {
        PostingMapping none = PostingMapping.none();
        assertThat(none.version()).isEqualTo("concur-codes");
        assertThat(none.account("474230")).contains("474230");
        assertThat(none.offsetAccount("EMPL", true)).contains("EMPL");
        assertThat(none.taxAccounts("DEVAT")).contains(new PostingMapping.TaxAccounts("DEVAT", "DEVAT"));
        assertThat(none.company(null, "DEFAULT", "EUR", "1")).contains(new PostingMapping.CompanyTarget("DEFAULT", null));
        assertThat(none.company("e1", null, "EUR", "1")).contains(new PostingMapping.CompanyTarget("e1", null));
        assertThat(none.company(null, null, null, null)).contains(new PostingMapping.CompanyTarget("DEFAULT", null));
    }

    @Test
    void strictMappingRefusesUnmappedCodes() {
        PostingMapping strict = PostingMapping.from(new MappingConfig(null, true, null, Map.of("474230", "6110"),
                null, null, null, null, null));
        assertThat(strict.account("474230")).contains("6110");
        assertThat(strict.account("54")).isEmpty();
        assertThat(strict.offsetAccount("EMPL", false)).isEmpty();
        assertThat(strict.taxAccounts("DEVAT")).isEmpty();
    }

    @Test
    void costObjectsAreTakenMostGranularFirstWhateverTheListedOrder() {
        PostingMapping m = PostingMapping.from(new MappingConfig(null, null, null, null, null, null,
                Map.of("costCenter", List.of("entryOrgUnit4Code", "allocationCustom4Code")), null, null));
        CostObjectSource both = source(Map.of("allocationCustom4Code", "ALLOC-CC", "entryOrgUnit4Code", "ENTRY-CC"));
        CostObjectSource entryOnly = source(Map.of("entryOrgUnit4Code", "ENTRY-CC"));
        assertThat(m.costObjects(both)).containsExactly(Map.entry("costCenter", "ALLOC-CC"));
        assertThat(m.costObjects(entryOnly)).containsExactly(Map.entry("costCenter", "ENTRY-CC"));
        assertThat(m.costObjects(source(Map.of()))).isEmpty();
    }

    @Test
    void everyFieldErrorIsReportedAtOnceAndNamed() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                name: ok
                companies:
                  - ledger: DEFAULT
                  - ledger: DEFAULT
                    company: US01
                    currency: usd
                  - ledger: DEFAULT
                    documentCurrency: Euro
                    company: DE01
                accounts:
                  "474230": ""
                  "54": " 6100"
                offsets:
                  EMPL: { receivableAccount: "1420" }
                  IBCP: "%s"
                taxes:
                  DEVAT: { nonDeductibleAccount: "6870" }
                costObjects:
                  costCenter: [employeeOrgUnit4Code, allocationCustom4Code]
                  project: [allocationCustom21Code]
                  region: []
                shippingAccount: "  "
                """.formatted("9".repeat(65)));

        assertThatThrownBy(() -> PostingMapping.load(file)).isInstanceOfSatisfying(MappingException.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                    "companies[0].company",
                    "companies[1].currency",
                    "companies[1]",
                    "companies[2].documentCurrency",
                    "accounts.474230",
                    "accounts.54",
                    "offsets.EMPL.account",
                    "offsets.IBCP.account",
                    "taxes.DEVAT.account",
                    "costObjects.costCenter[0]",
                    "costObjects.project[0]",
                    "costObjects.region",
                    "shippingAccount");
            assertThat(e.errors()).filteredOn(f -> f.field().equals("costObjects.costCenter[0]"))
                    .singleElement().extracting(FieldError::message).asString().contains("employee section");
            assertThat(e.getMessage()).contains(file.toString());
        });
    }

    @Test
    void unknownKeyOrWrongTypeIsNamedWithItsPath() throws IOException {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "acounts:\n  \"1\": \"2\"\n");
        assertThatThrownBy(() -> PostingMapping.load(typo)).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                    assertThat(f.field()).isEqualTo("acounts");
                    assertThat(f.message()).startsWith("unknown key \"acounts\"").contains("accounts");
                }));
        Path wrongType = dir.resolve("type.yaml");
        Files.writeString(wrongType, "costObjects:\n  costCenter: { a: b }\n");
        assertThatThrownBy(() -> PostingMapping.load(wrongType)).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.errors()).singleElement().isEqualTo(
                        new FieldError("costObjects.costCenter", "expected a list")));
        Path notYaml = dir.resolve("broken.yaml");
        Files.writeString(notYaml, "accounts: \"unterminated\n");
        assertThatThrownBy(() -> PostingMapping.load(notYaml)).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.errors()).singleElement().extracting(FieldError::message).asString()
                        .startsWith("not valid YAML/JSON at line"));
    }

    @Test
    void versionIsStableForTheSameContentAndChangesWithIt() throws Exception {
        String original = Files.readString(example());
        Path copy = dir.resolve("copy.yml");
        Files.writeString(copy, original.replace("# Posting mapping", "# a comment does not change the mapping"));
        Path changed = dir.resolve("changed.yml");
        Files.writeString(changed, original.replace("\"6110\"", "\"6111\""));

        String v = PostingMapping.load(example()).version();
        assertThat(PostingMapping.load(copy).version()).isEqualTo(v);
        assertThat(PostingMapping.load(changed).version()).isNotEqualTo(v);
    }

    @Test
    void jsonFileReadsToo() throws IOException {
        Path json = dir.resolve("m.json");
        Files.writeString(json, "{\"accounts\":{\"474230\":\"6110\"},\"offsets\":{\"EMPL\":\"2100\"}}");
        PostingMapping m = PostingMapping.load(json);
        assertThat(m.account("474230")).contains("6110");
        assertThat(m.offsetAccount("EMPL", true)).contains("2100");
    }

    private static CostObjectSource source(Map<String, String> codes) {
        return new CostObjectSource() {
            @Override
            public String code(String field) {
                return codes.get(field);
            }

            @Override
            public Map<String, String> concurDefaults() {
                return codes;
            }
        };
    }
}

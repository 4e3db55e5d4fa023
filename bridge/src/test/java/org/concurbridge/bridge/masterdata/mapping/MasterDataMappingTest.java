package org.concurbridge.bridge.masterdata.mapping;

import org.concurbridge.bridge.erp.Supplier;
import org.concurbridge.bridge.masterdata.VendorRecord;
import org.concurbridge.bridge.posting.mapping.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterDataMappingTest {

    @Test
    void theDefaultMappingMapsCostCentersAndProjectsAndIsValid() {
        MasterDataMapping m = MasterDataMapping.defaults();
        assertThat(m.lists()).extracting(MasterDataMapping.ListSpec::name).containsExactly("Cost Centers", "Projects");
        assertThat(m.lists().get(0).create()).isTrue();
        assertThat(m.lists().get(0).owned()).isFalse();
        assertThat(m.version()).startsWith("sha256:");
        assertThat(MasterDataMapping.parse("vendors:\n  enabled: false\n", "x").lists()).hasSize(2);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceWithItsPath() {
        String yaml = """
                lists:
                  - name: A
                    dimension: X
                    levels: [Y]
                  - name: A
                    levels: [P, P]
                    maxLevels: 3
                  - dimension: "bad dim"
                    searchCriteria: NAME
                codes:
                  hyphen: "-"
                vendors:
                  addressCode: street
                  paymentMethod: CASH
                  currency: euro
                  country: DEU
                  paymentTerms: { NET0: 0 }
                """;
        assertThatThrownBy(() -> MasterDataMapping.parse(yaml, "file.yaml"))
                .isInstanceOf(MasterDataMappingException.class)
                .satisfies(e -> assertThat(((MasterDataMappingException) e).errors()).extracting(FieldError::field)
                        .contains("lists[0]", "lists[1].name", "lists[1].levels[1]", "lists[1].maxLevels",
                                "lists[2].name", "lists[2].dimension", "lists[2].searchCriteria", "codes.hyphen",
                                "vendors.addressCode", "vendors.paymentMethod", "vendors.currency", "vendors.country",
                                "vendors.paymentTerms.NET0"))
                .hasMessageContaining("file.yaml");
    }

    @Test
    void unknownKeysAndWrongTypesNameTheirField() {
        assertThatThrownBy(() -> MasterDataMapping.parse("lists:\n  - name: A\n    dimenson: X\n", "m"))
                .hasMessageContaining("lists[0].dimenson").hasMessageContaining("unknown key");
        assertThatThrownBy(() -> MasterDataMapping.parse("lists: yes\n", "m")).hasMessageContaining("lists");
    }

    @Test
    void codesAreMadeValidOrTheProblemSaysWhatToDo() {
        MasterDataMapping m = MasterDataMapping.defaults();
        assertThat(m.code("P-100").value()).isEqualTo("P_100");
        assertThat(m.code(" CC1 ").value()).isEqualTo("CC1");
        assertThat(m.code("").problem()).contains("empty");
        assertThat(m.code("X".repeat(33)).problem()).contains("33 characters").contains("32");
        assertThat(m.code("X".repeat(32)).ok()).isTrue();
        MasterDataMapping strict = MasterDataMapping.parse("codes:\n  hyphen: \"\"\n", "m");
        assertThat(strict.code("P-100").problem()).contains("hyphen").contains("codes.hyphen");
        assertThat(m.name("Sales - DACH", "x").value()).isEqualTo("Sales \u2013 DACH");
        assertThat(m.name("N".repeat(65), "x").problem()).contains("65 characters");
        assertThat(MasterDataMapping.parse("codes:\n  truncateNames: true\n", "m").name("N".repeat(65), "x").value())
                .hasSize(64);
        assertThat(m.name(null, "CODE").value()).isEqualTo("CODE");
    }

    @Test
    void suppliersBecomeVendorsByTheRulesAndASupplierWithoutAddressCodeIsNamed() {
        MasterDataMapping m = MasterDataMapping.defaults();
        Supplier s = new Supplier("S100", "ACME", "DE123", "NET30", "eur",
                new Supplier.Address("Weg 1", "Hamburg", "20095", "HH", "de"),
                new Supplier.BankAccount("DE89370400440532013000", "COBADEFFXXX", "Bank"), true);
        VendorRecord v = m.vendor(s).vendor();
        assertThat(v.key()).isEqualTo("S100/20095");
        assertThat(v.countryCode()).isEqualTo("DE");
        assertThat(v.currencyCode()).isEqualTo("EUR");
        assertThat(v.paymentTerms()).isEqualTo("30");
        assertThat(v.paymentMethodType()).isEqualTo("ACH");
        assertThat(v.bank().routingNumber()).isEqualTo("COBADEFFXXX");

        Supplier noAddress = new Supplier("S900", "Card", null, null, null, null, null, true);
        assertThat(m.vendor(noAddress).problem()).contains("S900").contains("no address code");
        MasterDataMapping constant = MasterDataMapping.parse("vendors:\n  addressCode: \"constant:MAIN\"\n"
                + "  paymentTerms: { IMMEDIATE: 1 }\n", "m");
        VendorRecord c = constant.vendor(new Supplier("S900", "Card", null, "IMMEDIATE", null, null, null, true)).vendor();
        assertThat(c.key()).isEqualTo("S900/MAIN");
        assertThat(c.countryCode()).isEqualTo("DE");
        assertThat(c.currencyCode()).isEqualTo("EUR");
        assertThat(c.paymentTerms()).isEqualTo("1");
        assertThat(c.paymentMethodType()).isEqualTo("CHECK");
    }
}

package org.concurbridge.sandbox.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The field rules and the search query without HTTP (VendorsIT covers them end to end). */
class VendorRulesTest {

    private static VendorField field(String name) {
        return VendorField.BY_NAME.get(name);
    }

    @Test
    void numericFieldsFollowTheirDocumentedRanges() {
        assertThat(field("PaymentTerms").check("1")).isNull();
        assertThat(field("PaymentTerms").check("999")).isNull();
        assertThat(field("PaymentTerms").check("0")).contains("1 to 999");
        assertThat(field("PaymentTerms").check("30 days")).contains("whole number");
        assertThat(field("DiscountTermsDays").check("998")).isNull();
        assertThat(field("DiscountTermsDays").check("999")).isNotNull();
        assertThat(field("DiscountPercentage").check("999.12345678")).isNull();
        assertThat(field("DiscountPercentage").check("2.5")).isNull();
        assertThat(field("DiscountPercentage").check("1000")).contains("number(11,8)");
        assertThat(field("DiscountPercentage").check("0.123456789")).isNotNull();
        assertThat(field("DiscountPercentage").check("-1")).isNotNull();
    }

    @Test
    void codesAndVocabulariesAreChecked() {
        assertThat(field("CountryCode").check("DE")).isNull();
        assertThat(field("CountryCode").check("de")).contains("upper case");
        assertThat(field("CountryCode").check("DEU")).isNotNull();
        assertThat(field("CurrencyCode").check("eur")).isNull();
        assertThat(field("CurrencyCode").normalize("eur")).isEqualTo("EUR");
        assertThat(field("CurrencyCode").check("EURO")).contains("ISO 4217");
        assertThat(field("PaymentMethodType").check("vcher")).isNull();
        assertThat(field("TaxType").check("INTX")).isNull();
        assertThat(field("IsLineItemVatIncld").check("y")).isNull();
        assertThat(field("ProvincialTaxID").check("A".repeat(16))).contains("15");
        assertThat(field("Custom20").check("x".repeat(48))).isNull();
        assertThat(field("Custom20").check("x".repeat(49))).contains("48");
        assertThat(VendorField.ALL).hasSize(58);
        assertThat(VendorField.ALL.stream().filter(VendorField::clearable).map(VendorField::name))
                .containsExactlyInAnyOrder("AccountNumber", "DefaultEmployeeID", "DefaultExpenseTypeName",
                        "VendorFormName");
    }

    @Test
    void theQueryFiltersAndSortsWithEmptyValuesLast() {
        List<VendorRecord> records = new ArrayList<>(List.of(
                rec("B", "1", "Beta", "Boston"), rec("A", "1", "Alpha", null), rec("C", "1", "alphabet", "Austin")));
        VendorQuery byCity = VendorQuery.parse(Map.of("sortby", "CITY", "sortdirection", "Descending"));
        records.sort(byCity.order());
        assertThat(records).extracting(VendorRecord::code).containsExactly("B", "C", "A");
        VendorQuery begins = VendorQuery.parse(Map.of("vendorname", "ALPHA", "searchtype", "begins"));
        assertThat(records.stream().filter(begins::matches).map(VendorRecord::code)).containsExactly("C", "A");
        assertThat(begins.limit()).isEqualTo(25);
        assertThat(begins.offset()).isZero();
        assertThatThrownBy(() -> VendorQuery.parse(Map.of("limit", "1001"))).hasMessageContaining("1000");
        assertThatThrownBy(() -> VendorQuery.parse(Map.of("sortby", "Colour"))).hasMessageContaining("sortBy");
    }

    private static VendorRecord rec(String code, String address, String name, String city) {
        VendorRecord r = new VendorRecord(code, Instant.EPOCH);
        r.fields.put("VendorCode", code);
        r.fields.put("AddressCode", address);
        r.fields.put("VendorName", name);
        if (city != null) {
            r.fields.put("City", city);
        }
        return r;
    }
}

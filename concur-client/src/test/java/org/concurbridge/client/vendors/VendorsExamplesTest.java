package org.concurbridge.client.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.concurbridge.client.Xml;
import org.concurbridge.client.lists.OfficialExamples;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The only official vendor samples (2015, XML, shapes only): the search answer reads into {@link Vendor}s (historical
 * names mapped to the current fields) and the {@code VendorResult} failure becomes a failed status.
 */
class VendorsExamplesTest {

    @Test
    void historicalSearchAnswerReadsEveryField() {
        Path dir = OfficialExamples.folder("vendors-v3/historical-2015", "VendorsExamplesTest.historicalSearch");
        String text = new String(OfficialExamples.read(dir, "get-vendors-response.txt"), StandardCharsets.UTF_8);
        String xml = text.substring(text.indexOf("<Vendors>"));
        VendorPage page = VendorJson.page(Xml.parse(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.vendors()).singleElement().satisfies(v -> {
            assertThat(v.vendorCode()).isEqualTo("Vendor123");
            assertThat(v.addressCode()).isEqualTo("Address123");
            assertThat(v.vendorName()).isEqualTo("VendorName");
            assertThat(v.state()).isEqualTo("Mn");
            assertThat(v.countryCode()).isEqualTo("US");
            assertThat(v.currencyCode()).isEqualTo("USD");
            assertThat(v.accountNumber()).isEqualTo("123");          // BuyerAccountNumber (2015)
            assertThat(v.paymentTerms()).isEqualTo("30");            // PaymentTermDays (2015)
            assertThat(v.shippingMethod()).isEqualTo("UPS");         // Shippingmethod (2015)
            assertThat(v.discountTermsDays()).isEqualTo("20");       // DiscountTemsDays (2015)
            assertThat(v.purchaseOrderContactEmail()).isEqualTo("poemail@poemail.com");
            assertThat(v.custom()).containsOnlyKeys(1, 15);
            assertThat(v.custom(15)).isEqualTo("DepartmentA");
            assertThat(v.paymentMethodType()).isEqualTo("CLIENT");
        });
        assertThat(page.nextPage()).isNull();
        String requests = new String(OfficialExamples.read(dir, "get-vendors-request-examples.txt"),
                StandardCharsets.UTF_8);
        assertThat(requests).contains("/api/v3.0/invoice/vendors");
    }

    @Test
    void historicalFailureResultIsAFailedStatusWithItsCode() {
        Path dir = OfficialExamples.folder("vendors-v3/historical-2015", "VendorsExamplesTest.historicalFailure");
        JsonNode root = Xml.parse(OfficialExamples.read(dir, "vendor-failure-response.xml"));
        List<StatusMatcher.Status> statuses = StatusMatcher.statuses(VendorJson.records(root, "Vendor"),
                VendorsClient::vendorKey);
        List<VendorStatus> out = StatusMatcher.match(List.of(new StatusMatcher.Sent(1, "V1", "A1",
                StatusMatcher.vendorKey("V1", "A1"))), statuses, 200);
        assertThat(out).singleElement().satisfies(s -> {
            assertThat(s.ok()).isFalse();
            assertThat(s.code()).isEqualTo(6000);
            assertThat(s.message()).isEqualTo("The required field missing|Limit");
            assertThat(s.type()).isEqualTo("FAILURE");
        });
    }
}

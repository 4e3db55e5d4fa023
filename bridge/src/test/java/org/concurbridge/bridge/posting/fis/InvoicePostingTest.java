package org.concurbridge.bridge.posting.fis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.FisExamples;
import org.concurbridge.bridge.posting.JournalLine;
import org.concurbridge.bridge.posting.LineRole;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.mapping.MappingConfig;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.junit.jupiter.api.Test;

/** Invoices with several lines, allocations, tax, shipping and purchase-order references; credit notes. */
class InvoicePostingTest {

    static final String INVOICE = """
            {"id":"inv0001","docType":"invoice","entityId":"e1","document":{
             "requestHeader":{"requestId":"REQ1","reqKey":7,"requestTitle":"Office supplies","vendorInvoiceNumber":"INV-778",
               "invoiceDate":"2024-03-01","postingDate":"2024-03-05","currencyAlphaCode":"EUR","requestTotal":%s,
               "amountShippingTotal":5,"amountTax":%s,"ledgerCode":"DEFAULT","poNumber":"PO-HEAD","revisionNumber":"2",
               "requestCustom1Code":"HDR-PRJ"},
             "vendor":{"vendorCode":"V100","vendorName":"Paper Ltd"},
             "lineItem":[
               {"lineItemSequenceOrder":1,"lineItemDescription":"Paper","lineItemPurchaseOrderNumber":"PO-9","poLineNumber":"10",
                "lineItemCustom1Code":"LINE-PRJ",
                "allocation":[
                  {"allocationKey":1,"allocationPercentage":60,"allocationCustom1Code":"CC-A",
                   "journal":{"accountCode":"6000","amountGross":%s,"amountNet":%s,"amountShipping":%s,
                              "tax":{"amountTax":%s,"taxCode":"VAT19","taxField":"VAT1"}}},
                  {"allocationKey":2,"allocationPercentage":40,
                   "journal":{"accountCode":"6000","amountGross":%s,"amountNet":%s,"amountShipping":%s,
                              "tax":{"amountTax":%s,"taxCode":"VAT19","taxField":"VAT1"}}}]},
               {"lineItemSequenceOrder":2,"lineItemDescription":"Toner",
                "allocation":[{"allocationKey":3,"allocationAccountCode":"6010",
                   "journal":{"amountGross":%s,"amountNet":%s,"amountShipping":0,"tax":null}}]}]}}
            """;

    static String invoice(int sign) {
        Object[] v = {"144", "16", "72", "57", "3", "12", "48", "38", "2", "8", "24", "24"};
        if (sign < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = "-" + v[i];
            }
        }
        return INVOICE.formatted(v);
    }

    static PostingMapping mapping(String shippingAccount) {
        return PostingMapping.from(new MappingConfig("t", null, null, Map.of("6000", "4000"),
                Map.of("VENDOR", new MappingConfig.OffsetRule("1600", "1610")),
                Map.of("VAT19", MappingConfig.TaxRule.of("1576")),
                Map.of("project", List.of("requestCustom1Code", "allocationCustom1Code", "lineItemCustom1Code")),
                shippingAccount));
    }

    @Test
    void linesTaxShippingAndPurchaseOrdersPostToTheirAccounts() {
        BuildResult r = new FisJournalBuilder(mapping("5600")).build(FisExamples.parse(invoice(1)));

        assertThat(r.problems()).isEmpty();
        PostingDocument doc = r.document();
        assertThat(FisExamples.totals(doc)).containsExactlyInAnyOrder(
                "4000 Dr 95.00", "5600 Dr 5.00", "1576 Dr 20.00", "6010 Dr 24.00", "1600 Cr 144.00");
        assertThat(doc.idempotencyKey()).isEqualTo("fis:inv0001");
        assertThat(doc.header().revision()).isEqualTo(2);
        assertThat(doc.header().reference()).isEqualTo("INV-778");
        assertThat(doc.header().description()).isEqualTo("Office supplies");
        assertThat(doc.header().postingDate()).hasToString("2024-03-05");
        assertThat(doc.lines()).filteredOn(l -> l.role() != LineRole.OFFSET)
                .extracting(JournalLine::account, JournalLine::debit, JournalLine::reference, JournalLine::costObjects)
                .containsExactly(
                        tuple("4000", new BigDecimal("57.00"), "PO PO-9/10", Map.of("project", "CC-A")),
                        tuple("5600", new BigDecimal("3.00"), "PO PO-9/10", Map.of("project", "CC-A")),
                        tuple("1576", new BigDecimal("12.00"), null, Map.of("project", "CC-A")),
                        tuple("4000", new BigDecimal("38.00"), "PO PO-9/10", Map.of("project", "LINE-PRJ")),
                        tuple("5600", new BigDecimal("2.00"), "PO PO-9/10", Map.of("project", "LINE-PRJ")),
                        tuple("1576", new BigDecimal("8.00"), null, Map.of("project", "LINE-PRJ")),
                        tuple("6010", new BigDecimal("24.00"), "PO PO-HEAD", Map.of("project", "HDR-PRJ")));
        JournalLine vendor = doc.lines().get(doc.lines().size() - 1);
        assertThat(vendor.partner()).isEqualTo("V100");
        assertThat(vendor.text()).isEqualTo("Vendor Paper Ltd");
        assertThat(doc.lines().get(2).tax().code()).isEqualTo("VAT19");
    }

    @Test
    void withoutShippingAccountShippingStaysOnTheLineAccount() {
        PostingDocument doc = new FisJournalBuilder(mapping(null)).build(FisExamples.parse(invoice(1))).document();
        assertThat(FisExamples.totals(doc)).containsExactlyInAnyOrder(
                "4000 Dr 100.00", "1576 Dr 20.00", "6010 Dr 24.00", "1600 Cr 144.00");
    }

    @Test
    void creditNotePostsTheOtherWayRoundOnTheVendorReceivable() {
        BuildResult r = new FisJournalBuilder(mapping("5600")).build(FisExamples.parse(invoice(-1)));
        assertThat(r.problems()).isEmpty();
        assertThat(FisExamples.totals(r.document())).containsExactlyInAnyOrder(
                "4000 Cr 95.00", "5600 Cr 5.00", "1576 Cr 20.00", "6010 Cr 24.00", "1610 Dr 144.00");
    }
}

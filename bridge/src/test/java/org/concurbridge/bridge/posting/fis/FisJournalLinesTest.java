package org.concurbridge.bridge.posting.fis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.concurbridge.bridge.posting.DocumentKind;
import org.concurbridge.bridge.posting.FisExamples;
import org.concurbridge.bridge.posting.ForeignAmount;
import org.concurbridge.bridge.posting.JournalLine;
import org.concurbridge.bridge.posting.LineRole;
import org.concurbridge.bridge.posting.Party;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.PostingSource;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.junit.jupiter.api.Test;

/** Line-level detail of documents built without a mapping: headers, sources, partners, foreign amounts. */
class FisJournalLinesTest {

    private final FisJournalBuilder builder = new FisJournalBuilder(PostingMapping.none());

    @Test
    void expenseReportHeaderCarriesKeyPartyCompanyAndDates() throws Exception {
        PostingDocument doc = builder.build(FisExamples.document("ReportID-14A40453BED6493EB53F")).document();

        assertThat(doc.kind()).isEqualTo(DocumentKind.EXPENSE_REPORT);
        assertThat(doc.idempotencyKey()).isEqualTo("fis:d4c622915cf24771a0269bc82711b50b");
        assertThat(doc.source()).isEqualTo(new PostingSource.Fis("d4c622915cf24771a0269bc82711b50b", "expense",
                "14A40453BED6493EB53F", 1));
        assertThat(doc.header().concurEntity()).isEqualTo("p0085104gigw");
        assertThat(doc.header().ledger()).isEqualTo("GP");
        assertThat(doc.header().company()).isEqualTo("GP");
        assertThat(doc.header().currency()).isEqualTo("GBP");
        assertThat(doc.header().party().type()).isEqualTo(Party.Type.EMPLOYEE);
        assertThat(doc.header().reference()).isEqualTo("14A40453BED6493EB53F");
        assertThat(doc.header().postingDate()).isNotNull();
        assertThat(doc.lines()).allSatisfy(l -> {
            assertThat(l.companyDebit()).isEqualByComparingTo(l.debit());
            assertThat(l.companyCredit()).isEqualByComparingTo(l.credit());
        });
        // the cash advance recovery and the employee offset name where they come from
        JournalLine advance = doc.lines().stream().filter(l -> l.account().equals("CADV")).findFirst().orElseThrow();
        assertThat(advance.source()).isEqualTo("cashAdvanceApplication[0]");
        JournalLine employee = doc.lines().get(doc.lines().size() - 1);
        assertThat(employee.role()).isEqualTo(LineRole.OFFSET);
        assertThat(employee.partner()).isEqualTo(doc.header().party().id());
        assertThat(employee.source()).isEqualTo("expenseEntry[0].allocation[0].journal[0], "
                + "expenseEntry[1].allocation[0].journal[0], expenseEntry[1].allocation[0].journal[1] and 3 more");
    }

    @Test
    void foreignReceiptsKeepTheAmountAsSpent() throws Exception {
        PostingDocument allowance = builder.build(FisExamples.document("Example-1.4.json")).document();
        assertThat(allowance.lines()).filteredOn(l -> l.role() == LineRole.JOURNAL).extracting(JournalLine::foreign)
                .containsExactly(new ForeignAmount("EUR", new java.math.BigDecimal("24.00")),
                        new ForeignAmount("EUR", new java.math.BigDecimal("26.00")));

        PostingDocument hotel = builder.build(FisExamples.document("Example-2.5.json")).document();
        assertThat(hotel.header().currency()).isEqualTo("GBP");
        assertThat(hotel.lines()).filteredOn(l -> l.role() == LineRole.JOURNAL).extracting(JournalLine::foreign)
                .containsExactly(new ForeignAmount("USD", new java.math.BigDecimal("25.00")),
                        new ForeignAmount("USD", new java.math.BigDecimal("75.00")));
    }

    @Test
    void cashAdvanceIsPostedInTheReimbursementCurrency() throws Exception {
        PostingDocument doc = builder.build(FisExamples.document("CashAdvanceID-2E6DA12BB8B87D468BD666383E44033D")).document();
        assertThat(doc.kind()).isEqualTo(DocumentKind.CASH_ADVANCE);
        assertThat(doc.header().currency()).isEqualTo("GBP");
        assertThat(doc.header().postingDate()).isEqualTo(LocalDate.of(2019, 6, 22));
        assertThat(doc.lines().get(0).foreign()).isEqualTo(new ForeignAmount("USD", new java.math.BigDecimal("300.00")));
        assertThat(doc.lines().get(0).reference()).isEqualTo("2E6DA12BB8B87D468BD666383E44033D");
    }

    @Test
    void withoutMappingCostObjectsAreConcursAllocationFields() throws Exception {
        PostingDocument doc = builder.build(FisExamples.document("Example-1.3.json")).document();
        assertThat(doc.lines().get(0).costObjects()).containsExactly(
                Map.entry("allocationCustom1Code", "Q16CLNT500"), Map.entry("allocationCustom2Code", "0021"),
                Map.entry("allocationCustom3Code", "CC"), Map.entry("allocationCustom4Code", "21-BELLEV1"));
        assertThat(doc.lines().get(0).text()).isEqualTo("Personal Car Mileage");
    }

    @Test
    void invoiceIsOwedToItsVendor() throws Exception {
        PostingDocument doc = builder.build(FisExamples.document("getting-started-example-invoice")).document();
        assertThat(doc.kind()).isEqualTo(DocumentKind.INVOICE);
        assertThat(doc.idempotencyKey()).isEqualTo("fis:invoice:9B1D30723CBF4F86A574:r1");
        assertThat(doc.header().party()).isEqualTo(new Party(Party.Type.VENDOR, "94F538F2C3224C6E871CFED9F0F8333A",
                "Test Vendor"));
        assertThat(doc.header().reference()).isEqualTo("25688");
        assertThat(doc.header().documentDate()).isEqualTo(LocalDate.of(2018, 8, 8));
        assertThat(doc.lines().get(1).partner()).isEqualTo("94F538F2C3224C6E871CFED9F0F8333A");
        assertThat(doc.lines().get(1).payerPayeeType()).isEqualTo("VENDOR");
    }
}

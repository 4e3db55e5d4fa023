package org.concurbridge.bridge.posting.pipeline;

import org.concurbridge.bridge.erp.CostObject;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.JournalLine;
import org.concurbridge.bridge.erp.Partner;
import org.concurbridge.bridge.posting.FisExamples;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.fis.FisJournalBuilder;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class JournalEntriesTest {

    private static PostingDocument build(String example, PostingMapping mapping) throws Exception {
        return new FisJournalBuilder(mapping).build(FisExamples.document(example)).document();
    }

    @Test
    void mileageBecomesADebitWithCostObjectsAndAnEmployeePayableCredit() throws Exception {
        PostingDocument doc = build("Example-1.3.json", PostingMapping.none());
        JournalEntry e = JournalEntries.toEntry(doc, "fis:x@r1", LocalDate.of(2026, 1, 1));

        assertThat(e.idempotencyKey()).isEqualTo("fis:x@r1");
        assertThat(e.currency()).isEqualTo("USD").isEqualTo(e.companyCurrency());
        assertThat(e.postingDate()).isEqualTo(doc.header().postingDate());
        JournalLine debit = e.lines().get(0);
        assertThat(debit.side()).isEqualTo(JournalLine.Side.DEBIT);
        assertThat(debit.account()).isEqualTo("54");
        assertThat(debit.amount()).isEqualByComparingTo("24.30");
        assertThat(debit.costObjects()).contains(new CostObject("allocationCustom4Code", "21-BELLEV1"));
        JournalLine credit = e.lines().get(1);
        assertThat(credit.side()).isEqualTo(JournalLine.Side.CREDIT);
        assertThat(credit.partner()).isEqualTo(Partner.employee("1017001", doc.header().party().name()));
        assertThat(e.lines().stream().map(l -> l.side() == JournalLine.Side.DEBIT ? l.amount() : l.amount().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isZero();
    }

    @Test
    void aCompanyInAnotherCurrencyWithoutARateIsAProblemNotAWrongAmount() throws Exception {
        PostingMapping eur = PostingMapping.parse("companies:\n  - { company: CB01, currency: EUR }\n", "test");
        PostingDocument doc = build("Example-1.3.json", eur);

        assertThat(JournalEntries.currencyProblem(doc)).hasValueSatisfying(p ->
                assertThat(p).contains("USD").contains("CB01").contains("EUR").contains("no exchange rate"));
        assertThat(JournalEntries.currencyProblem(build("Example-1.3.json", PostingMapping.none()))).isEmpty();
    }
}

package org.concurbridge.bridge.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.concurbridge.bridge.posting.fis.FisJournalBuilder;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PostingDocumentTest {

    private static PostingDocument example(String file) throws Exception {
        return new FisJournalBuilder(PostingMapping.none()).build(FisExamples.document(file)).document();
    }

    @Test
    void jsonRoundTripKeepsEveryFieldSoTheLedgerCanStoreIt() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        for (String file : new String[] {"Example-2.4.json", "Example-1.4.json", "getting-started-example-invoice"}) {
            PostingDocument doc = example(file);
            String text = json.writeValueAsString(doc);
            assertThat(json.readValue(text, PostingDocument.class)).as(file).isEqualTo(doc);
            assertThat(text).contains("\"type\":\"fis\"").doesNotContain("totalDebit");
        }
    }

    @Test
    void reversalSwapsEverySideAndStaysBalanced() throws Exception {
        PostingDocument doc = example("ReportID-52F40A7F26D74F1AAFFB");
        PostingDocument reversal = doc.reversal(doc.idempotencyKey() + ":reversal");

        assertThat(reversal.idempotencyKey()).isEqualTo("fis:16aa8d104b6a4adaa25dd9783955d16e:reversal");
        assertThat(FisExamples.totals(reversal)).containsExactlyInAnyOrder(
                "105 Cr 60.00", "109 Cr 245.00", "130 Cr 10.00", "CADV Dr 400.00", "EMPL Cr 85.00");
        assertThat(PostingValidator.validate(reversal)).isEmpty();
        assertThat(reversal.lines().get(0).companyCredit()).isEqualByComparingTo(doc.lines().get(0).companyDebit());
    }
}

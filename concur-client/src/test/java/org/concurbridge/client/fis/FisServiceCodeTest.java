package org.concurbridge.client.fis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The service-code table of financial-integration-v4.md 2.5 and the meanings the bridge acts on. */
class FisServiceCodeTest {

    @Test
    void everyDocumentedCodeIsKnownWithItsMeaning() {
        assertThat(Arrays.stream(FisServiceCode.values()).filter(c -> c != FisServiceCode.UNKNOWN)
                .map(FisServiceCode::code)).containsExactly(0, 99, 101, 102, 103, 104, 105, 111, 112, 113, 114, 115,
                116, 198, 199, 213, 298);
        assertThat(FisServiceCode.of(101).meaning()).isEqualTo(FisServiceCode.Meaning.ALREADY_DONE);
        assertThat(FisServiceCode.of(113).meaning()).isEqualTo(FisServiceCode.Meaning.ALREADY_DONE);
        assertThat(FisServiceCode.of(213).meaning()).isEqualTo(FisServiceCode.Meaning.ALREADY_DONE);
        assertThat(FisServiceCode.of(102).meaning()).isEqualTo(FisServiceCode.Meaning.RECALLED);
        assertThat(FisServiceCode.of(112).meaning()).isEqualTo(FisServiceCode.Meaning.RECALLED);
        assertThat(FisServiceCode.of(111).meaning()).isEqualTo(FisServiceCode.Meaning.NOT_YET);
        assertThat(FisServiceCode.of(199).meaning()).isEqualTo(FisServiceCode.Meaning.RETRY_LATER);
        assertThat(FisServiceCode.of(198).meaning()).isEqualTo(FisServiceCode.Meaning.REJECTED);
        assertThat(FisServiceCode.of(-1)).isEqualTo(FisServiceCode.UNKNOWN);
        assertThat(FisServiceCode.of(777)).isEqualTo(FisServiceCode.UNKNOWN);
    }

    @Test
    void aDuplicatePaymentReferenceIsAlreadyDoneButAnInvalidPaymentIsRejected() {
        FisOutcome noop = new FisOutcome("d", FisServiceCode.of(298), 298, "NOOP", "exists", "", "R1");
        FisOutcome invalid = new FisOutcome("d", FisServiceCode.of(298), 298, "FAILURE", "bad date", "", "R1");
        assertThat(noop.meaning()).isEqualTo(FisServiceCode.Meaning.ALREADY_DONE);
        assertThat(noop.isDone()).isTrue();
        assertThat(invalid.meaning()).isEqualTo(FisServiceCode.Meaning.REJECTED);
        assertThat(invalid.isDone()).isFalse();
    }

    @Test
    void confirmationsCheckTheirFieldsAndCutOverlongMessages() {
        assertThatThrownBy(() -> PostingConfirmation.success(" ")).hasMessageContaining("docId");
        assertThatThrownBy(() -> new PostingConfirmation.PostingDoc("", "1", "2026", null))
                .hasMessageContaining("companyId");
        assertThatThrownBy(() -> new PostingConfirmation.PostingDoc("1000", "x".repeat(81), "2026", null))
                .hasMessageContaining("80");
        String cut = PostingConfirmation.SystemMessage.of("y".repeat(2000)).shortText();
        assertThat(cut).hasSize(PostingConfirmation.MAX_MESSAGE).endsWith("…");
        assertThatThrownBy(() -> new PaymentConfirmation("d", PaymentConfirmation.Status.CP, null,
                java.util.List.of())).hasMessageContaining("clearing");
    }
}

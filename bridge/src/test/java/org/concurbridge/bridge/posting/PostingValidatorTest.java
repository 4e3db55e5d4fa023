package org.concurbridge.bridge.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostingValidatorTest {

    static JournalLine line(String account, String debit, String credit) {
        BigDecimal d = new BigDecimal(debit);
        BigDecimal c = new BigDecimal(credit);
        return new JournalLine(account, d, c, d, c, Map.of(), null, null, null, LineRole.JOURNAL, "t", null,
                "expenseEntry[0]", null);
    }

    static PostingDocument doc(String currency, List<JournalLine> lines) {
        PostingHeader h = new PostingHeader("R1", 1, null, "DEFAULT", "US01", new Party(Party.Type.EMPLOYEE, "E1", "Ann"),
                currency, currency, BigDecimal.ONE, LocalDate.of(2024, 1, 2), null, "R1", "trip");
        PostingSource.Fis src = new PostingSource.Fis("abc", "expense", "R1", 1);
        return new PostingDocument(DocumentKind.EXPENSE_REPORT, src.idempotencyKey(), src, h, lines, "concur-codes");
    }

    @Test
    void balancedDocumentHasNoProblems() {
        assertThat(PostingValidator.validate(doc("USD", List.of(line("6100", "10.00", "0"), line("EMPL", "0", "10"))))).isEmpty();
    }

    @Test
    void debitsNotEqualToCreditsIsNamedWithBothTotals() {
        assertThat(PostingValidator.validate(doc("USD", List.of(line("6100", "10.00", "0"), line("EMPL", "0", "9.99")))))
                .containsExactly(new Problem("fis:abc", "journal", "not balanced: debits 10.00 USD, credits 9.99 USD"));
    }

    @Test
    void everyBadLineAndHeaderFieldIsNamed() {
        List<Problem> problems = PostingValidator.validate(doc("usd", List.of(
                line("", "10", "0"), line("EMPL", "5", "5"), line("X", "-1", "0"))));
        assertThat(problems).extracting(Problem::field).containsExactly(
                "header.currency", "journal[0].account", "journal[1]", "journal[2]", "journal");
        assertThat(problems.get(1).message()).isEqualTo("missing account (expenseEntry[0])");
    }
}

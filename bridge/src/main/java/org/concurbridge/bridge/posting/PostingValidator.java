package org.concurbridge.bridge.posting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a built {@link PostingDocument} before it goes anywhere: required header fields, one positive side per
 * line, and debits equal to credits exactly (document currency, and company currency when known).
 */
public final class PostingValidator {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private PostingValidator() {
    }

    public static List<Problem> validate(PostingDocument d) {
        List<Problem> problems = new ArrayList<>();
        String doc = d.idempotencyKey() == null || d.idempotencyKey().isBlank() ? "(no key)" : d.idempotencyKey();
        if (d.idempotencyKey() == null || d.idempotencyKey().isBlank()) {
            problems.add(new Problem(doc, "key", "missing idempotency key"));
        }
        if (d.kind() == null) {
            problems.add(new Problem(doc, "kind", "missing"));
        }
        PostingHeader h = d.header();
        if (h == null) {
            problems.add(new Problem(doc, "header", "missing"));
            return problems;
        }
        if (h.currency() == null || !CURRENCY.matcher(h.currency()).matches()) {
            problems.add(new Problem(doc, "header.currency", "must be an ISO 4217 code, was \"" + h.currency() + "\""));
        }
        if (h.company() == null || h.company().isBlank()) {
            problems.add(new Problem(doc, "header.company", "missing ERP company"));
        }
        if (h.party() == null || h.party().id() == null || h.party().id().isBlank()) {
            problems.add(new Problem(doc, "header.party", "missing employee or vendor id"));
        }
        boolean companyAmounts = h.exchangeRate() != null;
        for (int i = 0; i < d.lines().size(); i++) {
            JournalLine l = d.lines().get(i);
            String f = "journal[" + i + "]";
            String where = l.source() == null ? "" : " (" + l.source() + ")";
            if (l.account() == null || l.account().isBlank()) {
                problems.add(new Problem(doc, f + ".account", "missing account" + where));
            }
            if (!oneSide(l.debit(), l.credit())) {
                problems.add(new Problem(doc, f, "needs exactly one positive side, has debit " + l.debit()
                        + " and credit " + l.credit() + where));
            } else if (companyAmounts && !oneSide(l.companyDebit(), l.companyCredit())) {
                problems.add(new Problem(doc, f, "company-currency amounts missing or not one-sided" + where));
            }
        }
        BigDecimal debit = d.totalDebit();
        BigDecimal credit = d.totalCredit();
        if (debit.compareTo(credit) != 0) {
            problems.add(new Problem(doc, "journal", "not balanced: debits " + Money.format(debit) + " "
                    + h.currency() + ", credits " + Money.format(credit) + " " + h.currency()));
        }
        if (companyAmounts && problems.isEmpty()) {
            BigDecimal cd = d.lines().stream().map(JournalLine::companyDebit).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal cc = d.lines().stream().map(JournalLine::companyCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (cd.compareTo(cc) != 0) {
                problems.add(new Problem(doc, "journal", "not balanced in company currency: debits "
                        + Money.format(cd) + ", credits " + Money.format(cc)));
            }
        }
        return problems;
    }

    private static boolean oneSide(BigDecimal debit, BigDecimal credit) {
        if (debit == null || credit == null || debit.signum() < 0 || credit.signum() < 0) {
            return false;
        }
        return (debit.signum() > 0) != (credit.signum() > 0);
    }
}

package org.concurbridge.bridge.erp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks every adapter applies before anything reaches the ERP: the header is complete, each line has an
 * account and a positive amount with no more decimals than its currency has, and debits equal credits in the
 * document currency and in the company currency. Pure; returns every problem at once.
 */
public final class EntryRules {

    /** Longest idempotency key the adapters store (SQL column width, Tryton reference). */
    public static final int MAX_KEY_LENGTH = 200;

    private EntryRules() {
    }

    public static List<ValidationProblem> check(JournalEntry e) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (e.idempotencyKey().isBlank() || e.idempotencyKey().length() > MAX_KEY_LENGTH) {
            problems.add(ValidationProblem.header("idempotencyKey", e.idempotencyKey(),
                    "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        if (blank(e.company())) {
            problems.add(ValidationProblem.header("company", e.company(), "is required"));
        }
        if (e.postingDate() == null) {
            problems.add(ValidationProblem.header("postingDate", null, "is required"));
        }
        Currency doc = currency(e.currency(), "currency", problems);
        Currency company = currency(e.companyCurrency(), "companyCurrency", problems);
        if (e.lines().size() < 2) {
            problems.add(ValidationProblem.header("lines", String.valueOf(e.lines().size()),
                    "an entry needs at least two lines"));
        }
        BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (int i = 0; i < e.lines().size(); i++) {
            JournalLine l = e.lines().get(i);
            int n = i + 1;
            if (blank(l.account())) {
                problems.add(ValidationProblem.line(n, "account", l.account(), "is required"));
            }
            if (l.side() == null) {
                problems.add(ValidationProblem.line(n, "side", null, "must be DEBIT or CREDIT"));
            }
            boolean amountOk = amount(n, "amount", l.amount(), doc, problems);
            boolean companyOk = amount(n, "companyAmount", l.companyAmount(), company, problems);
            if (amountOk && companyOk && !e.foreignCurrency() && l.amount().compareTo(l.companyAmount()) != 0) {
                problems.add(ValidationProblem.line(n, "companyAmount", l.companyAmount().toPlainString(),
                        "differs from amount " + l.amount().toPlainString() + " although the entry is in the "
                                + "company currency"));
            }
            if (l.side() != null && amountOk && companyOk) {
                int base = l.side() == JournalLine.Side.DEBIT ? 0 : 1;
                totals[base] = totals[base].add(l.amount());
                totals[base + 2] = totals[base + 2].add(l.companyAmount());
            }
            Set<String> dimensions = new HashSet<>();
            for (CostObject c : l.costObjects()) {
                if (c == null || blank(c.dimension()) || blank(c.code())) {
                    problems.add(ValidationProblem.line(n, "costObject", String.valueOf(c),
                            "needs a dimension and a code"));
                } else if (!dimensions.add(c.dimension())) {
                    problems.add(ValidationProblem.line(n, "costObject", c.toString(),
                            "dimension " + c.dimension() + " is assigned twice"));
                }
            }
            if (l.partner() != null && (l.partner().type() == null || blank(l.partner().code()))) {
                problems.add(ValidationProblem.line(n, "partner", String.valueOf(l.partner()),
                        "needs a type and a code"));
            }
        }
        if (problems.isEmpty()) {
            balance(totals[0], totals[1], e.currency(), problems);
            if (e.foreignCurrency()) {
                balance(totals[2], totals[3], e.companyCurrency(), problems);
            }
        }
        return problems;
    }

    /** Throws {@link ErpException.Permanent} listing every problem when the entry breaks a rule. */
    public static void require(JournalEntry e) {
        List<ValidationProblem> problems = check(e);
        if (!problems.isEmpty()) {
            throw ErpException.Permanent.invalid(e, problems);
        }
    }

    private static void balance(BigDecimal debits, BigDecimal credits, String currency,
                                List<ValidationProblem> problems) {
        if (debits.compareTo(credits) != 0) {
            problems.add(ValidationProblem.header("balance", currency,
                    "debits " + debits.toPlainString() + " do not equal credits " + credits.toPlainString()
                            + " (difference " + debits.subtract(credits).toPlainString() + " " + currency + ")"));
        }
    }

    private static boolean amount(int line, String field, BigDecimal value, Currency currency,
                                  List<ValidationProblem> problems) {
        if (value == null) {
            problems.add(ValidationProblem.line(line, field, null, "is required"));
            return false;
        }
        if (value.signum() <= 0) {
            problems.add(ValidationProblem.line(line, field, value.toPlainString(),
                    "must be positive (put negative amounts on the other side)"));
            return false;
        }
        if (currency != null && currency.getDefaultFractionDigits() >= 0
                && value.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            problems.add(ValidationProblem.line(line, field, value.toPlainString(),
                    "has more than " + currency.getDefaultFractionDigits() + " decimals for "
                            + currency.getCurrencyCode()));
            return false;
        }
        return currency != null;
    }

    private static Currency currency(String code, String field, List<ValidationProblem> problems) {
        if (blank(code)) {
            problems.add(ValidationProblem.header(field, code, "is required"));
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException ex) {
            problems.add(ValidationProblem.header(field, code, "is not an ISO 4217 currency code"));
            return null;
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

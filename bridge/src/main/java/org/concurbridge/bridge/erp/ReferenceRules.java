package org.concurbridge.bridge.erp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks of an entry's references against the ERP, written once for every adapter so that a Concur processor
 * reads the same message whichever ERP is behind the bridge: unknown or inactive account, cost object, employee,
 * supplier or tax code; an account that cannot take postings; a payable/receivable account without a partner.
 * The adapter answers the lookups from the records it loaded.
 */
public final class ReferenceRules {

    /** A referenced record as the ERP has it; a lookup returns null for an unknown code. */
    public enum State { ACTIVE, INACTIVE, NOT_POSTABLE }

    /** An account: its state, and whether lines on it must name an employee or supplier. */
    public record Account(State state, boolean partnerRequired) {
    }

    /** What the adapter loaded for the entries being checked. */
    public interface Lookup {
        Account account(String code);

        State costObject(CostObject costObject);

        State partner(Partner partner);

        State taxCode(String code);
    }

    private ReferenceRules() {
    }

    public static List<ValidationProblem> check(JournalEntry e, Lookup lookup) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (int i = 0; i < e.lines().size(); i++) {
            JournalLine l = e.lines().get(i);
            int n = i + 1;
            Account account = lookup.account(l.account());
            if (account == null) {
                problems.add(ValidationProblem.line(n, "account", l.account(), "unknown account"));
            } else if (account.state() == State.INACTIVE) {
                problems.add(ValidationProblem.line(n, "account", l.account(), "account is inactive"));
            } else if (account.state() == State.NOT_POSTABLE) {
                problems.add(ValidationProblem.line(n, "account", l.account(),
                        "account takes no postings (a view/summary account); use one of its children"));
            } else if (account.partnerRequired() && l.partner() == null) {
                problems.add(ValidationProblem.line(n, "partner", null,
                        "account " + l.account() + " requires an employee or supplier"));
            }
            for (CostObject co : l.costObjects()) {
                State state = lookup.costObject(co);
                if (state != State.ACTIVE) {
                    problems.add(ValidationProblem.line(n, "costObject", co.toString(),
                            state == null ? "unknown cost object" : "cost object is inactive"));
                }
            }
            if (l.partner() != null) {
                State state = lookup.partner(l.partner());
                String what = l.partner().type().name().toLowerCase(Locale.ROOT);
                if (state != State.ACTIVE) {
                    problems.add(ValidationProblem.line(n, "partner", l.partner().code(),
                            state == null ? "unknown " + what : what + " is inactive"));
                }
            }
            if (l.taxCode() != null) {
                State state = lookup.taxCode(l.taxCode());
                if (state != State.ACTIVE) {
                    problems.add(ValidationProblem.line(n, "taxCode", l.taxCode(),
                            state == null ? "unknown tax code" : "tax code is inactive"));
                }
            }
        }
        return problems;
    }
}

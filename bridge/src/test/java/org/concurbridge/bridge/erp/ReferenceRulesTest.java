package org.concurbridge.bridge.erp;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceRulesTest {

    private final Map<String, ReferenceRules.Account> accounts = Map.of(
            "6010", new ReferenceRules.Account(ReferenceRules.State.ACTIVE, false),
            "6990", new ReferenceRules.Account(ReferenceRules.State.INACTIVE, false),
            "6000", new ReferenceRules.Account(ReferenceRules.State.NOT_POSTABLE, false),
            "2100", new ReferenceRules.Account(ReferenceRules.State.ACTIVE, true));

    private final ReferenceRules.Lookup lookup = new ReferenceRules.Lookup() {
        @Override
        public ReferenceRules.Account account(String code) {
            return accounts.get(code);
        }

        @Override
        public ReferenceRules.State costObject(CostObject co) {
            return co.code().equals("CC1900") ? ReferenceRules.State.INACTIVE
                    : co.code().equals("CC1100") ? ReferenceRules.State.ACTIVE : null;
        }

        @Override
        public ReferenceRules.State partner(Partner p) {
            return p.code().equals("E1001") ? ReferenceRules.State.ACTIVE : null;
        }

        @Override
        public ReferenceRules.State taxCode(String code) {
            return code.equals("VAT19") ? ReferenceRules.State.ACTIVE : ReferenceRules.State.INACTIVE;
        }
    };

    @Test
    void namesEveryReferenceProblemWithTheSameWordsForEveryErp() {
        BigDecimal one = BigDecimal.ONE;
        JournalEntry e = new JournalEntry("K", "CB01", LocalDate.of(2026, 1, 1), "EUR", "EUR", null, null, List.of(
                JournalLine.debit("9999", one, null),
                JournalLine.debit("6990", one, null).withCostObjects(CostObject.costCenter("CC1900")),
                JournalLine.debit("6000", one, null).withTaxCode("VAT0"),
                JournalLine.credit("2100", one, null),
                JournalLine.debit("6010", one, null).withPartner(Partner.supplier("S404", null))
                        .withCostObjects(CostObject.costCenter("CC1100"), CostObject.project("P-404")),
                JournalLine.credit("2100", one, null).withPartner(Partner.employee("E1001", null))
                        .withTaxCode("VAT19")));
        assertThat(ReferenceRules.check(e, lookup)).extracting(ValidationProblem::toString).containsExactly(
                "line 1 account '9999': unknown account",
                "line 2 account '6990': account is inactive",
                "line 2 costObject 'COST_CENTER:CC1900': cost object is inactive",
                "line 3 account '6000': account takes no postings (a view/summary account); use one of its children",
                "line 3 taxCode 'VAT0': tax code is inactive",
                "line 4 partner: account 2100 requires an employee or supplier",
                "line 5 costObject 'PROJECT:P-404': unknown cost object",
                "line 5 partner 'S404': unknown supplier");
    }
}

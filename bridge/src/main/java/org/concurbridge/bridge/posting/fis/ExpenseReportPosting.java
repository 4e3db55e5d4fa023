package org.concurbridge.bridge.posting.fis;

import static org.concurbridge.bridge.posting.fis.FisHeaders.nonBlank;
import static org.concurbridge.bridge.posting.fis.FisHeaders.require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurbridge.bridge.posting.DocumentKind;
import org.concurbridge.bridge.posting.ForeignAmount;
import org.concurbridge.bridge.posting.JournalAssembler;
import org.concurbridge.bridge.posting.Money;
import org.concurbridge.bridge.posting.Party;
import org.concurbridge.bridge.posting.PostingHeader;
import org.concurbridge.bridge.posting.PostingSource;
import org.concurbridge.bridge.posting.TaxDetail;
import org.concurbridge.bridge.posting.mapping.CostObjectSource;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.fis.CustomFields;
import org.concurbridge.client.fis.ExpenseDocument;
import org.concurbridge.client.fis.ExpenseDocument.Allocation;
import org.concurbridge.client.fis.ExpenseDocument.ExpenseEntry;
import org.concurbridge.client.fis.ExpenseDocument.Journal;
import org.concurbridge.client.fis.ExpenseDocument.Tax;
import org.concurbridge.client.fis.FisDocument;

/**
 * Posts an expense report. Every {@code allocation[].journal[]} is one amount between a payer and a payee on an
 * account, signed (positive = debit). The company's side of it becomes a journal line (net of tax) plus one tax line
 * per linked tax (deductible and non-deductible parts apart); the counterpart's side (whoever of payer/payee is not
 * {@code COMP}) becomes an offset on that payment code's account. Cash advance applications credit the advance
 * clearing account and reduce what the employee is owed.
 */
final class ExpenseReportPosting {

    static final String COMPANY = "COMP";
    static final String EMPLOYEE = "EMPL";

    private final FisDocument envelope;
    private final ExpenseDocument doc;
    private final JournalAssembler a;
    private final PostingSource.Fis source;
    private String employeeId;
    private String employeeText;

    ExpenseReportPosting(FisDocument envelope, ExpenseDocument doc, PostingMapping mapping) {
        this.envelope = envelope;
        this.doc = doc;
        ExpenseDocument.Report r = doc.report();
        int revision = r != null && r.revisionNumber() != null ? r.revisionNumber() : 1;
        this.source = new PostingSource.Fis(envelope.id(), "expense", r == null ? null : r.reportId(), revision);
        this.a = new JournalAssembler(source.idempotencyKey(), mapping);
    }

    FisJournalBuilder.Draft build() {
        ExpenseDocument.Report r = doc.report();
        if (r == null) {
            a.problem("report", "required");
            return new FisJournalBuilder.Draft(DocumentKind.EXPENSE_REPORT, source, a, null);
        }
        require(a, "report.reportId", r.reportId());
        String currency = require(a, "report.employeeCurrencyAlphaCode", r.employeeCurrencyAlphaCode());
        ExpenseDocument.Employee emp = doc.employee();
        employeeId = require(a, "employee.employeeId", emp == null ? null : emp.employeeId());
        String name = emp == null ? null : FisHeaders.fullName(emp.employeeFirstName(), emp.employeeLastName());
        employeeText = "Employee " + (name != null ? name : employeeId);

        BigDecimal approvedTotal = BigDecimal.ZERO;
        for (int i = 0; i < doc.expenseEntry().size(); i++) {
            ExpenseEntry entry = doc.expenseEntry().get(i);
            entry(i, entry, currency);
            approvedTotal = approvedTotal.add(Money.orZero(entry.entryApprovedAmount()));
        }
        if (r.totalApprovedAmount() != null && r.totalApprovedAmount().compareTo(approvedTotal) != 0) {
            a.problem("report.totalApprovedAmount", "is " + Money.format(r.totalApprovedAmount())
                    + " but the entries' approved amounts add up to " + Money.format(approvedTotal));
        }
        for (int n = 0; n < doc.cashAdvanceApplication().size(); n++) {
            cashAdvanceApplication(n, doc.cashAdvanceApplication().get(n));
        }

        PostingHeader header = FisHeaders.header(a, envelope.companyId(), envelope.entityId(), r.ledgerCode(), "report.ledgerCode",
                r.reportId(), source.revision(), new Party(Party.Type.EMPLOYEE, employeeId, name), currency,
                FisHeaders.utcDate(r.reportPaymentProcessingDate() != null
                        ? r.reportPaymentProcessingDate() : r.reportSubmitDate()),
                FisHeaders.utcDate(r.reportSubmitDate()), r.reportId(), r.reportName());
        return new FisJournalBuilder.Draft(DocumentKind.EXPENSE_REPORT, source, a, header);
    }

    private void entry(int i, ExpenseEntry entry, String currency) {
        String ep = "expenseEntry[" + i + "]";
        BigDecimal journalSum = BigDecimal.ZERO;
        for (int k = 0; k < entry.allocation().size(); k++) {
            Allocation alloc = entry.allocation().get(k);
            String ap = ep + ".allocation[" + k + "]";
            for (int m = 0; m < alloc.journal().size(); m++) {
                Journal j = alloc.journal().get(m);
                if (j.amountGross() != null) {
                    journalSum = journalSum.add(j.amountGross());
                }
                journal(ap + ".journal[" + m + "]", ap, entry, alloc, j, currency);
            }
        }
        if (entry.entryApprovedAmount() != null && entry.entryApprovedAmount().compareTo(journalSum) != 0) {
            a.problem(ep + ".entryApprovedAmount", "is " + Money.format(entry.entryApprovedAmount())
                    + " but its journals' amountGross add up to " + Money.format(journalSum));
        }
    }

    private void journal(String jp, String ap, ExpenseEntry entry, Allocation alloc, Journal j, String currency) {
        BigDecimal gross = j.amountGross();
        if (gross == null) {
            a.problem(jp + ".amountGross", "required");
            return;
        }
        String payer = nonBlank(j.journalPayer());
        String payee = nonBlank(j.journalPayee());
        String counterpart;
        boolean owedByCounterpart;
        String counterpartField;
        if (COMPANY.equals(payer) && payee != null && !COMPANY.equals(payee)) {
            counterpart = payee;
            owedByCounterpart = false;
            counterpartField = jp + ".journalPayee";
        } else if (COMPANY.equals(payee) && payer != null && !COMPANY.equals(payer)) {
            counterpart = payer;
            owedByCounterpart = true;
            counterpartField = jp + ".journalPayer";
        } else {
            a.problem(jp + ".journalPayer", "payer \"" + payer + "\" and payee \"" + payee
                    + "\": exactly one of them must be COMP (the company)");
            return;
        }
        String account = nonBlank(j.journalAccountCode());
        String accountField = jp + ".journalAccountCode";
        if (account == null) {
            // Concur leaves the journal account empty on some CBCP personal charges; the entry's clearing account
            // holds the card clearing account then (documented for clearingAccountCode).
            account = nonBlank(entry.clearingAccountCode());
            accountField = jp.substring(0, jp.indexOf(".allocation")) + ".clearingAccountCode";
        }
        if (account == null) {
            a.problem(jp + ".journalAccountCode", "required (and the entry has no clearingAccountCode)");
            return;
        }

        Map<String, String> costObjects = a.mapping().costObjects(new Fields(entry, alloc, j));
        List<Integer> linked = linkedTaxes(alloc, j);
        BigDecimal net = gross;
        BigDecimal taxSign = BigDecimal.ONE;
        if (!linked.isEmpty()) {
            BigDecimal taxTotal = BigDecimal.ZERO;
            for (int t : linked) {
                Tax tax = alloc.tax().get(t);
                if (tax.amountTax() == null) {
                    a.problem(ap + ".tax[" + t + "].amountTax", "required");
                    return;
                }
                taxTotal = taxTotal.add(tax.amountTax());
            }
            if (gross.signum() < 0 && taxTotal.signum() > 0) {
                taxSign = BigDecimal.ONE.negate(); // taxes of a credit given unsigned: they follow the journal
                taxTotal = taxTotal.negate();
            }
            net = j.amountNetOfTax() != null ? j.amountNetOfTax() : gross.subtract(taxTotal);
            if (gross.subtract(net).compareTo(taxTotal) != 0) {
                a.problem(jp + ".amountNetOfTax", "amountGross " + Money.format(gross) + " minus amountNetOfTax "
                        + Money.format(net) + " is " + Money.format(gross.subtract(net))
                        + " but its taxes add up to " + Money.format(taxTotal));
                return;
            }
        }
        String text = nonBlank(entry.expenseTypeName()) != null ? entry.expenseTypeName() : entry.expenseTypeCode();
        String reference = nonBlank(j.cardTransactionReferenceNumber()) != null
                ? j.cardTransactionReferenceNumber() : nonBlank(entry.cardTransactionID());
        a.journal(account, accountField, net, costObjects, text, reference, jp, foreign(entry, gross, currency));
        for (int t : linked) {
            tax(ap + ".tax[" + t + "]", alloc.tax().get(t), taxSign, costObjects);
        }
        a.offset(counterpart, owedByCounterpart, partner(counterpart, entry), offsetText(counterpart), gross,
                counterpartField, jp);
    }

    private void tax(String tp, Tax tax, BigDecimal sign, Map<String, String> costObjects) {
        String key = nonBlank(tax.taxCode()) != null ? tax.taxCode().trim() : nonBlank(tax.taxAuthorityLabel());
        if (key == null) {
            a.problem(tp + ".taxCode", "required (or taxAuthorityLabel) to choose the tax account");
            return;
        }
        String jurisdiction = nonBlank(tax.locationCountrySubCode()) != null
                ? tax.locationCountrySubCode() : tax.locationCountryCode();
        BigDecimal reclaim = Money.orZero(tax.amountReclaim()).multiply(sign);
        BigDecimal nonDeductible = tax.amountTax().multiply(sign).subtract(reclaim);
        a.tax(new TaxDetail(key, tax.taxAuthorityLabel(), jurisdiction, true), tp + ".taxCode", reclaim,
                costObjects, "Tax " + key + " (deductible)", tp);
        a.tax(new TaxDetail(key, tax.taxAuthorityLabel(), jurisdiction, false), tp + ".taxCode", nonDeductible,
                costObjects, "Tax " + key + " (non-deductible)", tp);
    }

    /** Indexes of the allocation's taxes this journal links by taxGuid; all of them when it is the only journal. */
    private static List<Integer> linkedTaxes(Allocation alloc, Journal j) {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < alloc.tax().size(); t++) {
            Tax tax = alloc.tax().get(t);
            boolean linked = j.taxGuid().isEmpty()
                    ? alloc.journal().size() == 1
                    : tax.taxGuid() != null && j.taxGuid().contains(tax.taxGuid());
            if (linked) {
                out.add(t);
            }
        }
        return out;
    }

    private void cashAdvanceApplication(int n, ExpenseDocument.CashAdvanceApplication c) {
        String cp = "cashAdvanceApplication[" + n + "]";
        if (c.cashAdvanceApplicationAmount() == null) {
            a.problem(cp + ".cashAdvanceApplicationAmount", "required");
            return;
        }
        String account = require(a, cp + ".cashAdvanceClearingAccountCode", c.cashAdvanceClearingAccountCode());
        if (account == null) {
            return;
        }
        BigDecimal amount = c.cashAdvanceApplicationAmount();
        a.journal(account, cp + ".cashAdvanceClearingAccountCode", amount, Map.of(),
                "Cash advance applied", c.cashAdvanceId(), cp, null);
        // the advance settles against what the company owes the employee: the payable, never the receivable
        a.offset(EMPLOYEE, false, employeeId, employeeText, amount, cp, cp);
    }

    private String partner(String paymentCode, ExpenseEntry entry) {
        if (EMPLOYEE.equals(paymentCode)) {
            return employeeId;
        }
        return paymentCode.endsWith("CP") || paymentCode.endsWith("IP") ? nonBlank(entry.cardProgramTypeCode()) : null;
    }

    private String offsetText(String paymentCode) {
        return switch (paymentCode) {
            case EMPLOYEE -> employeeText;
            case "IBCP", "IBIP" -> "Card vendor (" + paymentCode + ")";
            case "CBCP" -> "Company card (CBCP)";
            case "COPD" -> "Company paid (COPD)";
            default -> "Payment code " + paymentCode;
        };
    }

    /** The journal's share of the amount as spent, when the receipt's currency is not the report's. */
    private static ForeignAmount foreign(ExpenseEntry entry, BigDecimal gross, String currency) {
        String spent = nonBlank(entry.entryCurrAlphaCode());
        BigDecimal txn = entry.reportEntryTransactionAmount();
        BigDecimal approved = entry.entryApprovedAmount();
        if (spent == null || spent.equals(currency) || txn == null) {
            return null;
        }
        if (approved == null || approved.signum() == 0 || approved.compareTo(gross) == 0) {
            return new ForeignAmount(spent, Money.normalize(txn));
        }
        return new ForeignAmount(spent, Money.normalize(txn.multiply(gross).divide(approved, 2, RoundingMode.HALF_UP)));
    }

    /** Cost-object fields of one journal: allocation, journal, entry and report sections (never the employee). */
    private final class Fields implements CostObjectSource {
        private final ExpenseEntry entry;
        private final Allocation alloc;
        private final Journal journal;

        Fields(ExpenseEntry entry, Allocation alloc, Journal journal) {
            this.entry = entry;
            this.alloc = alloc;
            this.journal = journal;
        }

        @Override
        public String code(String field) {
            CustomFields section;
            if (field.startsWith("allocation")) {
                section = alloc.custom();
            } else if (field.startsWith("journal")) {
                section = journal.custom();
            } else if (field.startsWith("entry")) {
                section = entry.custom();
            } else if (field.startsWith("report")) {
                section = doc.report().custom();
            } else {
                return null;
            }
            return section.nonBlank(field);
        }

        @Override
        public Map<String, String> concurDefaults() {
            Map<String, String> out = numbered("allocationCustom", 20);
            return out.isEmpty() ? numbered("entryOrgUnit", 6) : out;
        }

        private Map<String, String> numbered(String prefix, int max) {
            Map<String, String> out = new LinkedHashMap<>();
            for (int n = 1; n <= max; n++) {
                String field = prefix + n + "Code";
                String v = code(field);
                if (v != null) {
                    out.put(field, v);
                }
            }
            return out;
        }
    }
}

package org.concurbridge.bridge.posting.fis;

import static org.concurbridge.bridge.posting.fis.FisHeaders.nonBlank;
import static org.concurbridge.bridge.posting.fis.FisHeaders.require;

import java.math.BigDecimal;
import java.util.Map;
import org.concurbridge.bridge.posting.DocumentKind;
import org.concurbridge.bridge.posting.ForeignAmount;
import org.concurbridge.bridge.posting.JournalAssembler;
import org.concurbridge.bridge.posting.Money;
import org.concurbridge.bridge.posting.Party;
import org.concurbridge.bridge.posting.PostingHeader;
import org.concurbridge.bridge.posting.PostingSource;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.fis.CashAdvanceDocument;
import org.concurbridge.client.fis.CashAdvanceDocument.CashAdvanceData;
import org.concurbridge.client.fis.CashAdvanceDocument.JournalData;
import org.concurbridge.client.fis.ExpenseDocument;
import org.concurbridge.client.fis.FisDocument;

/**
 * Posts an issued (or returned-to-administrator) cash advance: each {@code journalData[]} row debits or credits its
 * account (the employee's cash advance clearing account) as {@code debitOrCredit} says, and the counterpart (the
 * employee) takes the other side. Amounts are in the reimbursement currency, as the SAE issuance row is; the
 * advance's own currency and amount are kept as the foreign amount.
 */
final class CashAdvancePosting {

    private final FisDocument envelope;
    private final CashAdvanceDocument doc;
    private final JournalAssembler a;
    private final PostingSource.Fis source;

    CashAdvancePosting(FisDocument envelope, CashAdvanceDocument doc, PostingMapping mapping) {
        this.envelope = envelope;
        this.doc = doc;
        CashAdvanceData data = doc.cashAdvanceData();
        this.source = new PostingSource.Fis(envelope.id(), "cashadvance", data == null ? null : data.cashAdvanceId(), 1);
        this.a = new JournalAssembler(source.idempotencyKey(), mapping);
    }

    FisJournalBuilder.Draft build() {
        CashAdvanceData data = doc.cashAdvanceData();
        if (data == null) {
            a.problem("cashAdvanceData", "required");
            return new FisJournalBuilder.Draft(DocumentKind.CASH_ADVANCE, source, a, null);
        }
        require(a, "cashAdvanceData.cashAdvanceId", data.cashAdvanceId());
        String currency = nonBlank(data.employeeCurrencyAlphaCode()) != null
                ? data.employeeCurrencyAlphaCode().trim()
                : require(a, "cashAdvanceData.employeeCurrencyAlphaCode", data.currencyAlphaCode());
        ExpenseDocument.Employee emp = doc.employeeData();
        String employeeId = require(a, "employeeData.employeeId", emp == null ? null : emp.employeeId());
        String name = emp == null ? null : FisHeaders.fullName(emp.employeeFirstName(), emp.employeeLastName());
        if (doc.journalData().isEmpty()) {
            a.problem("journalData", "has no rows; nothing says how to post the advance");
        }
        String advanceCurrency = nonBlank(data.currencyAlphaCode());
        ForeignAmount foreign = advanceCurrency != null && !advanceCurrency.equals(currency) && data.requestAmount() != null
                && doc.journalData().size() == 1 ? new ForeignAmount(advanceCurrency, Money.normalize(data.requestAmount()))
                : null;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < doc.journalData().size(); i++) {
            BigDecimal signed = row(i, doc.journalData().get(i), data, employeeId, name, foreign);
            total = total.add(signed);
        }
        if (advanceCurrency != null && advanceCurrency.equals(currency) && data.requestAmount() != null
                && !doc.journalData().isEmpty() && total.abs().compareTo(data.requestAmount().abs()) != 0) {
            a.problem("cashAdvanceData.requestAmount", "is " + Money.format(data.requestAmount())
                    + " but journalData amounts add up to " + Money.format(total));
        }
        PostingHeader header = FisHeaders.header(a, envelope.companyId(), envelope.entityId(), null, "cashAdvanceData",
                data.cashAdvanceId(), 1, new Party(Party.Type.EMPLOYEE, employeeId, name), currency,
                FisHeaders.utcDate(data.issuedDate() != null ? data.issuedDate() : data.requestDate()),
                FisHeaders.utcDate(data.requestDate()), data.cashAdvanceId(), data.name());
        return new FisJournalBuilder.Draft(DocumentKind.CASH_ADVANCE, source, a, header);
    }

    /** Posts one row and returns its signed amount (zero when the row is unusable). */
    private BigDecimal row(int i, JournalData row, CashAdvanceData data, String employeeId, String name,
                           ForeignAmount foreign) {
        String jp = "journalData[" + i + "]";
        if (row.amount() == null) {
            a.problem(jp + ".amount", "required");
            return BigDecimal.ZERO;
        }
        String dc = nonBlank(row.debitOrCredit());
        BigDecimal signed;
        if (dc == null) {
            signed = row.amount();
        } else if (dc.equalsIgnoreCase("DR")) {
            signed = row.amount().abs();
        } else if (dc.equalsIgnoreCase("CR")) {
            signed = row.amount().abs().negate();
        } else {
            a.problem(jp + ".debitOrCredit", "expected DR or CR but was \"" + dc + "\"");
            return BigDecimal.ZERO;
        }
        String payer = nonBlank(row.payer());
        String payee = nonBlank(row.payee());
        String counterpart;
        boolean owed;
        String counterpartField;
        if (ExpenseReportPosting.COMPANY.equals(payer) && payee != null && !ExpenseReportPosting.COMPANY.equals(payee)) {
            counterpart = payee;
            owed = false;
            counterpartField = jp + ".payee";
        } else if (ExpenseReportPosting.COMPANY.equals(payee) && payer != null) {
            counterpart = payer;
            owed = true;
            counterpartField = jp + ".payer";
        } else {
            a.problem(jp + ".payer", "payer \"" + payer + "\" and payee \"" + payee
                    + "\": exactly one of them must be COMP (the company)");
            return BigDecimal.ZERO;
        }
        String account = nonBlank(row.accountCode());
        String accountField = jp + ".accountCode";
        if (account == null) {
            account = nonBlank(data.clearingAccountCode());
            accountField = "cashAdvanceData.clearingAccountCode";
        }
        if (account == null) {
            a.problem(jp + ".accountCode", "required (and cashAdvanceData has no clearingAccountCode)");
            return BigDecimal.ZERO;
        }
        String text = "Cash advance" + (nonBlank(data.name()) == null ? "" : " " + data.name().trim());
        a.journal(account, accountField, signed, Map.of(), text, data.cashAdvanceId(), jp, foreign);
        a.offset(counterpart, owed, ExpenseReportPosting.EMPLOYEE.equals(counterpart) ? employeeId : null,
                "Employee " + (name != null ? name : employeeId), signed, counterpartField, jp);
        return signed;
    }
}

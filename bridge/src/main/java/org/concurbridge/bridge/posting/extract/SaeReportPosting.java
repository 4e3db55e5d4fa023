package org.concurbridge.bridge.posting.extract;

import static org.concurbridge.bridge.posting.extract.Rows.COMPANY;
import static org.concurbridge.bridge.posting.extract.Rows.field;
import static org.concurbridge.bridge.posting.extract.Rows.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.DocumentKind;
import org.concurbridge.bridge.posting.ForeignAmount;
import org.concurbridge.bridge.posting.JournalAssembler;
import org.concurbridge.bridge.posting.Money;
import org.concurbridge.bridge.posting.Party;
import org.concurbridge.bridge.posting.PostingHeader;
import org.concurbridge.bridge.posting.PostingSource;
import org.concurbridge.bridge.posting.TaxDetail;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.extract.SaeRow;

/**
 * Posts the SAE rows of one expense report (or one cash advance issuance) through the {@link JournalAssembler}, the
 * same way as FIS posts the report's journals, so that both routes give the same journals:
 * <ul>
 *   <li>an ordinary row (one journal line, columns 163–170) is a journal line on its account (167) for its amount
 *       signed by Debit/Credit (168), and an offset for the same amount on its counterpart's payment code — of payer
 *       (164) and payee (166) the one that is not {@code COMP}: {@code EMPL} (employee payable, or receivable when
 *       the employee owes the company: personal CBCP charges), {@code IBCP}/{@code IBIP} card vendor, {@code CBCP}
 *       card clearing, {@code COPD}…;</li>
 *   <li>a tax row (tax code 232 or authority label 226 filled, the "tax on a separate row" option) posts its amount
 *       on the tax accounts of its code, split into the reclaimable part (231, else 230) and the rest, and offsets it
 *       like the journal row it belongs to (when its payer is a tax authority rather than a payment code);</li>
 *   <li>a cash advance application or return row (185 = 2) is a journal line on the advance clearing account (167)
 *       offset against the employee <em>payable</em> (the advance settles against the payout);</li>
 *   <li>a cash advance issuance row (185 = 1, no report key) posts like the FIS cash advance document: its account
 *       against the employee;</li>
 *   <li>a personal charge on an individually billed card (68 = Y, 126 = IBCP/IBIP) posts nothing: the employee pays
 *       the issuer (FIS leaves it out).</li>
 * </ul>
 * Offsets are netted by the assembler exactly as for FIS. Cost objects come from the allocation, entry and report
 * columns under their FIS names ({@link RowFields}), never from the employee columns.
 */
final class SaeReportPosting {

    static final String EMPLOYEE = "EMPL";
    private static final int TAX_CODE = 232;
    private static final int TAX_LABEL = 226;
    private static final int CA_TRANSACTION_TYPE = 185;

    private final String batchId;
    private final String groupKey;
    private final List<SaeRow> rows;
    private final JournalAssembler a;
    private final PostingSource.Extract source;
    private String employeeId;
    private String employeeText;
    /** Per entry id: the counterpart of its last journal row, for tax rows whose payer is a tax authority. */
    private final Map<String, Counterpart> lastCounterpart = new HashMap<>();

    SaeReportPosting(String batchId, String groupKey, List<SaeRow> rows, PostingMapping mapping) {
        this.batchId = batchId;
        this.groupKey = groupKey;
        this.rows = rows;
        this.source = new PostingSource.Extract("SAE", batchId, groupKey);
        this.a = new JournalAssembler(source.idempotencyKey(), mapping);
    }

    /**
     * The key of an SAE group: the report key (20), else the report id (19), or {@code CA-<cash advance key>} for an
     * issuance row.
     */
    static String groupKey(SaeRow row) {
        String report = text(row, 20) != null ? text(row, 20) : text(row, 19);
        if (report != null) {
            return report;
        }
        String advance = text(row, 187);
        return advance == null ? null : "CA-" + advance;
    }

    static boolean isIssuance(SaeRow row) {
        return text(row, 20) == null && text(row, 19) == null && "1".equals(text(row, CA_TRANSACTION_TYPE));
    }

    BuildResult build() {
        SaeRow first = rows.get(0);
        boolean issuance = isIssuance(first);
        employeeId = Rows.require(a, first, 5, "Employee ID");
        String name = Rows.fullName(first.employeeFirstName(), first.employeeLastName());
        employeeText = "Employee " + (name != null ? name : employeeId);
        // An issuance row has no report, so no reimbursement currency (22): the advance's reimbursement currency (181),
        // else its own currency (178), as the FIS cash advance document (employeeCurrencyAlphaCode, currencyAlphaCode).
        String currency = !issuance ? Rows.require(a, first, 22, "Reimbursement Currency")
                : text(first, 22) != null ? text(first, 22)
                : text(first, 181) != null ? text(first, 181)
                : Rows.require(a, first, 178, "Cash Advance Request Currency Alpha Code");
        for (SaeRow row : rows) {
            if (issuance) {
                issuanceRow(row);
            } else {
                row(row, currency);
            }
        }
        Party party = new Party(Party.Type.EMPLOYEE, employeeId, name);
        PostingHeader header;
        DocumentKind kind;
        if (issuance) {
            kind = DocumentKind.CASH_ADVANCE;
            String advance = text(first, 187);
            header = Rows.header(a, first, 21, advance, party, currency,
                    first.cashAdvanceIssuedDate() != null ? first.cashAdvanceIssuedDate() : first.batchDate(),
                    first.date(186), advance, text(first, 259));
        } else {
            kind = DocumentKind.EXPENSE_REPORT;
            String reportId = Rows.require(a, first, 19, "Report ID");
            header = Rows.header(a, first, 21, reportId, party, currency,
                    first.reportPaymentProcessingDate() != null ? first.reportPaymentProcessingDate()
                            : first.reportSubmitDate(), first.reportSubmitDate(), reportId, first.reportName());
        }
        return Rows.finish(a, kind, source, header);
    }

    private void row(SaeRow row, String currency) {
        if (isIndividuallyBilledPersonal(row)) {
            return;
        }
        String src = "line " + row.lineNumber();
        BigDecimal signed = Rows.signedAmount(row);
        String account = Rows.require(a, row, 167, "Journal Account Code");
        if (account == null) {
            return;
        }
        String accountField = field(row, 167, "Journal Account Code");
        Map<String, String> costObjects = a.mapping().costObjects(RowFields.sae(row));
        if ("2".equals(text(row, CA_TRANSACTION_TYPE))) {
            a.journal(account, accountField, signed, Map.of(), "Cash advance applied", text(row, 187), src, null);
            employeeOffset(false, signed, src);
            return;
        }
        String entry = Objects.toString(text(row, 61), "");
        String taxKey = text(row, TAX_CODE) != null ? text(row, TAX_CODE) : text(row, TAX_LABEL);
        boolean authority = isTaxAuthorityPayer(row);
        Counterpart counterpart = authority ? null : Counterpart.of(row, a.mapping());
        authority = authority || counterpart == null;
        boolean taxRow = taxKey != null && (account.equals(text(row, TAX_CODE)) || account.equals(text(row, TAX_LABEL))
                || authority);
        if (taxRow) {
            if (authority) {
                counterpart = lastCounterpart.get(entry);
            }
            tax(row, taxKey, signed, costObjects, src);
        } else {
            String text = text(row, 63);
            String reference = text(row, 133) != null ? text(row, 133) : text(row, 136);
            a.journal(account, accountField, signed, costObjects, text, reference, src, foreign(row, signed, currency));
        }
        if (counterpart == null) {
            noCounterpart(row, a.mapping());
            return;
        }
        if (!taxRow) {
            lastCounterpart.put(entry, counterpart);
        }
        String counterpartField = field(row, counterpart.payer() ? 164 : 166,
                counterpart.payer() ? "Journal Payer Payment Code Name" : "Journal Payee Payment Code Name");
        if (EMPLOYEE.equals(counterpart.code())) {
            employeeOffset(counterpart.payer(), signed, counterpartField);
        } else {
            a.offset(counterpart.code(), counterpart.payer(), partner(counterpart.code(), row),
                    offsetText(counterpart.code()), signed, counterpartField, src);
        }
    }

    /** A separate tax row: its reclaimable part and the rest on the tax accounts of its code. */
    private void tax(SaeRow row, String key, BigDecimal signed, Map<String, String> costObjects, String src) {
        BigDecimal reclaim = Rows.decimal(a, row, 231, "Reclaim Posted Amount");
        if (reclaim == null) {
            reclaim = Rows.decimal(a, row, 230, "Reclaim Transaction Amount");
        }
        BigDecimal deductible = reclaim == null ? signed
                : signed.signum() < 0 ? reclaim.abs().negate() : reclaim.abs();
        BigDecimal nonDeductible = signed.subtract(deductible);
        String jurisdiction = text(row, 159) != null ? text(row, 159) : text(row, 158);
        String field = field(row, text(row, TAX_CODE) != null ? TAX_CODE : TAX_LABEL, "Tax Code");
        a.tax(new TaxDetail(key, text(row, TAX_LABEL), jurisdiction, true), field, deductible, costObjects,
                "Tax " + key + " (deductible)", src);
        a.tax(new TaxDetail(key, text(row, TAX_LABEL), jurisdiction, false), field, nonDeductible, costObjects,
                "Tax " + key + " (non-deductible)", src);
    }

    /**
     * A personal charge on an individually billed card (68 = Y, payment type 126 IBCP or IBIP): the employee pays the
     * card issuer for it, so it posts nothing. The SAE keeps the row; FIS leaves it out (specs/README.md 1.5).
     */
    static boolean isIndividuallyBilledPersonal(SaeRow row) {
        String paymentType = Objects.toString(text(row, 126), "");
        return "Y".equalsIgnoreCase(Objects.toString(text(row, 68), ""))
                && (paymentType.equalsIgnoreCase("IBCP") || paymentType.equalsIgnoreCase("IBIP"));
    }

    /**
     * A separate tax row's payer is the tax authority (its label or name, 226/225, in the payer's payment code or type
     * name column) rather than a payment code.
     */
    private static boolean isTaxAuthorityPayer(SaeRow row) {
        String label = text(row, TAX_LABEL);
        String name = text(row, 225);
        for (int column : new int[] {164, 163}) {
            String v = text(row, column);
            if (v != null && (v.equalsIgnoreCase(Objects.toString(label, "")) || v.equalsIgnoreCase(
                    Objects.toString(name, "")))) {
                return true;
            }
        }
        return false;
    }

    private void issuanceRow(SaeRow row) {
        String src = "line " + row.lineNumber();
        String account = Rows.require(a, row, 167, "Journal Account Code");
        Counterpart counterpart = Counterpart.of(row, a.mapping());
        if (account == null) {
            return;
        }
        if (counterpart == null) {
            noCounterpart(row, a.mapping());
            return;
        }
        BigDecimal signed = Rows.signedAmount(row);
        String name = text(row, 259);
        a.journal(account, field(row, 167, "Journal Account Code"), signed, Map.of(),
                "Cash advance" + (name == null ? "" : " " + name), text(row, 187), src, null);
        boolean employee = EMPLOYEE.equals(counterpart.code());
        a.offset(counterpart.code(), counterpart.payer(), employee ? employeeId : null,
                employee ? employeeText : "Payment code " + counterpart.code(), signed,
                field(row, counterpart.payer() ? 164 : 166, "Journal Payment Code Name"), src);
    }

    /**
     * The row's payer and payee do not say who the company settles with. When a side's label is unknown, the problem
     * names its cell and value and how to map it; otherwise both sides are known but not one company and one
     * counterpart.
     */
    private void noCounterpart(SaeRow row, PostingMapping mapping) {
        for (Side side : Side.values()) {
            if (side.resolve(row, mapping) == null && (text(row, side.typeColumn) != null
                    || text(row, side.codeColumn) != null)) {
                int column = text(row, side.typeColumn) != null ? side.typeColumn : side.codeColumn;
                String value = text(row, column);
                String other = column == side.typeColumn ? text(row, side.codeColumn) : null;
                a.problem(field(row, column, column == side.typeColumn ? side.typeName : side.codeName),
                        side.word + " \"" + value + "\"" + (other == null ? "" : " (payment code name \"" + other
                        + "\")") + " is not a Concur payment code (" + String.join(", ", KNOWN_CODES) + ") and the"
                        + " row does not tell who it is (the entry's payment type, column 126, is \""
                        + Objects.toString(text(row, 126), "") + "\"): name it in the connection's posting mapping,"
                        + " e.g. paymentLabels: { \"" + value + "\": COMP } for the company or EMPL for the employee");
                return;
            }
        }
        a.problem(field(row, 164, "Journal Payer Payment Code Name"), "payer \"" + text(row, 164) + "\" and payee \""
                + text(row, 166) + "\": exactly one of them must be the company (COMP)");
    }

    private void employeeOffset(boolean owedByEmployee, BigDecimal signed, String field) {
        a.offset(EMPLOYEE, owedByEmployee, employeeId, employeeText, signed, field, field);
    }

    private static String partner(String paymentCode, SaeRow row) {
        return paymentCode.endsWith("CP") || paymentCode.endsWith("IP") ? text(row, 251) : null;
    }

    private String offsetText(String paymentCode) {
        switch (paymentCode) {
            case "IBCP", "IBIP":
                return "Card vendor (" + paymentCode + ")";
            case "CBCP":
                return "Company card (CBCP)";
            case "COPD":
                return "Company paid (COPD)";
            default:
                return "Payment code " + paymentCode;
        }
    }

    /** The row's share of the amount as spent, when the receipt's currency (65) is not the report's. */
    private static ForeignAmount foreign(SaeRow row, BigDecimal signed, String currency) {
        String spent = text(row, 65);
        BigDecimal txn = row.transactionAmount();
        BigDecimal approved = row.approvedAmount();
        if (spent == null || spent.equals(currency) || txn == null) {
            return null;
        }
        if (approved == null || approved.signum() == 0 || approved.compareTo(signed) == 0) {
            return new ForeignAmount(spent, Money.normalize(txn));
        }
        return new ForeignAmount(spent, Money.normalize(txn.multiply(signed).divide(approved, 2,
                RoundingMode.HALF_UP)));
    }

    /** Concur's payment codes (FIS journalPayer/journalPayee; specs/README.md 1.5). */
    static final List<String> KNOWN_CODES = List.of(COMPANY, EMPLOYEE, "IBCP", "IBIP", "CBCP", "COPD");

    /** One party of a journal row: its payment type name column and its payment code name column. */
    enum Side {
        PAYER(163, 164, "payer", "Journal Payer Payment Type Name", "Journal Payer Payment Code Name"),
        PAYEE(165, 166, "payee", "Journal Payee Payment Type Name", "Journal Payee Payment Code Name");

        final int typeColumn;
        final int codeColumn;
        final String word;
        final String typeName;
        final String codeName;

        Side(int typeColumn, int codeColumn, String word, String typeName, String codeName) {
            this.typeColumn = typeColumn;
            this.codeColumn = codeColumn;
            this.word = word;
            this.typeName = typeName;
            this.codeName = codeName;
        }

        /**
         * The payment code this side stands for, from what the columns mean, or null when they do not say:
         * <ol>
         *   <li>the payment code name column (164/166, FIS journalPayer/journalPayee) holding one of Concur's payment
         *       codes, or a code the mapping's offsets name (the customer's own payment code);</li>
         *   <li>the connection's {@code paymentLabels}: the code name, then the type name (163/165) as the customer
         *       renamed it;</li>
         *   <li>a type name that is a payment code or a card program ({@code IBCP CORP}), as the excerpts print.</li>
         * </ol>
         * The display words "Company"/"Employee" of the type name are not read: a customer renames them.
         */
        String resolve(SaeRow row, PostingMapping mapping) {
            String code = text(row, codeColumn);
            String type = text(row, typeColumn);
            String upper = code == null ? null : code.toUpperCase(Locale.ROOT);
            if (upper != null && (KNOWN_CODES.contains(upper) || mapping.hasOffset(upper))) {
                return upper;
            }
            Optional<String> mapped = mapping.paymentLabel(code).or(() -> mapping.paymentLabel(type));
            if (mapped.isPresent()) {
                return mapped.get();
            }
            if (code == null && type != null) {
                String t = type.toUpperCase(Locale.ROOT);
                t = t.endsWith(" CORP") ? t.substring(0, t.length() - 5).trim() : t;
                if (KNOWN_CODES.contains(t)) {
                    return t;
                }
            }
            return null;
        }
    }

    /**
     * Who the company settles with on a row: of payer and payee, the one that is not the company.
     *
     * @param code  the counterpart's payment code (EMPL, IBCP, CBCP, COPD…)
     * @param payer true when the counterpart pays the company (it owes: a credit, a personal charge)
     */
    record Counterpart(String code, boolean payer) {

        /**
         * The counterpart from the sides' meaning ({@link Side#resolve}); where a side is unknown (a renamed type with
         * a pseudo payment code), inferred from the row: the other side when one is known (every journal row is
         * between the company and one counterpart), else the direction (DR: the company pays; CR: the counterpart
         * pays) and {@link #inferredCode}. Null when neither tells.
         */
        static Counterpart of(SaeRow row, PostingMapping mapping) {
            String payer = Side.PAYER.resolve(row, mapping);
            String payee = Side.PAYEE.resolve(row, mapping);
            if (payer != null && payee != null) {
                if (COMPANY.equals(payer) != COMPANY.equals(payee)) {
                    return COMPANY.equals(payer) ? new Counterpart(payee, false) : new Counterpart(payer, true);
                }
                return null;    // both the company, or neither
            }
            if (payer != null || payee != null) {
                boolean payerKnown = payer != null;
                String known = payerKnown ? payer : payee;
                if (!COMPANY.equals(known)) {
                    return new Counterpart(known, payerKnown);      // the unknown side is the company
                }
                String code = inferredCode(row, !payerKnown);
                return code == null ? null : new Counterpart(code, !payerKnown);
            }
            boolean counterpartPays = Rows.signedAmount(row).signum() < 0;
            String code = inferredCode(row, counterpartPays);
            return code == null ? null : new Counterpart(code, counterpartPays);
        }

        /**
         * The counterpart's payment code when the row's labels do not say it: an issuance row (185 = 1) settles with
         * the employee; otherwise the entry's payment type (126): {@code CASH} (out of pocket) is the employee, a
         * card program is the card — except that on a personal charge the party paying the company is the employee
         * (specs/README.md 1.5: "CBCP entirely personal": Company → card DR, Employee → Company CR). Null without a
         * payment type.
         */
        static String inferredCode(SaeRow row, boolean counterpartPays) {
            if ("1".equals(text(row, CA_TRANSACTION_TYPE))) {
                return EMPLOYEE;
            }
            String paymentType = text(row, 126);
            if (paymentType == null) {
                return null;
            }
            if (paymentType.equalsIgnoreCase("CASH")
                    || (counterpartPays && "Y".equalsIgnoreCase(Objects.toString(text(row, 68), "")))) {
                return EMPLOYEE;
            }
            return paymentType.toUpperCase(Locale.ROOT);
        }
    }
}

package org.concurbridge.sandbox.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concurbridge.sandbox.fis.FisUseCase;
import tools.jackson.databind.JsonNode;

/**
 * Writes a Standard Accounting Extract (SAE v3, specs/README.md section 1) from FIS expense and cash advance documents:
 * an {@code EXTRACT} header (batch date, record count, journal amount total, batch id), then one 400-column
 * {@code DETAIL} record per journal line, at the positions of specs/sae-columns.csv.
 *
 * <p>Journal lines: one per FIS journal ({@code expenseEntry[].allocation[].journal[]}); an allocation with taxes
 * gives its journal's net amount on the expense account and one more line per tax on the tax code (the "tax on a
 * separate row" extract option); one line per cash advance application ({@code 185} = 2, on the clearing account);
 * one line per cash advance issuance ({@code 185} = 1) — like Concur's, with no report columns and no reimbursement
 * currency in column 22 (the advance's reimbursement currency is in 181, its own in 178). Column 62 is {@code CHD} for entries allocated over several
 * allocations and {@code REG} otherwise. Each line posts its amount to column 167 and the opposite amount to the
 * payment code of the party (166 when the payer is the company, 164 otherwise): the same journal as
 * {@code ExpectedJournal}.
 *
 * <p>One exception, as specs/README.md 1.5 describes: the personal charge on an IBCP card (use cases 6.1.6 and
 * 6.1.6-with-offsetting) stays in the extract although FIS leaves it out — a {@code REG} row with column 68 = {@code Y},
 * 126 = {@code IBCP}, payer {@code EMPL} → payee {@code COMP}, {@code DR}, on the card's clearing account. The employee
 * pays the card issuer for it, so it posts nothing (it is not in the expected journal); a bridge must skip it.
 */
final class SaeWriter {

    static final int COLUMNS = 400;
    /** Column 69, Report Entry Description: where a BAD_ROWS fault breaks the quoting. */
    static final int DESCRIPTION = 69;
    private static final String COMPANY = "COMP";

    private SaeWriter() {
    }

    /** The file, and how many rows each document produced (same order as {@code docs}). */
    record Written(String content, int recordCount, BigDecimal journalTotal, List<Integer> rowsPerDocument,
                   BigDecimal dueEmployee) {
    }

    static Written write(long batchId, LocalDate batchDate, List<SourceDocument> docs, FileFault fault) {
        List<String> lines = new ArrayList<>();
        List<Integer> perDoc = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal dueEmployee = BigDecimal.ZERO;
        int seq = 0;
        for (SourceDocument d : docs) {
            List<Row> rows = switch (d.docType()) {
                case EXPENSE -> expenseRows(d);
                case CASH_ADVANCE -> cashAdvanceRows(d);
                case INVOICE -> throw new IllegalArgumentException("invoice " + d.fisId() + " belongs in a PRAE file");
            };
            perDoc.add(rows.size());
            boolean broken = d.brokenBy(fault);
            for (Row r : rows) {
                seq++;
                String[] c = r.columns(batchId, batchDate, seq);
                total = total.add(r.amount);
                if ("EMPL".equals(r.party()) && !r.informational) {
                    dueEmployee = dueEmployee.add(r.amount);
                }
                lines.add(broken ? FaultyFiles.badRecord(c, DESCRIPTION) : Delimited.record(Arrays.asList(c)));
            }
        }
        return new Written(FaultyFiles.assemble(header(batchId, batchDate, seq, total, fault), lines, fault), seq,
                total, perDoc, dueEmployee);
    }

    private static String header(long batchId, LocalDate batchDate, int count, BigDecimal total, FileFault fault) {
        boolean wrong = fault != null && fault.kind() == FileFault.Kind.WRONG_TOTALS;
        return Delimited.record(List.of("EXTRACT", batchDate.toString(), Integer.toString(wrong ? count + 1 : count),
                Delimited.money(wrong ? total.add(BigDecimal.ONE) : total), Long.toString(batchId)));
    }

    // ------------------------------------------------------------------ rows of one document

    private static List<Row> expenseRows(SourceDocument d) {
        JsonNode doc = d.document();
        JsonNode report = doc.path("report");
        JsonNode employee = doc.path("employee");
        List<Row> rows = new ArrayList<>();
        JsonNode entries = doc.path("expenseEntry");
        for (JsonNode e : entries) {
            String type = e.path("allocation").size() > 1 ? "CHD" : "REG";
            for (JsonNode a : e.path("allocation")) {
                for (JsonNode j : a.path("journal")) {
                    String payer = text(j, "journalPayer");
                    String payee = text(j, "journalPayee");
                    JsonNode taxes = a.path("tax");
                    boolean separateTax = taxes.size() > 0;
                    BigDecimal amount = decimal(j, separateTax ? "amountNetOfTax" : "amountGross");
                    Row row = new Row(employee, report, e, a, j, type, payer, payee, text(j, "journalAccountCode"),
                            amount);
                    rows.add(row);
                    for (JsonNode t : taxes) {
                        Row tax = new Row(employee, report, e, a, j, type, payer, payee, text(t, "taxCode"),
                                decimal(t, "amountTax"));
                        tax.tax = t;
                        rows.add(tax);
                    }
                }
            }
        }
        JsonNode apps = doc.path("cashAdvanceApplication");
        BigDecimal applied = BigDecimal.ZERO;
        for (JsonNode app : apps) {
            applied = applied.add(decimal(app, "cashAdvanceApplicationAmount").abs());
        }
        int i = 0;
        for (JsonNode app : apps) {
            // Recovery rows go against the cash rows one after another (specs/README.md 1.5).
            JsonNode e = entries.size() == 0 ? null : entries.get(Math.min(i++, entries.size() - 1));
            JsonNode a = e == null ? null : e.path("allocation").path(0);
            Row row = new Row(employee, report, e, a, null, "REG", "EMPL", COMPANY,
                    text(app, "cashAdvanceClearingAccountCode"), decimal(app, "cashAdvanceApplicationAmount"));
            row.cashAdvance = app;
            row.cashAdvanceTotal = applied;
            rows.add(row);
        }
        if (FisUseCase.IBCP_PERSONAL.name().equals(d.useCase())
                || FisUseCase.IBCP_PERSONAL_OFFSET.name().equals(d.useCase())) {
            rows.add(ibcpPersonalRow(employee, report, entries));
        }
        ReportTotals totals = ReportTotals.of(rows, entries);
        rows.forEach(r -> r.totals = totals);
        return rows;
    }

    /**
     * The IBCP personal charge. Its amount is not in the FIS document: with offsetting and an employee share left, it
     * is the amount offset to the card; otherwise a deterministic amount drawn from the report id (5.00–59.99).
     */
    private static Row ibcpPersonalRow(JsonNode employee, JsonNode report, JsonNode entries) {
        JsonNode card = null;
        BigDecimal offset = null;
        boolean employeeShare = false;
        for (JsonNode e : entries) {
            if ("IBCP".equals(text(e, "reportEntryPatKey")) && card == null) {
                card = e;
            }
            for (JsonNode a : e.path("allocation")) {
                for (JsonNode j : a.path("journal")) {
                    if ("CASH".equals(text(e, "reportEntryPatKey")) && "IBCP".equals(text(j, "journalPayee"))) {
                        offset = decimal(j, "amountGross");
                    }
                    if ("Y".equals(text(e, "offsetPayType")) && "EMPL".equals(text(j, "journalPayee"))) {
                        employeeShare = true;
                    }
                }
            }
        }
        BigDecimal amount = offset != null && employeeShare ? offset
                : BigDecimal.valueOf(500 + Math.floorMod(text(report, "reportId").hashCode(), 5500), 2);
        Row row = new Row(employee, report, card, card == null ? null : card.path("allocation").path(0), null, "REG",
                "EMPL", COMPANY, card == null ? "" : text(card, "clearingAccountCode"), amount);
        row.overrides.put(61, "");
        row.overrides.put(63, "Personal");
        row.overrides.put(68, "Y");
        row.overrides.put(69, "Personal charge on the company card");
        row.overrides.put(123, Delimited.money(amount));
        row.overrides.put(124, Delimited.money(BigDecimal.ZERO));
        row.overrides.put(125, Delimited.money(BigDecimal.ZERO));
        row.overrides.put(137, Delimited.money(amount));
        row.overrides.put(140, Delimited.money(amount));
        row.overrides.put(189, "");
        for (int i = 191; i <= 210; i++) {
            row.overrides.put(i, "");
        }
        row.informational = true;
        return row;
    }

    private static List<Row> cashAdvanceRows(SourceDocument d) {
        JsonNode doc = d.document();
        List<Row> rows = new ArrayList<>();
        for (JsonNode j : doc.path("journalData")) {
            BigDecimal amount = decimal(j, "amount");
            if ("CR".equals(text(j, "debitOrCredit")) && amount.signum() > 0) {
                amount = amount.negate();
            }
            Row row = new Row(doc.path("employeeData"), null, null, null, null, "REG", text(j, "payer"),
                    text(j, "payee"), text(j, "accountCode"), amount);
            row.cashAdvanceData = doc.path("cashAdvanceData");
            row.cashAdvanceJournal = j;
            rows.add(row);
        }
        return rows;
    }

    /** Per-report totals repeated on each row (columns 311–320). */
    private record ReportTotals(BigDecimal personal, BigDecimal claimed, BigDecimal dueEmployee, BigDecimal dueCard,
                                BigDecimal companyPaid) {
        static ReportTotals of(List<Row> rows, JsonNode entries) {
            BigDecimal personal = BigDecimal.ZERO;
            BigDecimal claimed = BigDecimal.ZERO;
            for (JsonNode e : entries) {
                BigDecimal amount = decimal(e, "reportEntryTransactionAmount");
                claimed = claimed.add(amount);
                if ("Y".equals(text(e, "entryIsPersonal"))) {
                    personal = personal.add(amount);
                }
            }
            BigDecimal employee = BigDecimal.ZERO;
            BigDecimal card = BigDecimal.ZERO;
            BigDecimal company = BigDecimal.ZERO;
            for (Row r : rows) {
                if (r.informational) {
                    personal = personal.add(r.amount);
                    continue;
                }
                switch (r.party()) {
                    case "EMPL" -> employee = employee.add(r.amount);
                    case "IBCP", "CBCP" -> card = card.add(r.amount);
                    case "COPD" -> company = company.add(r.amount);
                    default -> { }
                }
            }
            return new ReportTotals(personal, claimed, employee, card, company);
        }
    }

    /** One detail record: the document context plus one journal line. */
    private static final class Row {
        final JsonNode employee;
        final JsonNode report;
        final JsonNode entry;
        final JsonNode allocation;
        final JsonNode journal;
        final String transactionType;
        final String payer;
        final String payee;
        final String account;
        final BigDecimal amount;
        JsonNode tax;
        JsonNode cashAdvance;
        BigDecimal cashAdvanceTotal;
        JsonNode cashAdvanceData;
        JsonNode cashAdvanceJournal;
        ReportTotals totals;
        /** Column values that replace the context's (1-based positions). */
        final Map<Integer, String> overrides = new HashMap<>();
        /** A row that posts nothing (the IBCP personal charge). */
        boolean informational;

        Row(JsonNode employee, JsonNode report, JsonNode entry, JsonNode allocation, JsonNode journal,
            String transactionType, String payer, String payee, String account, BigDecimal amount) {
            this.employee = employee;
            this.report = report;
            this.entry = entry;
            this.allocation = allocation;
            this.journal = journal;
            this.transactionType = transactionType;
            this.payer = payer;
            this.payee = payee;
            this.account = account;
            this.amount = amount;
        }

        /** The payment code on the other side of the line: the payee when the company pays, the payer otherwise. */
        String party() {
            return COMPANY.equals(payer) ? payee : payer;
        }

        String[] columns(long batchId, LocalDate batchDate, int seq) {
            String[] c = new String[COLUMNS];
            Arrays.fill(c, "");
            c[0] = "DETAIL";
            put(c, 2, Long.toString(batchId));
            put(c, 3, batchDate.toString());
            put(c, 4, Integer.toString(seq));
            employee(c);
            if (report != null) {
                report(c);
            }
            if (entry != null) {
                entry(c);
            }
            if (allocation != null && !allocation.isMissingNode()) {
                allocation(c);
            }
            journal(c, seq);
            if (tax != null) {
                tax(c);
            }
            if (cashAdvance != null) {
                put(c, 177, Delimited.money(cashAdvanceTotal));
                put(c, 185, text(cashAdvance, "cashAdvanceTransactionType"));
                put(c, 187, text(cashAdvance, "cashAdvanceId"));
                put(c, 329, Delimited.money(cashAdvanceTotal));
            }
            if (cashAdvanceData != null) {
                issuance(c);
            }
            if (totals != null) {
                put(c, 311, Delimited.money(totals.personal()));
                put(c, 312, Delimited.money(totals.claimed()));
                put(c, 313, Delimited.money(totals.dueEmployee().max(BigDecimal.ZERO)));
                put(c, 314, Delimited.money(totals.dueCard().max(BigDecimal.ZERO)));
                put(c, 316, Delimited.money(totals.companyPaid()));
                put(c, 317, Delimited.money(totals.dueEmployee().negate().max(BigDecimal.ZERO)));
                put(c, 319, Delimited.money(totals.dueEmployee()));
                put(c, 320, Delimited.money(totals.dueCard()));
            }
            overrides.forEach((position, value) -> put(c, position, value));
            return c;
        }

        private void employee(String[] c) {
            put(c, 5, text(employee, "employeeId"));
            put(c, 6, text(employee, "employeeLastName"));
            put(c, 7, text(employee, "employeeFirstName"));
            put(c, 8, text(employee, "employeeMI"));
            put(c, 9, text(employee, "employeeCustom21Code"));
            for (int i = 1; i <= 6; i++) {
                put(c, 9 + i, text(employee, "employeeOrgUnit" + i + "Code"));
            }
            put(c, 264, text(employee, "loginId"));
            put(c, 265, text(employee, "emailAddress"));
            for (int i = 1; i <= 20; i++) {
                put(c, 265 + i, text(employee, "employeeCustom" + i + "Code"));
            }
        }

        private void report(String[] c) {
            put(c, 19, text(report, "reportId"));
            put(c, 20, text(report, "reportKey"));
            put(c, 21, text(report, "ledgerCode"));
            put(c, 22, text(report, "employeeCurrencyAlphaCode"));
            put(c, 23, text(report, "homeCountryCode"));
            put(c, 24, date(report, "reportSubmitDate"));
            put(c, 25, date(report, "reportUserDefinedDate"));
            put(c, 26, date(report, "reportPaymentProcessingDate"));
            put(c, 27, text(report, "reportName"));
            put(c, 28, "N");
            put(c, 29, hasTax() ? "Y" : "N");
            put(c, 30, "N");
            put(c, 31, Delimited.money(decimalOrNull(report, "totalApprovedAmount")));
            put(c, 32, Delimited.money(decimalOrNull(report, "totalApprovedAmount")));
            for (int i = 1; i <= 6; i++) {
                put(c, 34 + i, text(report, "reportOrgUnit" + i + "Code"));
            }
            for (int i = 1; i <= 20; i++) {
                put(c, 40 + i, text(report, "reportCustom" + i + "Code"));
            }
            put(c, 321, "");
            put(c, 324, date(report, "reportStartDate"));
            put(c, 325, date(report, "reportEndDate"));
            put(c, 327, Delimited.money(decimalOrNull(report, "cashAdvanceReturnsAmount")));
        }

        private boolean hasTax() {
            return allocation != null && allocation.path("tax").size() > 0;
        }

        private void entry(String[] c) {
            put(c, 61, text(entry, "entryId"));
            put(c, 62, transactionType);
            put(c, 63, text(entry, "expenseTypeName"));
            put(c, 64, date(entry, "entryDate"));
            put(c, 65, text(entry, "entryCurrAlphaCode"));
            put(c, 66, Delimited.money(decimalOrNull(entry, "entryExchangeRate")));
            put(c, 67, text(entry, "entryExchangeRateDirection"));
            put(c, 68, text(entry, "entryIsPersonal"));
            put(c, 69, text(entry, "entryDescription"));
            put(c, 70, text(entry, "entryVendorCode"));
            put(c, 71, text(entry, "entryVendorDescription"));
            put(c, 72, "N");
            put(c, 73, text(entry, "entryReceiptType"));
            for (int i = 1; i <= 6; i++) {
                put(c, 76 + i, text(entry, "entryOrgUnit" + i + "Code"));
            }
            for (int i = 1; i <= 40; i++) {
                put(c, 82 + i, text(entry, "entryCustom" + i + "Code"));
            }
            put(c, 123, Delimited.money(decimalOrNull(entry, "reportEntryTransactionAmount")));
            put(c, 124, Delimited.money(decimalOrNull(entry, "entryApprovedAmount")));
            put(c, 125, Delimited.money(decimalOrNull(entry, "entryApprovedAmount")));
            put(c, 126, text(entry, "reportEntryPatKey"));
            put(c, 127, text(entry, "reportEntryPaymentTypeName"));
            put(c, 128, "Y".equals(text(entry, "expensePayIndicator")) ? "1" : "");
            if (!text(entry, "cardTransactionID").isEmpty()) {
                put(c, 133, journal == null ? "" : text(journal, "cardTransactionReferenceNumber"));
                put(c, 135, "RPE");
                put(c, 136, text(entry, "cardTransactionID"));
                put(c, 137, Delimited.money(decimalOrNull(entry, "cardTransactionAmount")));
                put(c, 139, text(entry, "cardTransactionCurrency"));
                put(c, 140, Delimited.money(decimalOrNull(entry, "cardTransactionPostedAmount")));
                put(c, 141, text(entry, "cardTransactionPostedCurrency"));
                put(c, 251, text(entry, "cardProgramTypeCode"));
            }
            String country = text(entry, "entryCountryCode");
            put(c, 158, country);
            put(c, 159, text(entry, "entryCountrySubCode"));
            if (!country.isEmpty()) {
                put(c, 160, report == null || country.equals(text(report, "homeCountryCode")) ? "HOME" : "FRGN");
            }
            if ("MILEG".equals(text(entry, "expenseTypeCode"))) {
                String description = text(entry, "entryDescription");
                int space = description.indexOf(" km");
                put(c, 171, space > 0 ? description.substring(0, space) : "");
                put(c, 172, "0");
            }
            put(c, 250, text(entry, "reportEntryPaymentTypeName"));
            put(c, 334, text(entry, "entryLocationCityName"));
            put(c, 335, text(entry, "entryIsBillable"));
            put(c, 338, text(entry, "entryLocationName"));
            put(c, 339, country);
        }

        private void allocation(String[] c) {
            put(c, 189, text(allocation, "allocationId"));
            put(c, 190, Delimited.money(decimalOrNull(allocation, "allocationPercentage")));
            for (int i = 1; i <= 20; i++) {
                put(c, 190 + i, text(allocation, "allocationCustom" + i + "Code"));
            }
            put(c, 260, "N");
            if (journal != null) {
                put(c, 18, Delimited.money(decimalOrNull(journal, "amountNetOfReclaim")));
                put(c, 211, Delimited.money(decimalOrNull(journal, "amountNetOfTax")));
                put(c, 224, Delimited.money(decimalOrNull(journal, "amountNetOfReclaim")));
                put(c, 247, Delimited.money(decimalOrNull(journal, "amountNetOfTax")));
                put(c, 314, Delimited.money(decimalOrNull(journal, "amountGrossCard")));
            }
            BigDecimal taxTotal = BigDecimal.ZERO;
            BigDecimal reclaimTotal = BigDecimal.ZERO;
            for (JsonNode t : allocation.path("tax")) {
                taxTotal = taxTotal.add(decimal(t, "amountTax"));
                reclaimTotal = reclaimTotal.add(decimal(t, "amountReclaim"));
            }
            if (hasTax()) {
                put(c, 246, Delimited.money(taxTotal));
                put(c, 248, Delimited.money(reclaimTotal));
                put(c, 347, Delimited.money(taxTotal));
                put(c, 348, Delimited.money(taxTotal));
                put(c, 349, Delimited.money(reclaimTotal));
                put(c, 350, Delimited.money(reclaimTotal));
            }
        }

        private void journal(String[] c, int seq) {
            put(c, 163, typeName(payer));
            put(c, 164, payer);
            put(c, 165, typeName(payee));
            put(c, 166, payee);
            put(c, 167, account);
            put(c, 168, amount.signum() < 0 ? "CR" : "DR");
            put(c, 169, Delimited.signed(amount));
            put(c, 170, Integer.toString(seq));
        }

        private void tax(String[] c) {
            put(c, 225, text(tax, "taxAuthorityLabel"));
            put(c, 226, text(tax, "taxAuthorityLabel"));
            put(c, 227, Delimited.money(decimalOrNull(tax, "amountTax")));
            put(c, 228, Delimited.money(decimalOrNull(tax, "amountTax")));
            put(c, 229, text(tax, "taxSource"));
            put(c, 230, Delimited.money(decimalOrNull(tax, "amountReclaim")));
            put(c, 231, Delimited.money(decimalOrNull(tax, "amountReclaim")));
            put(c, 232, text(tax, "taxCode"));
            put(c, 233, "Y");
            put(c, 234, Delimited.money(decimalOrNull(tax, "amountTax")));
            put(c, 235, Delimited.money(decimalOrNull(tax, "amountReclaim")));
            put(c, 236, text(tax, "taxReclaimCode"));
        }

        private void issuance(String[] c) {
            JsonNode ca = cashAdvanceData;
            put(c, 177, Delimited.money(decimalOrNull(ca, "requestAmount")));
            put(c, 178, text(ca, "currencyAlphaCode"));
            put(c, 179, text(ca, "currencyNumCode"));
            put(c, 180, Delimited.money(decimalOrNull(ca, "exchangeRate")));
            put(c, 181, text(ca, "employeeCurrencyAlphaCode"));
            put(c, 183, date(ca, "issuedDate"));
            put(c, 184, text(cashAdvanceJournal, "paymentCode"));
            put(c, 185, text(ca, "transactionType"));
            put(c, 186, date(ca, "requestDate"));
            put(c, 187, text(ca, "cashAdvanceId"));
            put(c, 188, text(ca, "paymentMethod"));
            put(c, 259, text(ca, "name"));
        }
    }

    /** Column 163/165: the payment type name of a payment code (the excerpts' upper-case names). */
    static String typeName(String code) {
        return switch (code == null ? "" : code) {
            case "COMP" -> "COMPANY";
            case "EMPL" -> "EMPLOYEE";
            case "IBCP" -> "IBCP CORP";
            case "CBCP" -> "CBCP CORP";
            default -> code;
        };
    }

    static void put(String[] c, int position, String value) {
        c[position - 1] = value == null ? "" : value;
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return "";
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        return v.isValueNode() ? v.asString() : "";
    }

    static BigDecimal decimal(JsonNode node, String field) {
        BigDecimal d = decimalOrNull(node, field);
        return d == null ? BigDecimal.ZERO : d;
    }

    static BigDecimal decimalOrNull(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asString().trim());
    }

    /** {@code yyyy-MM-dd} from an ISO instant ({@code 2026-03-01T10:00:00.000Z}) or a date. */
    static String date(JsonNode node, String field) {
        String v = text(node, field);
        return v.length() >= 10 ? v.substring(0, 10) : v;
    }
}

package org.concurbridge.sandbox.extract;

import static org.concurbridge.sandbox.extract.SaeWriter.date;
import static org.concurbridge.sandbox.extract.SaeWriter.decimal;
import static org.concurbridge.sandbox.extract.SaeWriter.decimalOrNull;
import static org.concurbridge.sandbox.extract.SaeWriter.put;
import static org.concurbridge.sandbox.extract.SaeWriter.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.concurbridge.sandbox.fis.FisDocType;
import tools.jackson.databind.JsonNode;

/**
 * Writes a Payment Request Accounting Extract (PRAE, specs/README.md section 2) from FIS invoice documents: a header
 * in the order of prae-header.csv ({@code EXTRACT}, batch id, batch date {@code yyyy/MM/dd}, record count, journal
 * amount total = sum of column 62), then one 256-column {@code DETAIL} record per line item allocation, at the positions
 * of prae-columns.csv. Column 62 is the net amount (positive, {@code DR}), 58 the line's shipping, 63 the gross
 * (net + shipping + tax), 161 and 212 the line's tax with its code in 213 and 256: the expected journal is
 * account {@code 61} Dr 62 + 58, tax code Dr 161, {@code VENDOR} Cr 63.
 */
final class PraeWriter {

    static final int COLUMNS = 256;
    /** Column 4, Title: where a BAD_ROWS fault breaks the quoting. */
    static final int TITLE = 4;
    private static final DateTimeFormatter PRAE_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);

    private PraeWriter() {
    }

    static SaeWriter.Written write(long batchId, LocalDate batchDate, List<SourceDocument> docs, FileFault fault) {
        List<String> lines = new ArrayList<>();
        List<Integer> perDoc = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int count = 0;
        for (SourceDocument d : docs) {
            if (d.docType() != FisDocType.INVOICE) {
                throw new IllegalArgumentException("document " + d.fisId() + " is not an invoice");
            }
            JsonNode doc = d.document();
            JsonNode items = doc.path("lineItem");
            boolean broken = d.brokenBy(fault);
            int rows = 0;
            for (JsonNode li : items) {
                for (JsonNode a : li.path("allocation")) {
                    String[] c = row(batchId, doc, li, a, items.size());
                    count++;
                    rows++;
                    total = total.add(decimal(a.path("journal"), "amountNet"));
                    lines.add(broken ? FaultyFiles.badRecord(c, TITLE) : Delimited.record(Arrays.asList(c)));
                }
            }
            perDoc.add(rows);
        }
        boolean wrong = fault != null && fault.kind() == FileFault.Kind.WRONG_TOTALS;
        String header = Delimited.record(List.of("EXTRACT", Long.toString(batchId), batchDate.format(PRAE_DATE),
                Integer.toString(wrong ? count + 1 : count), Delimited.money(wrong ? total.add(BigDecimal.ONE) : total)));
        return new SaeWriter.Written(FaultyFiles.assemble(header, lines, fault), count, total, perDoc, null);
    }

    private static String[] row(long batchId, JsonNode doc, JsonNode li, JsonNode a, int lineCount) {
        String[] c = new String[COLUMNS];
        Arrays.fill(c, "");
        JsonNode h = doc.path("requestHeader");
        JsonNode owner = doc.path("ownerEmployee");
        JsonNode vendor = doc.path("vendor");
        JsonNode j = a.path("journal");
        JsonNode tax = j.path("tax");
        c[0] = "DETAIL";
        put(c, 2, text(h, "reqKey"));
        put(c, 3, text(h, "policyName"));
        put(c, 4, text(h, "requestTitle"));
        put(c, 6, text(h, "vendorInvoiceNumber"));
        put(c, 7, usDate(text(h, "invoiceDate")));
        put(c, 8, usDate(text(h, "paymentDueDate")));
        put(c, 9, Delimited.money(decimalOrNull(h, "amountNetInvoice")));
        put(c, 10, Delimited.money(decimalOrNull(h, "requestTotal")));
        put(c, 11, isoDate(date(h, "requestCreationDate")));
        put(c, 12, isoDate(date(h, "submitDate")));
        put(c, 13, text(h, "poNumber"));
        for (int i = 1; i <= 24; i++) {
            put(c, 13 + i, text(h, "requestCustom" + i + "Code"));
        }
        put(c, 48, "N");
        put(c, 49, Delimited.money(decimalOrNull(h, "amountShippingTotal")));
        put(c, 51, text(h, "requestId"));
        put(c, 53, text(h, "payMethodType"));
        put(c, 58, Delimited.money(decimalOrNull(j, "amountShipping")));
        put(c, 59, text(h, "ledgerCode"));
        put(c, 60, text(h, "ledgerName"));
        put(c, 61, text(j, "accountCode"));
        put(c, 62, Delimited.money(decimalOrNull(j, "amountNet")));
        put(c, 63, Delimited.money(decimalOrNull(j, "amountGross")));
        put(c, 64, "DR");
        put(c, 65, text(h, "currencyAlphaCode"));
        put(c, 68, text(a, "allocationAccountCode"));
        for (int i = 1; i <= 20; i++) {
            put(c, 68 + i, text(a, "allocationCustom" + i + "Code"));
        }
        put(c, 89, text(a, "allocationKey"));
        put(c, 94, text(owner, "employeeId"));
        put(c, 95, text(owner, "loginId"));
        put(c, 96, text(owner, "employeeFirstName"));
        put(c, 97, text(owner, "employeeMI"));
        put(c, 98, text(owner, "employeeLastName"));
        put(c, 128, text(li, "lineItemPurchaseOrderNumber"));
        put(c, 129, text(li, "poLineNumber"));
        put(c, 130, text(li, "externalLineItemId"));
        put(c, 131, Integer.toString(lineCount));
        put(c, 132, text(li, "lineItemSequenceOrder"));
        put(c, 133, text(li, "lineItemDescription"));
        put(c, 134, text(li, "expenseTypeCode").trim());
        put(c, 135, text(li, "expenseTypeName"));
        put(c, 136, Delimited.money(decimalOrNull(li, "lineItemQuantity")));
        put(c, 137, Delimited.money(decimalOrNull(li, "lineItemUnitPrice")));
        put(c, 138, Delimited.money(decimalOrNull(j, "amountNet")));
        put(c, 164, text(vendor, "vendorName"));
        put(c, 165, text(vendor, "vendorCode"));
        put(c, 166, text(vendor, "vendorRemitToAddressCode"));
        put(c, 207, "N");
        if (tax.isObject()) {
            String amount = Delimited.money(decimalOrNull(tax, "amountTax"));
            put(c, 161, amount);
            put(c, 212, amount);
            put(c, 213, text(tax, "taxCode"));
            put(c, 253, amount);
            put(c, 256, text(tax, "taxCode"));
        } else {
            put(c, 161, Delimited.money(BigDecimal.ZERO));
        }
        return c;
    }

    /** {@code 03/15/2026} (the FIS invoice example's format) → {@code 2026/03/15}. */
    private static String usDate(String value) {
        return value.isEmpty() ? "" : LocalDate.parse(value, US_DATE).format(PRAE_DATE);
    }

    private static String isoDate(String value) {
        return value.isEmpty() ? "" : LocalDate.parse(value).format(PRAE_DATE);
    }
}

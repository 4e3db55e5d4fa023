package org.concurbridge.bridge.posting.extract;

import static org.concurbridge.bridge.posting.extract.Rows.field;
import static org.concurbridge.bridge.posting.extract.Rows.text;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.concurbridge.bridge.posting.BuildResult;
import org.concurbridge.bridge.posting.DocumentKind;
import org.concurbridge.bridge.posting.JournalAssembler;
import org.concurbridge.bridge.posting.Money;
import org.concurbridge.bridge.posting.Party;
import org.concurbridge.bridge.posting.PostingHeader;
import org.concurbridge.bridge.posting.PostingSource;
import org.concurbridge.bridge.posting.TaxDetail;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.extract.PraeRow;

/**
 * Posts the PRAE rows of one payment request (invoice) like FIS posts the invoice: per row (one line item
 * allocation), the journal account (61, else the allocation's 68) is debited with the net amount (62) and the prorated
 * shipping (58; on the mapping's shipping account when it names one), the line's tax (161) goes to the tax account of
 * its code (256, else 213), and the vendor ({@code VENDOR}, partner = vendor code 165) is owed the gross (63); a
 * {@code CR} row (credit note) posts the other way. Net + shipping + tax must equal the gross.
 */
final class PraeRequestPosting {

    static final String VENDOR = "VENDOR";

    private final List<PraeRow> rows;
    private final JournalAssembler a;
    private final PostingSource.Extract source;

    PraeRequestPosting(String batchId, String requestKey, List<PraeRow> rows, PostingMapping mapping) {
        this.rows = rows;
        this.source = new PostingSource.Extract("PRAE", batchId, requestKey);
        this.a = new JournalAssembler(source.idempotencyKey(), mapping);
    }

    /** The key of a PRAE group: the request key (2), else the request id (51). */
    static String groupKey(PraeRow row) {
        return text(row, 2) != null ? text(row, 2) : text(row, 51);
    }

    BuildResult build() {
        PraeRow first = rows.get(0);
        String requestId = Rows.require(a, first, 51, "Request ID");
        String currency = Rows.require(a, first, 65, "Requested Currency Alpha Code");
        String vendorCode = Rows.require(a, first, 165, "Vendor Code");
        String vendorName = text(first, 164);
        for (PraeRow row : rows) {
            row(row, vendorCode, vendorName);
        }
        String invoiceNumber = text(first, 6);
        PostingHeader header = Rows.header(a, first, 59, requestId,
                new Party(Party.Type.VENDOR, vendorCode, vendorName), currency, first.invoiceDate(),
                first.invoiceDate(), invoiceNumber != null ? invoiceNumber : requestId, text(first, 4));
        return Rows.finish(a, DocumentKind.INVOICE, source, header);
    }

    private void row(PraeRow row, String vendorCode, String vendorName) {
        String src = "line " + row.lineNumber();
        boolean credit = row.debitOrCredit() == org.concurbridge.client.extract.DebitCredit.CREDIT;
        BigDecimal net = sign(row.journalAmount(), credit);
        BigDecimal grossAmount = Rows.decimal(a, row, 63, "Journal Gross Amount");
        if (grossAmount == null) {
            a.problem(field(row, 63, "Journal Gross Amount"), "required");
            return;
        }
        BigDecimal gross = sign(grossAmount, credit);
        BigDecimal shipping = sign(Rows.decimal(a, row, 58, "Prorated Shipping Amount"), credit);
        BigDecimal tax = sign(Rows.decimal(a, row, 161, "Line Item Tax"), credit);
        if (net.add(shipping).add(tax).compareTo(gross) != 0) {
            a.problem(field(row, 63, "Journal Gross Amount"), "is " + Money.format(gross) + " but net "
                    + Money.format(net) + " + shipping " + Money.format(shipping) + " + tax " + Money.format(tax)
                    + " is " + Money.format(net.add(shipping).add(tax)));
            return;
        }
        int accountColumn = text(row, 61) != null ? 61 : 68;
        String account = text(row, accountColumn);
        if (account == null) {
            a.problem(field(row, 61, "Journal Account Code"), "required (and the allocation has no account code)");
            return;
        }
        String accountField = field(row, accountColumn, accountColumn == 61 ? "Journal Account Code"
                : "Allocation Account Code");
        Map<String, String> costObjects = a.mapping().costObjects(RowFields.prae(row));
        String text = text(row, 133) != null ? text(row, 133) : text(row, 135);
        String po = text(row, 128) != null ? text(row, 128) : text(row, 13);
        String reference = po == null ? null : "PO " + po + (text(row, 129) == null ? "" : "/" + text(row, 129));
        a.journal(account, accountField, net, costObjects, text, reference, src, null);
        String shippingAccount = a.mapping().shippingAccount().orElse(null);
        if (shippingAccount != null) {
            a.erpJournal(shippingAccount, shipping, costObjects, "Shipping", reference, src);
        } else {
            a.journal(account, accountField, shipping, costObjects, "Shipping", reference, src, null);
        }
        if (tax.signum() != 0) {
            String key = text(row, 256) != null ? text(row, 256) : text(row, 213);
            if (key == null) {
                a.problem(field(row, 256, "Line Item VAT Tax Code"), "required (or 213) to choose the tax account");
            } else {
                a.tax(new TaxDetail(key, null, null, true), field(row, 256, "Line Item VAT Tax Code"), tax,
                        costObjects, "Tax " + key, src);
            }
        }
        a.offset(VENDOR, gross.signum() < 0, vendorCode, "Vendor " + (vendorName != null ? vendorName : vendorCode),
                gross, field(row, 165, "Vendor Code"), src);
    }

    /** An amount as a debit (positive) or, on a CR row, a credit (negative); zero when empty. */
    private static BigDecimal sign(BigDecimal value, boolean credit) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return credit ? value.abs().negate() : value.abs();
    }
}

package org.concurbridge.bridge.posting.fis;

import static org.concurbridge.bridge.posting.fis.FisHeaders.nonBlank;
import static org.concurbridge.bridge.posting.fis.FisHeaders.require;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.concurbridge.bridge.posting.DocumentKind;
import org.concurbridge.bridge.posting.JournalAssembler;
import org.concurbridge.bridge.posting.Money;
import org.concurbridge.bridge.posting.Party;
import org.concurbridge.bridge.posting.PostingHeader;
import org.concurbridge.bridge.posting.PostingSource;
import org.concurbridge.bridge.posting.TaxDetail;
import org.concurbridge.bridge.posting.mapping.CostObjectSource;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.client.fis.CustomFields;
import org.concurbridge.client.fis.FisDocument;
import org.concurbridge.client.fis.InvoiceDocument;
import org.concurbridge.client.fis.InvoiceDocument.Allocation;
import org.concurbridge.client.fis.InvoiceDocument.LineItem;
import org.concurbridge.client.fis.InvoiceDocument.RequestHeader;

/**
 * Posts an invoice: per line-item allocation, the net amount debits the allocation's account, shipping debits the
 * mapped shipping account (else the same account), tax debits the tax account of its code; the gross is owed to the
 * vendor (offset payment code {@code VENDOR}). Credit notes (negative amounts) post the other way round.
 */
final class InvoicePosting {

    static final String VENDOR = "VENDOR";

    private final FisDocument envelope;
    private final InvoiceDocument doc;
    private final JournalAssembler a;
    private final PostingSource.Fis source;

    InvoicePosting(FisDocument envelope, InvoiceDocument doc, PostingMapping mapping) {
        this.envelope = envelope;
        this.doc = doc;
        RequestHeader h = doc.requestHeader();
        int revision = h != null && h.revisionNumber() != null ? h.revisionNumber() : 1;
        this.source = new PostingSource.Fis(envelope.id(), "invoice", h == null ? null : h.requestId(), revision);
        this.a = new JournalAssembler(source.idempotencyKey(), mapping);
    }

    FisJournalBuilder.Draft build() {
        RequestHeader h = doc.requestHeader();
        if (h == null) {
            a.problem("requestHeader", "required");
            return new FisJournalBuilder.Draft(DocumentKind.INVOICE, source, a, null);
        }
        require(a, "requestHeader.requestId", h.requestId());
        String currency = require(a, "requestHeader.currencyAlphaCode", h.currencyAlphaCode());
        String vendorCode = require(a, "vendor.vendorCode", doc.vendor() == null ? null : doc.vendor().vendorCode());
        String vendorName = doc.vendor() == null ? null : nonBlank(doc.vendor().vendorName());
        if (doc.lineItem().isEmpty()) {
            a.problem("lineItem", "has no lines");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < doc.lineItem().size(); i++) {
            LineItem li = doc.lineItem().get(i);
            if (li.allocation().isEmpty()) {
                a.problem("lineItem[" + i + "].allocation", "has no allocations; nothing says which account to post");
            }
            for (int k = 0; k < li.allocation().size(); k++) {
                total = total.add(allocation("lineItem[" + i + "].allocation[" + k + "]", h, li, li.allocation().get(k),
                        vendorCode, vendorName));
            }
        }
        if (h.requestTotal() != null && h.requestTotal().compareTo(total) != 0) {
            a.problem("requestHeader.requestTotal", "is " + Money.format(h.requestTotal())
                    + " but the line allocations' amountGross add up to " + Money.format(total));
        }
        PostingHeader header = FisHeaders.header(a, envelope.companyId(), envelope.entityId(), h.ledgerCode(), "requestHeader.ledgerCode",
                h.requestId(), source.revision(), new Party(Party.Type.VENDOR, vendorCode, vendorName), currency,
                h.postingDate() != null ? h.postingDate()
                        : h.processCompleteDate() != null ? h.processCompleteDate() : h.invoiceDate(),
                h.invoiceDate(), nonBlank(h.vendorInvoiceNumber()) != null ? h.vendorInvoiceNumber() : h.requestId(),
                h.requestTitle());
        return new FisJournalBuilder.Draft(DocumentKind.INVOICE, source, a, header);
    }

    /** Posts one allocation and returns its gross (zero when unusable). */
    private BigDecimal allocation(String ap, RequestHeader h, LineItem li, Allocation al, String vendorCode,
                                  String vendorName) {
        String jp = ap + ".journal";
        InvoiceDocument.Journal j = al.journal();
        if (j == null) {
            a.problem(jp, "required");
            return BigDecimal.ZERO;
        }
        if (j.amountGross() == null) {
            a.problem(jp + ".amountGross", "required");
            return BigDecimal.ZERO;
        }
        BigDecimal gross = j.amountGross();
        BigDecimal shipping = Money.orZero(j.amountShipping());
        BigDecimal tax = j.tax() == null ? BigDecimal.ZERO : Money.orZero(j.tax().amountTax());
        BigDecimal net = j.amountNet() != null ? j.amountNet() : gross.subtract(shipping).subtract(tax);
        if (net.add(shipping).add(tax).compareTo(gross) != 0) {
            a.problem(jp + ".amountGross", "is " + Money.format(gross) + " but amountNet " + Money.format(net)
                    + " + amountShipping " + Money.format(shipping) + " + tax " + Money.format(tax) + " is "
                    + Money.format(net.add(shipping).add(tax)));
            return gross;
        }
        String account = nonBlank(j.accountCode());
        String accountField = jp + ".accountCode";
        if (account == null) {
            account = nonBlank(al.allocationAccountCode());
            accountField = ap + ".allocationAccountCode";
        }
        if (account == null) {
            a.problem(jp + ".accountCode", "required (and the allocation has no allocationAccountCode)");
            return gross;
        }
        Map<String, String> costObjects = a.mapping().costObjects(new Fields(h, li, al));
        String text = nonBlank(li.lineItemDescription()) != null ? li.lineItemDescription().trim()
                : nonBlank(li.expenseTypeName());
        String po = nonBlank(li.lineItemPurchaseOrderNumber()) != null ? li.lineItemPurchaseOrderNumber().trim()
                : nonBlank(h.poNumber());
        String reference = po == null ? null
                : "PO " + po + (nonBlank(li.poLineNumber()) == null ? "" : "/" + li.poLineNumber().trim());

        a.journal(account, accountField, net, costObjects, text, reference, jp, null);
        String shippingAccount = a.mapping().shippingAccount().orElse(null);
        if (shippingAccount != null) {
            a.erpJournal(shippingAccount, shipping, costObjects, "Shipping", reference, jp + ".amountShipping");
        } else {
            a.journal(account, accountField, shipping, costObjects, "Shipping", reference, jp + ".amountShipping", null);
        }
        if (tax.signum() != 0) {
            String key = nonBlank(j.tax().taxCode()) != null ? j.tax().taxCode().trim() : nonBlank(j.tax().taxField());
            if (key == null) {
                a.problem(jp + ".tax.taxCode", "required (or taxField) to choose the tax account");
            } else {
                a.tax(new TaxDetail(key, nonBlank(j.tax().taxField()), null, true), jp + ".tax.taxCode", tax,
                        costObjects, "Tax " + key, jp + ".tax");
            }
        }
        a.offset(VENDOR, gross.signum() < 0, vendorCode, "Vendor " + (vendorName != null ? vendorName : vendorCode),
                gross, "vendor.vendorCode", jp);
        return gross;
    }

    /** Cost-object fields: allocation, then line item, then request header. */
    private static final class Fields implements CostObjectSource {
        private final RequestHeader header;
        private final LineItem line;
        private final Allocation alloc;

        Fields(RequestHeader header, LineItem line, Allocation alloc) {
            this.header = header;
            this.line = line;
            this.alloc = alloc;
        }

        @Override
        public String code(String field) {
            CustomFields section;
            if (field.startsWith("allocation")) {
                section = alloc.custom();
            } else if (field.startsWith("lineItem")) {
                section = line.custom();
            } else if (field.startsWith("request")) {
                section = header.custom();
            } else {
                return null;
            }
            return section.nonBlank(field);
        }

        @Override
        public Map<String, String> concurDefaults() {
            Map<String, String> out = numbered("allocationCustom", 20);
            return out.isEmpty() ? numbered("lineItemCustom", 20) : out;
        }

        private Map<String, String> numbered(String prefix, int max) {
            Map<String, String> out = new LinkedHashMap<>();
            for (int n = 1; n <= max; n++) {
                String v = code(prefix + n + "Code");
                if (v != null) {
                    out.put(prefix + n + "Code", v);
                }
            }
            return out;
        }
    }
}

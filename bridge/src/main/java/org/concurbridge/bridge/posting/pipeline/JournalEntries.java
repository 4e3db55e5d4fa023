package org.concurbridge.bridge.posting.pipeline;

import org.concurbridge.bridge.erp.CostObject;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.JournalLine;
import org.concurbridge.bridge.erp.Partner;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.PostingHeader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a canonical {@link PostingDocument} becomes the ERP adapter's {@link JournalEntry}: header fields,
 * one ERP line per journal line (side and positive amount, company amount, cost objects as dimension/code, the tax
 * code of tax lines, the employee or supplier of offset lines).
 */
public final class JournalEntries {
    private static final int MAX_DESCRIPTION = 400;

    private JournalEntries() {
    }

    /**
     * @param key         the ERP idempotency key (the ledger's)
     * @param runDate     posting date when the document has none
     */
    public static JournalEntry toEntry(PostingDocument doc, String key, LocalDate runDate) {
        PostingHeader h = doc.header();
        List<JournalLine> lines = new ArrayList<>(doc.lines().size());
        for (org.concurbridge.bridge.posting.JournalLine l : doc.lines()) {
            boolean debit = l.debit().signum() > 0;
            BigDecimal amount = debit ? l.debit() : l.credit();
            BigDecimal company = debit ? l.companyDebit() : l.companyCredit();
            List<CostObject> costObjects = l.costObjects().entrySet().stream()
                    .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                    .map(e -> new CostObject(e.getKey(), e.getValue())).toList();
            String taxCode = l.tax() == null ? null : blankToNull(l.tax().code());
            lines.add(new JournalLine(l.account(), debit ? JournalLine.Side.DEBIT : JournalLine.Side.CREDIT, amount,
                    company == null ? amount : company, costObjects, taxCode, partner(l, h), l.text()));
        }
        String currency = h.currency();
        String companyCurrency = h.companyCurrency() == null ? currency : h.companyCurrency();
        return new JournalEntry(key, h.company(), h.postingDate() == null ? runDate : h.postingDate(), currency,
                companyCurrency, h.reference(), cut(h.description()), lines);
    }

    /** The posting date the entry gets. */
    public static LocalDate postingDate(PostingDocument doc, LocalDate runDate) {
        return doc.header().postingDate() == null ? runDate : doc.header().postingDate();
    }

    private static Partner partner(org.concurbridge.bridge.posting.JournalLine l, PostingHeader h) {
        if (l.partner() == null || l.payerPayeeType() == null) {
            return null;
        }
        String name = h.party() != null && l.partner().equals(h.party().id()) ? h.party().name() : null;
        return switch (l.payerPayeeType()) {
            case "EMPL" -> Partner.employee(l.partner(), name);
            case "VENDOR" -> Partner.supplier(l.partner(), name);
            default -> null; // card programs and company-paid clearing are accounts, not partners
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX_DESCRIPTION ? s : s.substring(0, MAX_DESCRIPTION);
    }
}

package org.concurbridge.bridge.posting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.concurbridge.bridge.posting.mapping.PostingMapping;

/**
 * Collects the lines of one document, resolving Concur codes through the connection's mapping, and the problems met
 * on the way. Shared by every source (FIS now, SAE/PRAE rows later) so they post identically:
 * <ul>
 *   <li>journal and tax lines are kept one per source amount, in source order, with their cost objects;</li>
 *   <li>offset lines (employee, card, company-paid, vendor) are netted per account, partner and payment code, so a
 *       report owes its employee one amount (out-of-pocket minus cash advance and personal charges), and come
 *       last;</li>
 *   <li>zero amounts produce no line.</li>
 * </ul>
 */
public final class JournalAssembler {

    private static final int MAX_SOURCES_LISTED = 3;

    private final String documentKey;
    private final PostingMapping mapping;
    private final List<JournalLine> lines = new ArrayList<>();
    private final Map<List<String>, Offset> offsets = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    public JournalAssembler(String documentKey, PostingMapping mapping) {
        this.documentKey = documentKey;
        this.mapping = mapping;
    }

    public String documentKey() {
        return documentKey;
    }

    public PostingMapping mapping() {
        return mapping;
    }

    /** Records a problem with a field of this document. */
    public void problem(String field, String message) {
        problems.add(new Problem(documentKey, field, message));
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * A signed amount (positive = debit) on a Concur journal account code, mapped to the ERP account.
     *
     * @param accountField the field that held the code, named in the problem when the strict mapping lacks it
     */
    public void journal(String concurAccount, String accountField, BigDecimal signedAmount,
                        Map<String, String> costObjects, String text, String reference, String source,
                        ForeignAmount foreign) {
        if (Money.isZero(signedAmount)) {
            return;
        }
        mapping.account(concurAccount).ifPresentOrElse(
                account -> lines.add(line(account, signedAmount, costObjects, null, null, null, LineRole.JOURNAL,
                        text, reference, source, foreign)),
                () -> problem(accountField, "Concur account code \"" + concurAccount
                        + "\" has no ERP account in the mapping"));
    }

    /** A signed amount on an account that is already an ERP account (e.g. the mapping's shipping account). */
    public void erpJournal(String erpAccount, BigDecimal signedAmount, Map<String, String> costObjects, String text,
                           String reference, String source) {
        if (!Money.isZero(signedAmount)) {
            lines.add(line(erpAccount, signedAmount, costObjects, null, null, null, LineRole.JOURNAL, text,
                    reference, source, null));
        }
    }

    /** A signed tax amount, deductible or not, on the tax account mapped for its code. */
    public void tax(TaxDetail tax, String field, BigDecimal signedAmount, Map<String, String> costObjects,
                    String text, String source) {
        if (Money.isZero(signedAmount)) {
            return;
        }
        mapping.taxAccounts(tax.code()).ifPresentOrElse(
                accounts -> lines.add(line(tax.deductible() ? accounts.deductible() : accounts.nonDeductible(),
                        signedAmount, costObjects, tax, null, null, LineRole.TAX, text, null, source, null)),
                () -> problem(field, "tax code \"" + tax.code() + "\" has no tax account in the mapping"));
    }

    /**
     * The balancing side of a journal amount towards a payer or payee: it takes the opposite sign of
     * {@code signedJournalAmount}. Offsets with the same account, partner and payment code are netted.
     *
     * @param paymentCode       the counterpart's Concur payment code (EMPL, IBCP, CBCP, COPD, VENDOR…)
     * @param owedByCounterpart true when the counterpart pays the company (posts to the receivable when mapped)
     */
    public void offset(String paymentCode, boolean owedByCounterpart, String partner, String text,
                       BigDecimal signedJournalAmount, String field, String source) {
        if (Money.isZero(signedJournalAmount)) {
            return;
        }
        mapping.offsetAccount(paymentCode, owedByCounterpart).ifPresentOrElse(account -> {
            Offset o = offsets.computeIfAbsent(List.of(account, Objects.toString(partner, ""), paymentCode),
                    k -> new Offset(account, partner, paymentCode, text));
            o.net = o.net.subtract(signedJournalAmount);
            o.sources.add(source);
        }, () -> problem(field, "payment code \"" + paymentCode + "\" has no offset account in the mapping"));
    }

    /** Journal and tax lines in source order, then the netted non-zero offsets; company amounts not yet set. */
    public List<JournalLine> lines() {
        List<JournalLine> out = new ArrayList<>(lines);
        for (Offset o : offsets.values()) {
            if (o.net.signum() != 0) {
                out.add(line(o.account, o.net, Map.of(), null, o.partner, o.paymentCode, LineRole.OFFSET, o.text,
                        null, o.sourceText(), null));
            }
        }
        return out;
    }

    /**
     * The finished document with company amounts (exact: document amounts × rate; none when the rate is unknown).
     * Call only when {@link #problems()} is empty.
     */
    public PostingDocument document(DocumentKind kind, PostingSource source, PostingHeader header) {
        List<JournalLine> withCompany = lines().stream().map(l -> l.withCompanyAmounts(header.exchangeRate())).toList();
        return new PostingDocument(kind, documentKey, source, header, withCompany, mapping.version());
    }

    private static JournalLine line(String account, BigDecimal signed, Map<String, String> costObjects, TaxDetail tax,
                                    String partner, String payerPayeeType, LineRole role, String text,
                                    String reference, String source, ForeignAmount foreign) {
        BigDecimal amount = Money.normalize(signed.abs());
        BigDecimal zero = Money.normalize(BigDecimal.ZERO);
        return new JournalLine(account, signed.signum() > 0 ? amount : zero, signed.signum() > 0 ? zero : amount,
                null, null, costObjects, tax, partner, payerPayeeType, role, text, reference, source, foreign);
    }

    private static final class Offset {
        final String account;
        final String partner;
        final String paymentCode;
        final String text;
        final List<String> sources = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;

        Offset(String account, String partner, String paymentCode, String text) {
            this.account = account;
            this.partner = partner;
            this.paymentCode = paymentCode;
            this.text = text;
        }

        String sourceText() {
            String listed = String.join(", ", sources.subList(0, Math.min(MAX_SOURCES_LISTED, sources.size())));
            return sources.size() > MAX_SOURCES_LISTED
                    ? listed + " and " + (sources.size() - MAX_SOURCES_LISTED) + " more" : listed;
        }
    }
}

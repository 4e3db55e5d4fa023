package org.concurbridge.client.extract;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A Payment Request Accounting Extract (PRAE, Invoice) detail record: one journal line at allocation level with
 * its request (invoice) header, line item, vendor and tax context. Inherited: {@link #reportKey()} (column 2, the
 * request key), {@link #journalAmount()} (62, net of tax and shipping) and {@link #debitOrCredit()} (64).
 * <p>
 * Every accessor reads one column at its specification position; see {@link ExtractRow} for the validity
 * contract (a row from the reader is a reused view: keep {@link #copy()}) and for empty and invalid values.
 */
public final class PraeRow extends ExtractRow {

    PraeRow(String fileName) {
        super(ExtractFormat.PRAE, fileName);
    }

    @Override
    public PraeRow copy() {
        return snapshotInto(new PraeRow(fileName()));
    }

    /** Request key (column 2), used by the payment-confirmation import. */
    public String requestKey() {
        return text(2);
    }

    /** Policy name (column 3). */
    public String policyName() {
        return text(3);
    }

    /** Request title (column 4). */
    public String title() {
        return text(4);
    }

    /** Request description (column 5). */
    public String description() {
        return text(5);
    }

    /** Vendor invoice number (column 6). */
    public String vendorInvoiceNumber() {
        return text(6);
    }

    /** Invoice date (column 7). */
    public LocalDate invoiceDate() {
        return date(7);
    }

    /** Payment due date (column 8). */
    public LocalDate paymentDueDate() {
        return date(8);
    }

    /** Invoice amount, net of shipping and tax (column 9). */
    public BigDecimal invoiceAmount() {
        return decimal(9);
    }

    /** Total amount (column 10). */
    public BigDecimal totalAmount() {
        return decimal(10);
    }

    /** Creation date (column 11). */
    public LocalDate creationDate() {
        return date(11);
    }

    /** Submit date (column 12). */
    public LocalDate submitDate() {
        return date(12);
    }

    /** PO number (column 13). */
    public String purchaseOrderNumber() {
        return text(13);
    }

    /** Shipping amount (column 49). */
    public BigDecimal shippingAmount() {
        return decimal(49);
    }

    /** Tax amount (column 50). */
    public BigDecimal taxAmount() {
        return decimal(50);
    }

    /** Request ID (column 51). */
    public String requestId() {
        return text(51);
    }

    /** Invoice received date (column 52). */
    public LocalDate invoiceReceivedDate() {
        return date(52);
    }

    /** Payment method type: ACH, Client, Check, PAYPVD, Wire, Card, VCHER (column 53). */
    public String paymentMethodType() {
        return text(53);
    }

    /** Prorated shipping (column 58). */
    public BigDecimal proratedShipping() {
        return decimal(58);
    }

    /** Ledger code (column 59). */
    public String ledgerCode() {
        return text(59);
    }

    /** Journal account code (column 61). */
    public String journalAccountCode() {
        return text(61);
    }

    /** Journal gross amount, including prorated tax and shipping, absolute (column 63). */
    public BigDecimal journalGrossAmount() {
        return decimal(63);
    }

    /** Requested alpha currency code (column 65). */
    public String currency() {
        return text(65);
    }

    /** Allocation account code (column 68). */
    public String allocationAccountCode() {
        return text(68);
    }

    /** Allocation key (column 89). */
    public Long allocationKey() {
        return integer(89);
    }

    /** Invoice owner employee ID (column 94). */
    public String employeeId() {
        return text(94);
    }

    /** Line item purchase order number (column 128). */
    public String lineItemPurchaseOrder() {
        return text(128);
    }

    /** Associated PO line item number (column 129). */
    public String purchaseOrderLineNumber() {
        return text(129);
    }

    /** Associated PO line item external ID (column 130). */
    public String purchaseOrderLineExternalId() {
        return text(130);
    }

    /** Number of line items (column 131). */
    public Long numberOfLineItems() {
        return integer(131);
    }

    /** Line item sequence order (column 132). */
    public Long lineItemSequence() {
        return integer(132);
    }

    /** Line item description (column 133). */
    public String lineItemDescription() {
        return text(133);
    }

    /** Line item expense type code (column 134). */
    public String expenseTypeCode() {
        return text(134);
    }

    /** Line item expense type name (column 135). */
    public String expenseTypeName() {
        return text(135);
    }

    /** Line item quantity (column 136; text in the specification, converted on access). */
    public BigDecimal quantity() {
        return decimal(136);
    }

    /** Line item unit price (column 137). */
    public BigDecimal unitPrice() {
        return decimal(137);
    }

    /** Line item total (column 138). */
    public BigDecimal lineItemTotal() {
        return decimal(138);
    }

    /** Line item tax (column 161; text in the specification, converted on access). */
    public BigDecimal lineItemTax() {
        return decimal(161);
    }

    /** Vendor name (column 164). */
    public String vendorName() {
        return text(164);
    }

    /** Vendor code (column 165). */
    public String vendorCode() {
        return text(165);
    }

    /** Remit address code (column 166). */
    public String remitAddressCode() {
        return text(166);
    }

    /** Liability accounting code (column 227). */
    public String liabilityAccountCode() {
        return text(227);
    }

    /** Cash accounting code (column 228). */
    public String cashAccountCode() {
        return text(228);
    }

    /** Emergency run (expedited check run) flag (column 230). */
    public Boolean emergencyRun() {
        return flag(230);
    }

    /** Request vendor tax identification number (column 245). */
    public String vendorTaxId() {
        return text(245);
    }

    /** Request VAT tax code (column 246). */
    public String requestVatTaxCode() {
        return text(246);
    }

    /** Request amount without VAT (column 252). */
    public BigDecimal requestAmountWithoutVat() {
        return decimal(252);
    }

    /** Line item VAT amount (column 253). */
    public BigDecimal lineItemVatAmount() {
        return decimal(253);
    }

    /** Line item VAT rate 1 (column 254). */
    public BigDecimal lineItemVatRate() {
        return decimal(254);
    }

    /** Line item amount without VAT (column 255). */
    public BigDecimal lineItemAmountWithoutVat() {
        return decimal(255);
    }

    /** Line item VAT tax code (column 256). */
    public String lineItemVatTaxCode() {
        return text(256);
    }

    /** Request custom field n (1..24), columns 14-37. */
    public String requestCustom(int n) {
        return text(numbered(n, 14, 24));
    }

    /** Request org unit n (1..6), columns 38-43. */
    public String requestOrgUnit(int n) {
        return text(numbered(n, 38, 6));
    }

    /** Allocation custom field n (1..20), columns 69-88. */
    public String allocationCustom(int n) {
        return text(numbered(n, 69, 20));
    }

    /** Employee org unit n (1..6), columns 120-125. */
    public String employeeOrgUnit(int n) {
        return text(numbered(n, 120, 6));
    }
}

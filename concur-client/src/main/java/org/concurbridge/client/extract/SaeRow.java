package org.concurbridge.client.extract;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A Standard Accounting Extract (SAE, Expense) detail record: one journal line with its report, entry, card,
 * cash-advance, allocation and tax context. Inherited: {@link #reportKey()} (column 20: report key or report
 * number depending on the SAE version), {@link #journalAmount()} (169, signed) and {@link #debitOrCredit()} (168).
 * <p>
 * Every accessor reads one column at its specification position; see {@link ExtractRow} for the validity
 * contract (a row from the reader is a reused view: keep {@link #copy()}) and for empty and invalid values.
 */
public final class SaeRow extends ExtractRow {

    SaeRow(String fileName) {
        super(ExtractFormat.SAE, fileName);
    }

    @Override
    public SaeRow copy() {
        return snapshotInto(new SaeRow(fileName()));
    }

    /** Batch ID (column 2). */
    public Long batchId() {
        return integer(2);
    }

    /** Batch date (column 3). */
    public LocalDate batchDate() {
        return date(3);
    }

    /** Sequence number of the detail row (column 4). */
    public Long sequenceNumber() {
        return integer(4);
    }

    /** Employee ID (column 5). */
    public String employeeId() {
        return text(5);
    }

    /** Employee last name (column 6). */
    public String employeeLastName() {
        return text(6);
    }

    /** Employee first name (column 7). */
    public String employeeFirstName() {
        return text(7);
    }

    /** Employee group ID, custom 21 (column 9). */
    public String employeeGroupId() {
        return text(9);
    }

    /** Journal net of total adjusted reclaim tax (column 18). */
    public BigDecimal journalNetOfTotalAdjustedReclaimTax() {
        return decimal(18);
    }

    /** Report ID (column 19). */
    public String reportId() {
        return text(19);
    }

    /** Ledger (column 21). */
    public String ledger() {
        return text(21);
    }

    /** Employee default (reimbursement) currency alpha code (column 22). */
    public String reimbursementCurrency() {
        return text(22);
    }

    /** Report home country name (column 23). */
    public String reportHomeCountry() {
        return text(23);
    }

    /** Report submit date (column 24). */
    public LocalDate reportSubmitDate() {
        return date(24);
    }

    /** Report payment processing date (column 26). */
    public LocalDate reportPaymentProcessingDate() {
        return date(26);
    }

    /** Report name (column 27). */
    public String reportName() {
        return text(27);
    }

    /** Report total posted amount (column 31). */
    public BigDecimal reportTotalPostedAmount() {
        return decimal(31);
    }

    /** Report total approved amount (column 32). */
    public BigDecimal reportTotalApprovedAmount() {
        return decimal(32);
    }

    /** Report policy name (column 33). */
    public String reportPolicyName() {
        return text(33);
    }

    /** Report entry ID (column 61). */
    public String entryId() {
        return text(61);
    }

    /** Report entry transaction type (column 62): {@code REG} ordinary entry, {@code CHD} itemization child. */
    public String entryTransactionType() {
        return text(62);
    }

    /** Report entry expense type name (column 63). */
    public String expenseTypeName() {
        return text(63);
    }

    /** Report entry transaction date (column 64). */
    public LocalDate transactionDate() {
        return date(64);
    }

    /** Report entry currency alpha code (column 65). */
    public String entryCurrency() {
        return text(65);
    }

    /** Report entry exchange rate (column 66). */
    public BigDecimal exchangeRate() {
        return decimal(66);
    }

    /** Report entry exchange rate direction (column 67). */
    public String exchangeRateDirection() {
        return text(67);
    }

    /** Report entry is-personal flag (column 68). */
    public Boolean personal() {
        return flag(68);
    }

    /** Report entry description (column 69). */
    public String entryDescription() {
        return text(69);
    }

    /** Report entry vendor name (column 70). */
    public String vendorName() {
        return text(70);
    }

    /** Report entry vendor description (column 71). */
    public String vendorDescription() {
        return text(71);
    }

    /** Report entry transaction amount (column 123). */
    public BigDecimal transactionAmount() {
        return decimal(123);
    }

    /** Report entry posted amount (column 124). */
    public BigDecimal postedAmount() {
        return decimal(124);
    }

    /** Report entry approved amount (column 125). */
    public BigDecimal approvedAmount() {
        return decimal(125);
    }

    /** Payment type code, e.g. {@code CASH} (column 126). */
    public String paymentTypeCode() {
        return text(126);
    }

    /** Payment code name (column 127). */
    public String paymentCodeName() {
        return text(127);
    }

    /** Report payment reimbursement type, {@code 1} = Expense Pay (column 128). */
    public String reimbursementType() {
        return text(128);
    }

    /** Credit card bill date (column 129). */
    public LocalDate cardBillDate() {
        return date(129);
    }

    /** Billed credit card account number (column 130). */
    public String billedCardAccountNumber() {
        return text(130);
    }

    /** Credit card transaction CCT type (column 135). */
    public String cardTransactionCctType() {
        return text(135);
    }

    /** Credit card transaction ID (column 136). */
    public String cardTransactionId() {
        return text(136);
    }

    /** Credit card transaction amount (column 137). */
    public BigDecimal cardTransactionAmount() {
        return decimal(137);
    }

    /** Credit card transaction currency alpha code (column 139). */
    public String cardTransactionCurrency() {
        return text(139);
    }

    /** Credit card transaction posted amount (column 140). */
    public BigDecimal cardPostedAmount() {
        return decimal(140);
    }

    /** Credit card transaction date (column 142). */
    public LocalDate cardTransactionDate() {
        return date(142);
    }

    /** Credit card transaction merchant name (column 146). */
    public String cardMerchantName() {
        return text(146);
    }

    /** Foreign or domestic flag: {@code FRGN}, {@code HOME}, {@code OOSD} (column 160). */
    public String foreignOrDomestic() {
        return text(160);
    }

    /** Journal payer payment type name (column 163). */
    public String journalPayerPaymentTypeName() {
        return text(163);
    }

    /** Journal payer payment code name (column 164). */
    public String journalPayerPaymentCodeName() {
        return text(164);
    }

    /** Journal payee payment type name (column 165). */
    public String journalPayeePaymentTypeName() {
        return text(165);
    }

    /** Journal payee payment code name (column 166). */
    public String journalPayeePaymentCodeName() {
        return text(166);
    }

    /** Journal account code (column 167). */
    public String journalAccountCode() {
        return text(167);
    }

    /** Journal key (column 170). */
    public Long journalKey() {
        return integer(170);
    }

    /** Credit card vendor name (column 176). */
    public String cardVendorName() {
        return text(176);
    }

    /** Cash advance request amount (column 177). */
    public BigDecimal cashAdvanceRequestAmount() {
        return decimal(177);
    }

    /** Cash advance request currency alpha code (column 178). */
    public String cashAdvanceRequestCurrency() {
        return text(178);
    }

    /** Cash advance exchange rate (column 180). */
    public BigDecimal cashAdvanceExchangeRate() {
        return decimal(180);
    }

    /** Cash advance currency alpha code (column 181). */
    public String cashAdvanceCurrency() {
        return text(181);
    }

    /** Cash advance issued date (column 183). */
    public LocalDate cashAdvanceIssuedDate() {
        return date(183);
    }

    /** Cash advance payment code name (column 184). */
    public String cashAdvancePaymentCodeName() {
        return text(184);
    }

    /** Cash advance transaction type: 1 issue, 2 application, 3 carry-forward (column 185). */
    public Long cashAdvanceTransactionType() {
        return integer(185);
    }

    /** Cash advance key (column 187). */
    public String cashAdvanceKey() {
        return text(187);
    }

    /** Allocation key (column 189). */
    public String allocationKey() {
        return text(189);
    }

    /** Allocation percentage (column 190). */
    public BigDecimal allocationPercentage() {
        return decimal(190);
    }

    /** Journal net of total adjusted tax (column 211). */
    public BigDecimal journalNetOfTotalAdjustedTax() {
        return decimal(211);
    }

    /** Tax authority name (column 225). */
    public String taxAuthorityName() {
        return text(225);
    }

    /** Tax authority label (column 226). */
    public String taxAuthorityLabel() {
        return text(226);
    }

    /** Report entry tax transaction amount (column 227). */
    public BigDecimal taxTransactionAmount() {
        return decimal(227);
    }

    /** Report entry tax posted amount (column 228). */
    public BigDecimal taxPostedAmount() {
        return decimal(228);
    }

    /** Tax source: CARD, USER, SYST, PROC (column 229). */
    public String taxSource() {
        return text(229);
    }

    /** Report entry tax reclaim transaction amount (column 230). */
    public BigDecimal taxReclaimTransactionAmount() {
        return decimal(230);
    }

    /** Report entry tax reclaim posted amount (column 231). */
    public BigDecimal taxReclaimPostedAmount() {
        return decimal(231);
    }

    /** Report entry tax code (column 232). */
    public String taxCode() {
        return text(232);
    }

    /** Report entry tax reclaim domestic flag (column 233). */
    public String taxReclaimDomesticFlag() {
        return text(233);
    }

    /** Report entry tax adjusted amount (column 234). */
    public BigDecimal taxAdjustedAmount() {
        return decimal(234);
    }

    /** Report entry tax reclaim adjusted amount (column 235). */
    public BigDecimal taxReclaimAdjustedAmount() {
        return decimal(235);
    }

    /** Report entry tax reclaim code (column 236). */
    public String taxReclaimCode() {
        return text(236);
    }

    /** Report entry total tax posted amount (column 246). */
    public BigDecimal totalTaxPostedAmount() {
        return decimal(246);
    }

    /** Net tax amount (column 247). */
    public BigDecimal netTaxAmount() {
        return decimal(247);
    }

    /** Report entry payment type name (column 250). */
    public String paymentTypeName() {
        return text(250);
    }

    /** Card program type code: IBIP, IBCP, CBCP (column 251). */
    public String cardProgramTypeCode() {
        return text(251);
    }

    /** Cash account code (column 254). */
    public String cashAccountCode() {
        return text(254);
    }

    /** Liability account code (column 255). */
    public String liabilityAccountCode() {
        return text(255);
    }

    /** Estimated payment date (column 256). */
    public LocalDate estimatedPaymentDate() {
        return date(256);
    }

    /** System allocation flag (column 260). */
    public String systemAllocation() {
        return text(260);
    }

    /** Employee login ID (column 264). */
    public String employeeLoginId() {
        return text(264);
    }

    /** Employee email address (column 265). */
    public String employeeEmail() {
        return text(265);
    }

    /** Report personal expenses total (column 311). */
    public BigDecimal personalExpenses() {
        return decimal(311);
    }

    /** Actual amount due employee, may be negative (column 319). */
    public BigDecimal amountDueEmployee() {
        return decimal(319);
    }

    /** Actual amount due company card (column 320). */
    public BigDecimal amountDueCompanyCard() {
        return decimal(320);
    }

    /** Amount due company (column 317). */
    public BigDecimal amountDueCompany() {
        return decimal(317);
    }

    /** Amount company paid (column 316). */
    public BigDecimal amountCompanyPaid() {
        return decimal(316);
    }

    /** Report type: blank regular, RR, CR, SR (column 321). */
    public String reportType() {
        return text(321);
    }

    /** Report start date (column 324). */
    public LocalDate reportStartDate() {
        return date(324);
    }

    /** Report end date (column 325). */
    public LocalDate reportEndDate() {
        return date(325);
    }

    /** Cash advance returns amount (column 327). */
    public BigDecimal cashAdvanceReturnsAmount() {
        return decimal(327);
    }

    /** Cash advance utilized amount (column 329). */
    public BigDecimal cashAdvanceUtilizedAmount() {
        return decimal(329);
    }

    /** Employee org unit n (1..6), columns 10-15. */
    public String employeeOrgUnit(int n) {
        return text(numbered(n, 10, 6));
    }

    /** Report org unit n (1..6), columns 35-40. */
    public String reportOrgUnit(int n) {
        return text(numbered(n, 35, 6));
    }

    /** Report custom field n (1..20), columns 41-60. */
    public String reportCustom(int n) {
        return text(numbered(n, 41, 20));
    }

    /** Report entry org unit n (1..6), columns 77-82. */
    public String entryOrgUnit(int n) {
        return text(numbered(n, 77, 6));
    }

    /** Report entry custom field n (1..40), columns 83-122. */
    public String entryCustom(int n) {
        return text(numbered(n, 83, 40));
    }

    /** Allocation custom field n (1..20), columns 191-210. */
    public String allocationCustom(int n) {
        return text(numbered(n, 191, 20));
    }

    /** Employee custom field n (1..20), columns 266-285. */
    public String employeeCustom(int n) {
        return text(numbered(n, 266, 20));
    }
}

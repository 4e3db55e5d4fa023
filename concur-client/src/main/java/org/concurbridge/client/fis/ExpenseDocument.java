package org.concurbridge.client.fis;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A FIS v4 expense report document ({@code docType=expense}): {@code employee}, {@code report},
 * {@code expenseEntry[]} and {@code cashAdvanceApplication[]}. Money is exact ({@link BigDecimal}); members not named
 * here (custom fields, org units, later additions) are kept in each section's {@code custom()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExpenseDocument(
        Employee employee,
        Report report,
        List<ExpenseEntry> expenseEntry,
        List<CashAdvanceApplication> cashAdvanceApplication) implements FinancialDocument {

    public ExpenseDocument {
        expenseEntry = expenseEntry == null ? List.of() : List.copyOf(expenseEntry);
        cashAdvanceApplication = cashAdvanceApplication == null ? List.of() : List.copyOf(cashAdvanceApplication);
    }

    @Override
    public FisDocumentKind kind() {
        return FisDocumentKind.EXPENSE;
    }

    /** The {@code employee} section (also used as {@code employeeData} in cash advance documents). */
    public record Employee(
            String employeeId,
            String employeeFirstName,
            String employeeLastName,
            String employeeMI,
            String loginId,
            String emailAddress,
            String employeeReimbursementMethodCode,
            @JsonAnySetter Map<String, Object> additional) {

        public CustomFields custom() {
            return CustomFields.of(additional);
        }
    }

    /** The {@code report} section. */
    public record Report(
            String reportId,
            Long reportKey,
            String reportNumber,
            String reportName,
            String ledgerCode,
            String employeeCurrencyAlphaCode,
            String homeCountryCode,
            BigDecimal totalApprovedAmount,
            BigDecimal cashAdvanceReturnsAmount,
            YesNo isTest,
            YesNo payrollPayIndicator,
            String payrollPaymentClearingAccountCode,
            String policyId,
            Instant reportCreationDate,
            Instant reportSubmitDate,
            Instant reportUserDefinedDate,
            Instant reportPaymentProcessingDate,
            Instant reportStartDate,
            Instant reportEndDate,
            Integer revisionNumber,
            String versionId,
            List<String> requestId,
            @JsonAnySetter Map<String, Object> additional) {

        public CustomFields custom() {
            return CustomFields.of(additional);
        }
    }

    /** One {@code expenseEntry[]} (itemizations arrive as separate entries; parents are not sent). */
    public record ExpenseEntry(
            String entryId,
            Long legacyEntryId,
            String expenseTypeCode,
            String expenseTypeName,
            Instant entryDate,
            String entryDescription,
            String entryVendorCode,
            String entryVendorDescription,
            String entryLocationName,
            String entryLocationCityName,
            String entryCountryCode,
            String entryCountrySubCode,
            String entryCurrAlphaCode,
            BigDecimal entryExchangeRate,
            String entryExchangeRateDirection,
            BigDecimal reportEntryTransactionAmount,
            BigDecimal entryApprovedAmount,
            YesNo entryIsPersonal,
            YesNo entryIsBillable,
            String entryReceiptType,
            String entryReceiptId,
            String reportEntryPatKey,
            String reportEntryPaymentTypeCode,
            String reportEntryPaymentTypeName,
            YesNo offsetPayType,
            String expensePayIndicator,
            String clearingAccountCode,
            String liabilityAccountCode,
            String cardAccountID,
            String cardTransactionID,
            BigDecimal cardTransactionAmount,
            String cardTransactionCurrency,
            BigDecimal cardTransactionPostedAmount,
            String cardTransactionPostedCurrency,
            String cardProgramTypeCode,
            List<Allocation> allocation,
            @JsonAnySetter Map<String, Object> additional) {

        public ExpenseEntry {
            allocation = allocation == null ? List.of() : List.copyOf(allocation);
        }

        public CustomFields custom() {
            return CustomFields.of(additional);
        }
    }

    /** {@code expenseEntry[].allocation[]}: a share of the entry with its own cost objects, journals and taxes. */
    public record Allocation(
            String allocationId,
            BigDecimal allocationPercentage,
            List<Journal> journal,
            List<Tax> tax,
            @JsonAnySetter Map<String, Object> additional) {

        public Allocation {
            journal = journal == null ? List.of() : List.copyOf(journal);
            tax = tax == null ? List.of() : List.copyOf(tax);
        }

        public CustomFields custom() {
            return CustomFields.of(additional);
        }
    }

    /**
     * {@code allocation[].journal[]}: one posting line. The sign of {@code amountGross} gives the direction
     * (positive: the payer pays the payee for the account; negative: a credit).
     */
    public record Journal(
            String journalPayer,
            String journalPayee,
            String journalAccountCode,
            BigDecimal amountGross,
            BigDecimal amountNetOfTax,
            BigDecimal amountNetOfReclaim,
            BigDecimal amountTax,
            BigDecimal amountGrossCard,
            String cardTransactionReferenceNumber,
            List<String> taxGuid,
            String accountingTransactionType,
            @JsonAnySetter Map<String, Object> additional) {

        public Journal {
            taxGuid = taxGuid == null ? List.of() : List.copyOf(taxGuid);
        }

        public CustomFields custom() {
            return CustomFields.of(additional);
        }
    }

    /** {@code allocation[].tax[]}: one tax jurisdiction's amount and the reclaimable part of it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tax(
            String taxGuid,
            String taxAuthorityLabel,
            String taxCode,
            String taxReclaimCode,
            String nonDomesticCode,
            String taxSource,
            BigDecimal amountTax,
            BigDecimal amountReclaim,
            String locationCountryCode,
            String locationCountrySubCode) {
    }

    /** {@code cashAdvanceApplication[]}: an advance applied (negative) or returned within the report. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CashAdvanceApplication(
            String cashAdvanceId,
            BigDecimal cashAdvanceApplicationAmount,
            String cashAdvanceClearingAccountCode,
            Integer cashAdvanceTransactionType) {
    }
}

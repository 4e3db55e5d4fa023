package org.concurbridge.client.fis;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A FIS v4 cash advance document ({@code docType=cashadvance}): {@code employeeData}, {@code cashAdvanceData} and
 * {@code journalData[]}. Issued advances arrive this way; their application arrives inside expense documents.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CashAdvanceDocument(
        ExpenseDocument.Employee employeeData,
        CashAdvanceData cashAdvanceData,
        List<JournalData> journalData) implements FinancialDocument {

    public CashAdvanceDocument {
        journalData = journalData == null ? List.of() : List.copyOf(journalData);
    }

    @Override
    public FisDocumentKind kind() {
        return FisDocumentKind.CASH_ADVANCE;
    }

    /** {@code cashAdvanceData}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CashAdvanceData(
            String cashAdvanceId,
            String name,
            String purpose,
            BigDecimal requestAmount,
            String currencyAlphaCode,
            String currencyNumCode,
            String employeeCurrencyAlphaCode,
            BigDecimal exchangeRate,
            Instant requestDate,
            Instant issuedDate,
            Instant requestedDisbursementDate,
            Instant travelStartDate,
            Instant travelEndDate,
            Integer transactionType,
            Integer paymentMethod,
            YesNo expensePayIndicator,
            YesNo isTest,
            String clearingAccountCode,
            String countryCode,
            String countrySubCode,
            @JsonAlias("entrylocationName") String locationName,
            String cardAccountID,
            String cardTransactionID,
            BigDecimal cardTransactionAmount,
            String cardTransactionCurrency,
            BigDecimal cardTransactionPostedAmount,
            String cardTransactionPostedCurrency) {
    }

    /** {@code journalData[]}: signed amount ({@code +} debit, {@code -} credit) with an explicit {@code DR}/{@code CR}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JournalData(
            String payer,
            String payee,
            String paymentCode,
            String accountCode,
            BigDecimal amount,
            String debitOrCredit) {
    }
}

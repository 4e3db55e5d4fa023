package org.concurbridge.client.fis;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A FIS v4 invoice (payment request) document ({@code docType=invoice}): {@code requestHeader},
 * {@code ownerEmployee}, {@code vendor} and {@code lineItem[]}. Header dates arrive in mixed formats
 * ({@code 08/08/2018}, {@code 2018-09-05T03:37:42.923Z}); all read as {@link LocalDate}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvoiceDocument(
        RequestHeader requestHeader,
        ExpenseDocument.Employee ownerEmployee,
        Vendor vendor,
        List<LineItem> lineItem) implements FinancialDocument {

    public InvoiceDocument {
        lineItem = lineItem == null ? List.of() : List.copyOf(lineItem);
    }

    @Override
    public FisDocumentKind kind() {
        return FisDocumentKind.INVOICE;
    }

    /** {@code requestHeader}. */
    public record RequestHeader(
            String requestId,
            Long reqKey,
            String requestTitle,
            String requestDescription,
            String vendorInvoiceNumber,
            @JsonDeserialize(using = FisDateDeserializer.class) LocalDate invoiceDate,
            @JsonDeserialize(using = FisDateDeserializer.class) LocalDate paymentDueDate,
            @JsonDeserialize(using = FisDateDeserializer.class) LocalDate invoiceReceivedDate,
            @JsonDeserialize(using = FisDateDeserializer.class) LocalDate postingDate,
            @JsonDeserialize(using = FisDateDeserializer.class) LocalDate processCompleteDate,
            @JsonDeserialize(using = FisDateDeserializer.class) LocalDate requestCreationDate,
            @JsonDeserialize(using = FisDateDeserializer.class) LocalDate submitDate,
            String currencyAlphaCode,
            BigDecimal requestTotal,
            BigDecimal amountNetInvoice,
            BigDecimal amountShippingTotal,
            BigDecimal amountTax,
            String ledgerCode,
            String ledgerName,
            String clearingAccountCode,
            YesNo isTest,
            YesNo invoicePayIndicator,
            String payMethodType,
            YesNo multiplePurchaseOrder,
            String poNumber,
            String deliverySlipNumber,
            BigDecimal discountPercentage,
            Integer discountTermsDays,
            Integer netPaymentTermDays,
            Integer revisionNumber,
            String versionId,
            String externalPolicyId,
            String policyName,
            String vendorTaxId,
            @JsonAnySetter Map<String, Object> additional) {

        public CustomFields custom() {
            return CustomFields.of(additional);
        }
    }

    /** {@code vendor}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Vendor(
            String vendorCode,
            String vendorName,
            String vendorRemitToAddressCode,
            String vendorShipFromAddressCode,
            String vendorContactFirstName,
            String vendorContactLastName) {
    }

    /** {@code lineItem[]}. */
    public record LineItem(
            Integer lineItemSequenceOrder,
            String lineItemDescription,
            String expenseTypeCode,
            String expenseTypeName,
            String lineItemCode,
            BigDecimal lineItemQuantity,
            BigDecimal lineItemUnitPrice,
            String lineItemPurchaseOrderNumber,
            String poLineNumber,
            String externalLineItemId,
            String lineItemDeliverySlipNumber,
            List<Allocation> allocation,
            @JsonAnySetter Map<String, Object> additional) {

        public LineItem {
            allocation = allocation == null ? List.of() : List.copyOf(allocation);
        }

        public CustomFields custom() {
            return CustomFields.of(additional);
        }
    }

    /** {@code lineItem[].allocation[]}, whose {@code journal} is a single object. */
    public record Allocation(
            Long allocationKey,
            BigDecimal allocationPercentage,
            String allocationAccountCode,
            Journal journal,
            @JsonAnySetter Map<String, Object> additional) {

        public CustomFields custom() {
            return CustomFields.of(additional);
        }
    }

    /** {@code allocation.journal}: gross = net + shipping + tax. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Journal(
            String accountCode,
            BigDecimal amountGross,
            BigDecimal amountNet,
            BigDecimal amountShipping,
            Tax tax) {
    }

    /** {@code journal.tax}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tax(BigDecimal amountTax, String taxCode, String taxField) {
    }
}

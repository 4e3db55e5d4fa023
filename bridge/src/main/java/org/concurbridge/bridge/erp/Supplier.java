package org.concurbridge.bridge.erp;

/**
 * A supplier (vendor) as the ERP knows it, for the Concur vendor list.
 *
 * @param code         the ERP's supplier code
 * @param taxId        VAT / tax identifier, or null
 * @param paymentTerms payment terms name/code, or null
 * @param currency     default currency, or null
 * @param address      main (invoice) address, or null
 * @param bankAccount  main bank account, or null
 * @param active       false when blocked/closed in the ERP
 */
public record Supplier(String code, String name, String taxId, String paymentTerms, String currency,
                       Address address, BankAccount bankAccount, boolean active) {

    public record Address(String street, String city, String postalCode, String region, String country) {
    }

    /** @param accountNumber IBAN or other account number; @param bic BIC/SWIFT or null */
    public record BankAccount(String accountNumber, String bic, String bankName) {
    }
}

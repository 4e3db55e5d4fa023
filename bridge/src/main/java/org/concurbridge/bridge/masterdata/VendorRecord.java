package org.concurbridge.bridge.masterdata;

/**
 * A Concur Invoice vendor as the bridge sends and compares it: identified by {@code vendorCode} + {@code addressCode}.
 * Null fields are not sent.
 */
public record VendorRecord(String vendorCode, String addressCode, String name, String address1, String city,
                           String state, String postalCode, String countryCode, String currencyCode, String taxId,
                           String paymentMethodType, String paymentTerms, Bank bank) {

    /** {@code vendorCode/addressCode}: the store's key of the vendor. */
    public String key() {
        return key(vendorCode, addressCode);
    }

    public static String key(String vendorCode, String addressCode) {
        return vendorCode + "/" + addressCode;
    }

    /** The vendor's bank account (Concur's VendorBank). */
    public record Bank(String accountNumber, String routingNumber, String bankName, String countryCode,
                       String currencyCode, String nameOnAccount) {
    }
}

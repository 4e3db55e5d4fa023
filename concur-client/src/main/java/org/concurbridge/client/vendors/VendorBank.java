package org.concurbridge.client.vendors;

import java.util.Objects;

/**
 * Vendor banking (Vendor Bank v3.1, {@code PUT /invoice/vendor/banks}): {@code vendorCode} required; with
 * {@code addressCode} the banking belongs to that address, without it to every address of the vendor (v3.1 text; v3
 * marked it required). {@code accountNumber} (account no. or IBAN), {@code accountType} ({@code CHCK}/{@code SAVE}),
 * {@code nameOnAccount} (≤100) and {@code isActive} ({@code Y}/{@code N}) are required; {@code routingNumber} (routing
 * no., BIC or BSB), {@code countryCode} (default US), {@code currencyAlphaCode} (USD, EUR, AUD, GBP), {@code transType}
 * ({@code ACH} if given) optional. {@code id}, {@code uri} output only. {@link #toString()} masks the account and
 * routing numbers.
 */
public record VendorBank(String vendorCode, String addressCode, String accountNumber, String accountType,
                         String nameOnAccount, String isActive, String routingNumber, String bankName,
                         String branchLocation, String bankCode, String branchCode, String countryCode,
                         String currencyAlphaCode, String transType, String id, String uri) {

    public VendorBank {
        Objects.requireNonNull(vendorCode, "vendorCode");
    }

    /** The required members; the optional ones null. */
    public static VendorBank of(String vendorCode, String addressCode, String accountNumber, String accountType,
                                String nameOnAccount, boolean active) {
        return new VendorBank(vendorCode, addressCode, accountNumber, accountType, nameOnAccount, active ? "Y" : "N",
                null, null, null, null, null, null, null, null, null, null);
    }

    public VendorBank withRouting(String routing, String country, String currency) {
        return new VendorBank(vendorCode, addressCode, accountNumber, accountType, nameOnAccount, isActive, routing,
                bankName, branchLocation, bankCode, branchCode, country, currency, transType, id, uri);
    }

    @Override
    public String toString() {
        return "VendorBank[vendorCode=" + vendorCode + ", addressCode=" + addressCode + ", accountNumber="
                + mask(accountNumber) + ", accountType=" + accountType + ", isActive=" + isActive + ", routingNumber="
                + mask(routingNumber) + ", countryCode=" + countryCode + ", currencyAlphaCode=" + currencyAlphaCode
                + ", id=" + id + "]";
    }

    static String mask(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 4 ? "****" : "****" + s.substring(s.length() - 4);
    }
}

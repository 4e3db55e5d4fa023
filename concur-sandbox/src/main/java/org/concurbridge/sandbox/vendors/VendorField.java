package org.concurbridge.sandbox.vendors;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One writable field of a Vendor v3.1 record (vendors-v3.md "Vendor fields", limits from the v3.1 swagger
 * descriptions): its exact name, its maximum length and its value rule. {@link #check(String)} returns null when the
 * value is acceptable, else the message of the per-vendor failure status. Values are case-insensitive except
 * {@code CountryCode}, which must be upper case.
 */
record VendorField(String name, int maxLength, Rule rule, String defaultValue, boolean clearable) {

    enum Rule { TEXT, COUNTRY_CODE, CURRENCY_CODE, Y_N, PAYMENT_METHOD, TAX_TYPE, INT_1_999, INT_1_998, DECIMAL_11_8,
        ALNUM }

    /** Where no length is documented ({@code Country}, {@code PaymentTerms}, ...): no length rule. */
    static final int UNLIMITED = Integer.MAX_VALUE;

    static final Set<String> PAYMENT_METHODS = Set.of("ACH", "CHECK", "CLIENT", "WIRE", "PAYPVD", "CARD", "VCHER");
    static final Set<String> TAX_TYPES = Set.of("DITX", "DNTX", "INTX");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    /** Every writable field, in the order the sandbox prints them. */
    static final List<VendorField> ALL;
    static final Map<String, VendorField> BY_NAME;
    /** Lower-case name → field, for case-insensitive {@code sortBy}. */
    static final Map<String, VendorField> BY_LOWER_NAME;

    static {
        List<VendorField> f = new ArrayList<>();
        f.add(text("VendorCode", 32));
        f.add(text("AddressCode", 32));
        f.add(text("VendorName", 255));
        f.add(text("Address1", 255));
        f.add(text("Address2", 255));
        f.add(text("Address3", 255));
        f.add(text("City", 255));
        f.add(text("State", 255));
        f.add(text("PostalCode", 20));
        f.add(text("Country", UNLIMITED));
        f.add(new VendorField("CountryCode", 2, Rule.COUNTRY_CODE, null, false));
        f.add(new VendorField("CurrencyCode", 3, Rule.CURRENCY_CODE, null, false));
        f.add(new VendorField("AccountNumber", 50, Rule.TEXT, null, true));
        f.add(text("TaxID", 48));
        f.add(new VendorField("ProvincialTaxID", 15, Rule.ALNUM, null, false));
        f.add(new VendorField("TaxType", 4, Rule.TAX_TYPE, null, false));
        f.add(new VendorField("PaymentMethodType", 6, Rule.PAYMENT_METHOD, "CLIENT", false));
        f.add(new VendorField("PaymentTerms", UNLIMITED, Rule.INT_1_999, null, false));
        f.add(new VendorField("DiscountPercentage", UNLIMITED, Rule.DECIMAL_11_8, null, false));
        f.add(new VendorField("DiscountTermsDays", UNLIMITED, Rule.INT_1_998, null, false));
        f.add(text("ShippingMethod", 10));
        f.add(text("ShippingTerms", 10));
        f.add(text("ContactFirstName", 255));
        f.add(text("ContactLastName", 255));
        f.add(text("ContactPhoneNumber", 25));
        f.add(text("ContactEmail", 255));
        f.add(text("PurchaseOrderContactFirstName", 255));
        f.add(text("PurchaseOrderContactLastName", 255));
        f.add(text("PurchaseOrderContactPhoneNumber", 25));
        f.add(text("PurchaseOrderContactEmail", 255));
        f.add(new VendorField("DefaultEmployeeID", 48, Rule.TEXT, null, true));
        f.add(new VendorField("DefaultExpenseTypeName", 64, Rule.TEXT, null, true));
        f.add(new VendorField("VendorFormName", 64, Rule.TEXT, null, true));
        f.add(new VendorField("Approved", 1, Rule.Y_N, "Y", false));
        f.add(new VendorField("IsLineItemVatIncld", 1, Rule.Y_N, "N", false));
        f.add(new VendorField("IsVisibleForContentExtraction", 1, Rule.Y_N, "Y", false));
        f.add(text("VoucherNotes", 250));
        f.add(text("AddressImportSyncID", 20));
        for (int i = 1; i <= 20; i++) {
            f.add(text("Custom" + i, 48));
        }
        ALL = Collections.unmodifiableList(f);
        Map<String, VendorField> byName = new LinkedHashMap<>();
        Map<String, VendorField> byLower = new LinkedHashMap<>();
        for (VendorField v : f) {
            byName.put(v.name(), v);
            byLower.put(v.name().toLowerCase(Locale.ROOT), v);
        }
        BY_NAME = Collections.unmodifiableMap(byName);
        BY_LOWER_NAME = Collections.unmodifiableMap(byLower);
    }

    /** Output-only members a request may carry (ignored: "Read-Only" in the schema). */
    static final Set<String> READ_ONLY = Set.of("ID", "URI", "StatusList", "VendorBankList", "VendorGroupList");

    private static VendorField text(String name, int max) {
        return new VendorField(name, max, Rule.TEXT, null, false);
    }

    /** The value as stored: codes and flags in upper case, everything else as sent. */
    String normalize(String value) {
        return switch (rule) {
            case CURRENCY_CODE, Y_N, PAYMENT_METHOD, TAX_TYPE -> value.toUpperCase(Locale.ROOT);
            default -> value;
        };
    }

    /** Null when {@code value} (non-empty) is acceptable; else why not. */
    String check(String value) {
        if ((rule == Rule.TEXT || rule == Rule.ALNUM) && value.length() > maxLength) {
            return name + " exceeds the maximum of " + maxLength + " characters (got " + value.length() + ")";
        }
        String upper = value.toUpperCase(Locale.ROOT);
        return switch (rule) {
            case TEXT -> null;
            case COUNTRY_CODE -> !value.equals(upper) ? "CountryCode must be upper case (got '" + value + "')"
                    : COUNTRIES.contains(value) ? null
                    : "CountryCode must be an ISO 3166-1 alpha-2 country code (got '" + value + "')";
            case CURRENCY_CODE -> CURRENCIES.contains(upper) ? null
                    : "CurrencyCode must be an ISO 4217 alphabetic currency code (got '" + value + "')";
            case Y_N -> upper.equals("Y") || upper.equals("N") ? null : name + " must be Y or N (got '" + value + "')";
            case PAYMENT_METHOD -> PAYMENT_METHODS.contains(upper) ? null
                    : "PaymentMethodType must be one of ACH, CHECK, CLIENT, WIRE, PAYPVD, CARD, VCHER (got '" + value
                    + "')";
            case TAX_TYPE -> TAX_TYPES.contains(upper) ? null
                    : "TaxType must be one of DITX, DNTX, INTX (got '" + value + "')";
            case INT_1_999 -> intBetween(value, 1, 999);
            case INT_1_998 -> intBetween(value, 1, 998);
            case DECIMAL_11_8 -> decimal(value);
            case ALNUM -> value.matches("[A-Za-z0-9]*") ? null
                    : name + " must be letters and digits only (got '" + value + "')";
        };
    }

    private String intBetween(String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= min && v <= max) {
                return null;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return name + " must be a whole number from " + min + " to " + max + " (got '" + value + "')";
    }

    private String decimal(String value) {
        try {
            BigDecimal d = new BigDecimal(value.trim());
            BigDecimal stripped = d.stripTrailingZeros();
            int scale = Math.max(stripped.scale(), 0);
            if (scale <= 8 && stripped.precision() - stripped.scale() <= 3 && d.signum() >= 0) {
                return null;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return name + " must be a number(11,8): at most 3 digits before and 8 after the decimal point (got '" + value
                + "')";
    }
}

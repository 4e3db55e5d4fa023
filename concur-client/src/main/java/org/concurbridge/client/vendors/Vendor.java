package org.concurbridge.client.vendors;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An Invoice vendor record (Vendor v3.1), identified by {@code vendorCode} + {@code addressCode}. Every documented
 * field, as a string (the API types them all as strings); null means "not sent" on writes. {@code custom} holds
 * {@code Custom1}…{@code Custom20} by number. {@code id}, {@code uri}, {@code banks} and {@code groups} are
 * output only (never sent). Build with {@link #builder(String, String)}.
 */
public record Vendor(String vendorCode,
                     String addressCode,
                     String vendorName,
                     String address1,
                     String address2,
                     String address3,
                     String city,
                     String state,
                     String postalCode,
                     String country,
                     String countryCode,
                     String currencyCode,
                     String accountNumber,
                     String taxId,
                     String provincialTaxId,
                     String taxType,
                     String paymentMethodType,
                     String paymentTerms,
                     String discountPercentage,
                     String discountTermsDays,
                     String shippingMethod,
                     String shippingTerms,
                     String contactFirstName,
                     String contactLastName,
                     String contactPhoneNumber,
                     String contactEmail,
                     String purchaseOrderContactFirstName,
                     String purchaseOrderContactLastName,
                     String purchaseOrderContactPhoneNumber,
                     String purchaseOrderContactEmail,
                     String defaultEmployeeId,
                     String defaultExpenseTypeName,
                     String vendorFormName,
                     String approved,
                     String isLineItemVatIncld,
                     String isVisibleForContentExtraction,
                     String voucherNotes,
                     String addressImportSyncId,
                     Map<Integer, String> custom,
                     String id, String uri, List<VendorBank> banks, List<String> groups) {

    public Vendor {
        Objects.requireNonNull(vendorCode, "vendorCode");
        Objects.requireNonNull(addressCode, "addressCode");
        custom = custom == null ? Map.of() : Map.copyOf(new TreeMap<>(custom));
        for (Integer n : custom.keySet()) {
            if (n < 1 || n > 20) {
                throw new IllegalArgumentException("custom fields are Custom1..Custom20 (got Custom" + n + ")");
            }
        }
        banks = banks == null ? List.of() : List.copyOf(banks);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A builder for the vendor {@code vendorCode} at {@code addressCode}. */
    public static Builder builder(String vendorCode, String addressCode) {
        return new Builder(vendorCode, addressCode);
    }

    /** A builder holding every field of this vendor (to change some). */
    public Builder toBuilder() {
        Builder b = new Builder(vendorCode, addressCode);
        b.vendorName = vendorName;
        b.address1 = address1;
        b.address2 = address2;
        b.address3 = address3;
        b.city = city;
        b.state = state;
        b.postalCode = postalCode;
        b.country = country;
        b.countryCode = countryCode;
        b.currencyCode = currencyCode;
        b.accountNumber = accountNumber;
        b.taxId = taxId;
        b.provincialTaxId = provincialTaxId;
        b.taxType = taxType;
        b.paymentMethodType = paymentMethodType;
        b.paymentTerms = paymentTerms;
        b.discountPercentage = discountPercentage;
        b.discountTermsDays = discountTermsDays;
        b.shippingMethod = shippingMethod;
        b.shippingTerms = shippingTerms;
        b.contactFirstName = contactFirstName;
        b.contactLastName = contactLastName;
        b.contactPhoneNumber = contactPhoneNumber;
        b.contactEmail = contactEmail;
        b.purchaseOrderContactFirstName = purchaseOrderContactFirstName;
        b.purchaseOrderContactLastName = purchaseOrderContactLastName;
        b.purchaseOrderContactPhoneNumber = purchaseOrderContactPhoneNumber;
        b.purchaseOrderContactEmail = purchaseOrderContactEmail;
        b.defaultEmployeeId = defaultEmployeeId;
        b.defaultExpenseTypeName = defaultExpenseTypeName;
        b.vendorFormName = vendorFormName;
        b.approved = approved;
        b.isLineItemVatIncld = isLineItemVatIncld;
        b.isVisibleForContentExtraction = isVisibleForContentExtraction;
        b.voucherNotes = voucherNotes;
        b.addressImportSyncId = addressImportSyncId;
        b.custom.putAll(custom);
        b.id = id;
        b.uri = uri;
        b.banks = banks;
        b.groups = groups;
        return b;
    }

    /** {@code CustomN}, or null. */
    public String custom(int n) {
        return custom.get(n);
    }

    /** The field values by their JSON names ({@code VendorCode}, …, {@code Custom1}…), nulls left out, in order. */
    public Map<String, String> fields() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        put(out, "VendorCode", vendorCode);
        put(out, "AddressCode", addressCode);
        put(out, "VendorName", vendorName);
        put(out, "Address1", address1);
        put(out, "Address2", address2);
        put(out, "Address3", address3);
        put(out, "City", city);
        put(out, "State", state);
        put(out, "PostalCode", postalCode);
        put(out, "Country", country);
        put(out, "CountryCode", countryCode);
        put(out, "CurrencyCode", currencyCode);
        put(out, "AccountNumber", accountNumber);
        put(out, "TaxID", taxId);
        put(out, "ProvincialTaxID", provincialTaxId);
        put(out, "TaxType", taxType);
        put(out, "PaymentMethodType", paymentMethodType);
        put(out, "PaymentTerms", paymentTerms);
        put(out, "DiscountPercentage", discountPercentage);
        put(out, "DiscountTermsDays", discountTermsDays);
        put(out, "ShippingMethod", shippingMethod);
        put(out, "ShippingTerms", shippingTerms);
        put(out, "ContactFirstName", contactFirstName);
        put(out, "ContactLastName", contactLastName);
        put(out, "ContactPhoneNumber", contactPhoneNumber);
        put(out, "ContactEmail", contactEmail);
        put(out, "PurchaseOrderContactFirstName", purchaseOrderContactFirstName);
        put(out, "PurchaseOrderContactLastName", purchaseOrderContactLastName);
        put(out, "PurchaseOrderContactPhoneNumber", purchaseOrderContactPhoneNumber);
        put(out, "PurchaseOrderContactEmail", purchaseOrderContactEmail);
        put(out, "DefaultEmployeeID", defaultEmployeeId);
        put(out, "DefaultExpenseTypeName", defaultExpenseTypeName);
        put(out, "VendorFormName", vendorFormName);
        put(out, "Approved", approved);
        put(out, "IsLineItemVatIncld", isLineItemVatIncld);
        put(out, "IsVisibleForContentExtraction", isVisibleForContentExtraction);
        put(out, "VoucherNotes", voucherNotes);
        put(out, "AddressImportSyncID", addressImportSyncId);
        custom.forEach((n, v) -> put(out, "Custom" + n, v));
        return out;
    }

    private static void put(Map<String, String> out, String name, String value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    /** The documented JSON field names, in order (Custom1..Custom20 not included). */
    static final List<String> FIELD_NAMES = List.of("VendorCode", "AddressCode", "VendorName", "Address1", "Address2", "Address3", "City", "State", "PostalCode", "Country", "CountryCode", "CurrencyCode", "AccountNumber", "TaxID", "ProvincialTaxID", "TaxType", "PaymentMethodType", "PaymentTerms", "DiscountPercentage", "DiscountTermsDays", "ShippingMethod", "ShippingTerms", "ContactFirstName", "ContactLastName", "ContactPhoneNumber", "ContactEmail", "PurchaseOrderContactFirstName", "PurchaseOrderContactLastName", "PurchaseOrderContactPhoneNumber", "PurchaseOrderContactEmail", "DefaultEmployeeID", "DefaultExpenseTypeName", "VendorFormName", "Approved", "IsLineItemVatIncld", "IsVisibleForContentExtraction", "VoucherNotes", "AddressImportSyncID");

    /** Builds a {@link Vendor}; every setter takes the value as sent (null: not sent). */
    public static final class Builder {
        private final String vendorCode;
        private final String addressCode;
        private String vendorName;
        private String address1;
        private String address2;
        private String address3;
        private String city;
        private String state;
        private String postalCode;
        private String country;
        private String countryCode;
        private String currencyCode;
        private String accountNumber;
        private String taxId;
        private String provincialTaxId;
        private String taxType;
        private String paymentMethodType;
        private String paymentTerms;
        private String discountPercentage;
        private String discountTermsDays;
        private String shippingMethod;
        private String shippingTerms;
        private String contactFirstName;
        private String contactLastName;
        private String contactPhoneNumber;
        private String contactEmail;
        private String purchaseOrderContactFirstName;
        private String purchaseOrderContactLastName;
        private String purchaseOrderContactPhoneNumber;
        private String purchaseOrderContactEmail;
        private String defaultEmployeeId;
        private String defaultExpenseTypeName;
        private String vendorFormName;
        private String approved;
        private String isLineItemVatIncld;
        private String isVisibleForContentExtraction;
        private String voucherNotes;
        private String addressImportSyncId;
        private final Map<Integer, String> custom = new TreeMap<>();
        private String id;
        private String uri;
        private List<VendorBank> banks = List.of();
        private List<String> groups = List.of();

        private Builder(String vendorCode, String addressCode) {
            this.vendorCode = vendorCode;
            this.addressCode = addressCode;
        }
        /** {@code VendorName}: ≤255. */
        public Builder vendorName(String value) {
            this.vendorName = value;
            return this;
        }

        /** {@code Address1}: ≤50 with Invoice Pay checks, else ≤255. */
        public Builder address1(String value) {
            this.address1 = value;
            return this;
        }

        /** {@code Address2}. */
        public Builder address2(String value) {
            this.address2 = value;
            return this;
        }

        /** {@code Address3}. */
        public Builder address3(String value) {
            this.address3 = value;
            return this;
        }

        /** {@code City}. */
        public Builder city(String value) {
            this.city = value;
            return this;
        }

        /** {@code State}. */
        public Builder state(String value) {
            this.state = value;
            return this;
        }

        /** {@code PostalCode}: ≤20. */
        public Builder postalCode(String value) {
            this.postalCode = value;
            return this;
        }

        /** {@code Country}: country name. */
        public Builder country(String value) {
            this.country = value;
            return this;
        }

        /** {@code CountryCode}: ISO 3166-1 alpha-2, upper case; required by v3.1. */
        public Builder countryCode(String value) {
            this.countryCode = value;
            return this;
        }

        /** {@code CurrencyCode}: ISO 4217; required by v3.1. */
        public Builder currencyCode(String value) {
            this.currencyCode = value;
            return this;
        }

        /** {@code AccountNumber}: buyer's account number at the vendor; ≤50; N clears. */
        public Builder accountNumber(String value) {
            this.accountNumber = value;
            return this;
        }

        /** {@code TaxID}: ≤48. */
        public Builder taxId(String value) {
            this.taxId = value;
            return this;
        }

        /** {@code ProvincialTaxID}: ≤15. */
        public Builder provincialTaxId(String value) {
            this.provincialTaxId = value;
            return this;
        }

        /** {@code TaxType}: DITX, DNTX, INTX. */
        public Builder taxType(String value) {
            this.taxType = value;
            return this;
        }

        /** {@code PaymentMethodType}: ACH, CHECK, CLIENT, WIRE, PAYPVD, CARD, VCHER. */
        public Builder paymentMethodType(String value) {
            this.paymentMethodType = value;
            return this;
        }

        /** {@code PaymentTerms}: days, 1-999. */
        public Builder paymentTerms(String value) {
            this.paymentTerms = value;
            return this;
        }

        /** {@code DiscountPercentage}. */
        public Builder discountPercentage(String value) {
            this.discountPercentage = value;
            return this;
        }

        /** {@code DiscountTermsDays}. */
        public Builder discountTermsDays(String value) {
            this.discountTermsDays = value;
            return this;
        }

        /** {@code ShippingMethod}: ≤10. */
        public Builder shippingMethod(String value) {
            this.shippingMethod = value;
            return this;
        }

        /** {@code ShippingTerms}: ≤10. */
        public Builder shippingTerms(String value) {
            this.shippingTerms = value;
            return this;
        }

        /** {@code ContactFirstName}. */
        public Builder contactFirstName(String value) {
            this.contactFirstName = value;
            return this;
        }

        /** {@code ContactLastName}. */
        public Builder contactLastName(String value) {
            this.contactLastName = value;
            return this;
        }

        /** {@code ContactPhoneNumber}: ≤25. */
        public Builder contactPhoneNumber(String value) {
            this.contactPhoneNumber = value;
            return this;
        }

        /** {@code ContactEmail}: required with VCHER. */
        public Builder contactEmail(String value) {
            this.contactEmail = value;
            return this;
        }

        /** {@code PurchaseOrderContactFirstName}. */
        public Builder purchaseOrderContactFirstName(String value) {
            this.purchaseOrderContactFirstName = value;
            return this;
        }

        /** {@code PurchaseOrderContactLastName}. */
        public Builder purchaseOrderContactLastName(String value) {
            this.purchaseOrderContactLastName = value;
            return this;
        }

        /** {@code PurchaseOrderContactPhoneNumber}. */
        public Builder purchaseOrderContactPhoneNumber(String value) {
            this.purchaseOrderContactPhoneNumber = value;
            return this;
        }

        /** {@code PurchaseOrderContactEmail}. */
        public Builder purchaseOrderContactEmail(String value) {
            this.purchaseOrderContactEmail = value;
            return this;
        }

        /** {@code DefaultEmployeeID}: ≤48; N clears. */
        public Builder defaultEmployeeId(String value) {
            this.defaultEmployeeId = value;
            return this;
        }

        /** {@code DefaultExpenseTypeName}: ≤64; N clears. */
        public Builder defaultExpenseTypeName(String value) {
            this.defaultExpenseTypeName = value;
            return this;
        }

        /** {@code VendorFormName}: ≤64; N clears. */
        public Builder vendorFormName(String value) {
            this.vendorFormName = value;
            return this;
        }

        /** {@code Approved}: Y/N. */
        public Builder approved(String value) {
            this.approved = value;
            return this;
        }

        /** {@code IsLineItemVatIncld}: Y/N. */
        public Builder isLineItemVatIncld(String value) {
            this.isLineItemVatIncld = value;
            return this;
        }

        /** {@code IsVisibleForContentExtraction}: Y/N. */
        public Builder isVisibleForContentExtraction(String value) {
            this.isVisibleForContentExtraction = value;
            return this;
        }

        /** {@code VoucherNotes}: ≤250. */
        public Builder voucherNotes(String value) {
            this.voucherNotes = value;
            return this;
        }

        /** {@code AddressImportSyncID}: ≤20. */
        public Builder addressImportSyncId(String value) {
            this.addressImportSyncId = value;
            return this;
        }

        /** {@code CustomN} (1..20): vendor-form custom field, ≤48; list-backed fields take list item codes. */
        public Builder custom(int n, String value) {
            if (n < 1 || n > 20) {
                throw new IllegalArgumentException("custom fields are Custom1..Custom20 (got " + n + ")");
            }
            if (value == null) {
                custom.remove(n);
            } else {
                custom.put(n, value);
            }
            return this;
        }

        /** Output only (read from Concur). */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** Output only (read from Concur). */
        public Builder uri(String value) {
            this.uri = value;
            return this;
        }

        /** Output only ({@code VendorBankList}). */
        public Builder banks(List<VendorBank> value) {
            this.banks = value;
            return this;
        }

        /** Output only ({@code VendorGroupList}). */
        public Builder groups(List<String> value) {
            this.groups = value;
            return this;
        }

        /** Sets a field by its JSON name ({@code VendorName}, {@code Custom7}…); false when the name is unknown. */
        public boolean field(String jsonName, String value) {
            switch (jsonName) {
                case "VendorName" -> vendorName = value;
                case "Address1" -> address1 = value;
                case "Address2" -> address2 = value;
                case "Address3" -> address3 = value;
                case "City" -> city = value;
                case "State" -> state = value;
                case "PostalCode" -> postalCode = value;
                case "Country" -> country = value;
                case "CountryCode" -> countryCode = value;
                case "CurrencyCode" -> currencyCode = value;
                case "AccountNumber" -> accountNumber = value;
                case "TaxID" -> taxId = value;
                case "ProvincialTaxID" -> provincialTaxId = value;
                case "TaxType" -> taxType = value;
                case "PaymentMethodType" -> paymentMethodType = value;
                case "PaymentTerms" -> paymentTerms = value;
                case "DiscountPercentage" -> discountPercentage = value;
                case "DiscountTermsDays" -> discountTermsDays = value;
                case "ShippingMethod" -> shippingMethod = value;
                case "ShippingTerms" -> shippingTerms = value;
                case "ContactFirstName" -> contactFirstName = value;
                case "ContactLastName" -> contactLastName = value;
                case "ContactPhoneNumber" -> contactPhoneNumber = value;
                case "ContactEmail" -> contactEmail = value;
                case "PurchaseOrderContactFirstName" -> purchaseOrderContactFirstName = value;
                case "PurchaseOrderContactLastName" -> purchaseOrderContactLastName = value;
                case "PurchaseOrderContactPhoneNumber" -> purchaseOrderContactPhoneNumber = value;
                case "PurchaseOrderContactEmail" -> purchaseOrderContactEmail = value;
                case "DefaultEmployeeID" -> defaultEmployeeId = value;
                case "DefaultExpenseTypeName" -> defaultExpenseTypeName = value;
                case "VendorFormName" -> vendorFormName = value;
                case "Approved" -> approved = value;
                case "IsLineItemVatIncld" -> isLineItemVatIncld = value;
                case "IsVisibleForContentExtraction" -> isVisibleForContentExtraction = value;
                case "VoucherNotes" -> voucherNotes = value;
                case "AddressImportSyncID" -> addressImportSyncId = value;
                default -> {
                    if (jsonName.startsWith("Custom")) {
                        try {
                            int n = Integer.parseInt(jsonName.substring(6));
                            if (n >= 1 && n <= 20) {
                                custom(n, value);
                                return true;
                            }
                        } catch (NumberFormatException notCustom) {
                            return false;
                        }
                    }
                    return false;
                }
            }
            return true;
        }

        public Vendor build() {
            return new Vendor(vendorCode, addressCode, vendorName, address1, address2, address3, city, state, postalCode, country, countryCode, currencyCode, accountNumber, taxId, provincialTaxId, taxType, paymentMethodType, paymentTerms, discountPercentage, discountTermsDays, shippingMethod, shippingTerms, contactFirstName, contactLastName, contactPhoneNumber, contactEmail, purchaseOrderContactFirstName, purchaseOrderContactLastName, purchaseOrderContactPhoneNumber, purchaseOrderContactEmail, defaultEmployeeId, defaultExpenseTypeName, vendorFormName, approved, isLineItemVatIncld, isVisibleForContentExtraction, voucherNotes, addressImportSyncId,
                    custom, id, uri, banks, groups);
        }
    }
}

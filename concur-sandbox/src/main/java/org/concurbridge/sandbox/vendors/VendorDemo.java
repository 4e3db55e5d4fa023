package org.concurbridge.sandbox.vendors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The existing vendor master of the demo companies (a customer's vendors before the bridge connects): some match
 * suppliers of the embedded ERP by code (S100, S400; S200 on Standard), some exist only in Concur. Listed in
 * docs/sandbox.md; tests and scripts may rely on them.
 */
public final class VendorDemo {

    private VendorDemo() {
    }

    /** Seeds the Professional demo company's vendors (US company; USD and EUR vendors). */
    public static void professional(Vendors vendors, String company) {
        vendors.seed(company, vendor("S100", "20095", "ACME Supplies Ltd", "DE", "EUR", "Industrieweg 5", "Hamburg",
                "HH", "20095", "DE123456788", "CHECK", "30"));
        vendors.addGroup(company, "S100", "20095", "Office supplies");
        vendors.seed(company, vendor("S400", "94105", "Umbrella Travel Inc.", "US", "USD", "500 Market St",
                "San Francisco", "CA", "94105", "12-3456789", "ACH", "45"));
        vendors.seedBank(company, Map.of("VendorCode", "S400", "AddressCode", "94105", "AccountNumber", "000123456789",
                "AccountType", "CHCK", "NameOnAccount", "Umbrella Travel Inc.", "IsActive", "Y", "RoutingNumber",
                "121000358", "BankName", "Bank of America", "TransType", "ACH"));
        vendors.seed(company, vendor("GRANDHOTEL", "CHICAGO", "Grand Hotel Group", "US", "USD", "720 N Michigan Ave",
                "Chicago", "IL", "60611", null, "CLIENT", "30"));
        vendors.seed(company, vendor("GRANDHOTEL", "NEWYORK", "Grand Hotel Group", "US", "USD", "11 Madison Ave",
                "New York", "NY", "10010", null, "CLIENT", "30"));
        vendors.seed(company, vendor("V-CLEAN-01", "MAIN", "Sparkle Office Cleaning LLC", "US", "USD",
                "42 Elm St", "Boston", "MA", "02108", null, "CHECK", "15"));
    }

    /** Seeds the Standard demo company's vendors (German company; EUR vendors). */
    public static void standard(Vendors vendors, String company) {
        vendors.seed(company, vendor("S200", "80802", "Globex Consulting GmbH", "DE", "EUR", "Leopoldstr. 10",
                "Munich", "BY", "80802", "DE811907980", "WIRE", "14"));
        vendors.seedBank(company, Map.of("VendorCode", "S200", "AddressCode", "80802", "AccountNumber",
                "DE02120300000000202051", "AccountType", "CHCK", "NameOnAccount", "Globex Consulting GmbH",
                "IsActive", "Y", "RoutingNumber", "BYLADEM1001", "BankName", "Deutsche Kreditbank", "CountryCode", "DE",
                "CurrencyAlphaCode", "EUR"));
        vendors.seed(company, vendor("V-LEGACY-01", "HQ", "Altdruck Druckerei KG", "DE", "EUR", "Gutenbergstr. 3",
                "Mainz", "RP", "55116", "DE999999999", "CLIENT", "30"));
    }

    private static Map<String, String> vendor(String code, String address, String name, String country,
                                              String currency, String street, String city, String region,
                                              String postalCode, String taxId, String paymentMethod, String terms) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("VendorCode", code);
        v.put("AddressCode", address);
        v.put("VendorName", name);
        v.put("Address1", street);
        v.put("City", city);
        v.put("State", region);
        v.put("PostalCode", postalCode);
        v.put("CountryCode", country);
        v.put("CurrencyCode", currency);
        if (taxId != null) {
            v.put("TaxID", taxId);
        }
        v.put("PaymentMethodType", paymentMethod);
        v.put("PaymentTerms", terms);
        return v;
    }
}

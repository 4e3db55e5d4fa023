package org.concurbridge.sandbox.vendors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A vendor bank account (PUT /invoice/vendor/banks) as stored: {@code fields} has the documented VendorBank field names
 * ({@code VendorCode}, {@code AddressCode}, {@code AccountNumber}, {@code AccountType}, {@code NameOnAccount},
 * {@code IsActive}, {@code CountryCode}, {@code CurrencyAlphaCode}, ...) with every non-empty value.
 */
public record StoredBank(String id, Map<String, String> fields) {

    public StoredBank {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String field(String name) {
        return fields.get(name);
    }

    public boolean active() {
        return "Y".equals(fields.get("IsActive"));
    }
}

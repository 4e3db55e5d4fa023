package org.concurbridge.client.fis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The members of a FIS section this SDK does not name one by one: the many {@code ...CustomNCode/Value} and
 * {@code ...OrgUnitNCode/Value} pairs, and any member Concur adds later. Kept in document order; scalar values are
 * available as text.
 */
public final class CustomFields {

    private final Map<String, Object> values;

    CustomFields(Map<String, Object> values) {
        this.values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static CustomFields of(Map<String, Object> values) {
        return new CustomFields(values);
    }

    /** The member's value as text (numbers and booleans rendered), or null when absent, null or not a scalar. */
    public String text(String name) {
        Object v = values.get(name);
        if (v == null || v instanceof Map || v instanceof Iterable) {
            return null;
        }
        return v.toString();
    }

    /** The member's text when it is present and not blank, else null. */
    public String nonBlank(String name) {
        String t = text(name);
        return t == null || t.isBlank() ? null : t;
    }

    /** Every member not named by the record, in document order. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

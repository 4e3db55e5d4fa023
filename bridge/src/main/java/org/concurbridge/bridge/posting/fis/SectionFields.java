package org.concurbridge.bridge.posting.fis;

import java.util.Map;
import org.concurbridge.bridge.posting.mapping.CostObjectSource;
import org.concurbridge.client.fis.CustomFields;

/**
 * The cost-object fields of one FIS journal, found in the section their name starts with ({@code allocation…},
 * {@code entry…}, {@code lineItem…}, {@code report…}/{@code request…}); the employee section is never offered.
 * Without mapped dimensions, Concur's own codes are the numbered fields of the most granular section that has any.
 */
final class SectionFields implements CostObjectSource {

    private final Map<String, CustomFields> sectionsByPrefix;
    private final String defaultPrefix;
    private final int defaultMax;
    private final String fallbackPrefix;
    private final int fallbackMax;

    SectionFields(Map<String, CustomFields> sectionsByPrefix, String defaultPrefix, int defaultMax,
                  String fallbackPrefix, int fallbackMax) {
        this.sectionsByPrefix = sectionsByPrefix;
        this.defaultPrefix = defaultPrefix;
        this.defaultMax = defaultMax;
        this.fallbackPrefix = fallbackPrefix;
        this.fallbackMax = fallbackMax;
    }

    @Override
    public String code(String field) {
        for (Map.Entry<String, CustomFields> section : sectionsByPrefix.entrySet()) {
            if (field.startsWith(section.getKey())) {
                return section.getValue().nonBlank(field);
            }
        }
        return null;
    }

    @Override
    public Map<String, String> concurDefaults() {
        Map<String, String> own = numbered(defaultPrefix, defaultMax);
        return own.isEmpty() ? numbered(fallbackPrefix, fallbackMax) : own;
    }
}

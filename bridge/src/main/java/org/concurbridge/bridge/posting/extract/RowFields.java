package org.concurbridge.bridge.posting.extract;

import java.util.Map;

import org.concurbridge.bridge.posting.mapping.CostObjectSource;
import org.concurbridge.client.extract.ExtractRow;

/**
 * The cost-object fields of one extract row under their FIS names, so that one mapping serves FIS and extracts:
 * {@code allocationCustom4Code} is SAE column 194 or PRAE column 72. The employee columns are never offered.
 * Without mapped dimensions Concur's own codes are the numbered fields of the most granular section that has any
 * (allocation, then entry org units for SAE / line item custom fields for PRAE), as for FIS.
 */
final class RowFields implements CostObjectSource {

    /** FIS field prefix → first column − 1 and highest number, per format. */
    private record Section(int offset, int max) {
    }

    private static final Map<String, Section> SAE = Map.of(
            "allocationCustom", new Section(190, 20),
            "entryCustom", new Section(82, 40),
            "entryOrgUnit", new Section(76, 6),
            "reportCustom", new Section(40, 20),
            "reportOrgUnit", new Section(34, 6));

    private static final Map<String, Section> PRAE = Map.of(
            "allocationCustom", new Section(68, 20),
            "lineItemCustom", new Section(138, 20),
            "requestCustom", new Section(13, 24),
            "requestOrgUnit", new Section(37, 6));

    private final ExtractRow row;
    private final Map<String, Section> sections;
    private final String fallbackPrefix;

    private RowFields(ExtractRow row, Map<String, Section> sections, String fallbackPrefix) {
        this.row = row;
        this.sections = sections;
        this.fallbackPrefix = fallbackPrefix;
    }

    static RowFields sae(ExtractRow row) {
        return new RowFields(row, SAE, "entryOrgUnit");
    }

    static RowFields prae(ExtractRow row) {
        return new RowFields(row, PRAE, "lineItemCustom");
    }

    @Override
    public String code(String field) {
        if (!field.endsWith("Code")) {
            return null;
        }
        String stem = field.substring(0, field.length() - 4);
        int digits = stem.length();
        while (digits > 0 && Character.isDigit(stem.charAt(digits - 1))) {
            digits--;
        }
        if (digits == stem.length()) {
            return null;
        }
        Section s = sections.get(stem.substring(0, digits));
        int n = Integer.parseInt(stem.substring(digits));
        if (s == null || n < 1 || n > s.max()) {
            return null;
        }
        String v = row.text(s.offset() + n).trim();
        return v.isEmpty() ? null : v;
    }

    @Override
    public Map<String, String> concurDefaults() {
        Map<String, String> own = numbered("allocationCustom", sections.get("allocationCustom").max());
        return own.isEmpty() ? numbered(fallbackPrefix, sections.get(fallbackPrefix).max()) : own;
    }
}

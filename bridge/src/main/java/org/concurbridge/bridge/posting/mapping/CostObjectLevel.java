package org.concurbridge.bridge.posting.mapping;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The level a Concur cost-object field belongs to, most granular first. Fields are tried in this order whatever order
 * the mapping lists them in, which enforces Concur's rule: allocation, then journal, then entry — never employee.
 */
enum CostObjectLevel {
    ALLOCATION, JOURNAL, ENTRY, REPORT;

    private static final Pattern FIELD = Pattern.compile(
            "(allocationCustom|journalCustom|entryCustom|entryOrgUnit|lineItemCustom|reportCustom|reportOrgUnit"
                    + "|requestCustom|requestOrgUnit)([1-9][0-9]?)Code");

    /** The level of a valid field name, or empty when the name is not a cost-object field this bridge reads. */
    static Optional<CostObjectLevel> of(String field) {
        Matcher m = FIELD.matcher(field == null ? "" : field);
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(2));
        String section = m.group(1);
        int max = switch (section) {
            case "entryCustom" -> 40;
            case "requestCustom" -> 24;
            case "entryOrgUnit", "requestOrgUnit" -> 6;
            default -> 20;
        };
        if (n > max) {
            return Optional.empty();
        }
        return Optional.of(switch (section) {
            case "allocationCustom" -> ALLOCATION;
            case "journalCustom" -> JOURNAL;
            case "entryCustom", "entryOrgUnit", "lineItemCustom" -> ENTRY;
            default -> REPORT;
        });
    }
}

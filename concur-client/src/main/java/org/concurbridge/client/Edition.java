package org.concurbridge.client;

/** SAP Concur product edition, derived from {@code com:concur:Expense:0.1.marketingName}. */
public enum Edition {
    /** {@code CTE} or {@code Enterprise}: extract files through Extracts v1. */
    PROFESSIONAL,
    /** {@code Standard}, {@code Standard Edition}: extract files through Payment Batches v1. */
    STANDARD,
    /** Any other value: flagged, never guessed. */
    UNKNOWN;

    public static Edition fromMarketingName(String marketingName) {
        if (marketingName == null) {
            return UNKNOWN;
        }
        String v = marketingName.trim();
        if (v.equalsIgnoreCase("CTE") || v.equalsIgnoreCase("Enterprise")) {
            return PROFESSIONAL;
        }
        if (v.regionMatches(true, 0, "Standard", 0, "Standard".length())) {
            return STANDARD;
        }
        return UNKNOWN;
    }
}

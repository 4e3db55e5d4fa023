package org.concurbridge.client;

import tools.jackson.databind.JsonNode;

/**
 * Reads {@code GET /profile/v1/me} into a {@link CompanyProfile}, tolerating the documented quirks: the
 * {@code com:concur:Expense:0.1} key twice (the last one wins), {@code active} as {@code 1} or a boolean (not read),
 * null {@code postalCode}, and every attribute optional except {@code id}.
 */
final class CompanyProfiles {

    static final String EXPENSE_EXTENSION = "com:concur:Expense:0.1";

    private CompanyProfiles() {
    }

    static CompanyProfile parse(JsonNode root) {
        if (!root.isObject()) {
            throw new MalformedResponseException("company profile is not a JSON object");
        }
        String id = Json.text(root, "id");
        if (id == null || id.isBlank()) {
            throw new MalformedResponseException("company profile has no id");
        }
        JsonNode expense = root.path(EXPENSE_EXTENSION);
        String marketingName = expense.isObject() ? Json.text(expense, "marketingName") : null;
        String offeringCode = expense.isObject() ? Json.text(expense, "offeringCode") : null;
        return new CompanyProfile(id, Json.text(root, "name"), marketingName, offeringCode,
                Edition.fromMarketingName(marketingName), country(root.path("addresses")));
    }

    private static String country(JsonNode addresses) {
        if (!addresses.isArray() || addresses.isEmpty() || !addresses.get(0).isObject()) {
            return null;
        }
        String country = Json.text(addresses.get(0), "country");
        return country == null || country.isBlank() ? null : country;
    }
}

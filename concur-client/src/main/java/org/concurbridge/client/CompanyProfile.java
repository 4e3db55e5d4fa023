package org.concurbridge.client;

/**
 * The company profile ({@code GET /profile/v1/me}) as far as an ERP integration needs it.
 *
 * @param companyUuid   {@code id}
 * @param name          {@code name}
 * @param marketingName {@code com:concur:Expense:0.1.marketingName} as sent (may be null)
 * @param offeringCode  {@code com:concur:Expense:0.1.offeringCode} (may be null)
 * @param edition       derived from the marketing name
 * @param country       country of the first address (ISO 3166-1 alpha-2), or null
 */
public record CompanyProfile(
        String companyUuid,
        String name,
        String marketingName,
        String offeringCode,
        Edition edition,
        String country) {
}

package org.concurbridge.bridge.store;

import org.concurbridge.client.Edition;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A connected company as stored, without its secrets (the refresh token is only reachable through
 * {@link ConnectionRepository#tokenStore(String)}).
 *
 * @param companyUuid       the company's UUID at SAP Concur (unique)
 * @param companyName       from the company profile
 * @param edition           from the profile's marketing name; {@link Edition#UNKNOWN} is flagged on the dashboard
 * @param marketingName     as sent by the profile, or null
 * @param offeringCode      as sent by the profile, or null
 * @param geolocation       base URI of every call for this company (from the last token grant)
 * @param refreshExpiresAt  when the refresh token expires, or null when Concur did not say
 * @param state             whether the credentials work
 * @param stateReason       why the connection needs reconnecting (no secrets), or null
 * @param connectedByUserId the Concur user who connected the company (Quick Connect {@code userId}), or null
 * @param lastCorrelationId {@code concur-correlationid} of the last token grant, for SAP Concur support
 * @param profileCheckedAt  when the company profile was last read
 * @param createdAt         first connection
 * @param updatedAt         last change of this row
 */
public record Connection(
        String companyUuid,
        String companyName,
        Edition edition,
        String marketingName,
        String offeringCode,
        URI geolocation,
        Instant refreshExpiresAt,
        ConnectionState state,
        String stateReason,
        String connectedByUserId,
        String lastCorrelationId,
        Instant profileCheckedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** True when the refresh token expires within {@code window} of {@code now} (the dashboard warns 30 days ahead). */
    public boolean refreshExpiresWithin(Duration window, Instant now) {
        return refreshExpiresAt != null && !refreshExpiresAt.isAfter(now.plus(window));
    }
}

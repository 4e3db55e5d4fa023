package org.concurbridge.sandbox.extract;

import java.util.function.Consumer;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.TokenRegistry.AccessGrant;

/**
 * The caller of a classic XML API (Extracts v1, Payment Batches v1): an {@code Authorization} header (401 without),
 * a valid company token (403 as the classic XML error when it is unknown, expired or revoked: extracts-v1.md "401 – no
 * Authorization header; 403 – auth header invalid/expired/revoked", common-http-errors-and-limits.md section 1) at
 * the company's home geolocation (301), with the API's scope and of the API's edition (403).
 */
public record ClassicCaller(SandboxCompany company, SandboxExchange ex) {

    /** Profile v1's {@code marketingName} of a Standard Edition company (SandboxCompany). */
    public static final String STANDARD_EDITION = "Standard Edition";

    /** What a classic API requires of its callers. */
    public record Rules(String namespace, String scope, boolean standardEdition, String wrongEditionMessage) {
    }

    /** Checks the caller, runs the handler, answers an {@link Xml.Failure} as the classic error body. */
    public static void serve(SandboxExchange ex, Rules rules, Consumer<ClassicCaller> handler) {
        Xml.handle(ex.ctx(), ex.state().clock().instant(), ex.state().newUuid(),
                () -> handler.accept(require(ex, rules)));
    }

    private static ClassicCaller require(SandboxExchange ex, Rules rules) {
        String header = ex.ctx().header("Authorization");
        AccessGrant grant = header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || header.substring(7).isBlank() ? ex.requireAccessToken()
                : ex.state().tokens().findAccessToken(header.substring(7).trim()).orElseThrow(() -> new Xml.Failure(
                        403, rules.namespace(), "The access token is invalid, expired or revoked."));
        SandboxCompany company = ex.companyOf(grant);
        ex.requireHomeGeo(company);
        if (!grant.hasScope(rules.scope())) {
            throw new Xml.Failure(403, rules.namespace(), "The access token lacks the scope " + rules.scope() + ".");
        }
        if (STANDARD_EDITION.equalsIgnoreCase(company.marketingName()) != rules.standardEdition()) {
            throw new Xml.Failure(403, rules.namespace(), rules.wrongEditionMessage());
        }
        return new ClassicCaller(company, ex);
    }
}

package org.concurbridge.sandbox.extract;

import java.util.function.Consumer;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.TokenRegistry.AccessGrant;

/**
 * The caller of a classic XML API (Extracts v1, Payment Batches v1): a valid company token (401 otherwise) at the
 * company's home geolocation (301), with the API's scope and of the API's edition (403 as the classic XML error).
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
        AccessGrant grant = ex.requireAccessToken();
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

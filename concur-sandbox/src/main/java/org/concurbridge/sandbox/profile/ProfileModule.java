package org.concurbridge.sandbox.profile;

import static io.javalin.http.HandlerType.GET;

import java.util.Locale;
import org.concurbridge.sandbox.HttpFailure;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxModule;
import org.concurbridge.sandbox.SandboxRoutes;
import org.concurbridge.sandbox.SandboxState;
import org.concurbridge.sandbox.TokenRegistry.AccessGrant;
import tools.jackson.databind.node.ObjectNode;

/**
 * Profile v1, company (company-profile.md): {@code GET {geo}/profile/v1/me} with a company token answers that
 * company's profile, with the field names and JSON types of examples/company-profile (one
 * {@code com:concur:Expense:0.1} object: the example's duplicate key is a documentation artefact).
 */
public final class ProfileModule implements SandboxModule {

    private SandboxState state;

    @Override
    public void register(SandboxRoutes routes, SandboxState sandboxState) {
        this.state = sandboxState;
        routes.geo(GET, "/profile/v1/me", this::me);
    }

    private void me(SandboxExchange ex) {
        AccessGrant grant = ex.requireAccessToken();
        SandboxCompany company = ex.companyOf(grant);
        ex.requireHomeGeo(company);
        if (!grant.hasScope("company.read") && !grant.hasScope("company.write")) {
            throw HttpFailure.error(403, "access_denied", "the token lacks the scope company.read");
        }
        ex.json(200, profile(company));
    }

    ObjectNode profile(SandboxCompany company) {
        String domain = company.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") + ".example.com";
        String country = "eu".equals(company.geo()) ? "DE" : "US";
        ObjectNode root = state.json().createObjectNode();
        root.put("id", company.uuid());
        root.putArray("schemas").add("com:concur:Travel:0.1").add("com:concur:Expense:0.1");
        root.put("internetDomain", domain);
        root.put("companyDomain", domain);
        root.put("name", company.name());
        root.put("defaultLanguage", "eu".equals(company.geo()) ? "en-gb" : "en-us");
        root.putObject("meta").put("principalType", "company");
        ObjectNode expense = root.putObject("com:concur:Expense:0.1");
        expense.put("offeringCode", offeringCode(company.marketingName()));
        expense.put("marketingName", company.marketingName());
        ObjectNode address = root.putArray("addresses").addObject();
        address.put("formatted", "\n\n" + country);
        address.put("streetAddress", "");
        address.put("locality", "");
        address.put("region", "");
        address.put("country", country);
        address.putNull("postalCode");
        ObjectNode travel = root.putObject("com:concur:Travel:0.1");
        travel.put("active", 1);
        travel.put("offeringCode", "STANDARD");
        travel.put("isVendor", false);
        travel.put("isBillable", true);
        ObjectNode contact = travel.putObject("contact");
        contact.put("name", company.name() + " administrator");
        contact.put("phone", "");
        contact.putNull("emailAddress");
        return root;
    }

    /** The offering codes of the documentation's sample: {@code CES} for CTE, {@code DIRECT-BREEZE+} for Standard. */
    private static String offeringCode(String marketingName) {
        if (marketingName.equals("CTE") || marketingName.equals("Enterprise")) {
            return "CES";
        }
        if (marketingName.startsWith("Standard")) {
            return "DIRECT-BREEZE+";
        }
        return marketingName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-");
    }
}

package org.concurbridge.sandbox;

import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;

/** A company access token from a running sandbox (password grant of the demo app at the GLZ). */
final class FisApiITSupport {

    private FisApiITSupport() {
    }

    static String token(ConcurSandbox sb, Http http, String company) {
        return json(http.postForm(at(sb.geolocation("glz"), "/oauth2/v0/token"),
                Http.passwordGrant(company, sb.companyRequestToken(company)))).get("access_token").asString();
    }
}

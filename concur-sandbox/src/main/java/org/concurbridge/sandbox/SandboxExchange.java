package org.concurbridge.sandbox;

import io.javalin.http.Context;
import org.concurbridge.sandbox.TokenRegistry.AccessGrant;

/**
 * One request as a {@link SandboxHandler} sees it: the Javalin context, the geolocation it came in on (null outside
 * any geolocation), the API path without the geolocation prefix, and helpers every capability needs (JSON answers,
 * Bearer authentication, the data-center redirect).
 */
public final class SandboxExchange {

    private final Context ctx;
    private final SandboxState state;
    private final String geo;
    private final String path;

    SandboxExchange(Context ctx, SandboxState state, String geo, String path) {
        this.ctx = ctx;
        this.state = state;
        this.geo = geo;
        this.path = path;
    }

    public Context ctx() {
        return ctx;
    }

    public SandboxState state() {
        return state;
    }

    /** The geolocation the request came in on ({@code us}, {@code eu}, {@code glz}, ...); null outside one. */
    public String geo() {
        return geo;
    }

    /** The API path without the geolocation prefix, e.g. {@code /profile/v1/me}. */
    public String path() {
        return path;
    }

    /** A form field, trimmed; null when absent or blank. */
    public String form(String name) {
        String value = ctx.formParam(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A query parameter, trimmed; null when absent or blank. */
    public String query(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public void json(int status, Object body) {
        ctx.status(status).contentType("application/json").result(state.json().writeValueAsBytes(body));
    }

    public void html(int status, String html) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    public void redirect(int status, String location) {
        ctx.status(status).header("Location", location).result("");
    }

    /**
     * The valid access token of this request's {@code Authorization: Bearer} header, or a 401 (missing, unknown,
     * expired or revoked token). Does not check the geolocation: see {@link #requireHomeGeo(SandboxCompany)}.
     */
    public AccessGrant requireAccessToken() {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw unauthorized("invalid_request", "Authorization: Bearer <access token> header is missing");
        }
        return state.tokens().findAccessToken(header.substring(7).trim())
                .orElseThrow(() -> unauthorized("invalid_token", "access token is unknown, expired or revoked"));
    }

    /** The company a valid access token belongs to (it always exists: companies are never deleted). */
    public SandboxCompany companyOf(AccessGrant grant) {
        return state.company(grant.companyUuid()).orElseThrow(
                () -> unauthorized("invalid_token", "the token's company no longer exists"));
    }

    /**
     * Profile v1 and other data-center-aware APIs answer 301 when called at a data center that does not hold the
     * resource (auth-and-quick-connect.md section 5, rule 5): redirect to the same path and query at the company's
     * home geolocation.
     */
    public void requireHomeGeo(SandboxCompany company) {
        if (!company.geo().equals(geo)) {
            String query = ctx.queryString();
            throw HttpFailure.redirect(301, state.geolocation(company.geo()) + path
                    + (query == null || query.isEmpty() ? "" : "?" + query));
        }
    }

    private static HttpFailure unauthorized(String error, String description) {
        return HttpFailure.error(401, error, description).header("WWW-Authenticate", "Bearer error=\"" + error + "\"");
    }
}

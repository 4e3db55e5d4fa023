package org.concurbridge.sandbox.oauth;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.POST;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.concurbridge.sandbox.HttpFailure;
import org.concurbridge.sandbox.SandboxApp;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxModule;
import org.concurbridge.sandbox.SandboxRoutes;
import org.concurbridge.sandbox.SandboxState;
import org.concurbridge.sandbox.TokenRegistry;
import org.concurbridge.sandbox.TokenRegistry.AccessGrant;
import org.concurbridge.sandbox.TokenRegistry.Issued;
import org.concurbridge.sandbox.TokenRegistry.RefreshGrant;
import org.concurbridge.sandbox.TokenRegistry.RequestToken;

/**
 * The OAuth2 service (auth-and-quick-connect.md sections 3, 3.5 and 7): {@code POST {geo}/oauth2/v0/token} with the
 * company password grant ({@code credtype=authtoken}) and the refresh grant, and
 * {@code DELETE {geo}/app-mgmt/v0/connections}.
 */
public final class OAuthModule implements SandboxModule {

    static final String BAD_CREDENTIALS = "Incorrect Credentials. Please Retry";
    private static final Set<String> SECRET_FIELDS = Set.of("client_secret", "password", "refresh_token");

    private SandboxState state;

    @Override
    public void register(SandboxRoutes routes, SandboxState sandboxState) {
        this.state = sandboxState;
        routes.geo(POST, "/oauth2/v0/token", this::token);
        routes.geo(DELETE, "/app-mgmt/v0/connections", this::disconnect);
    }

    private void token(SandboxExchange ex) {
        requireFormWithoutCharset(ex);
        String clientId = ex.form("client_id");
        String clientSecret = ex.form("client_secret");
        String grantType = ex.form("grant_type");
        if (clientId == null) {
            throw error(62, "invalid_request", "client_id is missing");
        }
        if (clientSecret == null) {
            throw error(63, "invalid_request", "client_secret is missing");
        }
        if (grantType == null) {
            throw error(65, "invalid_request", "grant_type is missing");
        }
        SandboxApp app = state.app(clientId).orElseThrow(() -> error(61, "invalid_client", "client not found"));
        if (!app.clientSecret().equals(clientSecret)) {
            throw error(64, "invalid_client", "wrong client credentials");
        }
        if (state.appDisabled(clientId)) {
            throw error(59, "access_denied", "client disabled");
        }
        Issued issued = switch (grantType) {
            case "password" -> passwordGrant(ex, app);
            case "refresh_token" -> refreshGrant(ex, app);
            default -> throw error(60, "invalid_grant",
                    "grant_type '" + grantType + "' is not allowed here (the sandbox supports password with"
                            + " credtype=authtoken, and refresh_token)");
        };
        SandboxCompany company = state.company(issued.access().companyUuid()).orElseThrow();
        ex.json(200, tokenResponse(issued, state.geolocation(company.geo()).toString()));
    }

    /** Company-level password grant: username = company UUID, password = Company Request Token (section 3.1). */
    private Issued passwordGrant(SandboxExchange ex, SandboxApp app) {
        String username = ex.form("username");
        String password = ex.form("password");
        String credtype = ex.form("credtype");
        if (username == null) {
            throw error(51, "invalid_request", "username is missing");
        }
        if (password == null) {
            throw error(52, "invalid_request", "password is missing");
        }
        if (credtype != null && !credtype.equals("authtoken") && !credtype.equals("password")) {
            throw error(120, "invalid_request", "credtype '" + credtype + "' is invalid");
        }
        if (!"authtoken".equals(credtype)) {
            // credtype omitted = "password" = a user login; the sandbox has companies, not users.
            throw error(5, "invalid_grant", BAD_CREDENTIALS);
        }
        SandboxCompany company = state.company(username)
                .orElseThrow(() -> error(5, "invalid_grant", BAD_CREDENTIALS));
        requireServedHere(ex, company);
        RequestToken requestToken = state.tokens().findRequestToken(password)
                .filter(t -> t.companyUuid().equals(company.uuid()))
                .orElseThrow(() -> error(5, "invalid_grant", BAD_CREDENTIALS));
        if (requestToken.clientId() != null && !requestToken.clientId().equals(app.clientId())) {
            throw error(136, "invalid_request", "authtoken was not issued for you");
        }
        String scope = grantedScope(ex.form("scope"), app.scope());
        return state.tokens().issue(company.uuid(), app.clientId(), scope, issuer(company));
    }

    /** Refresh grant with strict rotation: the presented refresh token stops working (section 3.3). */
    private Issued refreshGrant(SandboxExchange ex, SandboxApp app) {
        String refreshToken = ex.form("refresh_token");
        if (refreshToken == null) {
            throw error(106, "invalid_request", "refresh_token is missing");
        }
        RefreshGrant grant = state.tokens().findRefreshToken(refreshToken)
                .orElseThrow(() -> error(108, "invalid_grant", "refresh token is invalid, expired or revoked"));
        if (!grant.clientId().equals(app.clientId())) {
            throw error(105, "invalid_grant", "grant was not issued to this client");
        }
        SandboxCompany company = state.company(grant.companyUuid()).orElseThrow();
        requireServedHere(ex, company);
        String scope = grantedScope(ex.form("scope"), grant.scope());
        return state.tokens().rotate(grant, scope, issuer(company))
                .orElseThrow(() -> error(108, "invalid_grant", "refresh token is invalid, expired or revoked"));
    }

    /** {@code DELETE /app-mgmt/v0/connections}: revokes the company's tokens for the calling app (section 3.5). */
    private void disconnect(SandboxExchange ex) {
        AccessGrant grant = ex.requireAccessToken();
        state.tokens().revoke(grant.companyUuid(), grant.clientId());
        ex.ctx().status(200).result("");
    }

    /**
     * The company's home geolocation and the Global Landing Zone answer; any other geolocation answers code 16
     * with the home base URI in {@code geolocation} (section 3.1, "user lives elsewhere").
     */
    private void requireServedHere(SandboxExchange ex, SandboxCompany company) {
        if (!SandboxState.GLZ.equals(ex.geo()) && !company.geo().equals(ex.geo())) {
            Map<String, Object> body = errorBody(16, "invalid_request",
                    "company lives elsewhere: retry at the geolocation given");
            body.put("geolocation", issuer(company));
            throw HttpFailure.of(400, body);
        }
    }

    /**
     * The TMC guide's pitfalls (section 3): SAP Concur's OAuth2 service rejects a {@code charset} on the
     * Content-Type, and requests that carry secrets in the query string. The sandbox rejects both the same way, with
     * code 135 ("unsupported request format"), so a client that would fail against Concur fails here first.
     */
    private static void requireFormWithoutCharset(SandboxExchange ex) {
        String contentType = ex.ctx().header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw error(135, "invalid_request",
                    "unsupported request format: the body must be application/x-www-form-urlencoded");
        }
        if (contentType.toLowerCase(Locale.ROOT).contains("charset")) {
            throw error(135, "invalid_request", "unsupported request format: remove the charset parameter from"
                    + " Content-Type (send exactly application/x-www-form-urlencoded)");
        }
        String query = ex.ctx().queryString();
        if (query != null && Arrays.stream(query.split("&"))
                .map(p -> p.split("=", 2)[0].toLowerCase(Locale.ROOT))
                .anyMatch(SECRET_FIELDS::contains)) {
            throw error(135, "invalid_request",
                    "unsupported request format: secrets must be sent in the form body, never in the query string");
        }
    }

    /** The requested scopes when all are granted to the app; all of the app's scopes when none are requested. */
    private static String grantedScope(String requested, String allowed) {
        if (requested == null) {
            return allowed;
        }
        Set<String> allowedSet = Set.of(allowed.split(" "));
        String excess = Arrays.stream(requested.split("\\s+"))
                .filter(s -> !s.isEmpty() && !allowedSet.contains(s))
                .collect(Collectors.joining(" "));
        if (!excess.isEmpty()) {
            throw error(54, "invalid_scope", "requested scope exceeds the granted scope: " + excess);
        }
        return String.join(" ", requested.trim().split("\\s+"));
    }

    private String issuer(SandboxCompany company) {
        return state.geolocation(company.geo()).toString();
    }

    /**
     * The token response (section 3.2) in the field order and types of examples/auth/token-response.json.
     * {@code expires_in} is a string ("3600") as in every example of the auth reference (the TMC guide shows a
     * number: clients must accept both); {@code refresh_expires_in} is absolute epoch seconds, a number.
     */
    static Map<String, Object> tokenResponse(Issued issued, String geolocation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expires_in", Long.toString(TokenRegistry.ACCESS_TOKEN_LIFETIME.toSeconds()));
        body.put("scope", issued.access().scope());
        body.put("token_type", "Bearer");
        body.put("access_token", issued.access().value());
        body.put("refresh_token", issued.refresh().value());
        body.put("refresh_expires_in", issued.refresh().expiresAt().getEpochSecond());
        if (issued.idToken() != null) {
            body.put("id_token", issued.idToken());
        }
        body.put("geolocation", geolocation);
        return body;
    }

    /**
     * An OAuth2 error (section 7): {@code invalid_client} answers 401, {@code access_denied} 403, everything else
     * 400; the body is {@code {"code": <int>, "error": ..., "error_description": ...}}.
     */
    static HttpFailure error(int code, String error, String description) {
        int status = switch (error) {
            case "invalid_client" -> 401;
            case "access_denied" -> 403;
            default -> 400;
        };
        return HttpFailure.of(status, errorBody(code, error, description));
    }

    private static Map<String, Object> errorBody(int code, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }
}

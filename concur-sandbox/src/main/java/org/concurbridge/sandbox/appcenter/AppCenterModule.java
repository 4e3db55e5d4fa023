package org.concurbridge.sandbox.appcenter;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurbridge.sandbox.HttpFailure;
import org.concurbridge.sandbox.SandboxApp;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxModule;
import org.concurbridge.sandbox.SandboxRoutes;
import org.concurbridge.sandbox.SandboxState;
import org.concurbridge.sandbox.TokenRegistry.RequestToken;

/**
 * The App Center side of Quick Connect (auth-and-quick-connect.md section 2): a page listing companies and apps
 * with a Connect button each; the Connect action issues a request token (the internal authtoken call) and
 * redirects the browser with 301 to the app's connect URI with {@code id}, {@code requestToken} and {@code userId}
 * (examples/auth/appcenter-redirect-to-connect-url.txt). Also the internal authtoken call itself,
 * {@code POST /profile-service/v1/keys/principals/<companyId>/authtoken/} (examples/auth/appcenter-authtoken-*),
 * served at the root and inside every geolocation.
 */
public final class AppCenterModule implements SandboxModule {

    private SandboxState state;

    @Override
    public void register(SandboxRoutes routes, SandboxState sandboxState) {
        this.state = sandboxState;
        routes.root(GET, "/appcenter", this::page);
        routes.root(GET, "/appcenter/connect", this::connect);
        String authtoken = "/profile-service/v1/keys/principals/{companyId}/authtoken";
        routes.root(POST, authtoken, this::authtoken);
        routes.geo(POST, authtoken, this::authtoken);
    }

    private void page(SandboxExchange ex) {
        List<SandboxApp> apps = state.apps();
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Concur sandbox App Center</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}
                td,th{border:1px solid #ccc;padding:.4em .8em;text-align:left}</style></head>
                <body><h1>Concur sandbox App Center</h1>
                <p>Click <em>Connect</em> to send this company to the partner app's Quick Connect landing page,
                as SAP Concur's App Center does.</p>
                """);
        html.append("<h2>Apps</h2><table id=\"apps\"><tr><th>Client id</th><th>Connect URI</th></tr>");
        for (SandboxApp app : apps) {
            html.append("<tr><td>").append(esc(app.clientId())).append("</td><td>").append(esc(app.connectUri()))
                    .append("</td></tr>");
        }
        html.append("</table><h2>Companies</h2><table id=\"companies\"><tr><th>Company</th><th>UUID</th>"
                + "<th>Edition (marketingName)</th><th>Geolocation</th><th></th></tr>");
        for (SandboxCompany company : state.companies()) {
            html.append("<tr data-company=\"").append(esc(company.uuid())).append("\"><td>").append(esc(company.name()))
                    .append("</td><td>").append(esc(company.uuid())).append("</td><td>")
                    .append(esc(company.marketingName())).append("</td><td>").append(esc(company.geo()))
                    .append("</td><td>");
            for (SandboxApp app : apps) {
                html.append("<form method=\"get\" action=\"/appcenter/connect\">")
                        .append("<input type=\"hidden\" name=\"company\" value=\"").append(esc(company.uuid())).append("\">")
                        .append("<input type=\"hidden\" name=\"app\" value=\"").append(esc(app.clientId())).append("\">")
                        .append("<button type=\"submit\" class=\"connect\" id=\"connect-").append(esc(company.uuid()))
                        .append(apps.size() > 1 ? "-" + esc(app.clientId()) : "")
                        .append("\" data-company=\"").append(esc(company.uuid()))
                        .append("\" data-app=\"").append(esc(app.clientId())).append("\">Connect")
                        .append(apps.size() > 1 ? " " + esc(app.clientId()) : "").append("</button></form>");
            }
            html.append("</td></tr>");
        }
        html.append("</table></body></html>\n");
        ex.html(200, html.toString());
    }

    private void connect(SandboxExchange ex) {
        String companyId = ex.query("company");
        String clientId = ex.query("app");
        if (companyId == null || clientId == null) {
            throw page(400, "Both query parameters 'company' (company UUID) and 'app' (client id) are required.");
        }
        SandboxCompany company = state.company(companyId)
                .orElseThrow(() -> page(404, "Unknown company '" + companyId + "'."));
        SandboxApp app = state.app(clientId).orElseThrow(() -> page(404, "Unknown app '" + clientId + "'."));
        String userId = ex.query("userId") != null ? ex.query("userId") : state.newUuid();
        RequestToken token = state.tokens().issueRequestToken(company.uuid(), app.clientId());
        String separator = app.connectUri().contains("?") ? "&" : "?";
        ex.redirect(301, app.connectUri() + separator + "id=" + enc(company.uuid()) + "&requestToken="
                + enc(token.value()) + "&userId=" + enc(userId));
    }

    /**
     * The App Center's internal call (client-certificate authenticated at Concur; not authenticated here). An
     * optional {@code clientId} query parameter binds the token to one app, as the certificate does at Concur.
     */
    private void authtoken(SandboxExchange ex) {
        String companyId = ex.ctx().pathParam("companyId");
        Map<String, Object> body = new LinkedHashMap<>();
        var company = state.company(companyId);
        String clientId = ex.query("clientId");
        if (company.isEmpty() || (clientId != null && state.app(clientId).isEmpty())) {
            body.put("status", "FAIL");
            body.put("code", 404);
            body.put("errormsg", company.isEmpty() ? "unknown company " + companyId : "unknown client " + clientId);
            body.put("token", "");
            throw HttpFailure.of(404, body);
        }
        RequestToken token = state.tokens().issueRequestToken(company.get().uuid(), clientId);
        body.put("status", "PASS");
        body.put("code", 0);
        body.put("errormsg", "");
        body.put("token", token.value());
        ex.json(200, body);
    }

    private static HttpFailure page(int status, String message) {
        return HttpFailure.error(status, status == 404 ? "not_found" : "invalid_request", message);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String esc(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

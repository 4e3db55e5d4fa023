package org.concurbridge.bridge.cli;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the real Quick Connect flow over HTTP, the way a Concur administrator's browser does: App Center Connect →
 * redirect to the bridge's landing page → bridge sign-in → back on the landing page → confirm → token exchange.
 * Used by {@code demo}; every step is an ordinary HTTP request to the sandbox and to the bridge.
 */
final class QuickConnectWalk {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("name=\"request\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /**
     * @return the HTML of the page the flow ends on (the bridge's connect result page)
     */
    String connect(URI appCenter, String companyUuid, String clientId, String adminUser, String adminPassword)
            throws IOException, InterruptedException {
        URI connect = URI.create(appCenter + "/connect?company=" + enc(companyUuid) + "&app=" + enc(clientId)
                + "&userId=" + enc(java.util.UUID.nameUUIDFromBytes(adminUser.getBytes(StandardCharsets.UTF_8)).toString()));
        // App Center redirects to the landing page, which redirects to the bridge's sign-in page
        HttpResponse<String> page = send(HttpRequest.newBuilder(connect).GET().build());
        if (page.uri().getPath().endsWith("/login")) {
            URI login = page.uri();
            page = post(login, "username=" + enc(adminUser) + "&password=" + enc(adminPassword) + "&_csrf="
                    + enc(csrf(page.body(), "sign-in page")));
        }
        // the landing page redirected to the confirm page of this request (one-time nonce, token out of the URL)
        check(page, "/concur/connect/confirm", "the Quick Connect confirm page");
        String base = page.uri().getScheme() + "://" + page.uri().getAuthority();
        HttpResponse<String> review = post(URI.create(base + "/concur/connect"), "_csrf="
                + enc(csrf(page.body(), "confirm page")) + "&request=" + enc(nonce(page.body(), "confirm page"))
                + "&companyUuid=" + enc(companyUuid));
        check(review, "/concur/connect", "the Quick Connect review page (company name)");
        HttpResponse<String> result = post(URI.create(base + "/concur/connect/store"), "_csrf="
                + enc(csrf(review.body(), "review page")) + "&request=" + enc(nonce(review.body(), "review page"))
                + "&companyUuid=" + enc(companyUuid));
        check(result, "/concur/connect/store", "the Quick Connect result page");
        return result.body();
    }

    private HttpResponse<String> post(URI uri, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException(request.method() + " " + request.uri() + " failed: " + e, e);
        }
    }

    private static void check(HttpResponse<String> page, String expectedPath, String what) {
        if (page.statusCode() != 200 || !page.uri().getPath().equals(expectedPath)) {
            throw new IllegalStateException("Quick Connect did not reach " + what + ": HTTP " + page.statusCode()
                    + " at " + page.uri().getPath());
        }
    }

    private static String csrf(String html, String page) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the " + page);
        }
        return m.group(1);
    }

    private static String nonce(String html, String page) {
        Matcher m = NONCE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no Quick Connect request nonce on the " + page);
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package org.concurbridge.bridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client on loopback for the bridge's pages, without a browser: sign in, GET, and POST forms
 * with the page's CSRF token. {@link Redirects#FOLLOW} answers with the page a redirect leads to (what a user
 * sees); {@link Redirects#RETURN} answers with the redirect itself (to assert on {@code Location}).
 */
public final class BridgeHttp {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** What the client does with a 3xx answer. */
    public enum Redirects {
        /** Follow it and return the final page. */
        FOLLOW,
        /** Return the 3xx response as it is. */
        RETURN
    }

    private final URI base;
    private final HttpClient http;

    public BridgeHttp(int port, Redirects redirects) {
        this.base = URI.create("http://localhost:" + port);
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(redirects == Redirects.FOLLOW ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
                .build();
    }

    /** The absolute URL of a path on the bridge (as a {@code Location} header names it). */
    public String url(String pathAndQuery) {
        return base.resolve(pathAndQuery).toString();
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build());
    }

    public HttpResponse<String> getWithBasic(String path, String user, String password) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Basic " + auth).GET()
                .build());
    }

    /** Opens the sign-in page and posts the credentials with its CSRF token; returns the POST's response. */
    public HttpResponse<String> signIn(String user, String password) {
        return postForm("/login", csrfToken("/login"), Map.of("username", user, "password", password));
    }

    /** POSTs a form to {@code path}, taking the CSRF token from the page at {@code csrfFrom}. */
    public HttpResponse<String> submit(String csrfFrom, String path, Map<String, String> fields) {
        return postForm(path, csrfToken(csrfFrom), fields);
    }

    /** POSTs the fields with the CSRF token {@code csrf}. */
    public HttpResponse<String> postForm(String path, String csrf, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return postWithoutCsrf(path, all);
    }

    /** POSTs the fields as they are: no CSRF token is added. */
    public HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The CSRF token of the form on the page at {@code path}. */
    public String csrfToken(String path) {
        return csrf(get(path).body());
    }

    /** The CSRF token of the form in {@code html}. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("page has no CSRF token:\n" + html);
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package org.concurbridge.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against a running sandbox with the JDK client (no redirects followed, so 301s can be asserted). */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FORM = "application/x-www-form-urlencoded";

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and lets the IOException through (for connection-reset assertions). */
    HttpResponse<String> sendRaw(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(URI uri, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    HttpResponse<String> get(URI uri, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    HttpResponse<String> delete(URI uri, String bearer) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + bearer).DELETE().build());
    }

    HttpResponse<String> postJson(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Form fields of the company password grant for the demo app. */
    static Map<String, String> passwordGrant(String company, String requestToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", SandboxDemo.CLIENT_ID);
        form.put("client_secret", SandboxDemo.CLIENT_SECRET);
        form.put("grant_type", "password");
        form.put("username", company);
        form.put("password", requestToken);
        form.put("credtype", "authtoken");
        return form;
    }

    static Map<String, String> refreshGrant(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", SandboxDemo.CLIENT_ID);
        form.put("client_secret", SandboxDemo.CLIENT_SECRET);
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return form;
    }

    static URI at(URI base, String path) {
        return URI.create(base + path);
    }
}

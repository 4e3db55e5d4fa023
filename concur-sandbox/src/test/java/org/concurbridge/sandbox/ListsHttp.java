package org.concurbridge.sandbox;

import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** List API calls over real HTTP with one company token (test side; written from the docs, not from concur-client). */
final class ListsHttp {

    static final Http HTTP = new Http();

    final ConcurSandbox sb;
    final String geo;
    final String token;

    ListsHttp(ConcurSandbox sb, String geo, String token) {
        this.sb = sb;
        this.geo = geo;
        this.token = token;
    }

    /** A token of the demo app for the company, at the company's geolocation. */
    static ListsHttp demo(ConcurSandbox sb, String company, String geo) {
        return new ListsHttp(sb, geo, FisApiITSupport.token(sb, HTTP, company));
    }

    /** Registers another app (with {@code scope}) and gets a token of it for the company. */
    static ListsHttp otherApp(ConcurSandbox sb, String company, String geo, String clientId, String scope) {
        sb.registerApp(clientId, "secret-" + clientId, "http://localhost/connect", scope);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put("client_secret", "secret-" + clientId);
        form.put("grant_type", "password");
        form.put("username", company);
        form.put("password", sb.companyRequestToken(company));
        form.put("credtype", "authtoken");
        JsonNode grant = json(HTTP.postForm(at(sb.geolocation("glz"), "/oauth2/v0/token"), form));
        return new ListsHttp(sb, geo, grant.get("access_token").asString());
    }

    URI uri(String pathAndQuery) {
        return at(sb.geolocation(geo), pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return HTTP.send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> send(String method, String pathAndQuery, String json) {
        return HTTP.send(request(pathAndQuery).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json);
    }

    HttpResponse<String> patch(String path, String json) {
        return send("PATCH", path, json);
    }

    HttpResponse<String> delete(String path) {
        return HTTP.send(request(path).DELETE().build());
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** The body of a response that must have {@code status}. */
    static JsonNode ok(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError("expected HTTP " + status + ", got " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? null : json(r);
    }

    JsonNode createList(String name) {
        return ok(post("/list/v4/lists", "{\"value\":\"" + name + "\",\"searchCriteria\":\"TEXT\","
                + "\"displayFormat\":\"(CODE) TEXT\"}"), 201);
    }

    JsonNode createItem(String listId, String parentCode, String shortCode, String value) {
        String parent = parentCode == null ? "" : ",\"parentCode\":\"" + parentCode + "\"";
        return ok(post("/list/v4/items", "{\"listId\":\"" + listId + "\",\"shortCode\":\"" + shortCode
                + "\",\"value\":\"" + value + "\"" + parent + "}"), 201);
    }
}

package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AppCenterIT {

    private static final String CONNECT_URI = "http://localhost:18080/concur/connect";

    private final Http http = new Http();
    private ConcurSandbox sb;

    @BeforeEach
    void start() {
        sb = ConcurSandbox.builder().seed(3L).demoConnectUri(CONNECT_URI).build().start();
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    @Test
    void pageListsEveryCompanyWithAConnectButton() {
        HttpResponse<String> page = http.get(at(sb.baseUri(), "/appcenter"), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("text/html"));
        for (String company : new String[] {SandboxDemo.PROFESSIONAL_COMPANY, SandboxDemo.STANDARD_COMPANY,
                SandboxDemo.UNKNOWN_EDITION_COMPANY}) {
            assertThat(page.body()).contains("id=\"connect-" + company + "\"");
        }
        assertThat(page.body()).contains(SandboxDemo.CLIENT_ID).contains(CONNECT_URI)
                .doesNotContain(SandboxDemo.CLIENT_SECRET);
    }

    @Test
    void submittingTheConnectFormAsABrowserWouldLeadsToTheConnectUri() {
        String page = http.get(at(sb.baseUri(), "/appcenter"), null).body();
        String company = SandboxDemo.UNKNOWN_EDITION_COMPANY;
        Matcher form = Pattern.compile(
                "<form method=\"get\" action=\"([^\"]+)\">((?:(?!</form>).)*id=\"connect-" + company
                        + "\"(?:(?!</form>).)*)</form>").matcher(page);
        assertThat(form.find()).as(page).isTrue();
        StringBuilder query = new StringBuilder();
        Matcher input = Pattern.compile(
                "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">").matcher(form.group(2));
        while (input.find()) {
            query.append(query.length() == 0 ? "?" : "&").append(input.group(1)).append('=').append(input.group(2));
        }

        HttpResponse<String> response = http.get(URI.create(sb.baseUri() + form.group(1) + query), null);

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(query(URI.create(response.headers().firstValue("Location").orElseThrow())))
                .containsEntry("id", company).containsKey("requestToken");
    }

    @Test
    void connectRedirectsWith301ToTheConnectUriWithAnExchangeableRequestToken() {
        String company = SandboxDemo.STANDARD_COMPANY;
        String userId = "9bdded51-00b8-4f84-8bef-6d3afe727007";
        HttpResponse<String> response = http.get(URI.create(sb.baseUri() + "/appcenter/connect?company=" + company
                + "&app=" + SandboxDemo.CLIENT_ID + "&userId=" + userId), null);

        assertThat(response.statusCode()).isEqualTo(301);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CONNECT_URI + "?");
        Map<String, String> params = query(URI.create(location));
        assertThat(params).containsEntry("id", company).containsEntry("userId", userId).containsKey("requestToken");

        HttpResponse<String> tokens = http.postForm(at(sb.geolocation("glz"), "/oauth2/v0/token"),
                Http.passwordGrant(params.get("id"), params.get("requestToken")));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(json(tokens).get("geolocation").asString()).isEqualTo(sb.geolocation("eu").toString());
    }

    @Test
    void connectGeneratesAUserIdWhenNoneIsGiven() {
        HttpResponse<String> response = http.get(URI.create(sb.baseUri() + "/appcenter/connect?company="
                + SandboxDemo.PROFESSIONAL_COMPANY + "&app=" + SandboxDemo.CLIENT_ID), null);
        assertThat(query(URI.create(response.headers().firstValue("Location").orElseThrow())).get("userId"))
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void connectUriWithItsOwnQueryKeepsIt() {
        sb.registerApp("app-q", "secret-q", "http://localhost:18080/landing?tenant=7");
        HttpResponse<String> response = http.get(URI.create(sb.baseUri() + "/appcenter/connect?company="
                + SandboxDemo.PROFESSIONAL_COMPANY + "&app=app-q"), null);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://localhost:18080/landing?tenant=7&id=");
    }

    @Test
    void requestTokenFromConnectIsBoundToThatApp() {
        sb.registerApp("other-app", "other-secret", "http://localhost:9999/connect");
        HttpResponse<String> response = http.get(URI.create(sb.baseUri() + "/appcenter/connect?company="
                + SandboxDemo.PROFESSIONAL_COMPANY + "&app=other-app"), null);
        Map<String, String> params = query(URI.create(response.headers().firstValue("Location").orElseThrow()));

        HttpResponse<String> tokens = http.postForm(at(sb.geolocation("glz"), "/oauth2/v0/token"),
                Http.passwordGrant(params.get("id"), params.get("requestToken")));
        assertThat(tokens.statusCode()).isEqualTo(400);
        assertThat(json(tokens).get("code").asInt()).isEqualTo(136);
    }

    @Test
    void connectWithUnknownCompanyOrAppOrMissingParametersFails() {
        assertThat(http.get(URI.create(sb.baseUri() + "/appcenter/connect?company=nope&app=" + SandboxDemo.CLIENT_ID),
                null).statusCode()).isEqualTo(404);
        assertThat(http.get(URI.create(sb.baseUri() + "/appcenter/connect?company="
                + SandboxDemo.PROFESSIONAL_COMPANY + "&app=nope"), null).statusCode()).isEqualTo(404);
        assertThat(http.get(URI.create(sb.baseUri() + "/appcenter/connect?company="
                + SandboxDemo.PROFESSIONAL_COMPANY), null).statusCode()).isEqualTo(400);
    }

    @Test
    void internalAuthtokenCallIssuesARequestToken() {
        String company = SandboxDemo.PROFESSIONAL_COMPANY.toUpperCase();
        for (URI base : new URI[] {sb.baseUri(), sb.geolocation("us")}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/profile-service/v1/keys/principals/" + company + "/authtoken/"))
                    .header("concur-correlationid", "githubwiki").POST(HttpRequest.BodyPublishers.noBody()).build());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("status").asString()).isEqualTo("PASS");
            assertThat(body.get("code").asInt()).isZero();
            assertThat(body.get("errormsg").asString()).isEmpty();
            HttpResponse<String> tokens = http.postForm(at(sb.geolocation("us"), "/oauth2/v0/token"),
                    Http.passwordGrant(SandboxDemo.PROFESSIONAL_COMPANY, body.get("token").asString()));
            assertThat(tokens.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void internalAuthtokenCallForUnknownCompanyFails() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sb.baseUri()
                        + "/profile-service/v1/keys/principals/00000000-0000-4000-8000-000000000000/authtoken/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("status").asString()).isEqualTo("FAIL");
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }
}

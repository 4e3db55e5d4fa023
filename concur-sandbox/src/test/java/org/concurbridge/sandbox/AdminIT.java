package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;
import static org.concurbridge.sandbox.Http.passwordGrant;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The admin API as a test in another process would use it: plain HTTP and JSON. */
class AdminIT {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final Http http = new Http();
    private ConcurSandbox sb;

    @BeforeEach
    void start() {
        sb = ConcurSandbox.builder().clock(SandboxClock.fixed(T0)).seed(9L).build().start();
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    private URI admin(String path) {
        return at(sb.baseUri(), "/admin" + path);
    }

    private HttpResponse<String> post(String path, String json) {
        return http.postJson(admin(path), json);
    }

    private HttpResponse<String> delete(String path) {
        return http.send(HttpRequest.newBuilder(admin(path)).DELETE().build());
    }

    private static void assertBadRequest(HttpResponse<String> response, String mentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error_description").asString()).contains(mentions);
    }

    @Test
    void listsTheDemoCompaniesWithTheirGeolocation() {
        JsonNode companies = json(http.get(admin("/companies"), null));
        assertThat(companies.size()).isEqualTo(3);
        assertThat(companies.get(1).get("uuid").asString()).isEqualTo(SandboxDemo.STANDARD_COMPANY);
        assertThat(companies.get(1).get("marketingName").asString()).isEqualTo("Standard Edition");
        assertThat(companies.get(1).get("geolocation").asString()).isEqualTo(sb.geolocation("eu").toString());
    }

    @Test
    void addsACompanyOnANewGeolocationAndConnectsIt() {
        HttpResponse<String> created = post("/companies",
                "{\"name\":\"Umbrella KK\",\"marketingName\":\"CTE\",\"geo\":\"apj1\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String uuid = json(created).get("uuid").asString();

        JsonNode token = json(post("/companies/" + uuid + "/request-token", ""));
        assertThat(token.get("expiresAt").asString()).isEqualTo(T0.plus(Duration.ofHours(24)).toString());
        HttpResponse<String> tokens = http.postForm(at(sb.geolocation("glz"), "/oauth2/v0/token"),
                passwordGrant(uuid, token.get("requestToken").asString()));
        assertThat(tokens.statusCode()).isEqualTo(200);
        assertThat(json(tokens).get("geolocation").asString()).isEqualTo(sb.geolocation("apj1").toString());
    }

    @Test
    void companyInputIsValidated() {
        assertBadRequest(post("/companies", "{\"name\":\"X\",\"marketingName\":\"CTE\"}"), "geo");
        assertBadRequest(post("/companies", "{\"name\":\"X\",\"marketingName\":\"CTE\",\"geo\":\"admin\"}"), "geo");
        assertBadRequest(post("/companies", "{\"nme\":\"X\"}"), "nme");
        assertBadRequest(post("/companies", ""), "JSON object");
        assertBadRequest(post("/companies", "{\"uuid\":\"" + SandboxDemo.STANDARD_COMPANY
                + "\",\"name\":\"X\",\"marketingName\":\"CTE\",\"geo\":\"us\"}"), "already exists");
        assertThat(post("/companies/nope/request-token", "").statusCode()).isEqualTo(404);
    }

    @Test
    void requestTokenForOneAppAndRevocation() {
        String pro = SandboxDemo.PROFESSIONAL_COMPANY;
        assertThat(post("/companies/" + pro + "/request-token?clientId=nope", "").statusCode()).isEqualTo(404);
        String requestToken = json(post("/companies/" + pro + "/request-token?clientId=" + SandboxDemo.CLIENT_ID, ""))
                .get("requestToken").asString();
        String refresh = json(http.postForm(at(sb.geolocation("us"), "/oauth2/v0/token"),
                passwordGrant(pro, requestToken))).get("refresh_token").asString();

        JsonNode revoked = json(post("/companies/" + pro + "/revoke", ""));

        assertThat(revoked.get("revoked").asInt()).isEqualTo(2);
        HttpResponse<String> refreshed = http.postForm(at(sb.geolocation("us"), "/oauth2/v0/token"),
                Http.refreshGrant(refresh));
        assertThat(json(refreshed).get("code").asInt()).isEqualTo(108);
    }

    @Test
    void registersAnAppThatCanThenConnect() {
        HttpResponse<String> created = post("/apps",
                "{\"clientId\":\"erp-x\",\"clientSecret\":\"s3cret\",\"connectUri\":\"http://localhost:7000/c\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("s3cret");
        assertThat(http.get(admin("/apps"), null).body()).contains("erp-x").doesNotContain("s3cret");
        assertBadRequest(post("/apps", "{\"clientId\":\"erp-y\"}"), "required");

        HttpResponse<String> redirect = http.get(URI.create(sb.baseUri() + "/appcenter/connect?company="
                + SandboxDemo.PROFESSIONAL_COMPANY + "&app=erp-x"), null);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).startsWith("http://localhost:7000/c?id="));
    }

    @Test
    void faultsThroughTheAdminApi() {
        HttpResponse<String> added = post("/faults",
                "{\"method\":\"POST\",\"path\":\"/oauth2/v0/token\",\"status\":429,\"retryAfterSeconds\":3,\"times\":1}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String id = json(added).get("id").asString();

        HttpResponse<String> limited = http.postForm(at(sb.geolocation("glz"), "/oauth2/v0/token"),
                passwordGrant(SandboxDemo.PROFESSIONAL_COMPANY, "x"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
        JsonNode listed = json(http.get(admin("/faults"), null));
        assertThat(listed.get(0).get("id").asString()).isEqualTo(id);
        assertThat(listed.get(0).get("fired").asInt()).isEqualTo(1);
        assertThat(listed.get(0).get("remaining").asInt()).isZero();

        assertThat(delete("/faults/" + id).statusCode()).isEqualTo(200);
        assertThat(delete("/faults/" + id).statusCode()).isEqualTo(404);
        post("/faults", "{\"path\":\"/profile/v1/me\",\"connectionReset\":true}");
        assertThat(delete("/faults").statusCode()).isEqualTo(200);
        assertThat(json(http.get(admin("/faults"), null)).size()).isZero();
    }

    @Test
    void faultInputIsValidated() {
        assertBadRequest(post("/faults", "{\"path\":\"/x\"}"), "effect");
        assertBadRequest(post("/faults", "{\"path\":\"x\",\"status\":503}"), "'path'");
        assertBadRequest(post("/faults", "{\"path\":\"/x\",\"status\":503,\"probability\":2}"), "probability");
        assertBadRequest(post("/faults", "{\"path\":\"/x\",\"statuss\":503}"), "statuss");
    }

    @Test
    void requestLogThroughTheAdminApi() {
        http.get(at(sb.baseUri(), "/appcenter"), null);
        JsonNode log = json(http.get(admin("/requests"), null));
        assertThat(log.size()).isEqualTo(1);
        assertThat(log.get(0).get("path").asString()).isEqualTo("/appcenter");
        assertThat(log.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(delete("/requests").statusCode()).isEqualTo(200);
        assertThat(json(http.get(admin("/requests"), null)).size()).isZero();
    }

    @Test
    void clockCanBeReadAdvancedAndSet() {
        assertThat(json(http.get(admin("/clock"), null)).get("now").asString()).isEqualTo(T0.toString());

        JsonNode advanced = json(post("/clock/advance?seconds=90000", ""));

        assertThat(advanced.get("now").asString()).isEqualTo(T0.plusSeconds(90000).toString());
        assertThat(sb.clock().instant()).isEqualTo(T0.plusSeconds(90000));
        assertThat(json(post("/clock/set?instant=2027-01-01T00:00:00Z", "")).get("now").asString())
                .isEqualTo("2027-01-01T00:00:00Z");
        assertBadRequest(post("/clock/advance?seconds=soon", ""), "seconds");
        assertBadRequest(post("/clock/set?instant=tomorrow", ""), "instant");
    }

    @Test
    void advancingTheClockPastOneDayExpiresRequestTokens() {
        String requestToken = sb.companyRequestToken(SandboxDemo.PROFESSIONAL_COMPANY);
        post("/clock/advance?seconds=" + Duration.ofHours(24).toSeconds(), "");
        HttpResponse<String> response = http.postForm(at(sb.geolocation("us"), "/oauth2/v0/token"),
                passwordGrant(SandboxDemo.PROFESSIONAL_COMPANY, requestToken));
        assertThat(json(response).get("code").asInt()).isEqualTo(5);
    }
}

package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;
import static org.concurbridge.sandbox.Http.passwordGrant;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProfileIT {

    private final Http http = new Http();
    private SandboxClock clock;
    private ConcurSandbox sb;

    @BeforeEach
    void start() {
        clock = SandboxClock.fixed(Instant.parse("2026-03-01T09:00:00Z"));
        sb = ConcurSandbox.builder().clock(clock).seed(7L).build().start();
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    private JsonNode connect(String company) {
        return connect(company, passwordGrant(company, sb.companyRequestToken(company)));
    }

    private JsonNode connect(String company, Map<String, String> form) {
        HttpResponse<String> response = http.postForm(at(sb.geolocation("glz"), "/oauth2/v0/token"), form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private HttpResponse<String> profile(String geolocation, String accessToken) {
        return http.get(URI.create(geolocation + "/profile/v1/me"), accessToken);
    }

    @Test
    void profileOfEachEditionAtItsGeolocation() {
        record Case(String company, String name, String marketingName, String geo) {
        }
        for (Case c : new Case[] {
                new Case(SandboxDemo.PROFESSIONAL_COMPANY, SandboxDemo.PROFESSIONAL_NAME, "CTE", "us"),
                new Case(SandboxDemo.STANDARD_COMPANY, SandboxDemo.STANDARD_NAME, "Standard Edition", "eu"),
                new Case(SandboxDemo.UNKNOWN_EDITION_COMPANY, SandboxDemo.UNKNOWN_EDITION_NAME, "Travel Only", "us")}) {
            JsonNode token = connect(c.company());
            HttpResponse<String> response = profile(token.get("geolocation").asString(),
                    token.get("access_token").asString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("id").asString()).isEqualTo(c.company());
            assertThat(body.get("name").asString()).isEqualTo(c.name());
            assertThat(body.get("meta").get("principalType").asString()).isEqualTo("company");
            assertThat(body.get("com:concur:Expense:0.1").get("marketingName").asString()).isEqualTo(c.marketingName());
            assertThat(token.get("geolocation").asString()).isEqualTo(sb.geolocation(c.geo()).toString());
        }
    }

    @Test
    void profileHasExactlyOneExpenseObject() {
        JsonNode token = connect(SandboxDemo.STANDARD_COMPANY);
        String raw = profile(token.get("geolocation").asString(), token.get("access_token").asString()).body();
        assertThat(raw.split("\"com:concur:Expense:0.1\":", -1)).as("one key, not two").hasSize(2);
    }

    @Test
    void missingOrUnknownTokenIs401() {
        URI us = sb.geolocation("us");
        assertThat(profile(us.toString(), null).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = profile(us.toString(), "not-a-token");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void accessTokenExpiresAfterOneHour() {
        JsonNode token = connect(SandboxDemo.PROFESSIONAL_COMPANY);
        String geo = token.get("geolocation").asString();
        String access = token.get("access_token").asString();

        clock.advance(Duration.ofMinutes(59));
        assertThat(profile(geo, access).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(profile(geo, access).statusCode()).isEqualTo(401);
    }

    @Test
    void revokedTokenIs401() {
        JsonNode token = connect(SandboxDemo.PROFESSIONAL_COMPANY);
        sb.revokeAll(SandboxDemo.PROFESSIONAL_COMPANY);
        assertThat(profile(token.get("geolocation").asString(), token.get("access_token").asString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void tokenUsedAtAnotherGeolocationIsRedirectedWith301() {
        JsonNode token = connect(SandboxDemo.STANDARD_COMPANY);

        HttpResponse<String> response = profile(sb.geolocation("us").toString(), token.get("access_token").asString());

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue(sb.geolocation("eu") + "/profile/v1/me");
    }

    @Test
    void tokenWithoutCompanyReadScopeIs403() {
        Map<String, String> form = passwordGrant(SandboxDemo.PROFESSIONAL_COMPANY,
                sb.companyRequestToken(SandboxDemo.PROFESSIONAL_COMPANY));
        form.put("scope", "FISVC");
        JsonNode token = connect(SandboxDemo.PROFESSIONAL_COMPANY, form);
        assertThat(profile(token.get("geolocation").asString(), token.get("access_token").asString()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void disconnectRevokesTheCompanysTokensForThatAppOnly() {
        sb.registerApp("other-app", "other-secret", "http://localhost:9999/connect");
        String pro = SandboxDemo.PROFESSIONAL_COMPANY;
        JsonNode demo = connect(pro);
        Map<String, String> otherForm = passwordGrant(pro, sb.companyRequestToken(pro));
        otherForm.put("client_id", "other-app");
        otherForm.put("client_secret", "other-secret");
        JsonNode other = connect(pro, otherForm);
        String geo = demo.get("geolocation").asString();

        HttpResponse<String> response = http.delete(URI.create(geo + "/app-mgmt/v0/connections"),
                demo.get("access_token").asString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(profile(geo, demo.get("access_token").asString()).statusCode()).isEqualTo(401);
        assertThat(http.postForm(at(sb.geolocation("us"), "/oauth2/v0/token"),
                Http.refreshGrant(demo.get("refresh_token").asString())).statusCode()).isEqualTo(400);
        assertThat(profile(geo, other.get("access_token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void disconnectWithoutTokenIs401() {
        assertThat(http.delete(at(sb.geolocation("us"), "/app-mgmt/v0/connections"), "nope").statusCode())
                .isEqualTo(401);
    }
}

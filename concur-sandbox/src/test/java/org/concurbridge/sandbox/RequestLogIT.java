package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;
import static org.concurbridge.sandbox.Http.passwordGrant;

import java.time.Instant;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RequestLogIT {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String PRO = SandboxDemo.PROFESSIONAL_COMPANY;

    private final Http http = new Http();
    private ConcurSandbox sb;

    @BeforeEach
    void start() {
        sb = ConcurSandbox.builder().clock(SandboxClock.fixed(T0)).seed(5L).build().start();
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    @Test
    void logRecordsEachCallWithSecretsRedacted() {
        String requestToken = sb.companyRequestToken(PRO);
        JsonNode tokens = json(http.postForm(at(sb.geolocation("glz"), "/oauth2/v0/token"),
                passwordGrant(PRO, requestToken)));
        String refresh = tokens.get("refresh_token").asString();
        String access = tokens.get("access_token").asString();
        http.postForm(at(sb.geolocation("us"), "/oauth2/v0/token"), Http.refreshGrant(refresh));
        http.get(at(sb.geolocation("us"), "/profile/v1/me"), access);

        List<RecordedRequest> log = sb.requests();

        assertThat(log).hasSize(3);
        RecordedRequest grant = log.get(0);
        assertThat(grant.at()).isEqualTo(T0);
        assertThat(grant.method()).isEqualTo("POST");
        assertThat(grant.path()).isEqualTo("/oauth2/v0/token");
        assertThat(grant.geo()).isEqualTo("glz");
        assertThat(grant.status()).isEqualTo(200);
        assertThat(grant.header("content-type")).isEqualTo(Http.FORM);
        assertThat(grant.body()).contains("client_id=" + SandboxDemo.CLIENT_ID)
                .contains("client_secret=[REDACTED]").contains("password=[REDACTED]")
                .contains("username=" + PRO).contains("credtype=authtoken")
                .doesNotContain(SandboxDemo.CLIENT_SECRET).doesNotContain(requestToken);
        assertThat(log.get(1).body()).contains("refresh_token=[REDACTED]").doesNotContain(refresh);
        RecordedRequest profile = log.get(2);
        assertThat(profile.path()).isEqualTo("/profile/v1/me");
        assertThat(profile.geo()).isEqualTo("us");
        assertThat(profile.header("Authorization")).isEqualTo("Bearer [REDACTED]");
        assertThat(profile.toString()).doesNotContain(access);
    }

    @Test
    void failedCallsAreLoggedWithTheirStatusAndAdminCallsAreNot() {
        http.postForm(at(sb.geolocation("eu"), "/oauth2/v0/token"), passwordGrant(PRO, "wrong"));
        http.get(at(sb.baseUri(), "/admin/companies"), null);
        http.get(at(sb.baseUri(), "/appcenter"), null);

        assertThat(sb.requests()).extracting(RecordedRequest::path, RecordedRequest::geo, RecordedRequest::status)
                .containsExactly(Tuple.tuple("/oauth2/v0/token", "eu", 400),
                        Tuple.tuple("/appcenter", null, 200));
    }

    @Test
    void clearEmptiesTheLog() {
        http.get(at(sb.baseUri(), "/appcenter"), null);
        sb.clearRequests();
        assertThat(sb.requests()).isEmpty();
    }
}

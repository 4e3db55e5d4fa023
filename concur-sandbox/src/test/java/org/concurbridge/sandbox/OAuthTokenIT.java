package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;
import static org.concurbridge.sandbox.Http.passwordGrant;
import static org.concurbridge.sandbox.Http.refreshGrant;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OAuthTokenIT {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String PRO = SandboxDemo.PROFESSIONAL_COMPANY;

    private final Http http = new Http();
    private SandboxClock clock;
    private ConcurSandbox sb;

    @BeforeEach
    void start() {
        clock = SandboxClock.fixed(T0);
        sb = ConcurSandbox.builder().port(0).clock(clock).seed(42L).build().start();
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    private URI token(String geo) {
        return at(sb.geolocation(geo), "/oauth2/v0/token");
    }

    private HttpResponse<String> exchange(String geo, String company, String requestToken) {
        return http.postForm(token(geo), passwordGrant(company, requestToken));
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, int code, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("code").isInt()).isTrue();
        assertThat(body.get("code").asInt()).isEqualTo(code);
        assertThat(body.get("error").asString()).isEqualTo(error);
        assertThat(body.get("error_description").asString()).isNotBlank();
    }

    @Test
    void passwordGrantWithRequestTokenReturnsCompanyTokenPair() {
        HttpResponse<String> response = exchange("glz", PRO, sb.companyRequestToken(PRO));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.get("expires_in").isString()).isTrue();
        assertThat(body.get("expires_in").asString()).isEqualTo("3600");
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("access_token").asString()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(body.get("refresh_token").asString()).isNotBlank();
        assertThat(body.get("scope").asString()).contains("company.read").contains("FISVC").contains("openid");
        assertThat(body.get("geolocation").asString()).isEqualTo(sb.geolocation("us").toString());
        long sixMonths = T0.atOffset(ZoneOffset.UTC).plusMonths(6).toEpochSecond();
        assertThat(body.get("refresh_expires_in").isNumber()).isTrue();
        assertThat(body.get("refresh_expires_in").asLong()).isEqualTo(sixMonths);

        JsonNode idToken = claims(body.get("id_token").asString());
        assertThat(idToken.get("sub").asString()).isEqualTo(PRO);
        assertThat(idToken.get("aud").asString()).isEqualTo(SandboxDemo.CLIENT_ID);
        assertThat(idToken.get("concur.type").asString()).isEqualTo("company");
        assertThat(idToken.get("iss").asString()).isEqualTo(sb.geolocation("us").toString());
    }

    @Test
    void everyResponseCarriesACorrelationIdAndEchoesTheCallersOne() {
        HttpResponse<String> ok = exchange("glz", PRO, sb.companyRequestToken(PRO));
        HttpResponse<String> failed = exchange("glz", PRO, "not-a-token");
        HttpResponse<String> echoed = http.send(HttpRequest.newBuilder(token("us"))
                .header("Content-Type", Http.FORM).header("concur-correlationid", "my-app-123")
                .POST(HttpRequest.BodyPublishers.ofString("")).build());

        assertThat(ok.headers().firstValue("concur-correlationid")).isPresent();
        assertThat(failed.headers().firstValue("concur-correlationid")).isPresent();
        assertThat(ok.headers().firstValue("concur-correlationid"))
                .isNotEqualTo(failed.headers().firstValue("concur-correlationid"));
        assertThat(echoed.headers().firstValue("concur-correlationid")).hasValue("my-app-123");
    }

    @Test
    void requestTokenIsReusableWithin24HoursAndRejectedAfter() {
        String requestToken = sb.companyRequestToken(PRO);

        assertThat(exchange("us", PRO, requestToken).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        HttpResponse<String> again = exchange("us", PRO, requestToken);
        assertThat(again.statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> expired = exchange("us", PRO, requestToken);
        assertOAuthError(expired, 400, 5, "invalid_grant");
        assertThat(json(expired).get("error_description").asString()).isEqualTo("Incorrect Credentials. Please Retry");
    }

    @Test
    void wrongRequestTokenOrUnknownCompanyOrTokenOfAnotherCompanyIsCode5() {
        String standardToken = sb.companyRequestToken(SandboxDemo.STANDARD_COMPANY);

        assertOAuthError(exchange("glz", PRO, "5l85ae5a-426f-4d6f-8af4-08648c4b696b"), 400, 5, "invalid_grant");
        assertOAuthError(exchange("glz", "00000000-0000-4000-8000-000000000000", sb.companyRequestToken(PRO)),
                400, 5, "invalid_grant");
        assertOAuthError(exchange("glz", PRO, standardToken), 400, 5, "invalid_grant");
    }

    @Test
    void companyUuidIsMatchedCaseInsensitively() {
        assertThat(exchange("glz", PRO.toUpperCase(), sb.companyRequestToken(PRO)).statusCode()).isEqualTo(200);
    }

    @Test
    void userLoginWithoutCredtypeAuthtokenIsRejected() {
        Map<String, String> form = passwordGrant(PRO, sb.companyRequestToken(PRO));
        form.remove("credtype");
        assertOAuthError(http.postForm(token("us"), form), 400, 5, "invalid_grant");
        form.put("credtype", "magic");
        assertOAuthError(http.postForm(token("us"), form), 400, 120, "invalid_request");
    }

    @Test
    void clientCredentialsAreValidated() {
        Map<String, String> unknownClient = passwordGrant(PRO, sb.companyRequestToken(PRO));
        unknownClient.put("client_id", "11111111-2222-4333-8444-555555555555");
        Map<String, String> wrongSecret = passwordGrant(PRO, sb.companyRequestToken(PRO));
        wrongSecret.put("client_secret", "wrong");

        assertOAuthError(http.postForm(token("us"), unknownClient), 401, 61, "invalid_client");
        assertOAuthError(http.postForm(token("us"), wrongSecret), 401, 64, "invalid_client");
    }

    @Test
    void missingParametersGetTheirOwnCodes() {
        String rt = sb.companyRequestToken(PRO);
        Map<String, Integer> codeWhenMissing = Map.of("client_id", 62, "client_secret", 63, "grant_type", 65,
                "username", 51, "password", 52);
        codeWhenMissing.forEach((field, code) -> {
            Map<String, String> form = passwordGrant(PRO, rt);
            form.remove(field);
            assertOAuthError(http.postForm(token("us"), form), 400, code, "invalid_request");
        });
        Map<String, String> refresh = refreshGrant("x");
        refresh.remove("refresh_token");
        assertOAuthError(http.postForm(token("us"), refresh), 400, 106, "invalid_request");
    }

    @Test
    void unsupportedGrantTypeIsCode60() {
        Map<String, String> form = passwordGrant(PRO, sb.companyRequestToken(PRO));
        form.put("grant_type", "client_credentials");
        assertOAuthError(http.postForm(token("us"), form), 400, 60, "invalid_grant");
    }

    @Test
    void charsetOnContentTypeIsRejectedAsConcurDoes() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(token("us"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(Http.encode(passwordGrant(PRO, sb.companyRequestToken(PRO)))))
                .build());
        assertOAuthError(response, 400, 135, "invalid_request");
        assertThat(json(response).get("error_description").asString()).contains("charset");
    }

    @Test
    void jsonBodyIsRejected() {
        HttpResponse<String> response = http.postJson(token("us"), "{\"grant_type\":\"password\"}");
        assertOAuthError(response, 400, 135, "invalid_request");
    }

    @Test
    void secretsInTheQueryStringAreRejected() {
        URI withSecret = URI.create(token("us") + "?client_secret=" + SandboxDemo.CLIENT_SECRET);
        HttpResponse<String> response = http.postForm(withSecret, passwordGrant(PRO, sb.companyRequestToken(PRO)));
        assertOAuthError(response, 400, 135, "invalid_request");
    }

    @Test
    void companyRequestedAtAnotherGeolocationGetsCode16WithItsHome() {
        HttpResponse<String> response = exchange("eu", PRO, sb.companyRequestToken(PRO));

        assertOAuthError(response, 400, 16, "invalid_request");
        assertThat(json(response).get("geolocation").asString()).isEqualTo(sb.geolocation("us").toString());
        assertThat(exchange("us", PRO, sb.companyRequestToken(PRO)).statusCode()).isEqualTo(200);
    }

    @Test
    void glzAcceptsEveryCompanyAndAnswersItsHomeGeolocation() {
        String std = SandboxDemo.STANDARD_COMPANY;
        HttpResponse<String> response = exchange("glz", std, sb.companyRequestToken(std));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("geolocation").asString()).isEqualTo(sb.geolocation("eu").toString());
    }

    @Test
    void unknownGeolocationIs404() {
        assertThat(exchange("mars", PRO, sb.companyRequestToken(PRO)).statusCode()).isEqualTo(404);
    }

    @Test
    void refreshRotatesAndTheOldRefreshTokenStopsWorking() {
        JsonNode first = json(exchange("glz", PRO, sb.companyRequestToken(PRO)));
        String oldRefresh = first.get("refresh_token").asString();
        clock.advance(Duration.ofDays(30));

        HttpResponse<String> refreshed = http.postForm(token("us"), refreshGrant(oldRefresh));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode second = json(refreshed);
        assertThat(second.get("refresh_token").asString()).isNotEqualTo(oldRefresh);
        assertThat(second.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());
        assertThat(second.get("refresh_expires_in").asLong())
                .isEqualTo(T0.plus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC).plusMonths(6).toEpochSecond());
        assertThat(second.get("geolocation").asString()).isEqualTo(sb.geolocation("us").toString());

        assertOAuthError(http.postForm(token("us"), refreshGrant(oldRefresh)), 400, 108, "invalid_grant");
        assertThat(http.postForm(token("us"), refreshGrant(second.get("refresh_token").asString())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void concurrentRefreshesWithOneTokenLetExactlyOneWin() throws Exception {
        String refresh = json(exchange("glz", PRO, sb.companyRequestToken(PRO))).get("refresh_token").asString();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return http.postForm(token("us"), refreshGrant(refresh)).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var result : results) {
                statuses.add(result.get(10, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 400);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refreshTokenExpiresAfterSixMonths() {
        String refresh = json(exchange("glz", PRO, sb.companyRequestToken(PRO))).get("refresh_token").asString();
        clock.set(T0.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant());
        assertOAuthError(http.postForm(token("us"), refreshGrant(refresh)), 400, 108, "invalid_grant");
    }

    @Test
    void refreshAtAnotherGeolocationIsCode16() {
        String refresh = json(exchange("glz", PRO, sb.companyRequestToken(PRO))).get("refresh_token").asString();
        HttpResponse<String> response = http.postForm(token("eu"), refreshGrant(refresh));
        assertOAuthError(response, 400, 16, "invalid_request");
        assertThat(json(response).get("geolocation").asString()).isEqualTo(sb.geolocation("us").toString());
    }

    @Test
    void revokedRefreshTokenIsCode108() {
        String refresh = json(exchange("glz", PRO, sb.companyRequestToken(PRO))).get("refresh_token").asString();
        assertThat(sb.revokeAll(PRO)).isEqualTo(2);
        assertOAuthError(http.postForm(token("us"), refreshGrant(refresh)), 400, 108, "invalid_grant");
    }

    @Test
    void refreshTokenOfAnotherAppIsCode105() {
        sb.registerApp("other-app", "other-secret", "http://localhost:9999/connect");
        String refresh = json(exchange("glz", PRO, sb.companyRequestToken(PRO))).get("refresh_token").asString();
        Map<String, String> form = refreshGrant(refresh);
        form.put("client_id", "other-app");
        form.put("client_secret", "other-secret");
        assertOAuthError(http.postForm(token("us"), form), 400, 105, "invalid_grant");
    }

    @Test
    void requestTokenBoundToAnotherAppIsCode136() {
        sb.registerApp("other-app", "other-secret", "http://localhost:9999/connect");
        String boundToOther = sb.companyRequestToken(PRO, "other-app");
        assertOAuthError(exchange("us", PRO, boundToOther), 400, 136, "invalid_request");
    }

    @Test
    void scopeBeyondTheAppsScopeIsCode54AndASubsetIsGranted() {
        Map<String, String> form = passwordGrant(PRO, sb.companyRequestToken(PRO));
        form.put("scope", "company.read superpowers");
        assertOAuthError(http.postForm(token("us"), form), 400, 54, "invalid_scope");

        form.put("scope", "company.read FISVC");
        JsonNode body = json(http.postForm(token("us"), form));
        assertThat(body.get("scope").asString()).isEqualTo("company.read FISVC");
        assertThat(body.has("id_token")).as("no openid scope, no id_token").isFalse();
    }

    @Test
    void sameSeedIssuesTheSameTokens() {
        try (ConcurSandbox twin = ConcurSandbox.builder().clock(SandboxClock.fixed(T0)).seed(42L).build().start()) {
            String a = sb.companyRequestToken(PRO);
            String b = twin.companyRequestToken(PRO);
            assertThat(a).isEqualTo(b);
            assertThat(json(exchange("us", PRO, a)).get("refresh_token").asString())
                    .isEqualTo(json(http.postForm(at(twin.geolocation("us"), "/oauth2/v0/token"), passwordGrant(PRO, b)))
                            .get("refresh_token").asString());
        }
    }

    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}

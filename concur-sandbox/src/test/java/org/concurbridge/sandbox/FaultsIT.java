package org.concurbridge.sandbox;

import static io.javalin.http.HandlerType.GET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;
import static org.concurbridge.sandbox.Http.passwordGrant;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concurbridge.sandbox.faults.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class FaultsIT {

    private static final String PRO = SandboxDemo.PROFESSIONAL_COMPANY;
    private static final String STD = SandboxDemo.STANDARD_COMPANY;

    private static final java.util.concurrent.atomic.AtomicInteger COUNTED = new java.util.concurrent.atomic.AtomicInteger();

    private static volatile java.util.concurrent.CountDownLatch processed;

    private final Http http = new Http();
    private ConcurSandbox sb;

    @BeforeEach
    void start() {
        COUNTED.set(0);
        processed = new java.util.concurrent.CountDownLatch(1);
        sb = ConcurSandbox.builder().seed(11L).module(failingModule()).build().start();
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    /** A module like the later capabilities register: one route that works, one whose handler throws. */
    private static SandboxModule failingModule() {
        return (routes, state) -> {
            routes.geo(GET, "/test/v1/ok", ex -> ex.json(200, Map.of("ok", true)));
            routes.geo(io.javalin.http.HandlerType.POST, "/test/v1/count",
                    ex -> {
                        int n = COUNTED.incrementAndGet();
                        processed.countDown();
                        ex.json(200, Map.of("count", n));
                    });
            routes.geo(GET, "/test/v1/broken", ex -> {
                throw new IllegalStateException("bug in a handler");
            });
        };
    }

    private HttpResponse<String> exchange(String geo, String company) {
        return http.postForm(at(sb.geolocation(geo), "/oauth2/v0/token"),
                passwordGrant(company, sb.companyRequestToken(company)));
    }

    private HttpResponse<String> ok() {
        return http.get(at(sb.geolocation("us"), "/test/v1/ok"), null);
    }

    @Test
    void status503ForTheFirstTwoCallsThenNormal() {
        sb.faults().add(FaultRule.on("POST", "/oauth2/v0/token").status(503).times(2));

        HttpResponse<String> first = exchange("glz", PRO);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(json(first).get("httpStatus").asString()).isEqualTo("503 - Service Unavailable");
        assertThat(first.headers().firstValue("concur-correlationid")).isPresent();
        assertThat(exchange("glz", PRO).statusCode()).isEqualTo(503);
        assertThat(exchange("glz", PRO).statusCode()).isEqualTo(200);
        assertThat(sb.faults().list()).singleElement().satisfies(f -> {
            assertThat(f.fired()).isEqualTo(2);
            assertThat(f.remaining()).isZero();
        });
    }

    @Test
    void status500() {
        sb.faults().add(FaultRule.on("GET", "/test/v1/ok").status(500).times(1));
        assertThat(ok().statusCode()).isEqualTo(500);
        assertThat(ok().statusCode()).isEqualTo(200);
    }

    @Test
    void http429CarriesRetryAfter() {
        sb.faults().add(FaultRule.on("*", "/profile/v1/me").status(429).retryAfter(Duration.ofSeconds(7)));

        HttpResponse<String> response = http.get(at(sb.geolocation("us"), "/profile/v1/me"), "any");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(json(response).get("error").get("id").asString()).isEqualTo("security.rate.limit.reached");
    }

    @Test
    void http429WithoutExplicitRetryAfterSaysOneSecond() {
        sb.faults().add(FaultRule.on("GET", "/test/v1/ok").status(429));
        assertThat(ok().headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void customBodyIsSentAsIs() {
        sb.faults().add(FaultRule.on("GET", "/test/v1/ok").status(502).body("{\"message\":\"gateway\"}"));
        HttpResponse<String> response = ok();
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\":\"gateway\"}");
    }

    @Test
    void delayHoldsTheResponseBack() {
        sb.faults().add(FaultRule.on("GET", "/test/v1/ok").delay(Duration.ofMillis(400)).times(1));

        long started = System.nanoTime();
        HttpResponse<String> response = ok();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(tookMillis).isGreaterThanOrEqualTo(400);
    }

    @Test
    void delayLongerThanTheClientTimeoutTimesTheClientOut() {
        sb.faults().add(FaultRule.on("GET", "/test/v1/ok").delay(Duration.ofMillis(1500)).times(1));
        HttpRequest request = HttpRequest.newBuilder(at(sb.geolocation("us"), "/test/v1/ok"))
                .timeout(Duration.ofMillis(200)).GET().build();
        assertThatThrownBy(() -> http.sendRaw(request)).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void randomDelayIsDrawnWithinItsRange() {
        sb.faults().add(FaultRule.on("GET", "/test/v1/ok").delay(Duration.ofMillis(100), Duration.ofMillis(300)));
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            assertThat(ok().statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void connectionResetClosesTheSocketWithoutAResponse() throws Exception {
        sb.faults().add(FaultRule.on("POST", "/oauth2/v0/token").reset().times(1));
        HttpRequest request = HttpRequest.newBuilder(at(sb.geolocation("glz"), "/oauth2/v0/token"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", Http.FORM)
                .POST(HttpRequest.BodyPublishers.ofString(Http.encode(passwordGrant(PRO, sb.companyRequestToken(PRO)))))
                .build();

        assertThatThrownBy(() -> http.sendRaw(request)).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(http.sendRaw(request).statusCode()).isEqualTo(200);
        assertThat(sb.requests()).first().satisfies(r -> {
            assertThat(r.status()).isZero();
            assertThat(r.body()).contains("client_id=" + SandboxDemo.CLIENT_ID).contains("password=[REDACTED]");
        });
    }

    private HttpRequest count() {
        return HttpRequest.newBuilder(at(sb.geolocation("us"), "/test/v1/count")).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    @Test
    void answerLostProcessesTheRequestThenDropsTheConnection() throws Exception {
        sb.faults().add(FaultRule.on("POST", "/test/v1/count").loseAnswer().times(1));

        assertThatThrownBy(() -> http.sendRaw(count())).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(COUNTED.get()).as("the endpoint ran although no answer came back").isEqualTo(1);
        assertThat(sb.requests()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
        HttpResponse<String> again = http.sendRaw(count());
        assertThat(json(again).get("count").asInt()).isEqualTo(2);
        assertThat(sb.faults().list()).singleElement().satisfies(f -> assertThat(f.fired()).isEqualTo(1));
    }

    @Test
    void answerDelayShowsTheEffectBeforeTheAnswer() throws Exception {
        sb.faults().add(FaultRule.on("POST", "/test/v1/count").answerDelay(Duration.ofSeconds(2)).times(1));

        var answer = java.net.http.HttpClient.newHttpClient().sendAsync(count(), HttpResponse.BodyHandlers.ofString());
        assertThat(processed.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("processed").isTrue();
        assertThat(answer).as("processed, answer still held back").isNotDone();
        assertThat(answer.get().statusCode()).isEqualTo(200);
    }

    @Test
    void answerLostCannotCombineWithAStatus() {
        assertThatThrownBy(() -> FaultRule.on("GET", "/x").status(503).loseAnswer())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("answerLost");
    }

    @Test
    void malformedBodyIsTruncatedJson() {
        sb.faults().add(FaultRule.on("POST", "/oauth2/v0/token").malformed().times(1));

        HttpResponse<String> response = exchange("glz", PRO);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"expires_in\"");
        assertThatThrownBy(() -> Http.JSON.readTree(response.body())).isInstanceOf(JacksonException.class);
        assertThat(json(exchange("glz", PRO)).get("access_token")).isNotNull();
    }

    @Test
    void rulesCanTargetOneGeolocationOrOneCompany() {
        sb.faults().add(FaultRule.on("POST", "/oauth2/v0/token").status(503).geo("eu"));
        sb.faults().add(FaultRule.on("POST", "/oauth2/v0/token").status(500).company(PRO));

        assertThat(exchange("glz", PRO).statusCode()).isEqualTo(500);
        assertThat(exchange("eu", STD).statusCode()).isEqualTo(503);
        assertThat(exchange("glz", STD).statusCode()).isEqualTo(200);
        assertThat(exchange("glz", SandboxDemo.UNKNOWN_EDITION_COMPANY).statusCode()).isEqualTo(200);
    }

    @Test
    void companyRuleMatchesBearerAndRefreshTokensToo() {
        String access = json(exchange("glz", PRO)).get("access_token").asString();
        sb.faults().add(FaultRule.on("GET", "/profile/v1/me").status(503).company(PRO));
        assertThat(http.get(at(sb.geolocation("us"), "/profile/v1/me"), access).statusCode()).isEqualTo(503);
    }

    @Test
    void patternsMatchOneSegmentOrAnyRest() {
        sb.faults().add(FaultRule.on("GET", "/test/*/ok").status(418));
        sb.faults().add(FaultRule.on("*", "/profile/**").status(503));
        assertThat(ok().statusCode()).isEqualTo(418);
        assertThat(http.get(at(sb.geolocation("eu"), "/profile/v1/me"), null).statusCode()).isEqualTo(503);
        assertThat(exchange("glz", PRO).statusCode()).isEqualTo(200);
    }

    @Test
    void probabilisticFaultsAreReproducibleWithTheSameSeed() {
        List<Integer> first = statuses(11L);
        List<Integer> second = statuses(11L);
        List<Integer> otherSeed = statuses(12L);

        assertThat(first).isEqualTo(second);
        assertThat(first).contains(200, 503);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    private List<Integer> statuses(long seed) {
        try (ConcurSandbox other = ConcurSandbox.builder().seed(seed).module(failingModule()).build().start()) {
            other.faults().add(FaultRule.on("GET", "/test/v1/ok").status(503).probability(0.5));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                statuses.add(http.get(at(other.geolocation("us"), "/test/v1/ok"), null).statusCode());
            }
            return statuses;
        }
    }

    @Test
    void removingAndClearingRules() {
        String id = sb.faults().add(FaultRule.on("GET", "/test/v1/ok").status(503));
        assertThat(ok().statusCode()).isEqualTo(503);
        assertThat(sb.faults().remove(id)).isTrue();
        assertThat(ok().statusCode()).isEqualTo(200);
        sb.faults().add(FaultRule.on("GET", "/test/v1/ok").status(503));
        sb.faults().clear();
        assertThat(ok().statusCode()).isEqualTo(200);
    }

    @Test
    void ruleWithoutEffectIsRefused() {
        assertThatThrownBy(() -> sb.faults().add(FaultRule.on("GET", "/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("effect");
        assertThatThrownBy(() -> FaultRule.on("GET", "/x").status(503).reset())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only one");
        assertThatThrownBy(() -> FaultRule.on("GET", "x").status(503))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'path'");
    }

    @Test
    void handlerExceptionAnswers500WithJsonAndTheServerKeepsServing() {
        HttpResponse<String> broken = http.get(at(sb.geolocation("us"), "/test/v1/broken"), null);

        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(json(broken).get("error").asString()).isEqualTo("server_error");
        assertThat(broken.headers().firstValue("concur-correlationid")).isPresent();
        assertThat(ok().statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathIs404WithCorrelationId() {
        HttpResponse<String> response = http.get(URI.create(sb.baseUri() + "/nothing/here"), null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("concur-correlationid")).isPresent();
    }
}

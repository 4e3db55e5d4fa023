package org.concurbridge.bridge.connect;

import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.store.ConnectionState;
import org.concurbridge.bridge.testsupport.BridgeHttp;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.client.Edition;
import org.concurbridge.sandbox.faults.FaultRule;
import org.concurbridge.sandbox.SandboxDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.concurbridge.bridge.testsupport.LogCapture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Quick Connect through real HTTP on loopback against the sandbox: the good path and every kind of bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuickConnectIT {
    static final SandboxForTests concur = new SandboxForTests();

    @LocalServerPort
    int port;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    TokenKeepAliveJob keepAlive;
    @Autowired
    org.concurbridge.bridge.jobs.ConnectionJobs jobs;

    BridgeHttp admin;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "quick-connect-it");
    }

    @BeforeEach
    void signIn() {
        concur.connectUriIs("http://localhost:" + port + "/concur/connect");
        admin = new BridgeHttp(port, BridgeHttp.Redirects.FOLLOW);
        admin.signIn(SandboxForTests.ADMIN_USER, SandboxForTests.ADMIN_PASSWORD);
    }

    @AfterEach
    void cleanUp() {
        java.util.List<String> secrets = new java.util.ArrayList<>(java.util.List.of(concur.clientSecret(),
                SandboxForTests.ADMIN_PASSWORD));
        secrets.addAll(issuedRequestTokens);
        connections.findAll().forEach(c -> secrets.add(connections.tokenStore(c.companyUuid()).load().refreshToken().reveal()));
        logs.assertNoSecret(secrets.toArray(String[]::new));
        issuedRequestTokens.clear();
        concur.sandbox().faults().clear();
        connections.findAll().forEach(c -> connections.delete(c.companyUuid()));
        concur.sandbox().clearRequests();
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    private final java.util.List<String> issuedRequestTokens = new java.util.ArrayList<>();

    private String requestToken(String company) {
        String token = concur.sandbox().companyRequestToken(company);
        issuedRequestTokens.add(token);
        return token;
    }

    private HttpResponse<String> manualConnect(String company, String token) {
        return admin.submit("/connections/new", "/connections/new", Map.of("companyUuid", company, "requestToken", token));
    }

    @Test
    void landingPageWithoutSignedInAdminAsksForSignInAndExchangesNothing() {
        String token = requestToken(SandboxDemo.PROFESSIONAL_COMPANY);
        HttpResponse<String> page = new BridgeHttp(port, BridgeHttp.Redirects.FOLLOW).get("/concur/connect?id=" + SandboxDemo.PROFESSIONAL_COMPANY
                + "&requestToken=" + token + "&userId=9bdded51-00b8-4f84-8bef-6d3afe727007");
        assertThat(page.uri().getPath()).isEqualTo("/login");
        assertThat(concur.tokenCalls()).isZero();
        assertThat(connections.find(SandboxDemo.PROFESSIONAL_COMPANY)).isEmpty();
    }

    @Test
    void landingPageWithMissingParametersNamesThem() {
        HttpResponse<String> page = admin.get("/concur/connect?id=" + SandboxDemo.PROFESSIONAL_COMPANY);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Request token (requestToken) is missing");
        HttpResponse<String> notUuid = admin.get("/concur/connect?id=acme&requestToken=abc");
        assertThat(notUuid.body()).contains("Company UUID (id) is not a UUID");
        assertThat(concur.tokenCalls()).isZero();
    }

    @Test
    void landingPageAcceptsUserIdSpelledUserIDAndConnectsAfterConfirmation() {
        String token = requestToken(SandboxDemo.STANDARD_COMPANY);
        HttpResponse<String> landing = admin.get("/concur/connect?id=" + SandboxDemo.STANDARD_COMPANY
                + "&requestToken=" + token + "&userID=9bdded51-00b8-4f84-8bef-6d3afe727007");
        assertThat(landing.body()).contains("9bdded51-00b8-4f84-8bef-6d3afe727007").doesNotContain(token);
        assertThat(concur.tokenCalls()).isZero();

        HttpResponse<String> review = admin.postForm("/concur/connect", BridgeHttp.csrf(landing.body()),
                Map.of("request", nonce(landing.body()), "companyUuid", SandboxDemo.STANDARD_COMPANY));
        HttpResponse<String> result = admin.postForm("/concur/connect/store", BridgeHttp.csrf(review.body()),
                Map.of("request", nonce(review.body()), "companyUuid", SandboxDemo.STANDARD_COMPANY));
        assertThat(result.body()).contains("connect-success");
        var stored = connections.find(SandboxDemo.STANDARD_COMPANY).orElseThrow();
        assertThat(stored.edition()).isEqualTo(Edition.STANDARD);
        assertThat(stored.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(stored.connectedByUserId()).isEqualTo("9bdded51-00b8-4f84-8bef-6d3afe727007");
        assertThat(stored.geolocation().toString()).isEqualTo(concur.sandbox().geolocation("eu").toString());
        assertThat(stored.refreshExpiresAt()).isNotNull();
        assertThat(logs.text()).as("the log capture sees the bridge's events (so the secret scan is not vacuous)")
                .contains("event=connected company=" + SandboxDemo.STANDARD_COMPANY);
    }

    @Test
    void dashboardWarnsThirtyDaysBeforeTheRefreshTokenExpires() {
        // connect "160 days ago" in Concur's time: the six-month refresh token expires in about 22 days
        var sandboxClock = concur.sandbox().clock();
        java.time.Instant realNow = sandboxClock.instant();
        sandboxClock.set(realNow.minus(Duration.ofDays(160)));
        try {
            String token = requestToken(SandboxDemo.PROFESSIONAL_COMPANY);
            assertThat(manualConnect(SandboxDemo.PROFESSIONAL_COMPANY, token).body()).contains("connect-success");
        } finally {
            sandboxClock.set(realNow);
        }
        String dashboard = admin.get("/").body();
        assertThat(dashboard).containsPattern("expires in 2[0-9] days");

        String token = requestToken(SandboxDemo.STANDARD_COMPANY);
        assertThat(manualConnect(SandboxDemo.STANDARD_COMPANY, token).body()).contains("connect-success");
        String row = admin.get("/").body().split("data-company=\"" + SandboxDemo.STANDARD_COMPANY + "\"")[1].split("</tr>")[0];
        assertThat(row).doesNotContain("expires in");
    }

    @Test
    void runNowFromTheDashboardRefreshesTheProfileAndShowsTheRun() {
        String token = requestToken(SandboxDemo.PROFESSIONAL_COMPANY);
        assertThat(manualConnect(SandboxDemo.PROFESSIONAL_COMPANY, token).body()).contains("connect-success");
        String page = "/connections/" + SandboxDemo.PROFESSIONAL_COMPANY;
        assertThat(admin.get(page).body()).contains("profile-refresh").contains("token-refresh");

        HttpResponse<String> after = admin.submit(page, page + "/jobs/profile-refresh/run", Map.of());
        assertThat(after.body()).contains("will run within a few seconds");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(admin.get(page).body()).contains("profile read: Acme Professional Inc, edition PROFESSIONAL"));
        assertThat(connections.find(SandboxDemo.PROFESSIONAL_COMPANY).orElseThrow().profileCheckedAt()).isNotNull();
        assertThat(admin.submit(page, page + "/jobs/no-such-job/run", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void wrongRequestTokenIsExplainedAndNothingIsStored() {
        HttpResponse<String> result = manualConnect(SandboxDemo.PROFESSIONAL_COMPANY, "not-a-real-token");
        assertThat(result.body()).contains("connect-failure").contains("did not accept the request token");
        assertThat(connections.find(SandboxDemo.PROFESSIONAL_COMPANY)).isEmpty();
    }

    @Test
    void requestTokenIsReusableWithin24HoursButNotAfter() {
        String token = requestToken(SandboxDemo.PROFESSIONAL_COMPANY);
        assertThat(manualConnect(SandboxDemo.PROFESSIONAL_COMPANY, token).body()).contains("connect-success");
        connections.delete(SandboxDemo.PROFESSIONAL_COMPANY);

        concur.sandbox().clock().advance(Duration.ofHours(23));
        assertThat(manualConnect(SandboxDemo.PROFESSIONAL_COMPANY, token).body()).contains("connect-success");
        connections.delete(SandboxDemo.PROFESSIONAL_COMPANY);

        concur.sandbox().clock().advance(Duration.ofHours(2));
        HttpResponse<String> expired = manualConnect(SandboxDemo.PROFESSIONAL_COMPANY, token);
        assertThat(expired.body()).contains("connect-failure").contains("valid for 24 hours");
        assertThat(connections.find(SandboxDemo.PROFESSIONAL_COMPANY)).isEmpty();
    }

    @Test
    void wrongClientSecretIsExplained() {
        concur.sandbox().registerApp(concur.clientId(), "another-secret", "http://localhost:" + port + "/concur/connect");
        try {
            String token = requestToken(SandboxDemo.PROFESSIONAL_COMPANY);
            HttpResponse<String> result = manualConnect(SandboxDemo.PROFESSIONAL_COMPANY, token);
            assertThat(result.body()).contains("connect-failure").contains("client id/secret");
            assertThat(connections.find(SandboxDemo.PROFESSIONAL_COMPANY)).isEmpty();
        } finally {
            concur.connectUriIs("http://localhost:" + port + "/concur/connect");
        }
    }

    @Test
    void unknownEditionIsFlaggedNotGuessed() {
        String token = requestToken(SandboxDemo.UNKNOWN_EDITION_COMPANY);
        HttpResponse<String> result = manualConnect(SandboxDemo.UNKNOWN_EDITION_COMPANY, token);
        assertThat(result.body()).contains("connect-success").contains("unknown-edition");
        assertThat(connections.find(SandboxDemo.UNKNOWN_EDITION_COMPANY).orElseThrow().edition()).isEqualTo(Edition.UNKNOWN);
        assertThat(admin.get("/").body()).contains("Unknown edition");
    }

    @Test
    void concurUnavailableDuringConnectIsExplainedAndNothingIsStored() {
        concur.sandbox().faults().add(FaultRule.on("POST", "/oauth2/v0/token").status(503));
        String token = requestToken(SandboxDemo.PROFESSIONAL_COMPANY);
        HttpResponse<String> result = manualConnect(SandboxDemo.PROFESSIONAL_COMPANY, token);
        assertThat(result.body()).contains("connect-failure").contains("not reachable or busy");
        assertThat(connections.find(SandboxDemo.PROFESSIONAL_COMPANY)).isEmpty();
    }

    @Test
    void profileRateLimitedDuringConnectStoresNothing() {
        concur.sandbox().faults().add(FaultRule.on("GET", "/profile/v1/me").status(429).retryAfter(Duration.ZERO));
        String token = requestToken(SandboxDemo.PROFESSIONAL_COMPANY);
        HttpResponse<String> result = manualConnect(SandboxDemo.PROFESSIONAL_COMPANY, token);
        assertThat(result.body()).contains("connect-failure").contains("company profile could not be read");
        assertThat(connections.find(SandboxDemo.PROFESSIONAL_COMPANY)).isEmpty();
    }

    @Test
    void revokedTokensMarkTheConnectionForReconnectionWithoutRetryStorm() {
        String token = requestToken(SandboxDemo.PROFESSIONAL_COMPANY);
        assertThat(manualConnect(SandboxDemo.PROFESSIONAL_COMPANY, token).body()).contains("connect-success");
        concur.sandbox().revokeAll(SandboxDemo.PROFESSIONAL_COMPANY);
        concur.sandbox().clearRequests();

        assertThat(keepAlive.run(SandboxDemo.PROFESSIONAL_COMPANY).message()).contains("needs reconnecting");
        jobs.runNow("token-refresh", SandboxDemo.PROFESSIONAL_COMPANY);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(jobs.history(SandboxDemo.PROFESSIONAL_COMPANY, 5)).anySatisfy(run -> {
                    assertThat(run.outcome()).isEqualTo(org.concurbridge.bridge.jobs.JobOutcome.SKIPPED);
                    assertThat(run.message()).contains("needs reconnecting");
                }));
        assertThat(concur.tokenCalls()).as("one refresh attempt, then no more calls").isEqualTo(1);
        var stored = connections.find(SandboxDemo.PROFESSIONAL_COMPANY).orElseThrow();
        assertThat(stored.state()).isEqualTo(ConnectionState.NEEDS_RECONNECT);
        assertThat(stored.stateReason()).isNotBlank();
        assertThat(admin.get("/").body()).contains("NEEDS_RECONNECT");
    }

    /** The one-time request nonce of a landing-page form. */
    static String nonce(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"request\"\\s+value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).as("page has a request nonce:\n" + html).isTrue();
        return m.group(1);
    }
}

package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.RecordedRequest;
import org.concurbridge.sandbox.SandboxClock;
import org.concurbridge.sandbox.SandboxDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh in-process concur-sandbox per test (real HTTP on loopback, fixed clock, seed 42, demo data), a client
 * wired to it with a recording sleeper, and, after each test class, a scan of the test log for every secret used.
 */
abstract class SandboxTestSupport {

    static final Instant START = Instant.parse("2026-11-30T09:00:00Z");
    static final String TOKEN_PATH = "/oauth2/v0/token";
    static final String PROFILE_PATH = "/profile/v1/me";

    /** Every secret the tests handled; none may appear in the log (see failsafe's slf4j-simple settings). */
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    ConcurSandbox sandbox;
    final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void startSandbox() {
        sandbox = ConcurSandbox.builder().port(0).clock(SandboxClock.fixed(START)).seed(seed()).demoData(true).build()
                .start();
        remember(SandboxDemo.CLIENT_SECRET);
    }

    /**
     * The sandbox's seed. Its ids and tokens come from one seeded UUID stream, so an id logged by one class can equal
     * a token another test used under the same seed: a class that logs new kinds of ids takes a seed per test.
     */
    long seed() {
        return 42L;
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @AfterAll
    static void logsNeverContainASecret() throws IOException {
        String file = System.getProperty("org.slf4j.simpleLogger.logFile");
        if (file == null || file.equals("System.err") || file.equals("System.out")) {
            return;   // run outside failsafe's configuration (IDE): nothing to scan
        }
        List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        assertThat(lines).as("client log " + file).anyMatch(l -> l.contains("concur.call op="));
        List<Integer> leaking = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SECRETS.stream().anyMatch(line::contains)) {
                leaking.add(i + 1);
            }
        }
        // only line numbers in the failure message: printing the lines would print the secrets
        assertThat(leaking).as("lines of " + file + " that contain a secret").isEmpty();
    }

    static String remember(String secret) {
        SECRETS.add(secret);
        return secret;
    }

    static TokenGrant remember(TokenGrant grant) {
        remember(grant.accessToken().reveal());
        remember(grant.refreshToken().reveal());
        return grant;
    }

    RetryPolicy retries(int maxAttempts) {
        return RetryPolicy.builder().maxAttempts(maxAttempts).initialBackoff(Duration.ofSeconds(1)).multiplier(2)
                .jitter(0).maxRetryAfter(Duration.ofSeconds(60)).sleeper(sleeper).build();
    }

    OAuthClient oauth() {
        return oauth(SandboxDemo.CLIENT_SECRET, retries(3));
    }

    OAuthClient oauth(String clientSecret, RetryPolicy policy) {
        return OAuthClient.builder()
                .credentials(new ClientCredentials(SandboxDemo.CLIENT_ID, Secret.of(clientSecret)))
                .clock(sandbox.clock())
                .retryPolicy(policy)
                .requestTimeout(Duration.ofSeconds(10))
                .geolocations(sandboxMode())
                .build();
    }

    ConcurClient concur(CompanyCredentials credentials) {
        return concur(credentials, retries(3));
    }

    ConcurClient concur(CompanyCredentials credentials, RetryPolicy policy) {
        return ConcurClient.builder().credentials(credentials).clock(sandbox.clock()).retryPolicy(policy)
                .requestTimeout(Duration.ofSeconds(10)).geolocations(sandboxMode()).build();
    }

    Secret requestToken(String companyUuid) {
        return Secret.of(remember(sandbox.companyRequestToken(companyUuid)));
    }

    /** Quick Connect through the Global Landing Zone. */
    TokenGrant connect(OAuthClient oauth, String companyUuid) {
        return remember(oauth.exchangeRequestToken(glz(), companyUuid, requestToken(companyUuid)));
    }

    CompanyTokenManager tokenManager(OAuthClient oauth, TokenStore store) {
        return new CompanyTokenManager(oauth, store, sandbox.clock(), Duration.ofMinutes(5));
    }

    /** A connected token manager for the company, its token already fetched, the request log cleared. */
    CompanyTokenManager managerFor(String company) {
        OAuthClient oauth = oauth();
        InMemoryTokenStore store = new InMemoryTokenStore(connect(oauth, company));
        store.beforeSave = SandboxTestSupport::remember;
        CompanyTokenManager tokens = tokenManager(oauth, store);
        tokens.current();
        sandbox.clearRequests();
        return tokens;
    }

    /** Concur's documented hosts and this test's sandbox. */
    Geolocations sandboxMode() {
        return Geolocations.concur().withSandbox(sandbox.geolocation("glz"));
    }

    URI glz() {
        return sandbox.geolocation("glz");
    }

    URI geo(String name) {
        return sandbox.geolocation(name);
    }

    List<RecordedRequest> requests(String method, String path) {
        return sandbox.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }
}

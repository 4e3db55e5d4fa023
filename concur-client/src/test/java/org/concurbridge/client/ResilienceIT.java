package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.concurbridge.sandbox.RecordedRequest;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.faults.FaultRule;
import org.junit.jupiter.api.Test;

/** Retries, Retry-After, resets, malformed bodies and the 401 refresh-once rule, through the sandbox's faults. */
class ResilienceIT extends SandboxTestSupport {

    @Test
    void http429WaitsForRetryAfter() {
        ConcurClient concur = concur(managerFor(SandboxDemo.PROFESSIONAL_COMPANY));
        sandbox.faults().add(FaultRule.on("GET", PROFILE_PATH).status(429).retryAfter(Duration.ofSeconds(7)).times(1));

        CompanyProfile profile = concur.companyProfile();

        assertThat(profile.companyUuid()).isEqualTo(SandboxDemo.PROFESSIONAL_COMPANY);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(requests("GET", PROFILE_PATH)).extracting(RecordedRequest::status).containsExactly(429, 200);
    }

    @Test
    void retryAfterBeyondTheCapFailsAtOnceCarryingTheServersWait() {
        ConcurClient concur = concur(managerFor(SandboxDemo.PROFESSIONAL_COMPANY));
        sandbox.faults().add(FaultRule.on("GET", PROFILE_PATH).status(429).retryAfter(Duration.ofSeconds(300)));

        ConcurException.Retriable e = catchThrowableOfType(ConcurException.Retriable.class, concur::companyProfile);

        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(300));
        assertThat(sleeper.waits).isEmpty();
        assertThat(requests("GET", PROFILE_PATH)).hasSize(1);
    }

    @Test
    void http503TwiceThenSuccessBacksOffExponentially() {
        sandbox.faults().add(FaultRule.on("POST", TOKEN_PATH).status(503).times(2));

        TokenGrant grant = connect(oauth(), SandboxDemo.PROFESSIONAL_COMPANY);

        assertThat(grant.geolocation()).isEqualTo(geo("us"));
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(requests("POST", TOKEN_PATH)).extracting(RecordedRequest::status).containsExactly(503, 503, 200);
    }

    @Test
    void persistent503SurfacesAsRetriableAfterMaxAttempts() {
        sandbox.faults().add(FaultRule.on("POST", TOKEN_PATH).status(503));

        ConcurException.Retriable e = catchThrowableOfType(ConcurException.Retriable.class,
                () -> connect(oauth(), SandboxDemo.PROFESSIONAL_COMPANY));

        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.getMessage()).startsWith("exchangeRequestToken failed: HTTP 503");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(requests("POST", TOKEN_PATH)).hasSize(3);
    }

    @Test
    void connectionResetIsRetried() {
        sandbox.faults().add(FaultRule.on("POST", TOKEN_PATH).reset().times(1));

        TokenGrant grant = connect(oauth(), SandboxDemo.PROFESSIONAL_COMPANY);

        assertThat(grant.accessToken()).isNotNull();
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
        assertThat(requests("POST", TOKEN_PATH)).extracting(RecordedRequest::status).containsExactly(0, 200);
    }

    @Test
    void connectionResetEveryTimeIsRetriableWithoutStatus() {
        sandbox.faults().add(FaultRule.on("POST", TOKEN_PATH).reset());

        ConcurException.Retriable e = catchThrowableOfType(ConcurException.Retriable.class,
                () -> connect(oauth(SandboxDemo.CLIENT_SECRET, retries(2)), SandboxDemo.PROFESSIONAL_COMPANY));

        assertThat(e.httpStatus()).isZero();
        assertThat(e.getMessage()).startsWith("exchangeRequestToken failed: no response from " + sandbox.baseUri());
    }

    @Test
    void requestTimeoutIsRetriable() {
        // generous margins: the second (undelayed) attempt must finish within the timeout even on a loaded CI machine
        sandbox.faults().add(FaultRule.on("POST", TOKEN_PATH).delay(Duration.ofSeconds(6)).times(1));
        OAuthClient oauth = OAuthClient.builder()
                .credentials(new ClientCredentials(SandboxDemo.CLIENT_ID, Secret.of(SandboxDemo.CLIENT_SECRET)))
                .clock(sandbox.clock()).retryPolicy(retries(2)).requestTimeout(Duration.ofSeconds(2))
                .geolocations(sandboxMode()).build();

        TokenGrant grant = connect(oauth, SandboxDemo.PROFESSIONAL_COMPANY);

        assertThat(grant.geolocation()).isEqualTo(geo("us"));
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void malformedBodyIsRetriable() {
        ConcurClient concur = concur(managerFor(SandboxDemo.PROFESSIONAL_COMPANY), retries(2));
        sandbox.faults().add(FaultRule.on("GET", PROFILE_PATH).malformed());

        ConcurException.Retriable e = catchThrowableOfType(ConcurException.Retriable.class, concur::companyProfile);

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.correlationId()).isNotBlank();
        assertThat(e.getMessage()).contains("companyProfile failed: HTTP 200 with an unusable body");
        assertThat(requests("GET", PROFILE_PATH)).hasSize(2);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void malformedTokenAnswerIsRetriedWithTheReusableRequestToken() {
        sandbox.faults().add(FaultRule.on("POST", TOKEN_PATH).malformed().times(1));

        TokenGrant grant = connect(oauth(), SandboxDemo.PROFESSIONAL_COMPANY);

        assertThat(grant.subject()).isEqualTo(SandboxDemo.PROFESSIONAL_COMPANY);
        assertThat(requests("POST", TOKEN_PATH)).hasSize(2);
    }

    @Test
    void api401RefreshesTheTokenOnceAndRetries() {
        CompanyTokenManager real = managerFor(SandboxDemo.PROFESSIONAL_COMPANY);
        StaleFirstCredentials credentials = new StaleFirstCredentials(real);

        CompanyProfile profile = concur(credentials).companyProfile();

        assertThat(profile.edition()).isEqualTo(Edition.PROFESSIONAL);
        assertThat(credentials.invalidations).hasValue(1);
        assertThat(requests("GET", PROFILE_PATH)).extracting(RecordedRequest::status).containsExactly(401, 200);
    }

    @Test
    void second401IsAuthentication() {
        CompanyCredentials alwaysStale = new CompanyCredentials() {
            @Override
            public AccessToken current() {
                return new AccessToken(Secret.of("stale-token"), geo("us"), Instant.MAX);
            }

            @Override
            public void invalidate() {
            }
        };

        ConcurException.Authentication e = catchThrowableOfType(ConcurException.Authentication.class,
                () -> concur(alwaysStale).companyProfile());

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.getMessage()).startsWith("companyProfile failed: HTTP 401 (invalid_token)")
                .doesNotContain("stale-token");
        assertThat(requests("GET", PROFILE_PATH)).hasSize(2);
        assertThat(sleeper.waits).isEmpty();
    }

    /** Hands out a token the sandbox does not know until invalidated, then the real one. */
    private final class StaleFirstCredentials implements CompanyCredentials {
        final AtomicInteger invalidations = new AtomicInteger();
        private final CompanyCredentials real;

        StaleFirstCredentials(CompanyCredentials real) {
            this.real = real;
        }

        @Override
        public AccessToken current() {
            return invalidations.get() == 0
                    ? new AccessToken(Secret.of("expired-token"), geo("us"), Instant.MAX)
                    : real.current();
        }

        @Override
        public void invalidate() {
            invalidations.incrementAndGet();
            real.invalidate();
        }
    }
}

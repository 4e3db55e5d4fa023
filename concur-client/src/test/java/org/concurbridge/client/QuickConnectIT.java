package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.concurbridge.sandbox.RecordedRequest;
import org.concurbridge.sandbox.SandboxDemo;
import org.junit.jupiter.api.Test;

/** The Quick Connect exchange (password grant, {@code credtype=authtoken}) against the sandbox. */
class QuickConnectIT extends SandboxTestSupport {

    @Test
    void exchangeAtGlzReturnsTheGrantForTheCompanyHomeGeolocation() {
        TokenGrant grant = connect(oauth(), SandboxDemo.PROFESSIONAL_COMPANY);

        assertThat(grant.geolocation()).isEqualTo(geo("us"));
        assertThat(grant.accessExpiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(grant.refreshExpiresAt()).isAfter(START.plus(Duration.ofDays(150)))
                .isBefore(START.plus(Duration.ofDays(200)));
        assertThat(grant.subject()).isEqualTo(SandboxDemo.PROFESSIONAL_COMPANY);
        assertThat(grant.scope()).contains("company.read");

        List<RecordedRequest> posts = requests("POST", TOKEN_PATH);
        assertThat(posts).singleElement().satisfies(r -> {
            assertThat(r.geo()).isEqualTo("glz");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(r.body()).contains("grant_type=password", "credtype=authtoken",
                    "username=" + SandboxDemo.PROFESSIONAL_COMPANY);
            assertThat(grant.correlationId()).isNotBlank().isEqualTo(r.header("concur-correlationid"));
        });
    }

    @Test
    void exchangeAtTheWrongGeolocationFollowsCode16Once() {
        TokenGrant grant = remember(oauth().exchangeRequestToken(geo("us"), SandboxDemo.STANDARD_COMPANY,
                requestToken(SandboxDemo.STANDARD_COMPANY)));

        assertThat(grant.geolocation()).isEqualTo(geo("eu"));
        assertThat(requests("POST", TOKEN_PATH)).extracting(RecordedRequest::geo, RecordedRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("us", 400),
                        org.assertj.core.groups.Tuple.tuple("eu", 200));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void requestTokenIsReusableWithin24Hours() {
        OAuthClient oauth = oauth();
        Secret requestToken = requestToken(SandboxDemo.PROFESSIONAL_COMPANY);
        TokenGrant first = remember(oauth.exchangeRequestToken(glz(), SandboxDemo.PROFESSIONAL_COMPANY, requestToken));
        sandbox.clock().advance(Duration.ofHours(23));

        TokenGrant second = remember(oauth.exchangeRequestToken(glz(), SandboxDemo.PROFESSIONAL_COMPANY, requestToken));

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessExpiresAt()).isEqualTo(START.plus(Duration.ofHours(24)));
    }

    @Test
    void expiredRequestTokenIsAuthenticationWithoutRetry() {
        Secret requestToken = requestToken(SandboxDemo.PROFESSIONAL_COMPANY);
        sandbox.clock().advance(Duration.ofHours(25));

        ConcurException.Authentication e = catchThrowableOfType(ConcurException.Authentication.class,
                () -> oauth().exchangeRequestToken(glz(), SandboxDemo.PROFESSIONAL_COMPANY, requestToken));

        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("5");
        assertThat(e.correlationId()).isNotBlank();
        assertThat(e.getMessage()).startsWith("exchangeRequestToken failed: HTTP 400, Concur code 5 (invalid_grant)")
                .contains("correlation id " + e.correlationId())
                .doesNotContain(requestToken.reveal()).doesNotContain(SandboxDemo.CLIENT_SECRET);
        assertThat(requests("POST", TOKEN_PATH)).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void wrongClientSecretIsAuthentication() {
        String wrongSecret = remember("0f0f0f0f-1111-4222-8333-444455556666");
        Secret requestToken = requestToken(SandboxDemo.PROFESSIONAL_COMPANY);

        ConcurException.Authentication e = catchThrowableOfType(ConcurException.Authentication.class,
                () -> oauth(wrongSecret, retries(3)).exchangeRequestToken(glz(), SandboxDemo.PROFESSIONAL_COMPANY,
                        requestToken));

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.errorCode()).isEqualTo("64");
        assertThat(e.getMessage()).contains("(invalid_client)")
                .doesNotContain(wrongSecret).doesNotContain(requestToken.reveal());
        assertThat(e.toString()).doesNotContain(wrongSecret);
        assertThat(requests("POST", TOKEN_PATH)).hasSize(1);
    }

    @Test
    void requestTokenIssuedForAnotherAppIsAuthentication() {
        String otherClient = "0a1b2c3d-0000-4000-8000-000000000001";
        sandbox.registerApp(otherClient, remember("other-app-secret-0001"), "http://localhost/other");
        Secret foreign = Secret.of(remember(sandbox.companyRequestToken(SandboxDemo.PROFESSIONAL_COMPANY,
                otherClient)));

        ConcurException.Authentication e = catchThrowableOfType(ConcurException.Authentication.class,
                () -> oauth().exchangeRequestToken(glz(), SandboxDemo.PROFESSIONAL_COMPANY, foreign));

        assertThat(e.errorCode()).isEqualTo("136");
    }
}

package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.faults.FaultRule;
import org.junit.jupiter.api.Test;

/** Refresh, rotation, persistence, revocation and the no-retry-storm rule, against the sandbox. */
class TokenLifecycleIT extends SandboxTestSupport {

    @Test
    void refreshRotationIsPersistedAndTheOldRefreshTokenStopsWorking() {
        OAuthClient oauth = oauth();
        TokenGrant connected = connect(oauth, SandboxDemo.PROFESSIONAL_COMPANY);
        InMemoryTokenStore store = new InMemoryTokenStore(connected);
        CompanyTokenManager tokens = tokenManager(oauth, store);

        AccessToken token = tokens.current();

        assertThat(store.saved).singleElement().satisfies(saved -> {
            remember(saved);
            assertThat(saved.refreshToken()).isNotEqualTo(connected.refreshToken());
            assertThat(saved.geolocation()).isEqualTo(geo("us"));
            assertThat(saved.refreshExpiresAt()).isAfter(START.plus(Duration.ofDays(150)));
            assertThat(token.token()).isEqualTo(saved.accessToken());
        });
        assertThat(store.load().refreshToken()).isEqualTo(store.saved.get(0).refreshToken());
        assertThat(token.geolocation()).isEqualTo(geo("us"));
        ConcurException.Authentication reused = catchThrowableOfType(ConcurException.Authentication.class,
                () -> oauth.refresh(connected.geolocation(), connected.refreshToken()));
        assertThat(reused.errorCode()).isEqualTo("108");
    }

    @Test
    void aGrantThatCannotBePersistedIsNeverUsed() {
        OAuthClient oauth = oauth();
        InMemoryTokenStore store = new InMemoryTokenStore(connect(oauth, SandboxDemo.PROFESSIONAL_COMPANY));
        store.beforeSave = grant -> {
            remember(grant);
            throw new IllegalStateException("database down");
        };
        CompanyTokenManager tokens = tokenManager(oauth, store);
        ConcurClient concur = concur(tokens);

        assertThatThrownBy(concur::companyProfile).isInstanceOf(IllegalStateException.class)
                .hasMessage("database down");
        assertThat(requests("GET", PROFILE_PATH)).isEmpty();
    }

    @Test
    void accessTokenIsCachedAndRefreshedOnlyWhenItExpiresWithinTheSkew() {
        OAuthClient oauth = oauth();
        InMemoryTokenStore store = new InMemoryTokenStore(connect(oauth, SandboxDemo.PROFESSIONAL_COMPANY));
        CompanyTokenManager tokens = tokenManager(oauth, store);
        sandbox.clearRequests();

        AccessToken first = tokens.current();
        assertThat(tokens.current()).isSameAs(first);
        sandbox.clock().advance(Duration.ofMinutes(54));
        assertThat(tokens.current()).isSameAs(first);
        assertThat(requests("POST", TOKEN_PATH)).hasSize(1);

        sandbox.clock().advance(Duration.ofMinutes(2));   // 58 min: expires within the 5-minute skew
        AccessToken second = tokens.current();

        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(second.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(56 + 60)));
        assertThat(requests("POST", TOKEN_PATH)).hasSize(2);
        assertThat(store.saved).hasSize(2).allSatisfy(SandboxTestSupport::remember);
        assertThat(concur(tokens).companyProfile().companyUuid()).isEqualTo(SandboxDemo.PROFESSIONAL_COMPANY);
    }

    @Test
    void concurDownDuringTheSkewKeepsTheStillValidTokenAndRefreshesLater() {
        OAuthClient oauth = oauth();
        InMemoryTokenStore store = new InMemoryTokenStore(connect(oauth, SandboxDemo.PROFESSIONAL_COMPANY));
        CompanyTokenManager tokens = tokenManager(oauth, store);
        AccessToken first = tokens.current();
        sandbox.clock().advance(Duration.ofMinutes(57));   // 3 min left: inside the 5-minute skew
        String outage = sandbox.faults().add(FaultRule.on("POST", TOKEN_PATH).status(503));

        assertThat(tokens.current()).isSameAs(first);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));

        sandbox.clock().advance(Duration.ofMinutes(4));   // expired now: the failure surfaces
        assertThatThrownBy(tokens::current).isInstanceOf(ConcurException.Retriable.class);

        sandbox.faults().remove(outage);
        assertThat(tokens.current().token()).isNotEqualTo(first.token());
        assertThat(store.saved).hasSize(2).allSatisfy(SandboxTestSupport::remember);
        assertThat(store.invalidations).isEmpty();
    }

    @Test
    void revokedMidRunIsAuthenticationMarksTheStoreInvalidAndFailsFastAfterwards() {
        OAuthClient oauth = oauth();
        InMemoryTokenStore store = new InMemoryTokenStore(connect(oauth, SandboxDemo.PROFESSIONAL_COMPANY));
        CompanyTokenManager tokens = tokenManager(oauth, store);
        ConcurClient concur = concur(tokens);
        assertThat(concur.companyProfile().edition()).isEqualTo(Edition.PROFESSIONAL);
        store.saved.forEach(SandboxTestSupport::remember);

        sandbox.revokeAll(SandboxDemo.PROFESSIONAL_COMPANY);
        sandbox.clearRequests();

        ConcurException.Authentication e = catchThrowableOfType(ConcurException.Authentication.class,
                concur::companyProfile);
        assertThat(e.errorCode()).isEqualTo("108");
        assertThat(store.invalidations).containsExactly(e);
        assertThat(requests("GET", PROFILE_PATH)).singleElement().extracting(r -> r.status()).isEqualTo(401);
        assertThat(requests("POST", TOKEN_PATH)).singleElement().extracting(r -> r.status()).isEqualTo(400);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(concur::companyProfile).isSameAs(e);
            assertThatThrownBy(tokens::refreshNow).isSameAs(e);
        }
        assertThat(sandbox.requests()).hasSize(2);
        assertThat(store.invalidations).hasSize(1);
        assertThat(sleeper.waits).isEmpty();

        store.reconnect(connect(oauth, SandboxDemo.PROFESSIONAL_COMPANY));
        assertThat(concur.companyProfile().companyUuid()).isEqualTo(SandboxDemo.PROFESSIONAL_COMPANY);
        store.saved.forEach(SandboxTestSupport::remember);
    }

    @Test
    void aWrongClientSecretOrADisabledAppIsTheOperatorsFaultAndNeverMarksTheConnection() {
        InMemoryTokenStore store = new InMemoryTokenStore(connect(oauth(), SandboxDemo.PROFESSIONAL_COMPANY));
        store.saved.forEach(SandboxTestSupport::remember);
        CompanyTokenManager wrongSecret = tokenManager(oauth("not-the-secret", retries(3)), store);

        ConcurException.Authentication e = catchThrowableOfType(ConcurException.Authentication.class,
                wrongSecret::refreshNow);
        assertThat(e.errorCode()).isEqualTo("64");
        assertThat(e.isClientCredentialFault()).isTrue();
        assertThat(store.invalidations).as("the connection's refresh token is not at fault").isEmpty();

        sandbox.appDisabled(SandboxDemo.CLIENT_ID, true);
        CompanyTokenManager tokens = tokenManager(oauth(), store);
        ConcurException.Authentication disabled = catchThrowableOfType(ConcurException.Authentication.class,
                tokens::refreshNow);
        assertThat(disabled.errorCode()).isEqualTo("59");
        assertThat(disabled.isClientCredentialFault()).isTrue();
        assertThat(store.invalidations).isEmpty();

        sandbox.appDisabled(SandboxDemo.CLIENT_ID, false);
        assertThat(remember(tokens.refreshNow()).refreshToken()).as("the same manager works once the app is fixed")
                .isNotNull();
        assertThat(store.invalidations).isEmpty();
        assertThat(catchThrowableOfType(ConcurException.Authentication.class, () -> {
            sandbox.revokeAll(SandboxDemo.PROFESSIONAL_COMPANY);
            tokens.refreshNow();
        }).isClientCredentialFault()).as("a dead refresh token is the connection's").isFalse();
        assertThat(store.invalidations).hasSize(1);
    }

    @Test
    void anUnreadable200ToARefreshIsNeverAnsweredBySendingTheMaybeRotatedRefreshTokenAgain() {
        InMemoryTokenStore store = new InMemoryTokenStore(connect(oauth(), SandboxDemo.PROFESSIONAL_COMPANY));
        store.saved.forEach(SandboxTestSupport::remember);
        CompanyTokenManager tokens = tokenManager(oauth(), store);
        sandbox.clearRequests();
        sandbox.faults().add(FaultRule.on("POST", TOKEN_PATH).malformed().times(1));

        ConcurException.Authentication e = catchThrowableOfType(ConcurException.Authentication.class,
                tokens::refreshNow);

        assertThat(e.errorCode()).isEqualTo(OAuthClient.REFRESH_ANSWER_UNREADABLE);
        assertThat(requests("POST", TOKEN_PATH)).as("the refresh token is sent once, never again").hasSize(1);
        assertThat(store.invalidations).containsExactly(e);
        assertThatThrownBy(tokens::refreshNow).isSameAs(e);
        assertThat(requests("POST", TOKEN_PATH)).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        OAuthClient oauth = oauth();
        InMemoryTokenStore store = new InMemoryTokenStore(connect(oauth, SandboxDemo.PROFESSIONAL_COMPANY));
        CompanyTokenManager tokens = tokenManager(oauth, store);
        sandbox.faults().add(FaultRule.on("POST", TOKEN_PATH).delay(Duration.ofMillis(300)));
        sandbox.clearRequests();
        int callers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<AccessToken>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return tokens.current();
                }));
            }
            go.countDown();
            List<AccessToken> tokensSeen = new ArrayList<>();
            for (Future<AccessToken> f : results) {
                tokensSeen.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(tokensSeen).hasSize(callers).allSatisfy(t -> assertThat(t).isSameAs(tokensSeen.get(0)));
        } finally {
            pool.shutdownNow();
        }
        assertThat(requests("POST", TOKEN_PATH)).hasSize(1);
        assertThat(store.saved).hasSize(1).allSatisfy(SandboxTestSupport::remember);
    }

    @Test
    void refreshNowRotatesAndPersistsEveryTime() {
        OAuthClient oauth = oauth();
        InMemoryTokenStore store = new InMemoryTokenStore(connect(oauth, SandboxDemo.STANDARD_COMPANY));
        CompanyTokenManager tokens = tokenManager(oauth, store);

        TokenGrant first = remember(tokens.refreshNow());
        TokenGrant second = remember(tokens.refreshNow());

        assertThat(store.saved).containsExactly(first, second);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.geolocation()).isEqualTo(geo("eu"));
        assertThat(tokens.current().token()).isEqualTo(second.accessToken());
    }

    @Test
    void revokeEndsTheConnection() {
        OAuthClient oauth = oauth();
        TokenGrant connected = connect(oauth, SandboxDemo.PROFESSIONAL_COMPANY);

        oauth.revoke(connected.geolocation(), connected.accessToken());

        assertThat(requests("DELETE", "/app-mgmt/v0/connections")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(catchThrowableOfType(ConcurException.Authentication.class,
                () -> oauth.refresh(connected.geolocation(), connected.refreshToken())).errorCode()).isEqualTo("108");
    }

    @Test
    void noStoredRefreshTokenIsAuthenticationWithoutAnyCall() {
        CompanyTokenManager tokens = tokenManager(oauth(), new InMemoryTokenStore(null));

        assertThatThrownBy(tokens::current).isInstanceOf(ConcurException.Authentication.class)
                .hasMessageContaining("no refresh token stored");
        assertThat(sandbox.requests()).isEmpty();
    }
}

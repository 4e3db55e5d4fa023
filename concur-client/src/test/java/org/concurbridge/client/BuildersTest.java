package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildersTest {

    @Test
    void oauthClientWithoutCredentialsFailsNamingTheSetter() {
        assertThatThrownBy(() -> OAuthClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot build OAuthClient: credentials(ClientCredentials) is required");
    }

    @Test
    void everyInvalidSettingIsReportedAtOnce() {
        assertThatThrownBy(() -> ConcurClient.builder().httpClient(null).clock(null)
                .requestTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot build ConcurClient: ")
                .hasMessageContainingAll("httpClient must not be null", "clock must not be null",
                        "requestTimeout must be positive, was PT-1S", "credentials(CompanyCredentials) is required");
    }

    @Test
    void validBuildersBuild() {
        OAuthClient oauth = OAuthClient.builder()
                .credentials(new ClientCredentials("client", Secret.of("secret")))
                .requestTimeout(Duration.ofSeconds(5)).retryPolicy(RetryPolicy.noRetries()).build();
        assertThat(oauth).isNotNull();
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "https://us.api.concursolutions.com, /profile/v1/me, https://us.api.concursolutions.com/profile/v1/me",
            "https://us.api.concursolutions.com/, /profile/v1/me, https://us.api.concursolutions.com/profile/v1/me",
            "http://127.0.0.1:4567/us, /oauth2/v0/token, http://127.0.0.1:4567/us/oauth2/v0/token",
            "http://127.0.0.1:4567/us/, profile/v1/me, http://127.0.0.1:4567/us/profile/v1/me"})
    void pathsAreAppendedKeepingTheBasePrefix(URI base, String path, URI expected) {
        assertThat(HttpCaller.append(base, path)).isEqualTo(expected);
    }

    @Test
    void secretNeverPrints() {
        ClientCredentials c = new ClientCredentials("client", Secret.of("s3cr3t-value"));
        assertThat(c.toString()).doesNotContain("s3cr3t-value").contains("[hidden]");
    }
}

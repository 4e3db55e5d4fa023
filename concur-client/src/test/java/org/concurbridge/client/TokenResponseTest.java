package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenResponseTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void numericExpiresInAndEpochRefreshExpiry() {
        TokenGrant grant = grant("""
                {"expires_in": 3600, "access_token": "a", "refresh_token": "r", "refresh_expires_in": 1796032800,
                 "geolocation": "https://eu2.api.concursolutions.com", "token_type": "Bearer", "scope": "company.read"}
                """);
        assertThat(grant.accessExpiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(grant.refreshExpiresAt()).isEqualTo(Instant.ofEpochSecond(1796032800L));
        assertThat(grant.geolocation()).isEqualTo(URI.create("https://eu2.api.concursolutions.com"));
    }

    @Test
    void refreshExpiryAsStringIsAccepted() {
        TokenGrant grant = grant("""
                {"expires_in": "3600", "access_token": "a", "refresh_token": "r", "refresh_expires_in": "1796032800",
                 "geolocation": "https://us.api.concursolutions.com"}
                """);
        assertThat(grant.refreshExpiresAt()).isEqualTo(Instant.ofEpochSecond(1796032800L));
    }

    @Test
    void refreshExpiryTooSmallForEpochSecondsIsReadAsALifetime() {
        TokenGrant grant = grant("""
                {"expires_in": "3600", "access_token": "a", "refresh_token": "r", "refresh_expires_in": 15552000,
                 "geolocation": "https://us.api.concursolutions.com"}
                """);
        assertThat(grant.refreshExpiresAt()).isEqualTo(NOW.plusSeconds(15552000));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://us.api.concursolutions.com, https://us.api.concursolutions.com",
            "https://us.api.concursolutions.com/, https://us.api.concursolutions.com",
            "https://us.api.concursolutions.com/oauth2/v0/token, https://us.api.concursolutions.com",
            "http://127.0.0.1:8080/eu, http://127.0.0.1:8080/eu",
            "http://127.0.0.1:8080/eu/, http://127.0.0.1:8080/eu"})
    void geolocationBecomesABaseUri(String sent, URI expected) {
        assertThat(TokenResponse.baseUri(sent)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"us.api.concursolutions.com", "ftp://host", "https://host/x?y=1", "not a uri"})
    void unusableGeolocationIsMalformed(String sent) {
        assertThatThrownBy(() -> TokenResponse.baseUri(sent)).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("geolocation");
    }

    @Test
    void subjectComesFromTheIdTokenPayload() {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"company-uuid\",\"concur.type\":\"company\"}".getBytes(StandardCharsets.UTF_8));
        TokenGrant grant = grant("{\"expires_in\":\"3600\",\"access_token\":\"a\",\"refresh_token\":\"r\","
                + "\"geolocation\":\"https://us.api.concursolutions.com\",\"id_token\":\"eyJhbGciOiJub25lIn0."
                + payload + ".sig\"}");
        assertThat(grant.subject()).isEqualTo("company-uuid");
    }

    @ParameterizedTest
    @CsvSource({"oidc_token", "a.!!!.c", "a.bm90IGpzb24.c"})
    void unreadableIdTokenGivesNoSubject(String idToken) {
        assertThat(TokenResponse.subject(idToken)).isNull();
    }

    @Test
    void refreshAnswerWithoutRefreshTokenKeepsThePreviousOne() {
        Secret previous = Secret.of("old-refresh");
        TokenGrant grant = TokenResponse.parse(Json.parse(("{\"expires_in\":\"3600\",\"access_token\":\"a\","
                + "\"geolocation\":\"https://us.api.concursolutions.com\"}").getBytes(StandardCharsets.UTF_8)))
                .toGrant(NOW, null, previous);
        assertThat(grant.refreshToken()).isSameAs(previous);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"expires_in":"3600","refresh_token":"r","geolocation":"https://us.api.concursolutions.com"}                      | no access_token
            {"access_token":"a","refresh_token":"r","geolocation":"https://us.api.concursolutions.com"}                       | no expires_in
            {"expires_in":"an hour","access_token":"a","refresh_token":"r","geolocation":"https://us.api.concursolutions.com"} | field 'expires_in' should be a whole number but is 'an hour'
            {"expires_in":3600,"access_token":"a","refresh_token":"r"}                                                         | no geolocation
            {"expires_in":3600,"access_token":{"x":1},"refresh_token":"r","geolocation":"https://us.api.concursolutions.com"}  | field 'access_token' should be a string
            [1,2]                                                                                                                | not a JSON object
            """)
    void unusableTokenResponsesNameTheProblem(String json, String problem) {
        assertThatThrownBy(() -> grant(json)).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining(problem);
    }

    private static TokenGrant grant(String json) {
        return TokenResponse.parse(Json.parse(json.getBytes(StandardCharsets.UTF_8))).toGrant(NOW, null, null);
    }
}

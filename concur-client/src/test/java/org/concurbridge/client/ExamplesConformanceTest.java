package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * Conformance: the client parses every official example in {@code examples/auth} and {@code examples/company-profile}
 * that is valid JSON (see examples/README.md for which are templates).
 */
class ExamplesConformanceTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-30T10:00:00Z");

    /** The token responses of company grants: usable as a {@link TokenGrant}. */
    private static final Set<String> COMPANY_TOKEN_RESPONSES = Set.of("token-response.json",
            "refresh-token-response.json", "password-grant-response.json", "company-password-grant-response.json");
    private static final Set<String> ERROR_BODIES = Set.of("company-password-grant-failure-response.json",
            "password-grant-bad-login-response.json");
    /** Every .json file in examples/auth and how this test covers it; a new file fails the test until listed. */
    private static final Set<String> AUTH_JSON_FILES = Stream.of(COMPANY_TOKEN_RESPONSES, ERROR_BODIES, Set.of(
            "client-credentials-response.json",            // app token: parsed, has no refresh token
            "id-token-claims-sample.json",                 // JWT payload: subject extracted
            "oauth2-4xx-error-body-template.json",         // template with <...> placeholders, not JSON
            "company-auth-4xx-error-body-template.json",   // template with quoted placeholders
            "appcenter-authtoken-response.json"))          // App Center internal call, not made by the client
            .flatMap(Set::stream).collect(Collectors.toSet());

    @Test
    void everyAuthJsonExampleIsCovered() throws IOException {
        try (Stream<Path> files = Files.list(ConcurApiExamples.examples("auth"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(AUTH_JSON_FILES);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"token-response.json", "refresh-token-response.json", "password-grant-response.json",
            "company-password-grant-response.json"})
    void companyTokenResponsesBecomeGrants(String file) throws IOException {
        TokenResponse response = TokenResponse.parse(Json.parse(read("auth", file)));
        TokenGrant grant = response.toGrant(RECEIVED, "corr", null);

        assertThat(response.expiresIn()).isEqualTo(3600L);     // sent as the string "3600"
        assertThat(response.tokenType()).isEqualTo("Bearer");
        assertThat(grant.accessToken().reveal()).isEqualTo("access_token");
        assertThat(grant.accessExpiresAt()).isEqualTo(RECEIVED.plusSeconds(3600));
        assertThat(grant.refreshToken().reveal()).isEqualTo("refresh_token");
        assertThat(grant.refreshExpiresAt()).isNull();          // not in the reference samples
        assertThat(grant.geolocation()).isEqualTo(URI.create("https://us.api.concursolutions.com"));
        assertThat(grant.scope()).isNotBlank();
        assertThat(grant.subject()).isNull();                   // "oidc_token" is not a JWT
        assertThat(grant.correlationId()).isEqualTo("corr");
    }

    @Test
    void clientCredentialsResponseParsesButIsNoCompanyGrant() throws IOException {
        TokenResponse response = TokenResponse.parse(Json.parse(read("auth", "client-credentials-response.json")));
        assertThat(response.accessToken()).isEqualTo("access_token");
        assertThat(response.expiresIn()).isEqualTo(3600L);
        assertThat(response.refreshToken()).isNull();
        assertThat(response.geolocation()).isEqualTo(URI.create("https://us.api.concursolutions.com"));
        assertThatThrownBy(() -> response.toGrant(RECEIVED, null, null))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("no refresh_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"company-password-grant-failure-response.json", "password-grant-bad-login-response.json"})
    void errorBodiesAreReadAndClassifiedAsAuthentication(String file) throws IOException {
        ErrorBody body = ErrorBody.parse(read("auth", file));
        assertThat(body).isEqualTo(new ErrorBody(5, "invalid_grant", "Incorrect Credentials. Please Retry", null));
        assertThat(ErrorClassifier.kind(ErrorClassifier.Endpoint.OAUTH, 400, body.code(), body.error()))
                .isEqualTo(ErrorClassifier.Kind.AUTHENTICATION);
    }

    @Test
    void quotedPlaceholderTemplateParsesWithoutANumericCode() throws IOException {
        ErrorBody body = ErrorBody.parse(read("auth", "company-auth-4xx-error-body-template.json"));
        assertThat(body).isEqualTo(new ErrorBody(null, "<error>", "<error_description>", null));
    }

    @Test
    void unquotedPlaceholderTemplateIsNotJson() throws IOException {
        byte[] template = read("auth", "oauth2-4xx-error-body-template.json");
        assertThatThrownBy(() -> Json.parse(template)).isInstanceOf(MalformedResponseException.class);
        assertThat(ErrorBody.parse(template)).isEqualTo(ErrorBody.NONE);
    }

    @Test
    void appCenterAuthTokenResponseIsValidJson() throws IOException {
        JsonNode node = Json.parse(read("auth", "appcenter-authtoken-response.json"));
        assertThat(Json.text(node, "status")).isEqualTo("PASS");
        assertThat(Json.integer(node, "code")).isZero();
    }

    @Test
    void subjectIsTakenFromTheIdTokenClaimsSample() throws IOException {
        byte[] claims = read("auth", "id-token-claims-sample.json");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwt = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims) + ".c2lnbmF0dXJl";
        assertThat(TokenResponse.subject(jwt)).isEqualTo("76459ad3-f77b-4d98-a21a-55333c9179f0");
    }

    @Test
    void companyProfileExampleKeepsTheLastDuplicateExpenseKey() throws IOException {
        CompanyProfile profile = CompanyProfiles.parse(Json.parse(read("company-profile",
                "get-profile-v1-me-company-response.json")));
        assertThat(profile).isEqualTo(new CompanyProfile("59c5bfd1-1803-4ca8-b43a-df083a5c60f9", "lqy3corexp",
                "Standard Edition", "DIRECT-BREEZE+", Edition.STANDARD, "US"));
    }

    @Test
    void everyCompanyProfileExampleParses() throws IOException {
        try (Stream<Path> files = Files.list(ConcurApiExamples.examples("company-profile"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".json")).toList()).isNotEmpty().allSatisfy(p ->
                    assertThat(CompanyProfiles.parse(Json.parse(Files.readAllBytes(p))).companyUuid()).isNotBlank());
        }
    }

    private static byte[] read(String dir, String file) throws IOException {
        return Files.readAllBytes(ConcurApiExamples.examples(dir).resolve(file));
    }
}

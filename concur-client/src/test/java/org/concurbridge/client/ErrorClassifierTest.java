package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.concurbridge.client.ErrorClassifier.Endpoint;
import org.concurbridge.client.ErrorClassifier.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
    private final ErrorClassifier classifier = new ErrorClassifier(CLOCK);

    @ParameterizedTest(name = "{0} HTTP {1} code {2} error {3} -> {4}")
    @CsvSource(nullValues = "-", textBlock = """
            # endpoint, status, code, error,           expected
            OAUTH,      400,    5,    invalid_grant,   AUTHENTICATION
            OAUTH,      400,    10,   invalid_grant,   AUTHENTICATION
            OAUTH,      400,    11,   invalid_grant,   AUTHENTICATION
            OAUTH,      400,    12,   invalid_grant,   AUTHENTICATION
            OAUTH,      400,    13,   invalid_grant,   AUTHENTICATION
            OAUTH,      400,    14,   invalid_grant,   AUTHENTICATION
            OAUTH,      400,    19,   invalid_grant,   AUTHENTICATION
            OAUTH,      400,    20,   invalid_grant,   AUTHENTICATION
            OAUTH,      401,    53,   invalid_client,  AUTHENTICATION
            OAUTH,      403,    59,   access_denied,   AUTHENTICATION
            OAUTH,      401,    61,   invalid_client,  AUTHENTICATION
            OAUTH,      401,    64,   invalid_client,  AUTHENTICATION
            OAUTH,      400,    100,  invalid_request, AUTHENTICATION
            OAUTH,      400,    105,  invalid_grant,   AUTHENTICATION
            OAUTH,      400,    108,  invalid_grant,   AUTHENTICATION
            OAUTH,      400,    115,  invalid_request, AUTHENTICATION
            OAUTH,      400,    123,  invalid_request, AUTHENTICATION
            OAUTH,      400,    136,  invalid_request, AUTHENTICATION
            OAUTH,      400,    139,  invalid_request, AUTHENTICATION
            OAUTH,      400,    16,   invalid_request, PERMANENT
            OAUTH,      400,    51,   invalid_request, PERMANENT
            OAUTH,      400,    52,   invalid_request, PERMANENT
            OAUTH,      400,    54,   invalid_scope,   PERMANENT
            OAUTH,      400,    60,   invalid_grant,   PERMANENT
            OAUTH,      400,    62,   invalid_request, PERMANENT
            OAUTH,      400,    63,   invalid_request, PERMANENT
            OAUTH,      400,    65,   invalid_request, PERMANENT
            OAUTH,      400,    106,  invalid_request, PERMANENT
            OAUTH,      400,    107,  invalid_request, PERMANENT
            OAUTH,      400,    120,  invalid_request, PERMANENT
            OAUTH,      400,    135,  invalid_request, PERMANENT
            OAUTH,      400,    134,  invalid_request, RETRIABLE
            OAUTH,      400,    999,  invalid_request, PERMANENT
            OAUTH,      401,    999,  -,               PERMANENT
            OAUTH,      400,    -,    invalid_grant,   AUTHENTICATION
            OAUTH,      400,    -,    invalid_client,  AUTHENTICATION
            OAUTH,      400,    -,    invalid_request, PERMANENT
            OAUTH,      400,    -,    -,               PERMANENT
            OAUTH,      401,    -,    -,               AUTHENTICATION
            OAUTH,      403,    -,    -,               AUTHENTICATION
            OAUTH,      503,    5,    invalid_grant,   RETRIABLE
            OAUTH,      500,    -,    -,               RETRIABLE
            API,        400,    5,    -,               PERMANENT
            API,        400,    -,    invalid_grant,   PERMANENT
            API,        401,    -,    -,               AUTHENTICATION
            API,        403,    -,    -,               AUTHENTICATION
            API,        404,    -,    -,               PERMANENT
            API,        409,    -,    -,               PERMANENT
            API,        301,    -,    -,               PERMANENT
            API,        408,    -,    -,               RETRIABLE
            API,        429,    -,    -,               RETRIABLE
            API,        500,    -,    -,               RETRIABLE
            API,        502,    -,    -,               RETRIABLE
            API,        503,    -,    -,               RETRIABLE
            API,        504,    -,    -,               RETRIABLE
            API,        501,    -,    -,               PERMANENT
            API,        505,    -,    -,               PERMANENT
            """)
    void classifiesByStatusAndCode(Endpoint endpoint, int status, Integer code, String error, Kind expected) {
        assertThat(ErrorClassifier.kind(endpoint, status, code, error)).isEqualTo(expected);
    }

    static Object[][] networkFailures() {
        return new Object[][] {
                {new ConnectException(), "connection refused"},
                {new HttpConnectTimeoutException("HTTP connect timed out"), "connect timed out"},
                {new HttpTimeoutException("request timed out"), "request timed out"},
                {new SocketException("Connection reset"), "connection failed"},
                {new EOFException("EOF reached while reading"), "connection failed"},
                {new IOException("fixed content-length: 200, bytes received: 17"), "connection failed"},
        };
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("networkFailures")
    void networkFailuresAreRetriableWithoutStatus(IOException cause, String described) {
        ConcurException.Retriable e = classifier.network("refresh", URI.create("http://127.0.0.1:9/us/oauth2/v0/token"),
                cause);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e.getMessage()).startsWith("refresh failed: no response from http://127.0.0.1:9 (" + described);
    }

    @Test
    void oauthErrorMessageNamesOperationStatusCodeDescriptionAndCorrelationId() {
        ConcurException e = classifier.failure("exchangeRequestToken", Endpoint.OAUTH,
                response(400, """
                        {"error": "invalid_grant", "error_description": "Incorrect Credentials. Please Retry", "code": 5}
                        """, Map.of()), List.of());
        assertThat(e).isInstanceOf(ConcurException.Authentication.class);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("5");
        assertThat(e.correlationId()).isEqualTo("corr-1");
        assertThat(e.getMessage()).isEqualTo("exchangeRequestToken failed: HTTP 400, Concur code 5 (invalid_grant): "
                + "Incorrect Credentials. Please Retry [https://us.api.concursolutions.com]; correlation id corr-1");
    }

    @Test
    void codeSentAsStringIsRead() {
        ConcurException e = classifier.failure("refresh", Endpoint.OAUTH,
                response(400, "{\"code\":\"108\",\"error\":\"invalid_grant\"}", Map.of()), List.of());
        assertThat(e).isInstanceOf(ConcurException.Authentication.class);
        assertThat(e.errorCode()).isEqualTo("108");
    }

    @Test
    void http429CarriesRetryAfterSeconds() {
        ConcurException e = classifier.failure("companyProfile", Endpoint.API,
                response(429, "", Map.of("Retry-After", "7")), List.of());
        assertThat(e).isInstanceOfSatisfying(ConcurException.Retriable.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void listV4ErrorMessageGivesItsErrorIdAsTheCodeAndItsValidationErrorsInTheMessage() {
        ConcurException managed = classifier.failure("listUpdate", Endpoint.API, response(400, """
                {"timestamp": "2023-05-02T16:18:47.340+00:00", "httpStatus": "400 - Bad Request",
                 "error": {"id": "list.is.managed", "message": "Modify operation not permitted on this managed list"},
                 "path": "/list/v4/lists/9705ce8e-7957-3f4e-a6cf-19ef2b437099"}""", Map.of()), List.of());
        assertThat(managed).isInstanceOf(ConcurException.Permanent.class);
        assertThat(managed.errorCode()).isEqualTo("list.is.managed");
        assertThat(managed.getMessage()).contains("HTTP 400, error list.is.managed: Modify operation not permitted");

        ConcurException invalid = classifier.failure("listBulkCreate", Endpoint.API, response(400, """
                {"timestamp":"2022-12-13T20:30:06.230+00:00","httpStatus":"400 - Bad Request",
                 "error":{"id":"request.validation.error","message":"Please check your request parameter"},
                 "validationErrors":[{"source":"requests","message":"size must be between 1 and 250"}],
                 "path":"/list/v4/lists/ab2bdee3-71d9-c549-977f-6172a4502f34/bulk"}""", Map.of()), List.of());
        assertThat(invalid.errorCode()).isEqualTo("request.validation.error");
        assertThat(invalid.getMessage()).contains("(requests: size must be between 1 and 250)");

        ConcurException notFound = classifier.failure("listGet", Endpoint.API, response(404,
                "{\"error\":{\"id\":\"list.not.found\",\"message\":\"not found\"}}", Map.of()), List.of());
        assertThat(notFound).isInstanceOf(ConcurException.Permanent.class);
        assertThat(notFound.errorCode()).isEqualTo("list.not.found");
    }

    @Test
    void lowerCaseRetryAfterOfZeroFromTheBulkRateLimitIsRead() {
        ConcurException e = classifier.failure("listBulkCreate", Endpoint.API, response(429,
                "{\"httpStatus\":\"429 - Too Many Requests\",\"error\":{\"id\":\"security.rate.limit.reached\","
                        + "\"message\":\"Too many requests\"}}", Map.of("retry-after", "0")), List.of());
        assertThat(e).isInstanceOfSatisfying(ConcurException.Retriable.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ZERO));
        assertThat(e.errorCode()).isEqualTo("security.rate.limit.reached");
    }

    @Test
    void http503CarriesRetryAfterDate() {
        ConcurException e = classifier.failure("refresh", Endpoint.OAUTH,
                response(503, "down for maintenance", Map.of("Retry-After", "Mon, 30 Nov 2026 10:05:00 GMT")),
                List.of());
        assertThat(e).isInstanceOfSatisfying(ConcurException.Retriable.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofMinutes(5)));
        assertThat(e.getMessage()).contains("HTTP 503: down for maintenance");
    }

    @Test
    void secretsEchoedByTheServerAreRedactedFromTheMessage() {
        Secret requestToken = Secret.of("5l85ae5a-426f-4d6f-8af4-08648c4b696b");
        Secret clientSecret = Secret.of("35c3bd92-fcb8-405e-a886-47ff3fba5664");
        ConcurException e = classifier.failure("exchangeRequestToken", Endpoint.OAUTH, response(400,
                "{\"code\":5,\"error\":\"invalid_grant\",\"error_description\":\"bad token "
                        + requestToken.reveal() + " for secret " + clientSecret.reveal() + "\"}", Map.of()),
                List.of(requestToken, clientSecret));
        assertThat(e.getMessage()).doesNotContain(requestToken.reveal()).doesNotContain(clientSecret.reveal())
                .contains("bad token [hidden] for secret [hidden]");
        assertThat(e.toString()).doesNotContain(requestToken.reveal());
    }

    @Test
    void longNonJsonBodyIsShortenedToOneLine() {
        String html = "<html>\n<body>" + "x".repeat(500) + "</body></html>";
        ConcurException e = classifier.failure("companyProfile", Endpoint.API, response(404, html, Map.of()),
                List.of());
        assertThat(e).isInstanceOf(ConcurException.Permanent.class);
        assertThat(e.getMessage()).contains("HTTP 404: <html> <body>xxx").doesNotContain("\n").contains("…");
        assertThat(e.getMessage().length()).isLessThan(300);
    }

    @Test
    void malformedSuccessBodyIsRetriable() {
        ConcurResponse r = response(200, "{\"access_tok", Map.of());
        ConcurException.Retriable e = classifier.malformed("refresh", r,
                new MalformedResponseException("body is not valid JSON"));
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains("refresh failed: HTTP 200 with an unusable body", "correlation id corr-1");
    }

    static ConcurResponse response(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> all = new java.util.HashMap<>();
        headers.forEach((k, v) -> all.put(k, List.of(v)));
        all.put("concur-correlationid", List.of("corr-1"));
        return new ConcurResponse(URI.create("https://us.api.concursolutions.com/oauth2/v0/token"), status,
                HttpHeaders.of(all, (a, b) -> true), body.getBytes(StandardCharsets.UTF_8), "corr-1");
    }
}

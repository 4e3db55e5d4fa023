package org.concurbridge.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credentials go only to allowed geolocations: a token answer, a code-16 error, a stored geolocation, a {@code 301}
 * and a link Concur returned that name another host are refused before anything is sent there. "Concur" is a stub
 * on one loopback port (allowed as the sandbox), the attacker a stub on another.
 */
class GeolocationAllowListTest {
    private Stub concur;
    private Stub attacker;
    private Geolocations allowed;

    @BeforeEach
    void start() throws IOException {
        concur = new Stub();
        attacker = new Stub();
        allowed = Geolocations.concur().withSandbox(concur.base());
    }

    @AfterEach
    void stop() {
        concur.server.stop(0);
        attacker.server.stop(0);
    }

    @Test
    void theDefaultAllowsOnlyDocumentedHostsOverHttps() {
        Geolocations g = Geolocations.concur();
        assertThat(g.allows(URI.create("https://us.api.concursolutions.com"))).isTrue();
        assertThat(g.allows(URI.create("https://www-eu2.api.concursolutions.com/"))).isTrue();
        assertThat(g.allows(URI.create("https://US2.API.concursolutions.com:443"))).isTrue();
        assertThat(g.allows(URI.create("https://us-impl.api.concursolutions.com"))).isTrue();
        assertThat(g.allows(URI.create("http://us.api.concursolutions.com"))).as("http").isFalse();
        assertThat(g.allows(URI.create("https://us.api.concursolutions.com:8443"))).as("port").isFalse();
        assertThat(g.allows(URI.create("https://us.api.concursolutions.com.evil.example"))).isFalse();
        assertThat(g.allows(URI.create("https://evil.example/us.api.concursolutions.com"))).isFalse();
        assertThat(g.allows(URI.create("https://x@us.api.concursolutions.com"))).as("user info").isFalse();
        assertThat(g.allows(concur.base())).as("a sandbox only when given").isFalse();
        assertThat(allowed.allows(URI.create(concur.base() + "/us"))).isTrue();
        assertThat(allowed.allows(attacker.base())).isFalse();
    }

    @Test
    void aTokenAnswerNamingAnotherHostIsRefused() {
        concur.answer("/oauth2/v0/token", 200, tokenJson(attacker.base().toString()));
        assertThatThrownBy(() -> oauth().exchangeRequestToken(concur.base(), "c0mpany", Secret.of("request-token")))
                .isInstanceOf(ConcurException.Permanent.class).hasMessageContaining("refused");
        concur.answer("/oauth2/v0/token", 200, tokenJson("http://us.api.concursolutions.com"));
        assertThatThrownBy(() -> oauth().refresh(concur.base(), Secret.of("refresh-token")))
                .isInstanceOf(ConcurException.Permanent.class).hasMessageContaining("refused");
    }

    @Test
    void aCode16ErrorNamingAnotherHostIsNotFollowed() {
        concur.answer("/oauth2/v0/token", 400, "{\"code\":16,\"error\":\"invalid_request\",\"error_description\":"
                + "\"lives elsewhere\",\"geolocation\":\"" + attacker.base() + "\"}");
        attacker.answer("/oauth2/v0/token", 200, tokenJson(attacker.base().toString()));
        assertThatThrownBy(() -> oauth().exchangeRequestToken(concur.base(), "c0mpany", Secret.of("request-token")))
                .isInstanceOf(ConcurException.class);
        assertThat(attacker.seen).as("the attacker never receives the client secret or request token").isEmpty();
    }

    @Test
    void aStoredGeolocationOfAnotherHostReceivesNothing() {
        assertThatThrownBy(() -> oauth().refresh(attacker.base(), Secret.of("refresh-token")))
                .isInstanceOf(ConcurException.Permanent.class);
        assertThatThrownBy(() -> oauth().exchangeRequestToken(attacker.base(), "c0mpany", Secret.of("rt")))
                .isInstanceOf(ConcurException.Permanent.class);
        assertThatThrownBy(() -> client(attacker.base()).companyProfile())
                .isInstanceOf(ConcurException.Permanent.class);
        assertThat(attacker.seen).isEmpty();
    }

    @Test
    void a301OrAReturnedLinkToAnotherHostIsNotFollowed() {
        concur.redirect("/profile/v1/me", attacker.base() + "/profile/v1/me");
        attacker.answer("/profile/v1/me", 200, "{}");
        assertThatThrownBy(() -> client(concur.base()).companyProfile())
                .isInstanceOf(ConcurException.Permanent.class).hasMessageContaining("refused");
        ApiCalls calls = new ApiCalls(client(concur.base()));
        // a returned link's host is never used: its path goes to the company's geolocation (issue 12, "Links")
        assertThatThrownBy(() -> calls.xml("link", "GET", attacker.base() + "/api/expense/extract/v1.0/x", null,
                Set.of(), r -> r)).isInstanceOf(ConcurException.class);
        assertThatThrownBy(() -> calls.download("file", attacker.base() + "/file", "*/*",
                Path.of("target/never-written"))).isInstanceOf(ConcurException.class);
        assertThat(attacker.seen).as("the bearer token never reaches the attacker").isEmpty();
    }

    @Test
    void aDownloadIsWrittenOwnerOnly() throws Exception {
        concur.answer("/file", 200, "extract,file,content");
        Path file = Path.of("target/geo-test-download.txt");
        java.nio.file.Files.deleteIfExists(file);
        new ApiCalls(client(concur.base())).download("file", "/file", "*/*", file);
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("extract,file,content");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aBodyOverItsCapIsCutOff() throws Exception {
        concur.answer("/big", 200, "y".repeat(5000));
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(URI.create(concur.base() + "/big")).build();
        assertThatThrownBy(() -> http.send(request, BodyLimits.cap(
                java.net.http.HttpResponse.BodyHandlers.ofByteArray(), 1000)))
                .isInstanceOf(IOException.class).hasMessageContaining("larger than 1000 bytes");
        assertThat(http.send(request, BodyLimits.cap(java.net.http.HttpResponse.BodyHandlers.ofByteArray(), 10_000))
                .body()).hasSize(5000);
    }

    private OAuthClient oauth() {
        return OAuthClient.builder().credentials(new ClientCredentials("client", Secret.of("client-secret")))
                .retryPolicy(RetryPolicy.noRetries()).geolocations(allowed).build();
    }

    private ConcurClient client(URI geolocation) {
        CompanyCredentials creds = new CompanyCredentials() {
            @Override
            public AccessToken current() {
                return new AccessToken(Secret.of("bearer"), geolocation, Instant.now().plusSeconds(3600));
            }

            @Override
            public void invalidate() {
            }
        };
        return ConcurClient.builder().credentials(creds).retryPolicy(RetryPolicy.noRetries()).geolocations(allowed)
                .build();
    }

    private static String tokenJson(String geolocation) {
        return "{\"access_token\":\"at\",\"expires_in\":3600,\"refresh_token\":\"rt\",\"refresh_expires_in\":"
                + "1893456000,\"token_type\":\"Bearer\",\"geolocation\":\"" + geolocation + "\"}";
    }

    /** A scripted HTTP server on loopback. */
    private static final class Stub {
        final HttpServer server;
        final List<String> seen = new CopyOnWriteArrayList<>();
        final Map<String, String[]> answers = new ConcurrentHashMap<>();

        Stub() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        void answer(String path, int status, String body) {
            answers.put(path, new String[]{String.valueOf(status), body, null});
        }

        void redirect(String path, String location) {
            answers.put(path, new String[]{"301", "", location});
        }

        private void handle(HttpExchange exchange) throws IOException {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getRequestBody().readAllBytes();
            String[] a = answers.getOrDefault(exchange.getRequestURI().getPath(), new String[]{"404", "{}", null});
            if (a[2] != null) {
                exchange.getResponseHeaders().add("Location", a[2]);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = a[1].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(a[0]), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        }
    }
}

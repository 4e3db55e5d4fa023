package org.concurbridge.bridge.web;

import org.concurbridge.bridge.BridgeApplication;
import org.concurbridge.bridge.testsupport.BridgeHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The web defaults: loopback only unless configured, the session cookie {@code Secure} behind a TLS proxy, and
 * sign-in throttled after repeated failures.
 */
@SpringBootTest(classes = BridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "bridge.store.url=jdbc:h2:mem:secdefaults;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "bridge.secrets.key-file=target/test-data/secdefaults/secret.key",
                "bridge.admin.username=boss",
                "bridge.admin.password=correct horse battery",
                "logging.file.name=target/test-data/secdefaults/bridge.log"})
class SecurityDefaultsIT {
    @LocalServerPort
    int port;

    @Test
    void theServiceListensOnLoopbackOnlyByDefault() throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        }
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                        .forEach(others::add);
            }
        }
        System.out.println("SecurityDefaultsIT: probing port " + port + " on " + others);
        for (InetAddress address : others) {
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(address, port), 2000);
                }
            }).as("bridge reachable on " + address).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theSessionCookieIsSecureBehindATlsProxy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> viaProxy = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/login")).header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        List<String> cookies = viaProxy.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure")
                .contains("HttpOnly"));
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }

    @Test
    void repeatedFailedSignInsAreThrottledEvenForTheRightPassword() {
        BridgeHttp web = new BridgeHttp(port, BridgeHttp.Redirects.RETURN);
        for (int i = 0; i < 5; i++) {
            assertThat(web.signIn("boss", "wrong-" + i).headers().firstValue("Location"))
                    .hasValue(web.url("/login?error"));
        }
        HttpResponse<String> right = web.signIn("boss", "correct horse battery");
        assertThat(right.headers().firstValue("Location")).as("throttled").hasValue(web.url("/login?error"));
        assertThat(web.get("/").statusCode()).isEqualTo(302);
        // another user name is not throttled by boss's failures
        BridgeHttp other = new BridgeHttp(port, BridgeHttp.Redirects.RETURN);
        assertThat(other.signIn("someone", "x").headers().firstValue("Location")).hasValue(web.url("/login?error"));
    }
}

package org.concurbridge.bridge.web;

import org.concurbridge.bridge.BridgeApplication;
import org.concurbridge.bridge.testsupport.BridgeHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = BridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "bridge.store.url=jdbc:h2:mem:signin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "bridge.secrets.key-file=target/test-data/signin/secret.key",
                "bridge.admin.username=boss",
                "bridge.admin.password=correct horse battery",
                "logging.file.name=target/test-data/signin/bridge.log"})
class SignInIT {
    @LocalServerPort
    int port;

    @Test
    void healthIsOpenAndPrometheusNeedsTheAdminCredentials() {
        BridgeHttp web = new BridgeHttp(port, BridgeHttp.Redirects.RETURN);
        HttpResponse<String> health = web.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        assertThat(web.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(web.getWithBasic("/actuator/prometheus", "boss", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = web.getWithBasic("/actuator/prometheus", "boss", "correct horse battery");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void dashboardRedirectsToTheBrandedSignInPage() {
        BridgeHttp web = new BridgeHttp(port, BridgeHttp.Redirects.RETURN);
        HttpResponse<String> root = web.get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue(web.url("/login"));

        HttpResponse<String> login = web.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Concur ERP Bridge", "id=\"login-form\"", "name=\"_csrf\"",
                "/css/bridge.css");
        assertThat(web.get("/css/bridge.css").statusCode()).isEqualTo(200);
    }

    @Test
    void quickConnectLandingResumesAfterSignIn() {
        BridgeHttp web = new BridgeHttp(port, BridgeHttp.Redirects.RETURN);
        String landing = "/concur/connect?id=7f8e1a2b-0000-4000-8000-000000000001&requestToken=rt-123&userId=9bdded51-00b8-4f84-8bef-6d3afe727007";

        HttpResponse<String> first = web.get(landing);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).hasValue(web.url("/login"));

        HttpResponse<String> signedIn = web.signIn("boss", "correct horse battery");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow())
                .startsWith(web.url(landing));
    }

    @Test
    void wrongPasswordShowsAnErrorAndDoesNotSignIn() {
        BridgeHttp web = new BridgeHttp(port, BridgeHttp.Redirects.RETURN);
        HttpResponse<String> attempt = web.signIn("boss", "nope");
        assertThat(attempt.statusCode()).isEqualTo(302);
        assertThat(attempt.headers().firstValue("Location")).hasValue(web.url("/login?error"));
        assertThat(web.get("/login?error").body()).contains("id=\"login-error\"");
        assertThat(web.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() {
        BridgeHttp web = new BridgeHttp(port, BridgeHttp.Redirects.RETURN);
        web.get("/login");
        HttpResponse<String> attempt = web.postWithoutCsrf("/login",
                Map.of("username", "boss", "password", "correct horse battery"));
        assertThat(attempt.statusCode()).isEqualTo(403);
    }

    @Test
    void signOutEndsTheSession() {
        BridgeHttp web = new BridgeHttp(port, BridgeHttp.Redirects.RETURN);
        web.signIn("boss", "correct horse battery");
        assertThat(web.get("/").statusCode()).isNotEqualTo(302);

        HttpResponse<String> out = web.postForm("/logout", web.csrfToken("/login"), Map.of());
        assertThat(out.headers().firstValue("Location")).hasValue(web.url("/login?logout"));
        assertThat(web.get("/").statusCode()).isEqualTo(302);
    }
}

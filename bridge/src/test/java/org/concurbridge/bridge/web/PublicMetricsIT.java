package org.concurbridge.bridge.web;

import org.concurbridge.bridge.BridgeApplication;
import org.concurbridge.bridge.testsupport.BridgeHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = BridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "bridge.store.url=jdbc:h2:mem:public_metrics;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "bridge.secrets.key-file=target/test-data/public-metrics/secret.key",
                "bridge.admin.password=some-admin-password",
                "bridge.web.public-metrics=true",
                "logging.file.name=target/test-data/public-metrics/bridge.log"})
class PublicMetricsIT {
    @LocalServerPort
    int port;

    @Test
    void publicMetricsOpensPrometheusButNothingElse() {
        BridgeHttp web = new BridgeHttp(port, BridgeHttp.Redirects.RETURN);
        assertThat(web.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(web.get("/actuator/info").statusCode()).isEqualTo(401);
        assertThat(web.get("/").statusCode()).isEqualTo(302);
    }
}

package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    @Test
    void redactsSecretFormFieldsWhateverTheirPosition() {
        assertThat(RequestLog.redactForm("password=abc&client_id=x&CLIENT_SECRET=s&refresh_token=r%3D&scope=a+b"))
                .isEqualTo("password=[REDACTED]&client_id=x&CLIENT_SECRET=[REDACTED]&refresh_token=[REDACTED]"
                        + "&scope=a+b");
    }

    @Test
    void leavesJsonAndEmptyBodiesAlone() {
        assertThat(RequestLog.redactForm("{\"password\":\"x\"}")).isEqualTo("{\"password\":\"x\"}");
        assertThat(RequestLog.redactForm("")).isEmpty();
    }

    @Test
    void authorizationKeepsOnlyItsScheme() {
        Map<String, String> headers = RequestLog.redactHeaders(Map.of("authorization", "Bearer eyJ.x.y", "Accept", "*/*"));
        assertThat(headers.get("Authorization")).isEqualTo("Bearer [REDACTED]");
        assertThat(headers.get("accept")).isEqualTo("*/*");
        assertThat(RequestLog.redactHeaders(Map.of("Authorization", "token")).get("Authorization"))
                .isEqualTo("[REDACTED]");
    }

    @Test
    void dropsTheOldestEntriesBeyondCapacity() {
        RequestLog log = new RequestLog();
        for (int i = 0; i <= RequestLog.CAPACITY; i++) {
            log.record(Instant.EPOCH, "GET", "/" + i, null, Map.of(), "", 200);
        }
        assertThat(log.list()).hasSize(RequestLog.CAPACITY);
        assertThat(log.list().get(0).path()).isEqualTo("/1");
    }

    @Test
    void cutsVeryLargeBodiesWithAMarker() {
        String big = "x".repeat(RequestLog.MAX_BODY_CHARS + 10);
        assertThat(RequestLog.cap(big)).hasSize(RequestLog.MAX_BODY_CHARS + "...[10 more characters]".length())
                .endsWith("...[10 more characters]");
        assertThat(RequestLog.cap("small")).isEqualTo("small");
    }
}

package org.concurbridge.client;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** One HTTP answer from SAP Concur, read whole (the responses of these APIs are small). */
record ConcurResponse(URI uri, int status, HttpHeaders headers, byte[] body, String correlationId) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

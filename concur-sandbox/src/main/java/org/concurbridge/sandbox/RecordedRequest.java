package org.concurbridge.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * One request the sandbox answered (or deliberately did not: {@code status} 0 = connection reset by a fault).
 * {@code path} is the API path without the geolocation prefix (the geolocation plays the role of the host) and
 * without the query string; {@code geo} is null for routes outside any geolocation (App Center). The
 * {@code Authorization} header and the form fields {@code client_secret}, {@code password} and
 * {@code refresh_token} are redacted. Header names are matched case-insensitively.
 */
public record RecordedRequest(Instant at, String method, String path, String geo, Map<String, String> headers,
                              String body, int status) {

    public String header(String name) {
        return headers.get(name);
    }
}

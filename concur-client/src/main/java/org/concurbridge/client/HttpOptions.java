package org.concurbridge.client;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP settings shared by the builders of {@link OAuthClient} and {@link ConcurClient}, and the problems found
 * while they were set: {@code build()} reports all of them at once.
 */
final class HttpOptions {
    private final List<String> problems = new ArrayList<>();
    private HttpClient httpClient;
    private Clock clock;
    private RetryPolicy retryPolicy;
    private Duration requestTimeout;
    private Geolocations geolocations;

    void httpClient(HttpClient value) {
        httpClient = notNull(value, "httpClient");
    }

    void clock(Clock value) {
        clock = notNull(value, "clock");
    }

    void retryPolicy(RetryPolicy value) {
        retryPolicy = notNull(value, "retryPolicy");
    }

    void requestTimeout(Duration value) {
        requestTimeout = notNull(value, "requestTimeout");
        if (value != null && (value.isZero() || value.isNegative())) {
            problems.add("requestTimeout must be positive, was " + value);
        }
    }

    void geolocations(Geolocations value) {
        geolocations = notNull(value, "geolocations");
    }

    Geolocations geolocations() {
        return geolocations != null ? geolocations : Geolocations.concur();
    }

    private <T> T notNull(T value, String name) {
        if (value == null) {
            problems.add(name + " must not be null (leave it unset for the default)");
        }
        return value;
    }

    void require(Object value, String setter) {
        if (value == null) {
            problems.add(setter + " is required");
        }
    }

    /** @throws IllegalStateException listing every problem */
    void check(String what) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Cannot build " + what + ": " + String.join("; ", problems));
        }
    }

    Clock clock() {
        return clock != null ? clock : Clock.systemUTC();
    }

    HttpCaller caller() {
        return new HttpCaller(
                httpClient != null ? httpClient : HttpCaller.defaultHttpClient(),
                clock(),
                retryPolicy != null ? retryPolicy : RetryPolicy.defaults(),
                requestTimeout != null ? requestTimeout : HttpCaller.DEFAULT_REQUEST_TIMEOUT,
                geolocations());
    }
}

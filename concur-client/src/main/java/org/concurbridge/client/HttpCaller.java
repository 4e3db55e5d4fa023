package org.concurbridge.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * Sends requests to SAP Concur: one log line per call (operation, host, status, duration, correlation id; never a
 * header value or body), transport failures and retriable statuses turned into {@link ConcurException.Retriable}
 * through the {@link ErrorClassifier}, and the {@link RetryPolicy} around each attempt.
 */
final class HttpCaller {

    static final String CORRELATION_HEADER = "concur-correlationid";
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(HttpCaller.class);

    private final HttpClient http;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;
    private final ErrorClassifier classifier;
    private final Geolocations geolocations;

    HttpCaller(HttpClient http, Clock clock, RetryPolicy retryPolicy, Duration requestTimeout,
               Geolocations geolocations) {
        this.http = http;
        this.geolocations = geolocations;
        this.retryPolicy = retryPolicy;
        this.requestTimeout = requestTimeout;
        this.classifier = new ErrorClassifier(clock);
    }

    /** The HTTP client shared by every SDK object built without one. */
    static HttpClient defaultHttpClient() {
        return DefaultClient.INSTANCE;
    }

    /** The hosts this caller sends requests (and so credentials) to. */
    Geolocations geolocations() {
        return geolocations;
    }

    ErrorClassifier classifier() {
        return classifier;
    }

    /**
     * {@code base} + {@code path} by string concatenation, so that a base with a path prefix
     * ({@code http://127.0.0.1:8080/us}) keeps it (unlike {@link URI#resolve(String)} with an absolute path).
     */
    static URI append(URI base, String path) {
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b + (path.startsWith("/") ? path : "/" + path));
    }

    /**
     * A request to {@code uri} with the timeout and a fresh {@code concur-correlationid}. Every request the SDK sends is
     * built here, so this is where a host off the {@link Geolocations allow-list} is refused, whatever named it.
     *
     * @throws ConcurException.Permanent when {@code uri} is not an allowed geolocation
     */
    HttpRequest.Builder request(URI uri) {
        geolocations.require(uri, "request to");
        return HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header(CORRELATION_HEADER, UUID.randomUUID().toString());
    }

    /** Runs {@code attempt} under the retry policy. */
    <T> T withRetries(String operation, Supplier<T> attempt) {
        return retryPolicy.execute(operation, attempt);
    }

    /**
     * Sends once. Throws {@link ConcurException.Retriable} for a transport failure or a retriable status; returns
     * every other response for the caller to interpret.
     */
    ConcurResponse send(String operation, ErrorClassifier.Endpoint endpoint, HttpRequest request,
                        Collection<Secret> sentSecrets) {
        return send(operation, endpoint, request, sentSecrets, Set.of(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Sends once with a body handler of the caller's choice (a download streams a success body to a file); statuses
     * in {@code answered} are returned to the caller even when they would be classified as retriable (a documented
     * business answer such as Payment Batches' "no reports" 500).
     */
    ConcurResponse send(String operation, ErrorClassifier.Endpoint endpoint, HttpRequest request,
                        Collection<Secret> sentSecrets, Set<Integer> answered,
                        HttpResponse.BodyHandler<byte[]> bodyHandler) {
        long started = System.nanoTime();
        String geo = ErrorClassifier.authority(request.uri());
        HttpResponse<byte[]> raw;
        try {
            raw = http.send(request, BodyLimits.cap(bodyHandler, BodyLimits.MAX_BODY_BYTES));
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BodyLimits.TooLarge tooLarge) {
                    log.warn("concur.call op={} method={} geo={} path={} error=body-too-large limitBytes={}", operation,
                            request.method(), geo, request.uri().getRawPath(), tooLarge.limit);
                    throw new ConcurException.Permanent(operation + " failed: " + tooLarge.getMessage()
                            + " (refused)", 0, null, null, e);
                }
            }
            log.info("concur.call op={} method={} geo={} path={} status=none durationMs={} error={}", operation,
                    request.method(), geo, request.uri().getRawPath(), elapsedMs(started),
                    e.getClass().getSimpleName());
            throw classifier.network(operation, request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurException.Retriable(operation + " interrupted while waiting for " + geo, 0, null, null,
                    null, e);
        }
        String correlationId = raw.headers().firstValue(CORRELATION_HEADER)
                .or(() -> request.headers().firstValue(CORRELATION_HEADER)).orElse(null);
        ConcurResponse response = new ConcurResponse(request.uri(), raw.statusCode(), raw.headers(), raw.body(),
                correlationId);
        if (response.isSuccess()) {
            log.debug("concur.call op={} method={} geo={} path={} status={} durationMs={} correlationId={}",
                    operation, request.method(), geo, request.uri().getRawPath(), response.status(),
                    elapsedMs(started), correlationId);
        } else {
            log.info("concur.call op={} method={} geo={} path={} status={} durationMs={} correlationId={}",
                    operation, request.method(), geo, request.uri().getRawPath(), response.status(),
                    elapsedMs(started), correlationId);
        }
        if (ErrorClassifier.isRetriableStatus(response.status()) && !answered.contains(response.status())) {
            throw classifier.failure(operation, endpoint, response, sentSecrets);
        }
        return response;
    }

    /** The JSON body read by {@code parser}; an unusable body is {@link ConcurException.Retriable}. */
    <T> T parse(String operation, ConcurResponse response, Function<JsonNode, T> parser) {
        return read(operation, response, () -> parser.apply(Json.parse(response.body())));
    }

    /** The answer read by {@code reader}; a {@link MalformedResponseException} is a retriable unusable body. */
    <T> T read(String operation, ConcurResponse response, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (MalformedResponseException e) {
            throw classifier.malformed(operation, response, e);
        }
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static final class DefaultClient {
        static final HttpClient INSTANCE = HttpClient.newBuilder()
                .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }
}

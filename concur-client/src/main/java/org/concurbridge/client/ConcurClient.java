package org.concurbridge.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.concurbridge.client.extracts.ExtractsClient;
import org.concurbridge.client.fis.FisClient;
import org.concurbridge.client.lists.ListsClient;
import org.concurbridge.client.paymentbatch.PaymentBatchClient;
import org.concurbridge.client.vendors.VendorsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * Typed calls to the SAP Concur APIs for one connected company. Every call goes to
 * {@code credentials.current().geolocation()} with that company's bearer token. A {@code 401} makes the client
 * {@link CompanyCredentials#invalidate() invalidate} the token and retry once with a fresh one (a {@code 403} too on the
 * classic XML APIs, which answer an expired or revoked token so); a second one is classified as usual
 * ({@link ConcurException.Authentication}). Immutable and thread-safe; build one per connection.
 */
public final class ConcurClient {

    static final String PROFILE_PATH = "/profile/v1/me";
    /** A token rejected: refreshed once (REST APIs, OAuth2 era). */
    static final Set<Integer> UNAUTHORIZED = Set.of(401);
    /**
     * A token rejected on the classic v1–v3 APIs: 401 (no header) or 403 ("header present but invalid … token expired
     * or revoked", common-http-errors-and-limits.md section 1; extracts-v1.md). A 403 that persists after the refresh
     * (scope, edition, partner not allowed) is classified as before.
     */
    static final Set<Integer> CLASSIC_UNAUTHORIZED = Set.of(401, 403);

    private static final Logger log = LoggerFactory.getLogger(ConcurClient.class);

    private final CompanyCredentials credentials;
    private final HttpCaller caller;

    private ConcurClient(CompanyCredentials credentials, HttpCaller caller) {
        this.credentials = credentials;
        this.caller = caller;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code GET {geolocation}/profile/v1/me}: the company's UUID, name and edition. A {@code 301} to another data
     * center is followed once, with the same token (never from https to http).
     */
    public CompanyProfile companyProfile() {
        CompanyProfile profile = get("companyProfile", PROFILE_PATH, CompanyProfiles::parse);
        log.info("concur.profile company={} edition={} marketingName={}", profile.companyUuid(), profile.edition(),
                profile.marketingName());
        return profile;
    }

    /**
     * Financial Integration Service v4 for this company (expense reports, invoices, cash advances): see
     * {@link FisClient}. Immutable; call once and keep it, or call again (it is cheap).
     */
    public FisClient fis() {
        return FisClient.over(new ApiCalls(this));
    }

    /**
     * Extracts v1 (Professional edition SAE/PRAE extract files): definitions, jobs, files. See {@link ExtractsClient}.
     */
    public ExtractsClient extracts() {
        return ExtractsClient.over(new ApiCalls(this));
    }

    /**
     * Payment Batches v1.1/v1.2 (Standard edition extract files): list, close, file. See {@link PaymentBatchClient}.
     */
    public PaymentBatchClient paymentBatches() {
        return PaymentBatchClient.over(new ApiCalls(this));
    }

    /**
     * List v4, List Item v4, List Item Bulk v4 and (through {@code v3()}) the deprecated List Item v3 / Lists v3 for
     * this company. See {@link ListsClient}.
     */
    public ListsClient lists() {
        return ListsClient.over(new ApiCalls(this));
    }

    /** Invoice Vendor v3.1 (vendors, banks, groups) for this company. See {@link VendorsClient}. */
    public VendorsClient vendors() {
        return VendorsClient.over(new ApiCalls(this));
    }

    private <T> T get(String op, String path, Function<JsonNode, T> parser) {
        return call(op, token -> get(HttpCaller.append(token.geolocation(), path), token, Map.of()), true,
                response -> caller.parse(op, response, parser));
    }

    /**
     * One API call with the company token: {@code request} builds the request for a token; a {@code 401} invalidates
     * the token and repeats the call once with a fresh one; a {@code 301} is followed once when {@code follow301};
     * the retry policy wraps each attempt; any other non-success status is classified and thrown.
     */
    <T> T call(String op, Function<AccessToken, HttpRequest> request, boolean follow301,
               Function<ConcurResponse, T> reader) {
        return call(op, request, follow301, Set.of(), HttpResponse.BodyHandlers.ofByteArray(), reader);
    }

    /**
     * As {@link #call(String, Function, boolean, Function)}, with statuses the reader answers itself ({@code answered}
     * are neither retried nor classified) and a body handler of the caller's choice (a download to a file).
     */
    <T> T call(String op, Function<AccessToken, HttpRequest> request, boolean follow301, Set<Integer> answered,
               HttpResponse.BodyHandler<byte[]> bodyHandler, Function<ConcurResponse, T> reader) {
        return call(op, request, follow301, answered, bodyHandler, UNAUTHORIZED, reader);
    }

    /**
     * As above, with the statuses that mean "this token is no longer valid" ({@link #UNAUTHORIZED}, or
     * {@link #CLASSIC_UNAUTHORIZED} for the classic v1–v3 APIs, which answer an expired or revoked token with 403):
     * the token is invalidated and the call repeated once with a fresh one.
     */
    <T> T call(String op, Function<AccessToken, HttpRequest> request, boolean follow301, Set<Integer> answered,
               HttpResponse.BodyHandler<byte[]> bodyHandler, Set<Integer> refreshOn,
               Function<ConcurResponse, T> reader) {
        Transport transport = new Transport(answered, bodyHandler, refreshOn);
        AccessToken token = credentials.current();
        Attempt<T> attempt = attempt(op, token, request, follow301, transport, reader);
        if (attempt.unauthorized() == null) {
            return attempt.value();
        }
        log.info("concur.call op={} status={} action=refresh-token-and-retry-once", op,
                attempt.unauthorized().status());
        credentials.invalidate();
        AccessToken fresh = credentials.current();
        attempt = attempt(op, fresh, request, follow301, transport, reader);
        if (attempt.unauthorized() == null) {
            return attempt.value();
        }
        throw caller.classifier().failure(op, ErrorClassifier.Endpoint.API, attempt.unauthorized(),
                List.of(fresh.token()));
    }

    private <T> Attempt<T> attempt(String op, AccessToken token, Function<AccessToken, HttpRequest> request,
                                   boolean follow301, Transport transport, Function<ConcurResponse, T> reader) {
        List<Secret> secrets = List.of(token.token());
        return caller.withRetries(op, () -> {
            ConcurResponse response = caller.send(op, ErrorClassifier.Endpoint.API, request.apply(token), secrets,
                    transport.answered(), transport.bodyHandler());
            if (response.status() == 301 && follow301) {
                URI location = redirectTarget(op, response, secrets);
                log.info("concur.call op={} status=301 from={} to={}", op,
                        ErrorClassifier.authority(response.uri()), location);
                response = caller.send(op, ErrorClassifier.Endpoint.API, get(location, token, Map.of()), secrets);
            }
            if (transport.refreshOn().contains(response.status())) {
                return new Attempt<T>(null, response);
            }
            if (!response.isSuccess() && !transport.answered().contains(response.status())) {
                throw caller.classifier().failure(op, ErrorClassifier.Endpoint.API, response, secrets);
            }
            return new Attempt<>(reader.apply(response), null);
        });
    }

    HttpRequest get(URI uri, AccessToken token, Map<String, String> headers) {
        HttpRequest.Builder b = caller.request(uri)
                .header("Authorization", "Bearer " + token.token().reveal())
                .header("Accept", "application/json");
        headers.forEach(b::header);
        return b.GET().build();
    }

    HttpRequest postJson(URI uri, AccessToken token, String json) {
        return caller.request(uri)
                .header("Authorization", "Bearer " + token.token().reveal())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    /** A request to {@code uri} with the bearer token, {@code Accept} and, when {@code body} is not null, a body. */
    HttpRequest request(String method, URI uri, AccessToken token, String accept, String contentType, byte[] body) {
        HttpRequest.Builder b = caller.request(uri)
                .header("Authorization", "Bearer " + token.token().reveal())
                .header("Accept", accept);
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    HttpCaller caller() {
        return caller;
    }

    private URI redirectTarget(String op, ConcurResponse response, List<Secret> secrets) {
        String location = response.header("Location");
        if (location == null || location.isBlank()) {
            throw caller.classifier().failure(op, ErrorClassifier.Endpoint.API, response, secrets);
        }
        URI target;
        try {
            target = response.uri().resolve(location.trim());
        } catch (IllegalArgumentException notAUri) {
            throw caller.classifier().failure(op, ErrorClassifier.Endpoint.API, response, secrets);
        }
        boolean downgrade = "https".equalsIgnoreCase(response.uri().getScheme())
                && !"https".equalsIgnoreCase(target.getScheme());
        if (downgrade || target.getHost() == null) {
            throw new ConcurException.Permanent(op + " failed: HTTP 301 to '" + target
                    + "' refused (the bearer token is sent only over https or to the same scheme)",
                    301, null, response.correlationId(), null);
        }
        return caller.geolocations().require(target, op + ": HTTP 301 to");
    }

    /** How an attempt sends: the statuses its reader answers, and where the body goes. */
    private record Transport(Set<Integer> answered, HttpResponse.BodyHandler<byte[]> bodyHandler,
                             Set<Integer> refreshOn) {
    }

    /** A parsed value, or the 401 response that rejected the token. */
    private record Attempt<T>(T value, ConcurResponse unauthorized) {
    }

    /** Builds a {@link ConcurClient}; {@link #build()} lists every missing or invalid setting at once. */
    public static final class Builder {
        private final HttpOptions options = new HttpOptions();
        private CompanyCredentials credentials;

        private Builder() {
        }

        /** Required: the company's token source, usually a {@link CompanyTokenManager}. */
        public Builder credentials(CompanyCredentials value) {
            credentials = value;
            return this;
        }

        /** Optional: defaults to a shared client (HTTP/1.1, 10 s connect timeout, redirects not followed). */
        public Builder httpClient(HttpClient value) {
            options.httpClient(value);
            return this;
        }

        /** Optional: defaults to {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy value) {
            options.retryPolicy(value);
            return this;
        }

        /** Optional: defaults to {@link Clock#systemUTC()}; used to read {@code Retry-After} dates. */
        public Builder clock(Clock value) {
            options.clock(value);
            return this;
        }

        /**
         * Optional: the hosts credentials may be sent to; defaults to {@link Geolocations#concur()} (SAP Concur's
         * documented hosts over https). A sandbox is allowed only through {@link Geolocations#withSandbox}.
         */
        public Builder geolocations(Geolocations value) {
            options.geolocations(value);
            return this;
        }

        /** Optional: per request, defaults to 60 s. */
        public Builder requestTimeout(Duration value) {
            options.requestTimeout(value);
            return this;
        }

        /** @throws IllegalStateException naming every missing or invalid setting */
        public ConcurClient build() {
            options.require(credentials, "credentials(CompanyCredentials)");
            options.check("ConcurClient");
            return new ConcurClient(credentials, options.caller());
        }
    }
}

package org.concurbridge.client;

import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Authorized JSON calls to the company's data center, for the typed API clients of the sub-packages
 * ({@link org.concurbridge.client.fis.FisClient}): the company token, a {@code 401} refreshed and retried once, the
 * {@link RetryPolicy} around each attempt, and every failure classified by the one {@link ErrorClassifier}. Only a
 * {@link ConcurClient} creates it.
 */
public final class ApiCalls {

    private final ConcurClient client;

    ApiCalls(ConcurClient client) {
        this.client = client;
    }

    /** A successful JSON answer: the parsed body, its raw bytes, and the correlation id. */
    public record Result(JsonNode json, byte[] body, String correlationId) {
    }

    /**
     * {@code GET {geolocation}{pathAndQuery}} with extra request headers, the answer read by {@code reader}; a
     * {@link MalformedResponseException} from the reader is a retriable unusable body.
     */
    public <T> T get(String operation, String pathAndQuery, Map<String, String> headers, Function<Result, T> reader) {
        return client.call(operation, token -> client.get(HttpCaller.append(token.geolocation(), pathAndQuery), token,
                headers), false, read(operation, reader));
    }

    /** {@code POST {geolocation}{path}} with a JSON body (sent with a Content-Length, never chunked). */
    public <T> T post(String operation, String path, String json, Function<Result, T> reader) {
        return client.call(operation, token -> client.postJson(HttpCaller.append(token.geolocation(), path), token,
                json), false, read(operation, reader));
    }

    private <T> Function<ConcurResponse, T> read(String operation, Function<Result, T> reader) {
        return response -> client.caller().parse(operation, response,
                node -> reader.apply(new Result(node, response.body(), response.correlationId())));
    }
}

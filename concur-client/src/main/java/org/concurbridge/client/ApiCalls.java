package org.concurbridge.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * A successful JSON answer: its raw bytes, the correlation id and the body parsed as a tree on first use (a reader
     * that parses the bytes its own way, such as the FIS documents with their decimal amounts, does not pay for a
     * second parse). A body that is not JSON makes {@link #json()} throw {@link MalformedResponseException}: a
     * retriable unusable body, as for any reader failure.
     */
    public static final class Result {
        private final byte[] body;
        private final String correlationId;
        private JsonNode json;

        Result(byte[] body, String correlationId) {
            this.body = body;
            this.correlationId = correlationId;
        }

        public JsonNode json() {
            if (json == null) {
                json = Json.parse(body);
            }
            return json;
        }

        public byte[] body() {
            return body;
        }

        public String correlationId() {
            return correlationId;
        }
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

    /** {@code PUT {geolocation}{pathAndQuery}} with a JSON body (or none when {@code json} is null). */
    public <T> T put(String operation, String pathAndQuery, String json, Function<Result, T> reader) {
        return send(operation, "PUT", pathAndQuery, json, reader);
    }

    /** {@code PATCH {geolocation}{pathAndQuery}} with a JSON body. */
    public <T> T patch(String operation, String pathAndQuery, String json, Function<Result, T> reader) {
        return send(operation, "PATCH", pathAndQuery, json, reader);
    }

    /** {@code DELETE {geolocation}{pathAndQuery}}; the reader gets the (possibly empty, e.g. 204) body. */
    public <T> T delete(String operation, String pathAndQuery, Function<Result, T> reader) {
        return send(operation, "DELETE", pathAndQuery, null, reader);
    }

    private <T> T send(String operation, String method, String pathAndQuery, String json, Function<Result, T> reader) {
        return client.call(operation, token -> client.request(method, HttpCaller.append(token.geolocation(),
                        pathAndQuery), token, "application/json", "application/json", bytes(json)), false,
                read(operation, reader));
    }

    private static byte[] bytes(String json) {
        return json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A JSON answer whose status the caller reads itself (see {@link #json}): the status, the raw body, the
     * {@code Location} header and correlation id; {@link #failure()} is what the one classifier makes of it, for the
     * caller to throw when the body is not the business answer it expected (a List v4 {@code ErrorMessage} where a
     * bulk result was expected).
     */
    public static final class Answer {
        private final ConcurResponse response;
        private final ErrorClassifier classifier;
        private final String operation;
        private JsonNode json;

        Answer(String operation, ConcurResponse response, ErrorClassifier classifier) {
            this.operation = operation;
            this.response = response;
            this.classifier = classifier;
        }

        public int status() {
            return response.status();
        }

        public boolean isSuccess() {
            return response.isSuccess();
        }

        public byte[] body() {
            return response.body();
        }

        /** The body as JSON; {@link MalformedResponseException} when it is not. */
        public JsonNode json() {
            if (json == null) {
                json = Json.parse(response.body());
            }
            return json;
        }

        public String location() {
            return response.header("Location");
        }

        public String correlationId() {
            return response.correlationId();
        }

        /** The classified failure of this answer (never thrown here). */
        public ConcurException failure() {
            return classifier.failure(operation, ErrorClassifier.Endpoint.API, response, List.of());
        }
    }

    /**
     * A JSON call ({@code Accept: application/json}) to {@code pathAndQuery} under the company's geolocation, with a
     * JSON body when {@code json} is not null (sent with a Content-Length). Statuses in {@code answered} reach the
     * reader with the success statuses instead of being classified; any other status is classified and thrown (429 and
     * 5xx retried first). A {@link MalformedResponseException} from the reader is a retriable unusable body.
     */
    public <T> T json(String operation, String method, String pathAndQuery, String json, Set<Integer> answered,
                      Function<Answer, T> reader) {
        return client.call(operation, token -> client.request(method, HttpCaller.append(token.geolocation(),
                        pathAndQuery), token, "application/json", "application/json", bytes(json)), false, answered,
                HttpResponse.BodyHandlers.ofByteArray(), response -> {
                    try {
                        return reader.apply(new Answer(operation, response, client.caller().classifier()));
                    } catch (MalformedResponseException e) {
                        throw client.caller().classifier().malformed(operation, response, e);
                    }
                });
    }

    /**
     * The path and query of a paging link Concur returned (List v4 {@code links}, v3 {@code NextPage}), to be sent
     * to the company's own geolocation: the link's host is never contacted (the bearer token stays with the
     * geolocation). The path starts at {@code apiRoot} (e.g. {@code /list/v4/}, {@code /api/}) when the link's path
     * contains it, so that a geolocation with a path prefix (the sandbox's {@code /us}) is not doubled. Null when the
     * link is blank or not a URI.
     */
    public static String pathAndQuery(String link, String apiRoot) {
        if (link == null || link.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(link.trim().replaceAll("\\s+", ""));
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        int at = path.indexOf(apiRoot);
        if (at > 0) {
            path = path.substring(at);
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private <T> Function<ConcurResponse, T> read(String operation, Function<Result, T> reader) {
        return response -> client.caller().read(operation, response,
                () -> reader.apply(new Result(response.body(), response.correlationId())));
    }

    /** A non-JSON answer: status, raw body, {@code Content-Type} and {@code Location} headers, correlation id. */
    public record Reply(int status, byte[] body, String contentType, String location, String correlationId) {
        /** The body as an XML tree ({@link Xml}); a {@link MalformedResponseException} when it is not XML. */
        public JsonNode xml() {
            return Xml.parse(body);
        }
    }

    /** A file downloaded to disk: where, its {@code Content-Type}, its size in bytes, the correlation id. */
    public record Download(Path file, String contentType, long bytes, String correlationId) {
    }

    /**
     * An XML call ({@code Accept: application/xml}). {@code target} is a path under the company's geolocation, or a
     * link Concur handed out (an absolute {@code http(s)} URI whose path and query are sent to the company's
     * geolocation, see {@link #resolve}; whitespace inside it is dropped, as official samples print
     * {@code http:// www...}). {@code body} is sent as {@code application/xml} when not null.
     * Statuses in {@code answered} reach the reader instead of being classified (a documented business answer); any
     * other non-success status is classified and thrown. A {@link MalformedResponseException} from the reader is a
     * retriable unusable body.
     */
    public <T> T xml(String operation, String method, String target, byte[] body, Set<Integer> answered,
                     Function<Reply, T> reader) {
        return client.call(operation, token -> client.request(method, resolve(operation, token, target), token,
                        "application/xml", "application/xml", body), false, answered,
                HttpResponse.BodyHandlers.ofByteArray(), ConcurClient.CLASSIC_UNAUTHORIZED, response -> {
                    try {
                        return reader.apply(new Reply(response.status(), response.body(),
                                response.header("Content-Type"), response.header("Location"),
                                response.correlationId()));
                    } catch (MalformedResponseException e) {
                        throw client.caller().classifier().malformed(operation, response, e);
                    }
                });
    }

    /**
     * {@code GET target} streamed to {@code file} (created or replaced; never held in memory), with the given
     * {@code Accept}. Only a success body is written to the file; an error body is read (it is small) to classify
     * the failure. A connection cut mid-body is {@link ConcurException.Retriable} and retried from the start.
     */
    public Download download(String operation, String target, String accept, Path file) {
        HttpResponse.BodyHandler<byte[]> toFile = BodyLimits.cap(info -> {
            if (info.statusCode() / 100 != 2) {
                return HttpResponse.BodySubscribers.ofByteArray();
            }
            ownerOnlyFile(file);
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(file,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), written -> new byte[0]);
        }, BodyLimits.MAX_DOWNLOAD_BYTES);
        return client.call(operation, token -> client.request("GET", resolve(operation, token, target), token,
                accept, null, null), false, Set.of(), toFile, ConcurClient.CLASSIC_UNAUTHORIZED, response -> {
                    try {
                        return new Download(file, response.header("Content-Type"), Files.size(file),
                                response.correlationId());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the size of " + file, e);
                    }
                });
    }

    /** Creates (or re-creates) {@code file} readable and writable by its owner only ({@code rw-------}). */
    private static void ownerOnlyFile(Path file) {
        try {
            Files.deleteIfExists(file);
            if (Files.getFileAttributeView(file.toAbsolutePath().getParent(),
                    java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the download file " + file, e);
        }
    }

    /**
     * Where a target goes: a path is appended to the company's geolocation; a link Concur returned (Extracts v1
     * {@code job-link}/{@code status-link}/{@code file-link}, Payment Batches {@code Batch-URL}/{@code File-Url}) has
     * its path and query (from {@code /api/} on) sent to the company's geolocation too. The link's own host and scheme
     * are never used: Concur prints the legacy {@code www.concursolutions.com}, sometimes over plain http, where the
     * bearer token of a company is not valid (docs/concur-client.md, "Links Concur returns").
     */
    static URI resolve(String operation, AccessToken token, String target) {
        String t = target.replaceAll("\\s+", "");
        if (!t.regionMatches(true, 0, "http://", 0, 7) && !t.regionMatches(true, 0, "https://", 0, 8)) {
            return HttpCaller.append(token.geolocation(), t);
        }
        String pathAndQuery = pathAndQuery(t, "/api/");
        if (pathAndQuery == null) {
            throw new ConcurException.Permanent(operation + " failed: the link '" + Json.abbreviate(t)
                    + "' Concur returned is not a URI with a path", 0, null, null, null);
        }
        return HttpCaller.append(token.geolocation(), pathAndQuery);
    }
}

package org.concurbridge.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted HTTP server on loopback standing in for Concur in wire-level tests: answers queued per
 * {@code METHOD path} (the last one repeats) or computed by a handler; every request recorded with its raw query,
 * headers and body. The client built by {@link #client()} has geolocation {@code http://127.0.0.1:PORT/us} and records
 * its retry waits in {@link #waits}.
 */
public final class StubConcur implements AutoCloseable {

    public record Answer(int status, String body, Map<String, String> headers) {
        public static Answer json(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    public record Seen(String method, String path, String rawQuery, String body, String authorization,
                       String contentType, String contentLength, String transferEncoding) {
        public String target() {
            return method + " " + path;
        }
    }

    private final HttpServer server;
    private final Map<String, Queue<Answer>> answers = new ConcurrentHashMap<>();
    private volatile Function<Seen, Answer> handler;
    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    public final List<Duration> waits = new CopyOnWriteArrayList<>();

    public StubConcur() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sets the answers for {@code METHOD /us/path}, in order (the last one is repeated); replaces earlier ones. */
    public StubConcur on(String methodAndPath, Answer... queued) {
        answers.put(methodAndPath, new ArrayDeque<>(List.of(queued)));
        return this;
    }

    public StubConcur handler(Function<Seen, Answer> value) {
        handler = value;
        return this;
    }

    public ConcurClient client() {
        CompanyCredentials creds = new CompanyCredentials() {
            @Override
            public AccessToken current() {
                return new AccessToken(Secret.of("tok-123"), URI.create(base() + "/us"),
                        Instant.now().plusSeconds(3600));
            }

            @Override
            public void invalidate() {
            }
        };
        return ConcurClient.builder().credentials(creds)
                .retryPolicy(RetryPolicy.builder().jitter(0).sleeper(waits::add).build())
                .geolocations(Geolocations.concur().withSandbox(URI.create(base()))).build();
    }

    public List<Seen> seen(String methodAndPath) {
        return seen.stream().filter(s -> s.target().equals(methodAndPath)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Seen s = new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                body, ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Content-Type"),
                ex.getRequestHeaders().getFirst("Content-Length"),
                ex.getRequestHeaders().getFirst("Transfer-Encoding"));
        seen.add(s);
        Answer a = null;
        Queue<Answer> q = answers.get(s.target());
        if (q != null) {
            synchronized (q) {
                a = q.size() > 1 ? q.poll() : q.peek();
            }
        }
        if (a == null && handler != null) {
            a = handler.apply(s);
        }
        if (a == null) {
            a = Answer.json(404, "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"httpStatus\":\"404 - Not Found\","
                    + "\"error\":{\"id\":\"stub.no.answer\",\"message\":\"no answer scripted\"},\"path\":\"" + s.path()
                    + "\"}");
        }
        byte[] bytes = a.body() == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static String resource(String name) {
        try (InputStream in = StubConcur.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.client.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Tryton 6.0 JSON-RPC session: {@code common.db.login} once, then {@code Authorization: Session ...} on every
 * call (logging in again once on HTTP 401, e.g. after the idle timeout). Requests use exactly
 * {@code {"id","method","params"}}; money goes out as {@code {"__class__":"Decimal","decimal":"12.34"}} and dates as
 * {@code {"__class__":"date",...}} — never as JSON floats. Thread-safe.
 */
public final class TrytonRpc implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrytonRpc.class);
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final JsonNodeFactory NODES = JSON.getNodeFactory();

    private final HttpClient http;
    private final URI uri;
    private final String user;
    private final Secret password;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();
    private volatile String authorization;   // "Session base64(user:uid:key)"; never logged

    public TrytonRpc(HttpClient http, URI databaseUri, String user, Secret password, Duration timeout) {
        this.http = http;
        this.uri = databaseUri;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
    }

    /** {@code model.<model>.<method>} with the context appended as the last parameter. */
    public JsonNode model(String model, String method, Map<String, ?> context, Object... params) {
        ArrayNode p = NODES.arrayNode();
        for (Object o : params) {
            p.add(node(o));
        }
        p.add(node(context));
        return call("model." + model + "." + method, p);
    }

    /** Any JSON-RPC method with its parameters (wizards, {@code common.*}). */
    public JsonNode call(String method, ArrayNode params) {
        if (authorization == null) {
            login();
        }
        try {
            return send(method, params, true);
        } catch (SessionExpired e) {
            log.info("event=erp.tryton.relogin url={} reason=http_401", uri);
            login();
            try {
                return send(method, params, true);
            } catch (SessionExpired again) {
                throw new ErpException.Authentication(method + " failed: Tryton rejected a fresh session (HTTP 401)",
                        null);
            }
        }
    }

    private static final class SessionExpired extends Exception {
        SessionExpired() {
            super(null, null, false, false);
        }
    }

    private synchronized void login() {
        ArrayNode params = NODES.arrayNode()
                .add(user)
                .add(NODES.objectNode().put("password", password.reveal()))
                .add("en");
        JsonNode result;
        try {
            result = send("common.db.login", params, false);
        } catch (SessionExpired e) {
            throw new ErpException.Authentication("login as " + user + " to Tryton database at " + uri
                    + " failed: wrong user or password (HTTP 401)", null);
        }
        String token = user + ":" + result.path(0).asLong() + ":" + result.path(1).asString();
        authorization = "Session " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode send(String method, ArrayNode params, boolean authenticated) throws SessionExpired {
        ObjectNode body = NODES.objectNode();
        long id = ids.incrementAndGet();
        body.put("id", id);
        body.put("method", method);
        body.set("params", params);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        String auth = authorization;
        if (authenticated && auth != null) {
            request.header("Authorization", auth);
        }
        HttpResponse<String> response;
        long started = System.nanoTime();
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            log.debug("event=erp.tryton.call method={} status={} ms={}", method, response.statusCode(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw TrytonErrors.transport(method, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErpException.Retriable(method + " interrupted", e);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new SessionExpired();
        }
        if (status != 200) {
            throw TrytonErrors.exception(TrytonErrors.ofStatus(status), method + " failed: HTTP " + status, null);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new ErpException.Retriable(method + " failed: the answer is not JSON", e);
        }
        JsonNode error = answer.get("error");
        if (error != null && !error.isNull()) {
            throw TrytonErrors.exception(TrytonErrors.ofRpcError(error),
                    method + " failed: " + TrytonErrors.message(error), null);
        }
        return answer.path("result");
    }

    /** Ends the session ({@code common.db.logout}); failures are only logged. */
    @Override
    public void close() {
        if (authorization == null) {
            return;
        }
        try {
            send("common.db.logout", NODES.arrayNode(), true);
        } catch (SessionExpired | ErpException e) {
            log.debug("event=erp.tryton.logout_failed error=\"{}\"", e.toString());
        }
        authorization = null;
    }

    // ------------------------------------------------------------------ values

    /** Converts Java values into Tryton's JSON encoding (BigDecimal → Decimal object, LocalDate → date object). */
    static JsonNode node(Object o) {
        if (o == null) {
            return NODES.nullNode();
        }
        if (o instanceof JsonNode n) {
            return n;
        }
        if (o instanceof String s) {
            return NODES.stringNode(s);
        }
        if (o instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (o instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (o instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (o instanceof BigDecimal d) {
            return NODES.objectNode().put("__class__", "Decimal").put("decimal", d.toPlainString());
        }
        if (o instanceof LocalDate d) {
            return NODES.objectNode().put("__class__", "date").put("year", d.getYear())
                    .put("month", d.getMonthValue()).put("day", d.getDayOfMonth());
        }
        if (o instanceof Instant t) {
            LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
            return NODES.objectNode().put("__class__", "datetime").put("year", d.getYear())
                    .put("month", d.getMonthValue()).put("day", d.getDayOfMonth()).put("hour", d.getHour())
                    .put("minute", d.getMinute()).put("second", d.getSecond())
                    .put("microsecond", d.getNano() / 1000);
        }
        if (o instanceof Map<?, ?> m) {
            ObjectNode n = NODES.objectNode();
            m.forEach((k, v) -> n.set(String.valueOf(k), node(v)));
            return n;
        }
        if (o instanceof Collection<?> c) {
            ArrayNode n = NODES.arrayNode();
            c.forEach(v -> n.add(node(v)));
            return n;
        }
        if (o instanceof Object[] a) {
            ArrayNode n = NODES.arrayNode();
            for (Object v : a) {
                n.add(node(v));
            }
            return n;
        }
        throw new IllegalArgumentException("no Tryton encoding for " + o.getClass().getName());
    }

    /** A domain clause; unlike {@code List.of} it accepts a null value ({@code ["party", "!=", null]}). */
    public static List<Object> clause(String field, String operator, Object value) {
        return Arrays.asList(field, operator, value);
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || n.isBoolean() ? null : n.asString();
    }

    public static BigDecimal decimal(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            return new BigDecimal(n.path("decimal").asString());
        }
        return n.decimalValue();
    }

    static LocalDate date(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        return LocalDate.of(n.path("year").asInt(), n.path("month").asInt(), n.path("day").asInt());
    }

    /** Tryton timestamps are naive UTC datetimes. */
    static Instant instant(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        return LocalDateTime.of(n.path("year").asInt(), n.path("month").asInt(), n.path("day").asInt(),
                n.path("hour").asInt(), n.path("minute").asInt(), n.path("second").asInt(),
                n.path("microsecond").asInt() * 1000).toInstant(ZoneOffset.UTC);
    }
}

package org.concurbridge.sandbox;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.concurbridge.sandbox.faults.FaultDecision;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@link SandboxModule}s register their endpoints. Every endpoint registered here is wrapped the same way:
 * unknown geolocation → 404; fault rules are evaluated (delay, status, connection reset, truncated body); the handler
 * runs, an {@link HttpFailure} becomes its response, any other exception a 500 with a JSON body; the request is
 * recorded in the {@link RequestLog} (redacted) and logged. Admin endpoints skip faults and the request log.
 */
public final class SandboxRoutes {

    /** Response (and optional request) header carrying the correlation id (auth-and-quick-connect.md section 8). */
    public static final String CORRELATION_ID = "concur-correlationid";
    static final String CORRELATION_ATTRIBUTE = "sandbox.correlationId";

    private static final Logger log = LoggerFactory.getLogger(SandboxRoutes.class);

    private enum Kind { GEO, ROOT, ADMIN }

    private final RoutesConfig routes;
    private final SandboxState state;

    SandboxRoutes(RoutesConfig routes, SandboxState state) {
        this.routes = routes;
        this.state = state;
    }

    /**
     * An API endpoint inside every geolocation: {@code path} {@code /profile/v1/me} is served at
     * {@code /us/profile/v1/me}, {@code /eu/profile/v1/me}, {@code /glz/profile/v1/me}, ... (the geolocation plays the
     * role of the host name of the real service).
     */
    public SandboxRoutes geo(HandlerType method, String path, SandboxHandler handler) {
        routes.addHttpHandler(method, "/{geo}" + path, ctx -> handle(ctx, Kind.GEO, handler));
        return this;
    }

    /** An endpoint outside the geolocations (App Center pages); faults and the request log apply. */
    public SandboxRoutes root(HandlerType method, String path, SandboxHandler handler) {
        routes.addHttpHandler(method, path, ctx -> handle(ctx, Kind.ROOT, handler));
        return this;
    }

    /** A sandbox administration endpoint: no faults, not recorded in the request log. */
    public SandboxRoutes admin(HandlerType method, String path, SandboxHandler handler) {
        routes.addHttpHandler(method, path, ctx -> handle(ctx, Kind.ADMIN, handler));
        return this;
    }

    private void handle(Context ctx, Kind kind, SandboxHandler handler) {
        if (kind == Kind.ADMIN) {
            serve(ctx, kind, handler);
            return;
        }
        state.requests().started();
        try {
            serve(ctx, kind, handler);
        } finally {
            state.requests().ended();
        }
    }

    private void serve(Context ctx, Kind kind, SandboxHandler handler) {
        String geo = kind == Kind.GEO ? ctx.pathParam("geo") : null;
        String path = geo == null ? ctx.path() : ctx.path().substring(geo.length() + 1);
        boolean observed = kind != Kind.ADMIN;
        Instant at = state.clock().instant();
        // Read (and let Javalin cache) the body now: a reset fault closes the connection before it could be read.
        String body = observed ? ctx.body() : null;
        Consumer<FaultDecision> finish = fault -> finish(ctx, at, geo, path, body, fault, observed);
        if (geo != null && !state.isGeo(geo)) {
            respond(ctx, HttpFailure.error(404, "not_found", "unknown geolocation '" + geo + "'"));
            finish.accept(null);
            return;
        }
        if (observed) {
            state.faults().pass(ctx.method().name(), path);
        }
        FaultDecision fault = observed
                ? state.faults().decide(ctx.method().name(), path, geo, companyOf(ctx)).orElse(null)
                : null;
        if (fault != null) {
            pause(fault.delay());
            if (fault.connectionReset()) {
                // recorded before the reset: the client may send its next request as soon as the connection drops
                finish.accept(fault);
                resetConnection(ctx);
                return;
            }
            if (fault.rule().status() != null) {
                respond(ctx, faultResponse(fault, at, path));
                finish.accept(fault);
                return;
            }
        }
        try {
            handler.handle(new SandboxExchange(ctx, state, geo, path));
        } catch (HttpFailure failure) {
            respond(ctx, failure);
        } catch (Exception | Error e) {
            log.error("sandbox handler failed method={} path={} geo={}", ctx.method(), path, geo, e);
            respond(ctx, HttpFailure.error(500, "server_error", "sandbox handler failed: " + e));
        }
        if (fault != null && fault.truncateBody()) {
            String result = ctx.result();
            if (result != null) {
                ctx.result(result.substring(0, result.length() / 2));
            }
        }
        if (fault != null) {
            pause(fault.answerDelay());
            if (fault.answerLost()) {
                // processed, then the connection drops before the answer: recorded with the status it would have had
                // recorded before the drop: the client's retry may arrive as soon as the connection is gone
                int status = ctx.statusCode();
                state.requests().record(at, ctx.method().name(), path, geo, ctx.headerMap(), body, status);
                resetConnection(ctx);
                log.info("sandbox request method={} path={} geo={} status={} answer=lost correlationId={} fault={}",
                        ctx.method(), path, geo, status, ctx.attribute(CORRELATION_ATTRIBUTE), fault.ruleId());
                return;
            }
        }
        finish.accept(fault);
    }

    private void finish(Context ctx, Instant at, String geo, String path, String body, FaultDecision fault,
                        boolean observed) {
        boolean reset = fault != null && fault.connectionReset();
        int status = reset ? 0 : ctx.statusCode();
        log.info("sandbox request method={} path={} geo={} status={} correlationId={} fault={}", ctx.method(), path,
                geo, status, ctx.attribute(CORRELATION_ATTRIBUTE), fault == null ? "-" : fault.ruleId());
        if (observed) {
            state.requests().record(at, ctx.method().name(), path, geo, ctx.headerMap(), body, status);
        }
    }

    private void respond(Context ctx, HttpFailure failure) {
        failure.headers().forEach(ctx::header);
        ctx.status(failure.status());
        if (failure.body() == null) {
            ctx.result("");
        } else if (failure.body() instanceof String raw) {
            ctx.contentType("application/json").result(raw);
        } else {
            ctx.contentType("application/json").result(state.json().writeValueAsString(failure.body()));
        }
    }

    /**
     * The body of an injected error status: the only documented 429 body (List Item Bulk v4, see
     * common-http-errors-and-limits.md section 2) is used for every injected status, unless the rule has its own.
     */
    private static HttpFailure faultResponse(FaultDecision fault, Instant at, String path) {
        int status = fault.rule().status();
        HttpFailure failure;
        if (fault.rule().body() != null) {
            failure = HttpFailure.of(status, fault.rule().body());
        } else {
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("id", status == 429 ? "security.rate.limit.reached" : "sandbox.fault");
            err.put("message", status == 429 ? "Too many requests"
                    : reason(status) + " (sandbox fault rule " + fault.ruleId() + ")");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("timestamp", at.toString());
            body.put("httpStatus", status + " - " + reason(status));
            body.put("error", err);
            body.put("path", path);
            failure = HttpFailure.of(status, body);
        }
        Integer retryAfter = fault.rule().retryAfterSeconds();
        if (retryAfter == null && status == 429) {
            retryAfter = 1;
        }
        if (retryAfter != null) {
            failure.header("Retry-After", Integer.toString(retryAfter));
        }
        return failure;
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.forStatus(status);
        return known == HttpStatus.UNKNOWN ? "Status " + status : known.getMessage();
    }

    /**
     * Which company a request concerns, for company-scoped fault rules: the password grant's {@code username}, the
     * company of a refresh or Bearer token, or a {@code company}/{@code companyId} parameter. Null when unknown.
     */
    private String companyOf(Context ctx) {
        try {
            String fromPath = ctx.pathParamMap().get("companyId");
            if (fromPath != null) {
                return fromPath;
            }
            if (ctx.queryParam("company") != null) {
                return ctx.queryParam("company");
            }
            String auth = ctx.header("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return state.tokens().findAccessToken(auth.substring(7).trim())
                        .map(TokenRegistry.AccessGrant::companyUuid).orElse(null);
            }
            String contentType = ctx.contentType();
            if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
                if (ctx.formParam("username") != null) {
                    return ctx.formParam("username");
                }
                if (ctx.formParam("refresh_token") != null) {
                    return state.tokens().findRefreshToken(ctx.formParam("refresh_token"))
                            .map(TokenRegistry.RefreshGrant::companyUuid).orElse(null);
                }
            }
        } catch (RuntimeException e) {
            log.debug("could not tell the company of a request for fault matching", e);
        }
        return null;
    }

    /** Waits {@code delay} of real time: a simulated network or service latency (fault delays, FIS latency). */
    public static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes the TCP connection without a response. SO_LINGER 0 makes the close abortive (an RST), which is what a
     * client sees when a load balancer drops a connection: "Connection reset".
     */
    private static void resetConnection(Context ctx) {
        EndPoint endPoint = ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData().getConnection().getEndPoint();
        if (endPoint instanceof SocketChannelEndPoint socket) {
            try {
                socket.getChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                log.debug("could not set SO_LINGER before the reset", e);
            }
        }
        endPoint.close();
        ctx.skipRemainingHandlers();
    }
}

package org.concurbridge.sandbox.admin;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concurbridge.sandbox.HttpFailure;
import org.concurbridge.sandbox.SandboxApp;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxModule;
import org.concurbridge.sandbox.SandboxProduct;
import org.concurbridge.sandbox.SandboxRoutes;
import org.concurbridge.sandbox.SandboxState;
import org.concurbridge.sandbox.TokenRegistry.RequestToken;
import org.concurbridge.sandbox.faults.FaultRule;
import tools.jackson.core.JacksonException;

/**
 * The sandbox administration API (JSON), for standalone use and for tests in other processes. Not part of the
 * emulated Concur API: no faults, not in the request log, no authentication (the sandbox binds to 127.0.0.1 by
 * default). Bad input answers 400 {@code {"error": "bad_request", "error_description": "<what was wrong>"}}.
 */
public final class AdminModule implements SandboxModule {

    /**
     * Body of {@code POST /admin/companies}; {@code uuid} is generated when absent, {@code products} (e.g.
     * {@code ["EXPENSE"]}: no Invoice) defaults to Expense and Invoice.
     */
    record NewCompany(String uuid, String name, String marketingName, String geo, List<String> products) {
    }

    /** Body of {@code POST /admin/apps}; {@code scope} defaults to {@link SandboxApp#DEFAULT_SCOPE}. */
    record NewApp(String clientId, String clientSecret, String connectUri, String scope) {
    }

    record CompanyView(String uuid, String name, String marketingName, String geo, String geolocation,
                       List<SandboxProduct> products) {
    }

    record AppView(String clientId, String connectUri, String scope) {
    }

    private SandboxState state;

    @Override
    public void register(SandboxRoutes routes, SandboxState sandboxState) {
        this.state = sandboxState;
        routes.admin(GET, "/admin/companies", ex -> ex.json(200, state.companies().stream().map(this::view).toList()));
        routes.admin(POST, "/admin/companies", this::addCompany);
        routes.admin(POST, "/admin/companies/{uuid}/request-token", this::requestToken);
        routes.admin(PUT, "/admin/companies/{uuid}/products", ex -> {
            SandboxCompany company = company(ex);
            state.products(company.uuid(), products(read(ex, String[].class)));
            ex.json(200, view(company));
        });
        routes.admin(POST, "/admin/companies/{uuid}/revoke", ex -> {
            SandboxCompany company = company(ex);
            ex.json(200, Map.of("revoked", state.tokens().revoke(company.uuid(), null)));
        });
        routes.admin(GET, "/admin/apps", ex -> ex.json(200, state.apps().stream()
                .map(a -> new AppView(a.clientId(), a.connectUri(), a.scope())).toList()));
        routes.admin(POST, "/admin/apps", this::addApp);
        routes.admin(GET, "/admin/faults", ex -> ex.json(200, state.faults().list()));
        routes.admin(POST, "/admin/faults", ex -> {
            FaultRule rule = read(ex, FaultRule.class);
            try {
                ex.json(201, Map.of("id", state.faults().add(rule)));
            } catch (IllegalArgumentException e) {
                throw badRequest(e.getMessage());
            }
        });
        routes.admin(DELETE, "/admin/faults", ex -> {
            state.faults().clear();
            ex.json(200, Map.of("cleared", true));
        });
        routes.admin(DELETE, "/admin/faults/{id}", ex -> {
            if (!state.faults().remove(ex.ctx().pathParam("id"))) {
                throw HttpFailure.error(404, "not_found", "no fault rule " + ex.ctx().pathParam("id"));
            }
            ex.json(200, Map.of("removed", ex.ctx().pathParam("id")));
        });
        routes.admin(GET, "/admin/requests", ex -> ex.json(200, state.requests().list()));
        routes.admin(DELETE, "/admin/requests", ex -> {
            state.requests().clear();
            ex.json(200, Map.of("cleared", true));
        });
        routes.admin(GET, "/admin/clock", this::clock);
        routes.admin(POST, "/admin/clock/advance", ex -> {
            String seconds = ex.query("seconds");
            try {
                state.clock().advance(Duration.ofSeconds(Long.parseLong(seconds == null ? "" : seconds)));
            } catch (NumberFormatException e) {
                throw badRequest("query parameter 'seconds' must be a whole number of seconds (got " + seconds + ")");
            }
            clock(ex);
        });
        routes.admin(POST, "/admin/clock/set", ex -> {
            String instant = ex.query("instant");
            try {
                state.clock().set(Instant.parse(instant == null ? "" : instant));
            } catch (DateTimeParseException e) {
                throw badRequest("query parameter 'instant' must be an ISO-8601 instant like 2026-01-31T12:00:00Z"
                        + " (got " + instant + ")");
            }
            clock(ex);
        });
    }

    private void addCompany(SandboxExchange ex) {
        NewCompany body = read(ex, NewCompany.class);
        String uuid = body.uuid() == null ? state.newUuid() : body.uuid();
        try {
            Set<SandboxProduct> products = body.products() == null ? SandboxProduct.defaults()
                    : products(body.products().toArray(String[]::new));
            ex.json(201, view(state.addCompany(uuid, body.name(), body.marketingName(), body.geo(), products)));
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
    }

    private void addApp(SandboxExchange ex) {
        NewApp body = read(ex, NewApp.class);
        try {
            SandboxApp app = state.registerApp(new SandboxApp(body.clientId(), body.clientSecret(), body.connectUri(),
                    body.scope() == null ? SandboxApp.DEFAULT_SCOPE : body.scope()));
            ex.json(201, new AppView(app.clientId(), app.connectUri(), app.scope()));
        } catch (NullPointerException e) {
            throw badRequest("fields 'clientId', 'clientSecret' and 'connectUri' are required (" + e.getMessage()
                    + " is missing)");
        }
    }

    private void requestToken(SandboxExchange ex) {
        SandboxCompany company = company(ex);
        String clientId = ex.query("clientId");
        if (clientId != null && state.app(clientId).isEmpty()) {
            throw HttpFailure.error(404, "not_found", "no app with client id " + clientId);
        }
        RequestToken token = state.tokens().issueRequestToken(company.uuid(), clientId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyUuid", company.uuid());
        body.put("clientId", clientId);
        body.put("requestToken", token.value());
        body.put("expiresAt", token.expiresAt().toString());
        ex.json(200, body);
    }

    private void clock(SandboxExchange ex) {
        ex.json(200, Map.of("now", state.clock().instant().toString()));
    }

    private SandboxCompany company(SandboxExchange ex) {
        String uuid = ex.ctx().pathParam("uuid");
        return state.company(uuid).orElseThrow(() -> HttpFailure.error(404, "not_found", "no company " + uuid));
    }

    private CompanyView view(SandboxCompany c) {
        return new CompanyView(c.uuid(), c.name(), c.marketingName(), c.geo(), state.geolocation(c.geo()).toString(),
                List.copyOf(state.products(c.uuid())));
    }

    /** {@code ["EXPENSE","INVOICE"]} (any case) as products; an unknown name is a 400. */
    private static Set<SandboxProduct> products(String[] names) {
        Set<SandboxProduct> out = EnumSet.noneOf(SandboxProduct.class);
        try {
            for (String n : names) {
                out.add(SandboxProduct.parse(n));
            }
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        return out;
    }

    private <T> T read(SandboxExchange ex, Class<T> type) {
        String body = ex.ctx().body();
        if (body.isBlank()) {
            throw badRequest("the request body must be a JSON object");
        }
        try {
            return state.json().readValue(body, type);
        } catch (JacksonException e) {
            Throwable cause = e.getCause();
            throw badRequest(cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage());
        }
    }

    private static HttpFailure badRequest(String message) {
        return HttpFailure.error(400, "bad_request", message);
    }
}

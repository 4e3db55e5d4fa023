package org.concurbridge.sandbox.fis;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static org.concurbridge.sandbox.AdminHandlers.guarded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurbridge.sandbox.HttpFailure;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxRoutes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code /admin/fis/...}: the {@link Fis} Java API over HTTP, for tests and tools in other processes. */
final class FisAdmin {

    private final Fis fis;

    FisAdmin(Fis fis) {
        this.fis = fis;
    }

    void register(SandboxRoutes routes) {
        routes.admin(POST, "/admin/fis/companies/{uuid}/documents", guarded(ex -> {
            String docType = ex.query("docType");
            ex.json(201, Map.of("ids", fis.add(uuid(ex), docType == null ? null : FisDocType.parse(docType),
                    ex.ctx().body())));
        }));
        routes.admin(POST, "/admin/fis/companies/{uuid}/fixtures", guarded(ex -> {
            String dir = ex.query("dir");
            if (dir == null) {
                throw badRequest("query parameter 'dir' (a directory of FIS example documents) is required");
            }
            ex.json(201, Map.of("ids", fis.loadFixtures(uuid(ex), Path.of(dir))));
        }));
        routes.admin(POST, "/admin/fis/companies/{uuid}/generate", guarded(this::generate));
        routes.admin(GET, "/admin/fis/companies/{uuid}/documents", guarded(ex ->
                ex.json(200, fis.documents(uuid(ex)))));
        routes.admin(GET, "/admin/fis/companies/{uuid}/counts", guarded(ex -> ex.json(200, fis.counts(uuid(ex)))));
        routes.admin(GET, "/admin/fis/documents/{id}", guarded(ex -> ex.json(200, fis.state(id(ex)))));
        routes.admin(GET, "/admin/fis/documents/{id}/document", guarded(ex -> ex.json(200, fis.document(id(ex)))));
        routes.admin(GET, "/admin/fis/documents/{id}/expected-journal", guarded(ex -> ex.json(200,
                fis.expectedJournal(id(ex)).orElseThrow(() -> HttpFailure.error(404, "not_found",
                        "document " + id(ex) + " was loaded, not generated: it has no expected journal")))));
        routes.admin(POST, "/admin/fis/documents/{id}/recall", guarded(ex -> {
            fis.recall(id(ex));
            ex.json(200, fis.state(id(ex)));
        }));
        routes.admin(POST, "/admin/fis/documents/{id}/reapprove", guarded(ex -> {
            String body = ex.ctx().body();
            boolean sameId = "true".equalsIgnoreCase(ex.query("sameId"));
            String queued = fis.reapprove(id(ex), !sameId, body.isBlank() ? null : body);
            ex.json(200, fis.state(queued));
        }));
        routes.admin(POST, "/admin/fis/documents/{id}/status", guarded(ex -> {
            String value = ex.query("value");
            try {
                fis.setStatus(id(ex), FisStatus.valueOf(value == null ? "" : value));
            } catch (IllegalArgumentException e) {
                throw badRequest("query parameter 'value' must be one of " + List.of(FisStatus.values())
                        + " (got " + value + ")");
            }
            ex.json(200, fis.state(id(ex)));
        }));
        routes.admin(POST, "/admin/fis/documents/{id}/fail", guarded(ex -> {
            fis.failNext(id(ex), intQuery(ex, "times", 1));
            ex.json(200, fis.state(id(ex)));
        }));
        routes.admin(POST, "/admin/fis/latency", guarded(ex -> {
            fis.latency(Duration.ofMillis(intQuery(ex, "millis", 0)));
            ex.json(200, Map.of("latencyMillis", fis.latency().toMillis()));
        }));
    }

    /** Body {@code {"seed": 42, "count": 100, "mix": ["2.1", "VAT_PARTIAL", ...]}} (mix optional = every use case). */
    private void generate(SandboxExchange ex) {
        JsonNode body;
        try {
            body = fis.store().json().readTree(ex.ctx().body().isBlank() ? "{}" : ex.ctx().body());
        } catch (JacksonException e) {
            throw badRequest("the body must be a JSON object {\"seed\", \"count\", \"mix\"}: " + e.getOriginalMessage());
        }
        if (!body.path("seed").isIntegralNumber() || !body.path("count").isIntegralNumber()) {
            throw badRequest("'seed' and 'count' are required whole numbers");
        }
        List<FisUseCase> mix = new ArrayList<>();
        for (JsonNode m : body.path("mix")) {
            mix.add(FisUseCase.find(m.asString()).orElseThrow(() -> badRequest("unknown use case '" + m.asString()
                    + "'; expected one of " + List.of(FisUseCase.values()) + " or their catalogue ids")));
        }
        List<String> ids = fis.generate(uuid(ex), body.get("seed").longValue(), body.get("count").intValue(), mix);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", ids.size());
        out.put("ids", ids);
        ex.json(201, out);
    }

    private static String uuid(SandboxExchange ex) {
        return ex.ctx().pathParam("uuid");
    }

    private static String id(SandboxExchange ex) {
        return ex.ctx().pathParam("id");
    }

    private static int intQuery(SandboxExchange ex, String name, int fallback) {
        String v = ex.query(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw badRequest("query parameter '" + name + "' must be a whole number (got " + v + ")");
        }
    }

    private static HttpFailure badRequest(String message) {
        return HttpFailure.error(400, "bad_request", message);
    }
}

package org.concurbridge.sandbox.extract;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static org.concurbridge.sandbox.AdminHandlers.guarded;

import java.time.Duration;
import java.util.Map;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxRoutes;

/** {@code /admin/extracts/...}: the {@link Extracts} Java API over HTTP. */
final class ExtractsAdmin {

    private final Extracts extracts;

    ExtractsAdmin(Extracts extracts) {
        this.extracts = extracts;
    }

    void register(SandboxRoutes routes) {
        routes.admin(GET, "/admin/extracts/companies/{uuid}/definitions", guarded(ex ->
                ex.json(200, extracts.definitions(uuid(ex)))));
        routes.admin(GET, "/admin/extracts/companies/{uuid}/jobs", guarded(ex ->
                ex.json(200, extracts.jobs(uuid(ex)))));
        routes.admin(POST, "/admin/extracts/companies/{uuid}/jobs", guarded(ex -> {
            String name = ex.query("definition");
            if (name == null) {
                throw new IllegalArgumentException("query parameter 'definition' (a definition name) is required");
            }
            ex.json(201, extracts.job(extracts.startJob(uuid(ex), name)));
        }));
        routes.admin(POST, "/admin/extracts/companies/{uuid}/next-job/fault", guarded(ex -> {
            FileFault fault = AdminSupport.fault(ex);
            if (fault == null) {
                throw new IllegalArgumentException("a fault {\"kind\": ...} is required");
            }
            extracts.faultNextJob(uuid(ex), fault);
            ex.json(200, Map.of("nextJob", fault));
        }));
        routes.admin(POST, "/admin/extracts/companies/{uuid}/next-job/fail", guarded(ex -> {
            extracts.failNextJob(uuid(ex));
            ex.json(200, Map.of("nextJob", "Failed"));
        }));
        routes.admin(GET, "/admin/extracts/jobs/{id}", guarded(ex -> ex.json(200, extracts.job(id(ex)))));
        routes.admin(GET, "/admin/extracts/jobs/{id}/expected-journals", guarded(ex ->
                ex.json(200, extracts.expectedJournals(id(ex)))));
        routes.admin(POST, "/admin/extracts/jobs/{id}/fault", guarded(ex -> {
            extracts.fault(id(ex), AdminSupport.fault(ex));
            ex.json(200, extracts.job(id(ex)));
        }));
        routes.admin(POST, "/admin/extracts/timing", guarded(ex -> {
            Duration q = Duration.ofSeconds(seconds(ex, "queuedSeconds", 30));
            Duration r = Duration.ofSeconds(seconds(ex, "runningSeconds", 60));
            extracts.timing(q, r);
            ex.json(200, Map.of("queuedSeconds", q.toSeconds(), "runningSeconds", r.toSeconds()));
        }));
    }

    private static long seconds(SandboxExchange ex, String name, long fallback) {
        String v = ex.query(name);
        try {
            return v == null ? fallback : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a whole number (got " + v + ")");
        }
    }

    private static String uuid(SandboxExchange ex) {
        return ex.ctx().pathParam("uuid");
    }

    private static String id(SandboxExchange ex) {
        return ex.ctx().pathParam("id");
    }
}

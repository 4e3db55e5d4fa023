package org.concurbridge.sandbox.vendors;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static org.concurbridge.sandbox.AdminHandlers.guarded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxRoutes;
import tools.jackson.databind.JsonNode;

/** {@code /admin/vendors/...}: the {@link Vendors} Java API over HTTP (seed and read the vendor master). */
final class VendorsAdmin {

    private static final String COMPANY = "/admin/vendors/companies/{uuid}";

    private final Vendors vendors;

    VendorsAdmin(Vendors vendors) {
        this.vendors = vendors;
    }

    void register(SandboxRoutes routes) {
        routes.admin(GET, COMPANY + "/vendors", guarded(ex -> {
            String code = ex.query("vendorCode");
            String address = ex.query("addressCode");
            if (code != null || address != null) {
                if (code == null || address == null) {
                    throw new IllegalArgumentException("give both vendorCode and addressCode, or neither");
                }
                ex.json(200, vendors.find(uuid(ex), code, address).map(List::of).orElse(List.of()));
            } else {
                ex.json(200, vendors.all(uuid(ex)));
            }
        }));
        routes.admin(POST, COMPANY + "/vendors", guarded(ex -> ex.json(201, vendors.seedJson(uuid(ex), body(ex)))));
        routes.admin(POST, COMPANY + "/generate", guarded(ex -> {
            String count = ex.query("count");
            int n;
            try {
                n = Integer.parseInt(count == null ? "" : count);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("query parameter 'count' must be a whole number (got " + count
                        + ")");
            }
            String prefix = ex.query("prefix");
            ex.json(201, Map.of("added", vendors.generate(uuid(ex), prefix == null ? "GEN" : prefix, n)));
        }));
        routes.admin(DELETE, COMPANY + "/vendors", guarded(ex -> ex.json(200, Map.of("deleted",
                vendors.clear(uuid(ex))))));
        routes.admin(POST, COMPANY + "/banks", guarded(ex -> {
            JsonNode root = vendors.parse(body(ex));
            JsonNode list = root.has("VendorBank") ? root.get("VendorBank") : root;
            List<Object> out = new java.util.ArrayList<>();
            for (JsonNode b : list.isArray() ? list : List.of(list)) {
                out.add(vendors.seedBank(uuid(ex), strings(b)));
            }
            ex.json(201, out);
        }));
        routes.admin(POST, COMPANY + "/groups", guarded(ex -> {
            String code = ex.query("vendorCode");
            String address = ex.query("addressCode");
            String group = ex.query("groupName");
            if (code == null || address == null || group == null) {
                throw new IllegalArgumentException("query parameters vendorCode, addressCode and groupName are"
                        + " required");
            }
            vendors.addGroup(uuid(ex), code, address, group);
            ex.json(200, vendors.find(uuid(ex), code, address).orElseThrow());
        }));
        routes.admin(POST, "/admin/vendors/v3-available", guarded(ex -> {
            String v = ex.query("value");
            if (!"true".equals(v) && !"false".equals(v)) {
                throw new IllegalArgumentException("query parameter 'value' must be true or false (got " + v + ")");
            }
            vendors.v3Available(Boolean.parseBoolean(v));
            ex.json(200, Map.of("v3Available", vendors.v3Available()));
        }));
    }

    private static Map<String, String> strings(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a VendorBank must be a JSON object");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : node.propertyNames()) {
            if (!node.get(name).isNull()) {
                m.put(name, node.get(name).asString());
            }
        }
        return m;
    }

    private static String body(SandboxExchange ex) {
        String body = ex.ctx().body();
        if (body.isBlank()) {
            throw new IllegalArgumentException("the request body must be JSON");
        }
        return body;
    }

    private static String uuid(SandboxExchange ex) {
        return ex.ctx().pathParam("uuid");
    }
}

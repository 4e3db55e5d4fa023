package org.concurbridge.sandbox.extract;

import org.concurbridge.sandbox.SandboxExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Shared by the extract and payment batch admin endpoints: the fault body. */
public final class AdminSupport {

    private AdminSupport() {
    }

    /** Body {@code {"kind": "BAD_ROWS", "report": "..."}}; an empty body or {@code {}} = no fault (null). */
    public static FileFault fault(SandboxExchange ex) {
        String body = ex.ctx().body();
        if (body.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = ex.state().json().readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body must be {\"kind\": \"TRUNCATED|WRONG_TOTALS|BAD_ROWS|"
                    + "UNEXPECTED_ZIP_MEMBER\", \"report\": \"...\"}: " + e.getOriginalMessage());
        }
        for (String name : node.propertyNames()) {
            if (!name.equals("kind") && !name.equals("report")) {
                throw new IllegalArgumentException("unknown field '" + name + "' (expected kind, report)");
            }
        }
        if (!node.has("kind")) {
            return null;
        }
        return FileFault.parse(node.path("kind").asString(null), node.path("report").asString(null));
    }
}

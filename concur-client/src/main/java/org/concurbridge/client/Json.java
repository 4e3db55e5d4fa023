package org.concurbridge.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the client and tolerant accessors for the documented type quirks (numbers sent as strings).
 * Duplicate keys are accepted and the last one wins (Jackson's default; see docs/decisions-client.md).
 */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedResponseException("empty body where JSON was expected");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedResponseException("empty body where JSON was expected");
            }
            return node;
        } catch (JacksonException e) {
            throw new MalformedResponseException("body is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A string member, or null when absent or JSON null; a number is returned as its text. */
    static String text(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isString() || v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        throw new MalformedResponseException("field '" + field + "' should be a string but is " + v.getNodeType());
    }

    /** An integral member sent as a JSON number or as a numeric string ({@code 3600} or {@code "3600"}); or null. */
    static Long integer(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isString()) {
            try {
                return Long.parseLong(v.stringValue().trim());
            } catch (NumberFormatException e) {
                throw new MalformedResponseException("field '" + field + "' should be a whole number but is '"
                        + abbreviate(v.stringValue()) + "'");
            }
        }
        throw new MalformedResponseException("field '" + field + "' should be a whole number but is " + v.getNodeType());
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}

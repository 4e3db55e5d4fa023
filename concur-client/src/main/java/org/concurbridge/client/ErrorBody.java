package org.concurbridge.client;

import java.net.URI;

import tools.jackson.databind.JsonNode;

/**
 * What an error response says about itself, read tolerantly: the OAuth2 body {@code {code, error, error_description,
 * geolocation}}, or a {@code message}/{@code Message} of the other API families. Every member may be null; a body that
 * is not JSON yields {@link #NONE}.
 */
record ErrorBody(Integer code, String error, String description, URI geolocation) {

    static final ErrorBody NONE = new ErrorBody(null, null, null, null);

    static ErrorBody parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (MalformedResponseException notJson) {
            return NONE;
        }
        if (!root.isObject()) {
            return NONE;
        }
        return new ErrorBody(code(root), stringOrNull(root, "error"), description(root), geolocation(root));
    }

    /** The numeric {@code code}, sent as a number or a numeric string; null when absent or a placeholder. */
    private static Integer code(JsonNode root) {
        try {
            Long code = Json.integer(root, "code");
            return code == null || code != code.intValue() ? null : code.intValue();
        } catch (MalformedResponseException placeholder) {
            return null;
        }
    }

    private static String description(JsonNode root) {
        for (String field : new String[] {"error_description", "message", "Message"}) {
            String v = stringOrNull(root, field);
            if (v != null) {
                return v;
            }
        }
        JsonNode error = root.get("error");
        return error != null && error.isObject() ? stringOrNull(error, "message") : null;
    }

    private static URI geolocation(JsonNode root) {
        String v = stringOrNull(root, "geolocation");
        if (v == null) {
            return null;
        }
        try {
            return TokenResponse.baseUri(v);
        } catch (MalformedResponseException notAUri) {
            return null;
        }
    }

    private static String stringOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() && !v.stringValue().isBlank() ? v.stringValue() : null;
    }
}

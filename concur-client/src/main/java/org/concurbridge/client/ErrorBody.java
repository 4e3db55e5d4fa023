package org.concurbridge.client;

import java.net.URI;

import tools.jackson.databind.JsonNode;

/**
 * What an error response says about itself, read tolerantly: the OAuth2 body {@code {code, error, error_description,
 * geolocation}}, the List v4 {@code ErrorMessage} {@code {timestamp, httpStatus, error: {id, message}, path}} (its
 * {@code error.id} in {@link #errorId()}), or a {@code message}/{@code Message} of the other API families. Every member
 * may be null; a body that is not JSON yields {@link #NONE}.
 */
record ErrorBody(Integer code, String error, String description, URI geolocation, String errorId) {

    static final ErrorBody NONE = new ErrorBody(null, null, null, null, null);

    ErrorBody(Integer code, String error, String description, URI geolocation) {
        this(code, error, description, geolocation, null);
    }

    /** Concur's code for {@link ConcurException#errorCode()}: the numeric OAuth2 {@code code}, else {@code error.id}. */
    String errorCode() {
        return code != null ? code.toString() : errorId;
    }

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
        JsonNode error = root.get("error");
        String errorId = error != null && error.isObject() ? stringOrNull(error, "id") : null;
        return new ErrorBody(code(root), stringOrNull(root, "error"), withValidationErrors(description(root), root),
                geolocation(root), errorId);
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

    /** List v4 {@code validationErrors} [{source, message}] appended to the description: the useful part of a 400. */
    private static String withValidationErrors(String description, JsonNode root) {
        JsonNode errors = root.get("validationErrors");
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            return description;
        }
        StringBuilder b = new StringBuilder(description == null ? "validation failed" : description).append(" (");
        for (int i = 0; i < errors.size(); i++) {
            JsonNode e = errors.get(i);
            b.append(i == 0 ? "" : "; ");
            String source = e.isObject() ? stringOrNull(e, "source") : null;
            String message = e.isObject() ? stringOrNull(e, "message") : null;
            b.append(source == null ? "" : source + ": ").append(message == null ? "?" : message);
        }
        return b.append(')').toString();
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

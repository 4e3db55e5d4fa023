package org.concurbridge.bridge.erp.tryton;

import org.concurbridge.bridge.erp.ErpException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * The Tryton adapter's one error boundary: transport failures, HTTP statuses and JSON-RPC {@code error} members
 * become {@link ErpException}s here, by status code and error type, never by message text.
 * <ul>
 *   <li>no response (connection refused/reset, timeout), HTTP 429 (login rate limit), 5xx, JSON-RPC
 *       {@code ConcurrencyException} → retriable</li>
 *   <li>HTTP 401 (after one fresh login) → authentication</li>
 *   <li>HTTP 403 (method not exposed / access denied), other 4xx, {@code UserError}, {@code UserWarning}, unknown
 *       model/field and any other JSON-RPC error → permanent</li>
 * </ul>
 */
final class TrytonErrors {

    enum Kind { RETRIABLE, PERMANENT, AUTHENTICATION }

    private TrytonErrors() {
    }

    static Kind ofStatus(int status) {
        if (status == 401) {
            return Kind.AUTHENTICATION;
        }
        if (status == 429 || status >= 500) {
            return Kind.RETRIABLE;
        }
        return Kind.PERMANENT;
    }

    /** Kind of a JSON-RPC {@code error} member: {@code [type, args]}. */
    static Kind ofRpcError(JsonNode error) {
        String type = error.path(0).asString("");
        return "ConcurrencyException".equals(type) ? Kind.RETRIABLE : Kind.PERMANENT;
    }

    /** The human message of a JSON-RPC error: {@code UserError} carries it at {@code [1][0]}, warnings at [1][1]. */
    static String message(JsonNode error) {
        String type = error.path(0).asString("");
        JsonNode args = error.path(1);
        if (args.isArray()) {
            JsonNode text = "UserWarning".equals(type) ? args.path(1) : args.path(0);
            return type + ": " + text.asString("");
        }
        return type + (args.isString() && !args.asString().isEmpty() ? ": " + args.asString() : "");
    }

    static ErpException exception(Kind kind, String message, Throwable cause) {
        return switch (kind) {
            case RETRIABLE -> new ErpException.Retriable(message, cause);
            case PERMANENT -> new ErpException.Permanent(message, cause);
            case AUTHENTICATION -> new ErpException.Authentication(message, cause);
        };
    }

    static ErpException transport(String what, IOException e) {
        return new ErpException.Retriable(what + " failed: Tryton unreachable (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    }
}

package org.concurbridge.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown by a handler to answer with an error response at once (status, JSON body, headers). The route wrapper in
 * {@link SandboxRoutes} turns it into the response; it is control flow, not an error of the sandbox.
 */
public final class HttpFailure extends RuntimeException {

    private final int status;
    private final transient Object body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpFailure(int status, Object body) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
    }

    /** A response with a JSON body ({@code body} is serialized; null = empty body). */
    public static HttpFailure of(int status, Object body) {
        return new HttpFailure(status, body);
    }

    /** The sandbox's generic error body {@code {"error": ..., "error_description": ...}}. */
    public static HttpFailure error(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return new HttpFailure(status, body);
    }

    /** A redirect with an empty body. */
    public static HttpFailure redirect(int status, String location) {
        return new HttpFailure(status, null).header("Location", location);
    }

    public HttpFailure header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}

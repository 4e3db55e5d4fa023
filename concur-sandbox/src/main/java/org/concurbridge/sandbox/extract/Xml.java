package org.concurbridge.sandbox.extract;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The small amount of XML the classic Concur services (Extracts v1, Payment Batches v1) speak, written as text so the
 * element order is exactly the documented one. Errors use the classic body {@code Error} with {@code Message},
 * {@code Server-Time} and {@code Id} (common-http-errors-and-limits.md section 3).
 */
public final class Xml {

    public static final String INSTANCE_NS = "http://www.w3.org/2001/XMLSchema-instance";

    private final StringBuilder sb = new StringBuilder(512);

    private Xml(String root, String namespace) {
        sb.append('<').append(root).append(" xmlns=\"").append(namespace).append("\" xmlns:i=\"").append(INSTANCE_NS)
                .append("\">");
    }

    public static Xml root(String root, String namespace) {
        return new Xml(root, namespace);
    }

    /** {@code <name>value</name>}; nothing when value is null. */
    public Xml el(String name, Object value) {
        if (value != null) {
            sb.append('<').append(name).append('>').append(escape(value.toString())).append("</").append(name)
                    .append('>');
        }
        return this;
    }

    public Xml open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    public Xml close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    public String end(String root) {
        return sb.append("</").append(root).append('>').toString();
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** UTC timestamp as the samples print it: {@code 2010-01-13T18:30:02Z}. */
    public static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static void send(Context ctx, int status, String xml) {
        ctx.status(status).contentType("application/xml").result(xml);
    }

    /** A classic-service error answered as XML: thrown by handlers, written by {@link #handle}. */
    public static final class Failure extends RuntimeException {
        private final int status;
        private final String namespace;

        public Failure(int status, String namespace, String message) {
            super(message, null, false, false);
            this.status = status;
            this.namespace = namespace;
        }

        public int status() {
            return status;
        }

        void write(Context ctx, Instant now, String id) {
            send(ctx, status, root("Error", namespace).el("Message", getMessage()).el("Server-Time", time(now))
                    .el("Id", id).end("Error"));
        }
    }

    /** Runs a handler, answering its {@link Failure} as the classic XML error body. */
    public static void handle(Context ctx, Instant now, String errorId, Runnable handler) {
        try {
            handler.run();
        } catch (Failure f) {
            f.write(ctx, now, errorId);
        }
    }
}

package org.concurbridge.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The requests the sandbox answered, oldest first, for assertions in tests (bounded: the oldest entries are dropped
 * beyond {@value #CAPACITY}, bodies cut at {@value #MAX_BODY_CHARS} characters). Secrets are redacted before an entry is stored: the {@code Authorization} header keeps
 * only its scheme, and the form fields {@code client_secret}, {@code password} and {@code refresh_token} keep only
 * their names.
 */
public final class RequestLog {

    public static final String REDACTED = "[REDACTED]";
    static final int CAPACITY = 10_000;
    /** Bodies longer than this are stored cut, with a marker (extract files and document batches can be large). */
    static final int MAX_BODY_CHARS = 64 * 1024;
    private static final Set<String> SECRET_FIELDS = Set.of("client_secret", "password", "refresh_token");

    private final Deque<RecordedRequest> entries = new ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger inProgress = new java.util.concurrent.atomic.AtomicInteger();

    /** A request reached the sandbox (observed routes); {@link #ended()} when its handling is over, answered or not. */
    void started() {
        inProgress.incrementAndGet();
    }

    void ended() {
        inProgress.decrementAndGet();
    }

    /**
     * Requests being handled now (a delayed answer, an endpoint still running): zero means every request that reached
     * the sandbox has taken its effect and is in the log, e.g. after the caller was killed.
     */
    public int inProgress() {
        return inProgress.get();
    }

    void record(Instant at, String method, String path, String geo, Map<String, String> headers, String body,
                int status) {
        RecordedRequest entry = new RecordedRequest(at, method, path, geo, redactHeaders(headers),
                cap(redactForm(body)), status);
        synchronized (entries) {
            if (entries.size() == CAPACITY) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
    }

    public List<RecordedRequest> list() {
        synchronized (entries) {
            return List.copyOf(new ArrayList<>(entries));
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    static String cap(String body) {
        if (body == null || body.length() <= MAX_BODY_CHARS) {
            return body;
        }
        return body.substring(0, MAX_BODY_CHARS) + "...[" + (body.length() - MAX_BODY_CHARS) + " more characters]";
    }

    static Map<String, String> redactHeaders(Map<String, String> headers) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase("Authorization")) {
                int space = value.indexOf(' ');
                value = space > 0 ? value.substring(0, space) + " " + REDACTED : REDACTED;
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Redacts secret fields of an {@code application/x-www-form-urlencoded} body; other bodies pass unchanged. */
    static String redactForm(String body) {
        if (body == null || body.isEmpty() || body.startsWith("{") || body.startsWith("<") || body.startsWith("[")) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (String pair : body.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).trim();
            if (SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                out.append(pair, 0, eq < 0 ? pair.length() : eq).append('=').append(REDACTED);
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }
}

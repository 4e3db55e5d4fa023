package org.concurbridge.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The hosts the client sends credentials to: SAP Concur's documented API hosts over https (production, implementation
 * and the China data center; docs/concur-client.md, "Geolocation allow-list"), plus, only when given explicitly, a
 * sandbox's origin. Every request of an {@link OAuthClient} or {@link ConcurClient} — token exchange, code-16 retry,
 * refresh, revoke, API calls, a {@code 301}, a link Concur returned — goes only to an allowed origin, and a token
 * answer or code-16 error naming another geolocation is refused when parsed. Immutable.
 */
public final class Geolocations {
    /** The documented base hosts (auth-and-quick-connect, "Base URIs and geolocation rules"; old and new lists). */
    public static final Set<String> DOCUMENTED_HOSTS = Set.of(
            "us.api.concursolutions.com", "www-us.api.concursolutions.com",
            "us2.api.concursolutions.com", "www-us2.api.concursolutions.com",
            "eu.api.concursolutions.com", "www-eu.api.concursolutions.com",
            "eu2.api.concursolutions.com", "www-eu2.api.concursolutions.com",
            "emea.api.concursolutions.com", "www-emea.api.concursolutions.com",
            "apj1.api.concursolutions.com", "www-apj1.api.concursolutions.com",
            "usg.api.concursolutions.com", "www-usg.api.concursolutions.com",
            "glz.api.concursolutions.com",
            "cn.api.concurcdc.cn", "www-cn.api.concurcdc.cn",
            "us-impl.api.concursolutions.com", "www-us-impl.api.concursolutions.com",
            "emea-impl.api.concursolutions.com", "www-emea-impl.api.concursolutions.com");

    private static final Geolocations CONCUR = new Geolocations(List.of());

    /** Sandbox origins (scheme, host, port) allowed in addition. */
    private final List<URI> sandboxes;

    private Geolocations(List<URI> sandboxes) {
        this.sandboxes = List.copyOf(sandboxes);
    }

    /** SAP Concur's documented hosts, https on the default port only: the default of every builder. */
    public static Geolocations concur() {
        return CONCUR;
    }

    /**
     * These hosts plus the origin (scheme, host, port; any path) of a sandbox or test server: sandbox mode, only ever
     * set explicitly (the bridge's {@code bridge.concur.sandbox-uri}).
     */
    public Geolocations withSandbox(URI origin) {
        Objects.requireNonNull(origin, "origin");
        if (origin.getScheme() == null || origin.getHost() == null) {
            throw new IllegalArgumentException("sandbox origin must be an absolute http(s) URI, was " + origin);
        }
        List<URI> all = new ArrayList<>(sandboxes);
        all.add(origin);
        return new Geolocations(all);
    }

    /** Whether credentials may be sent to {@code uri}. */
    public boolean allows(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") && (uri.getPort() == -1 || uri.getPort() == 443) && DOCUMENTED_HOSTS.contains(host)) {
            return true;
        }
        for (URI s : sandboxes) {
            if (s.getScheme().equalsIgnoreCase(scheme) && s.getHost().equalsIgnoreCase(host)
                    && port(s) == port(uri)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code uri} when allowed.
     *
     * @param what what the URI is, for the message ("geolocation of the token answer", "301 Location", ...)
     * @throws ConcurException.Permanent naming the URI's origin and the rule (never retried)
     */
    public URI require(URI uri, String what) {
        if (!allows(uri)) {
            throw new ConcurException.Permanent(what + " '" + origin(uri) + "' refused: credentials are sent only to"
                    + " SAP Concur's documented API hosts over https" + (sandboxes.isEmpty() ? ""
                    : " and the sandbox " + sandboxes.stream().map(Geolocations::origin).toList()), 0, null, null,
                    null);
        }
        return uri;
    }

    /** scheme://host:port of a URI, without path or query (which may carry a secret). */
    static String origin(URI uri) {
        if (uri == null) {
            return "null";
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
    }

    @Override
    public String toString() {
        return "Geolocations[documented hosts" + (sandboxes.isEmpty() ? "" : ", sandbox "
                + sandboxes.stream().map(Geolocations::origin).toList()) + "]";
    }
}

package org.concurbridge.sandbox.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The runtime fault-injection rules of one sandbox. Rules are tried in the order they were added; the first that
 * matches a request and fires (its {@code times} not used up, its {@code probability} drawn) applies. Every random
 * draw comes from one {@link Random} seeded from the sandbox seed, so the same seed and the same request sequence
 * give the same faults. Thread-safe.
 */
public final class Faults {

    /** A rule as currently installed: how often it may still fire (null = unlimited) and has fired. */
    public record ActiveFault(String id, FaultRule rule, Integer remaining, int fired) {
    }

    private static final class Active {
        final String id;
        final FaultRule rule;
        final Pattern path;
        Integer remaining;
        int fired;

        Active(String id, FaultRule rule) {
            this.id = id;
            this.rule = rule;
            this.path = compile(rule.path());
            this.remaining = rule.times();
        }

        boolean matches(String method, String requestPath, String geo, String company) {
            return ("*".equals(rule.method()) || rule.method().equalsIgnoreCase(method))
                    && (rule.geo() == null || rule.geo().equalsIgnoreCase(geo))
                    && (rule.company() == null || rule.company().equalsIgnoreCase(company))
                    && path.matcher(requestPath).matches();
        }
    }

    private final Random random;
    private final List<Active> rules = new ArrayList<>();
    private final List<Gate> gates = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int nextId = 1;

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    /** Installs a rule and returns its id (for {@link #remove(String)}). */
    public synchronized String add(FaultRule rule) {
        Objects.requireNonNull(rule, "rule");
        if (!rule.hasEffect()) {
            throw new IllegalArgumentException(
                    "fault rule needs an effect: 'status', 'delayMillis', 'connectionReset', 'truncateBody',"
                            + " 'answerLost' or 'answerDelayMillis'");
        }
        Active active = new Active("f" + nextId++, rule);
        rules.add(active);
        return active.id;
    }

    public synchronized boolean remove(String id) {
        return rules.removeIf(r -> r.id.equals(id));
    }

    public synchronized void clear() {
        rules.clear();
        gates.forEach(Gate::open);
        gates.clear();
    }

    /** Holds every request matching {@code method} and {@code path} (as in a rule) until the gate lets it through. */
    public Gate hold(String method, String path) {
        Gate gate = new Gate(method, path);
        gates.add(gate);
        return gate;
    }

    /** Called for every observed request before its endpoint: waits at each matching gate. */
    public void pass(String method, String path) {
        for (Gate g : gates) {
            if (g.matches(method, path)) {
                g.pass();
            }
        }
    }

    public synchronized List<ActiveFault> list() {
        return rules.stream().map(r -> new ActiveFault(r.id, r.rule, r.remaining, r.fired)).toList();
    }

    /**
     * Decides whether a fault applies to this request; {@code geo} and {@code company} may be null (not known).
     * Consumes one of the rule's {@code times} when it fires.
     */
    public synchronized Optional<FaultDecision> decide(String method, String path, String geo, String company) {
        for (Active r : rules) {
            if ((r.remaining != null && r.remaining == 0) || !r.matches(method, path, geo, company)) {
                continue;
            }
            if (r.rule.probability() != null && random.nextDouble() >= r.rule.probability()) {
                continue;
            }
            if (r.remaining != null) {
                r.remaining--;
            }
            r.fired++;
            return Optional.of(new FaultDecision(r.id, r.rule, drawDelay(r.rule)));
        }
        return Optional.empty();
    }

    private Duration drawDelay(FaultRule rule) {
        if (rule.delayMillis() == null) {
            return Duration.ZERO;
        }
        long min = rule.delayMillis();
        long max = rule.delayMaxMillis() == null ? min : rule.delayMaxMillis();
        return Duration.ofMillis(max > min ? min + random.nextLong(max - min + 1) : min);
    }

    /** {@code *} and {@code {name}} = one segment, a trailing {@code /**} = anything below, the rest literal. */
    static Pattern compile(String pathPattern) {
        StringBuilder regex = new StringBuilder();
        String rest = pathPattern;
        boolean anyTail = rest.endsWith("/**");
        if (anyTail) {
            rest = rest.substring(0, rest.length() - 3);
        }
        for (String segment : rest.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            regex.append('/');
            if (segment.equals("*") || (segment.startsWith("{") && segment.endsWith("}"))) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(segment));
            }
        }
        if (anyTail) {
            regex.append("(/.*)?");
        }
        // Javalin ignores trailing slashes; so do the rules.
        regex.append("/?");
        return Pattern.compile(regex.toString());
    }
}

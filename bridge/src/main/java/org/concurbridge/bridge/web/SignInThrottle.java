package org.concurbridge.bridge.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in throttling (form and HTTP Basic): after {@value #MAX_FAILURES} wrong passwords for a user name within
 * {@link #WINDOW}, the name is locked for {@link #LOCK} after the last failure — every attempt, even with the right
 * password, is refused (the account reads as locked before the password is checked). A successful sign-in clears the
 * count. In memory, per instance: a restart clears it.
 */
@Component
public class SignInThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private record Failures(int count, Instant first, Instant last) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether sign-in as {@code username} is refused now. */
    public boolean locked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.count() >= MAX_FAILURES && clock.instant().isBefore(f.last().plus(LOCK));
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        Instant now = clock.instant();
        Failures f = failures.compute(key(name), (k, old) -> old == null || now.isAfter(old.first().plus(WINDOW))
                && old.count() < MAX_FAILURES || old.count() >= MAX_FAILURES && now.isAfter(old.last().plus(LOCK))
                ? new Failures(1, now, now) : new Failures(old.count() + 1, old.first(), now));
        if (f.count() == MAX_FAILURES) {
            log.warn("event=sign_in_locked user=\"{}\" failures={} lock={}", name, f.count(), LOCK);
        }
        if (failures.size() > 10_000) {
            failures.clear(); // bounded memory against name spraying; throttling restarts
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}

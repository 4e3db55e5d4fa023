package org.concurbridge.bridge.web;

import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.store.SettingsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.security.SecureRandom;

/**
 * The dashboard's single administrator. With {@code bridge.admin.password} set, that password (hashed in memory at
 * startup). Without it, a password generated on the first start: stored only as a BCrypt hash in {@code settings},
 * printed once to standard output (not to the log, so it never reaches the log file) and never again.
 */
@Component
public class AdminAccount implements UserDetailsService {
    /** The {@code settings} key of the generated password's BCrypt hash. */
    public static final String GENERATED_HASH_KEY = "admin.password.bcrypt";
    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final BridgeProperties.Admin admin;
    private final SettingsRepository settings;
    private final PasswordEncoder encoder;
    private final String configuredHash;
    private final SecureRandom random = new SecureRandom();
    private final SignInThrottle throttle;

    AdminAccount(BridgeProperties properties, SettingsRepository settings, PasswordEncoder encoder,
                 SignInThrottle throttle) {
        this.throttle = throttle;
        this.admin = properties.admin();
        this.settings = settings;
        this.encoder = encoder;
        this.configuredHash = admin.password() == null ? null : encoder.encode(admin.password().reveal());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (!admin.username().equals(username)) {
            throw new UsernameNotFoundException("unknown user");
        }
        String hash = configuredHash != null ? configuredHash
                : settings.get(GENERATED_HASH_KEY).orElseThrow(() -> new UsernameNotFoundException("no password yet"));
        return User.withUsername(username).password(hash).roles("ADMIN")
                .accountLocked(throttle != null && throttle.locked(username)).build();
    }

    /** On the first start without a configured password: generate one, store its hash, print it once. */
    @EventListener(ApplicationReadyEvent.class)
    void ensurePassword() {
        if (configuredHash != null) {
            log.info("event=admin_account username={} password=configured", admin.username());
            return;
        }
        if (settings.get(GENERATED_HASH_KEY).isPresent()) {
            log.info("event=admin_account username={} password=generated-earlier", admin.username());
            return;
        }
        String password = newPassword();
        if (settings.putIfAbsent(GENERATED_HASH_KEY, encoder.encode(password))) {
            print(password);
        }
    }

    /**
     * Replaces the generated password with a new one and returns it (for a CLI command to show once). Has no effect on
     * sign-in while {@code bridge.admin.password} is configured.
     */
    public String resetGeneratedPassword() {
        String password = newPassword();
        settings.delete(GENERATED_HASH_KEY);
        if (!settings.putIfAbsent(GENERATED_HASH_KEY, encoder.encode(password))) {
            throw new IllegalStateException("another instance reset the administrator password at the same time");
        }
        log.info("event=admin_password_reset username={}", admin.username());
        return password;
    }

    private void print(String password) {
        PrintStream console = System.out;
        String line = "=".repeat(78);
        console.println(line);
        console.println(" Concur ERP Bridge: a password was generated for the dashboard administrator.");
        console.println();
        console.println("   username: " + admin.username());
        console.println("   password: " + password);
        console.println();
        console.println(" It is shown only this once and stored only as a hash. To choose your own, set");
        console.println(" bridge.admin.password (BRIDGE_ADMIN_PASSWORD); to get a new one, see docs/operations.md.");
        console.println(line);
        console.flush();
        log.info("event=admin_password_generated username={} note=\"printed once to standard output, not logged\"",
                admin.username());
    }

    private String newPassword() {
        StringBuilder s = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }
}

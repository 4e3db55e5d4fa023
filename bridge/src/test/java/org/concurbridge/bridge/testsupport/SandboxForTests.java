package org.concurbridge.bridge.testsupport;

import org.concurbridge.bridge.connect.ConcurClients;
import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.store.ConnectionState;
import org.concurbridge.client.Secret;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.RecordedRequest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.UUID;

/**
 * A Concur sandbox on a free loopback port for one test class, with a partner app of its own, and the bridge
 * properties that point at it (token endpoint at the sandbox's GLZ, the app's client id and secret, an admin user).
 * Registered with {@code @RegisterExtension} it closes itself after the class's last test.
 */
public final class SandboxForTests implements AutoCloseable, AfterAllCallback {
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password-1";

    private final String clientId = UUID.randomUUID().toString();
    private final String clientSecret = UUID.randomUUID().toString();
    private ConcurSandbox sandbox;

    public synchronized ConcurSandbox sandbox() {
        if (sandbox == null) {
            sandbox = ConcurSandbox.builder().port(0).seed(7L).build().start();
            sandbox.registerApp(clientId, clientSecret, "http://localhost:8080/concur/connect");
        }
        return sandbox;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** Registers the bridge properties for a {@code @SpringBootTest}; {@code name} isolates its embedded database. */
    public void register(DynamicPropertyRegistry registry, String name) {
        registry.add("bridge.concur.client-id", this::clientId);
        registry.add("bridge.concur.client-secret", this::clientSecret);
        registry.add("bridge.concur.token-base-uri", () -> sandbox().geolocation("glz").toString());
        registry.add("bridge.concur.sandbox-uri", () -> sandbox().geolocation("glz").toString());
        registry.add("bridge.admin.username", () -> ADMIN_USER);
        registry.add("bridge.admin.password", () -> ADMIN_PASSWORD);
        String run = name + "_" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("bridge.store.url", () -> "jdbc:h2:mem:" + run.replace('-', '_')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("bridge.secrets.key-file", () -> "target/test-data/" + run + "/secret.key");
        registry.add("logging.file.name", () -> "target/test-data/" + run + "/bridge.log");
        registry.add("bridge.jobs.poll-interval", () -> "200ms");
    }

    /**
     * Connects the company through Quick Connect with a fresh request token unless it is connected already (for the
     * {@code @BeforeEach} of a class whose tests share one application context).
     */
    public void connectOnce(QuickConnectService quickConnect, ConnectionRepository connections, String company) {
        if (connections.find(company).isEmpty()) {
            quickConnect.connect(company, Secret.of(sandbox().companyRequestToken(company)), "admin-user");
        }
    }

    /**
     * As {@link #connectOnce(QuickConnectService, ConnectionRepository, String)}, and a connection that is no longer
     * {@code CONNECTED} (a test revoked it, a class sharing the sandbox left it so) is connected again, dropping the
     * bridge's cached client of it.
     */
    public void connectOnce(QuickConnectService quickConnect, ConnectionRepository connections, ConcurClients clients,
                            String company) {
        if (connections.find(company).filter(c -> c.state() == ConnectionState.CONNECTED).isEmpty()) {
            clients.evict(company);
            quickConnect.connect(company, Secret.of(sandbox().companyRequestToken(company)), "admin-user");
        }
    }

    /** The app's Quick Connect landing page, once the bridge's port is known. */
    public void connectUriIs(String connectUri) {
        sandbox().registerApp(clientId, clientSecret, connectUri);
    }

    public long tokenCalls() {
        return count("POST", "/oauth2/v0/token");
    }

    public long revokeCalls() {
        return count("DELETE", "/app-mgmt/v0/connections");
    }

    public long count(String method, String pathSuffix) {
        return sandbox().requests().stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix))
                .count();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }
}

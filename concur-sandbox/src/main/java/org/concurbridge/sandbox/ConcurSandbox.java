package org.concurbridge.sandbox;

import io.javalin.Javalin;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.concurbridge.sandbox.admin.AdminModule;
import org.concurbridge.sandbox.appcenter.AppCenterModule;
import org.concurbridge.sandbox.faults.Faults;
import org.concurbridge.sandbox.extract.Extracts;
import org.concurbridge.sandbox.fis.Fis;
import org.concurbridge.sandbox.lists.Lists;
import org.concurbridge.sandbox.oauth.OAuthModule;
import org.concurbridge.sandbox.paymentbatch.PaymentBatches;
import org.concurbridge.sandbox.profile.ProfileModule;
import org.concurbridge.sandbox.vendors.Vendors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stateful emulator of the SAP Concur APIs the bridge uses, on real HTTP. Every geolocation is a path prefix of
 * one server ({@code http://127.0.0.1:PORT/us}, {@code /eu}, {@code /glz}, ...).
 *
 * <pre>{@code
 * try (ConcurSandbox sb = ConcurSandbox.builder().port(0).seed(42L).build().start()) {
 *     String requestToken = sb.companyRequestToken(SandboxDemo.PROFESSIONAL_COMPANY);
 *     // POST sb.geolocation("glz") + "/oauth2/v0/token" ...
 * }
 * }</pre>
 */
public final class ConcurSandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConcurSandbox.class);

    private final SandboxState state;
    private final Javalin server;
    private final String host;
    private final int port;
    private final long seed;
    private final Fis fis = new Fis();
    private final Extracts extracts = new Extracts(fis);
    private final PaymentBatches paymentBatches = new PaymentBatches(fis);
    private final Lists lists = new Lists();
    private final Vendors vendors = new Vendors();

    private ConcurSandbox(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.seed = b.seed != null ? b.seed : new SecureRandom().nextLong();
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.state = new SandboxState(b.clock != null ? b.clock : SandboxClock.system(), seed, json);
        List<SandboxModule> modules = new ArrayList<>();
        modules.add(new AdminModule());
        modules.add(new OAuthModule());
        modules.add(new ProfileModule());
        modules.add(new AppCenterModule());
        modules.add(fis);
        modules.add(extracts);
        modules.add(paymentBatches);
        modules.add(lists);
        modules.add(vendors);
        modules.addAll(b.modules);
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.before(ctx -> {
                String id = ctx.header(SandboxRoutes.CORRELATION_ID);
                if (id == null || id.isBlank()) {
                    id = state.newUuid();
                }
                ctx.attribute(SandboxRoutes.CORRELATION_ATTRIBUTE, id);
                ctx.header(SandboxRoutes.CORRELATION_ID, id);
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("sandbox request failed path={}", ctx.path(), e);
                ctx.status(500).contentType("application/json")
                        .result("{\"error\":\"server_error\",\"error_description\":\"sandbox failure\"}");
            });
            SandboxRoutes routes = new SandboxRoutes(config.routes, state);
            modules.forEach(m -> m.register(routes, state));
        });
        if (b.demoData) {
            SandboxDemo.register(this, b.demoConnectUri);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the HTTP server; returns this. */
    public ConcurSandbox start() {
        server.start(host, port);
        String uriHost = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
        state.started(URI.create("http://" + uriHost + ":" + server.port()));
        log.info("concur sandbox started baseUri={} seed={} companies={}", state.baseUri(), seed,
                state.companies().size());
        return this;
    }

    @Override
    public void close() {
        server.stop();
        log.info("concur sandbox stopped");
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUri() {
        return state.baseUri();
    }

    /** {@code http://127.0.0.1:PORT/<geo>}: what the sandbox returns as {@code geolocation}. */
    public URI geolocation(String geo) {
        return state.geolocation(geo);
    }

    public long seed() {
        return seed;
    }

    /** Registers (or replaces) a partner app with the default ERP-integration scopes. */
    public void registerApp(String clientId, String clientSecret, String connectUri) {
        registerApp(clientId, clientSecret, connectUri, SandboxApp.DEFAULT_SCOPE);
    }

    public void registerApp(String clientId, String clientSecret, String connectUri, String scope) {
        state.registerApp(new SandboxApp(clientId, clientSecret, connectUri, scope));
    }

    /** Adds a company with a generated (seeded) UUID. */
    public SandboxCompany addCompany(String name, String marketingName, String geo) {
        return state.addCompany(state.newUuid(), name, marketingName, geo);
    }

    public SandboxCompany addCompany(String uuid, String name, String marketingName, String geo) {
        return state.addCompany(uuid, name, marketingName, geo);
    }

    /** Adds a company that has bought exactly {@code products}, e.g. {@code EnumSet.of(EXPENSE)}: no Invoice. */
    public SandboxCompany addCompany(String uuid, String name, String marketingName, String geo,
                                     Set<SandboxProduct> products) {
        return state.addCompany(uuid, name, marketingName, geo, products);
    }

    /** The products the company has bought (Expense, Invoice). */
    public Set<SandboxProduct> products(String companyUuid) {
        return state.products(requireCompany(companyUuid).uuid());
    }

    /** Replaces the products of a company (e.g. remove Invoice: Vendor v3.1 then answers 403). */
    public void products(String companyUuid, Set<SandboxProduct> products) {
        state.products(companyUuid, products);
    }

    public List<SandboxCompany> companies() {
        return state.companies();
    }

    /**
     * The Company Request Token tool: a new request token for the company, valid 24 h on the sandbox clock and
     * reusable within that window, accepted for any registered app.
     */
    public String companyRequestToken(String companyUuid) {
        return companyRequestToken(companyUuid, null);
    }

    /** A request token only {@code clientId} may exchange (others get code 136); null = any app. */
    public String companyRequestToken(String companyUuid, String clientId) {
        SandboxCompany company = requireCompany(companyUuid);
        if (clientId != null && state.app(clientId).isEmpty()) {
            throw new IllegalArgumentException("no app with client id " + clientId);
        }
        return state.tokens().issueRequestToken(company.uuid(), clientId).value();
    }

    /** Revokes every access and refresh token of the company (simulates a revoked app); returns how many. */
    public int revokeAll(String companyUuid) {
        return state.tokens().revoke(requireCompany(companyUuid).uuid(), null);
    }

    /** Disables (true) or enables an app: its token requests answer code 59 {@code access_denied} "client disabled". */
    public void appDisabled(String clientId, boolean disabled) {
        state.appDisabled(clientId, disabled);
    }

    /**
     * Revokes the company's access tokens only (their refresh tokens keep working): the next API call with a cached
     * token answers as that API documents for an expired or revoked token (401, or 403 on the classic XML APIs).
     */
    public int revokeAccessTokens(String companyUuid) {
        return state.tokens().revokeAccessTokens(requireCompany(companyUuid).uuid());
    }

    /** Financial Integration Service v4: documents, generator, recall and re-approval, confirmations received. */
    public Fis fis() {
        return fis;
    }

    /** Extracts v1 (Professional): definitions, jobs on the sandbox clock, SAE/PRAE files from the FIS documents. */
    public Extracts extracts() {
        return extracts;
    }

    /** Payment Batches v1.1/v1.2 (Standard): batches of the FIS documents, async/sync close, SAE files. */
    public PaymentBatches paymentBatches() {
        return paymentBatches;
    }

    /** List v4, List Item v4, List Item Bulk v4, List Item v3 and Lists v3: seed lists and items, read them back. */
    public Lists lists() {
        return lists;
    }

    /** Invoice Vendor v3.1 (+ banks, groups; v3 decommissioned): the vendor master per company, seeding, reads. */
    public Vendors vendors() {
        return vendors;
    }

    public Faults faults() {
        return state.faults();
    }

    public List<RecordedRequest> requests() {
        return state.requests().list();
    }

    /** Requests being handled right now (see {@link RequestLog#inProgress()}). */
    public int requestsInProgress() {
        return state.requests().inProgress();
    }

    public void clearRequests() {
        state.requests().clear();
    }

    public SandboxClock clock() {
        return state.clock();
    }

    private SandboxCompany requireCompany(String uuid) {
        return state.company(uuid).orElseThrow(() -> new IllegalArgumentException("no company " + uuid));
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private SandboxClock clock;
        private Long seed;
        private boolean demoData = true;
        private String demoConnectUri = SandboxDemo.DEFAULT_CONNECT_URI;
        private final List<SandboxModule> modules = new ArrayList<>();

        private Builder() {
        }

        /** 0 (the default) = an ephemeral port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535 (got " + port + ")");
            }
            this.port = port;
            return this;
        }

        /** The interface to bind; default 127.0.0.1 (the admin API has no authentication). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder clock(SandboxClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Seeds every random choice (ids, tokens, fault draws); default: a random seed, logged at start. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Registers the {@link SandboxDemo} app and companies (default true). */
        public Builder demoData(boolean demoData) {
            this.demoData = demoData;
            return this;
        }

        /** The demo app's Quick Connect landing URI; default {@value SandboxDemo#DEFAULT_CONNECT_URI}. */
        public Builder demoConnectUri(String connectUri) {
            this.demoConnectUri = Objects.requireNonNull(connectUri, "connectUri");
            return this;
        }

        /** Adds a capability module (later APIs: FIS, Extracts, ...). */
        public Builder module(SandboxModule module) {
            modules.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        public ConcurSandbox build() {
            return new ConcurSandbox(this);
        }
    }
}

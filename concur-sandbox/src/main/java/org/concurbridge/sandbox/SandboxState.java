package org.concurbridge.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.concurbridge.sandbox.faults.Faults;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state every {@link SandboxModule} shares: companies, partner apps, geolocations, tokens, the clock, the fault
 * rules and the request log. Thread-safe.
 */
public final class SandboxState {

    /** The Global Landing Zone: accepts token requests for any company (auth-and-quick-connect.md 3.1). */
    public static final String GLZ = "glz";

    private static final Pattern GEO = Pattern.compile("[a-z][a-z0-9-]{1,15}");
    private static final Set<String> RESERVED = Set.of("admin", "appcenter", "profile-service");

    private final SandboxClock clock;
    private final Ids ids;
    private final JsonMapper json;
    private final TokenRegistry tokens;
    private final Faults faults;
    private final RequestLog requests;
    private final Map<String, SandboxCompany> companies = new LinkedHashMap<>();
    private final Map<String, SandboxApp> apps = new LinkedHashMap<>();
    private final Set<String> disabledApps = new java.util.HashSet<>();
    /** Products per company UUID; guarded by {@code companies}. */
    private final Map<String, Set<SandboxProduct>> products = new LinkedHashMap<>();
    private final Set<String> geos = ConcurrentHashMap.newKeySet();
    private volatile URI baseUri;

    SandboxState(SandboxClock clock, long seed, JsonMapper json) {
        this.clock = clock;
        this.json = json;
        this.ids = new Ids(seed);
        Ids keyIds = new Ids(seed ^ 0x5DEECE66DL);
        this.tokens = new TokenRegistry(clock, ids, new Jwt(keyIds.bytes(32), json));
        this.faults = new Faults(seed ^ 0x2545F4914F6CDD1DL);
        this.requests = new RequestLog();
        geos.addAll(List.of("us", "eu", GLZ));
    }

    public SandboxClock clock() {
        return clock;
    }

    public JsonMapper json() {
        return json;
    }

    public TokenRegistry tokens() {
        return tokens;
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    /** A new UUID from the seeded generator. */
    public String newUuid() {
        return ids.uuid();
    }

    public boolean isGeo(String geo) {
        return geo != null && geos.contains(geo);
    }

    /** The base URI of a geolocation, e.g. {@code http://127.0.0.1:8090/us} (what {@code geolocation} fields carry). */
    public URI geolocation(String geo) {
        if (baseUri == null) {
            throw new IllegalStateException("the sandbox is not started yet");
        }
        return URI.create(baseUri + "/" + geo);
    }

    public URI baseUri() {
        if (baseUri == null) {
            throw new IllegalStateException("the sandbox is not started yet");
        }
        return baseUri;
    }

    void started(URI uri) {
        this.baseUri = uri;
    }

    /** Adds a company with the {@link SandboxProduct#defaults() default products} (Expense and Invoice). */
    public SandboxCompany addCompany(String uuid, String name, String marketingName, String geo) {
        return addCompany(uuid, name, marketingName, geo, SandboxProduct.defaults());
    }

    /** Adds a company that has bought exactly {@code products} (e.g. Expense without Invoice). */
    public SandboxCompany addCompany(String uuid, String name, String marketingName, String geo,
                                     Set<SandboxProduct> products) {
        Objects.requireNonNull(products, "products");
        requireText(uuid, "uuid");
        requireText(name, "name");
        requireText(marketingName, "marketingName");
        requireText(geo, "geo");
        String g = geo.toLowerCase(Locale.ROOT);
        if (!GEO.matcher(g).matches() || RESERVED.contains(g)) {
            throw new IllegalArgumentException("geo must be a short lower-case name like 'us' or 'eu', not a reserved"
                    + " path (got '" + geo + "')");
        }
        if (GLZ.equals(g)) {
            throw new IllegalArgumentException("geo 'glz' is the Global Landing Zone, not a company's home");
        }
        SandboxCompany company = new SandboxCompany(uuid.toLowerCase(Locale.ROOT), name, marketingName, g);
        synchronized (companies) {
            if (companies.containsKey(company.uuid())) {
                throw new IllegalArgumentException("company " + company.uuid() + " already exists");
            }
            companies.put(company.uuid(), company);
            this.products.put(company.uuid(), copy(products));
        }
        geos.add(g);
        return company;
    }

    /** Company by UUID, case-insensitively (Concur prints company UUIDs in either case). */
    public Optional<SandboxCompany> company(String uuid) {
        if (uuid == null) {
            return Optional.empty();
        }
        synchronized (companies) {
            return Optional.ofNullable(companies.get(uuid.toLowerCase(Locale.ROOT)));
        }
    }

    public List<SandboxCompany> companies() {
        synchronized (companies) {
            return new ArrayList<>(companies.values());
        }
    }

    /** The products the company has bought (a copy); empty for an unknown company. */
    public Set<SandboxProduct> products(String companyUuid) {
        synchronized (companies) {
            Set<SandboxProduct> p = companyUuid == null ? null : products.get(companyUuid.toLowerCase(Locale.ROOT));
            return p == null ? EnumSet.noneOf(SandboxProduct.class) : copy(p);
        }
    }

    public boolean hasProduct(String companyUuid, SandboxProduct product) {
        return products(companyUuid).contains(product);
    }

    /** Replaces the products of an existing company (the customer bought or cancelled a product). */
    public void products(String companyUuid, Set<SandboxProduct> newProducts) {
        Objects.requireNonNull(newProducts, "products");
        SandboxCompany company = company(companyUuid)
                .orElseThrow(() -> new IllegalArgumentException("no company " + companyUuid));
        synchronized (companies) {
            products.put(company.uuid(), copy(newProducts));
        }
    }

    private static Set<SandboxProduct> copy(Set<SandboxProduct> p) {
        return p.isEmpty() ? EnumSet.noneOf(SandboxProduct.class) : EnumSet.copyOf(p);
    }

    /** Registers or replaces an app (replacing = the partner changed its secret or connect URI). */
    public SandboxApp registerApp(SandboxApp app) {
        synchronized (apps) {
            apps.put(app.clientId(), app);
        }
        return app;
    }

    /** Disables (or enables again) an app at SAP Concur: its token requests answer code 59 "client disabled". */
    public void appDisabled(String clientId, boolean disabled) {
        synchronized (apps) {
            if (disabled) {
                disabledApps.add(clientId);
            } else {
                disabledApps.remove(clientId);
            }
        }
    }

    public boolean appDisabled(String clientId) {
        synchronized (apps) {
            return disabledApps.contains(clientId);
        }
    }

    public Optional<SandboxApp> app(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        synchronized (apps) {
            return Optional.ofNullable(apps.get(clientId));
        }
    }

    public List<SandboxApp> apps() {
        synchronized (apps) {
            return new ArrayList<>(apps.values());
        }
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}

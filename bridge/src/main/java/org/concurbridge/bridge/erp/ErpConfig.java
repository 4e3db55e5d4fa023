package org.concurbridge.bridge.erp;

import org.concurbridge.client.Secret;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which ERP the bridge posts into, and how to reach it. Every key is declared once in {@link #KEYS} (name, default,
 * description, validator); {@link #parse(Map)} validates each field and reports every error at once.
 * Reference: {@code docs/erp-adapters.md}.
 */
public sealed interface ErpConfig permits ErpConfig.Sql, ErpConfig.Tryton {

    /**
     * SQL interface tables.
     *
     * @param jdbcUrl      JDBC URL of the staging database; null = the bridge's own database
     * @param user         database user (ignored when {@code jdbcUrl} is null)
     * @param password     database password, or null
     * @param schema       schema holding the interface tables
     * @param batchSize    entries per insert batch and transaction
     * @param migrate      create/upgrade the tables with Flyway at start
     * @param seedDemo     load the demo master data (never on a production staging database)
     * @param changeSettle rows changed more recently than this are read on the next pass
     */
    record Sql(String jdbcUrl, String user, Secret password, String schema, int batchSize, boolean migrate,
               boolean seedDemo, Duration changeSettle) implements ErpConfig {
        public Sql {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(changeSettle, "changeSettle");
        }

        /** The embedded default: the bridge's own database, schema {@code erp}. */
        public static Sql embedded(boolean seedDemo) {
            return new Sql(null, null, null, "erp", 1000, true, seedDemo, Duration.ofSeconds(2));
        }
    }

    /**
     * Tryton over JSON-RPC.
     *
     * @param url       server root, e.g. {@code http://erp.example.com:8000/}
     * @param database  Tryton database name
     * @param user      login
     * @param password  password
     * @param companyId {@code company.company} id for entries without a company (and the default master-data company)
     * @param journal   code of the {@code account.journal} for the moves
     * @param batchSize moves per create/post call
     * @param timeout   per-request timeout
     * @param companies entry company code → {@code company.company} id, for codes that are not the Tryton
     *                  company's party code (an entry goes to the company of its code, see {@code TrytonCompanies})
     * @param masterDataCompanyIds the {@code company.company} ids master data is read from, first = highest
     *                  priority for a code two of them have; empty = {@code companyId} only
     */
    record Tryton(URI url, String database, String user, Secret password, int companyId, String journal,
                  int batchSize, Duration timeout, Map<String, Integer> companies,
                  List<Integer> masterDataCompanyIds) implements ErpConfig {
        public Tryton {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(journal, "journal");
            Objects.requireNonNull(timeout, "timeout");
            companies = Map.copyOf(companies);
            masterDataCompanyIds = masterDataCompanyIds.isEmpty() ? List.of(companyId)
                    : List.copyOf(masterDataCompanyIds);
        }

        /** Master data from {@code companyId} only. */
        public Tryton(URI url, String database, String user, Secret password, int companyId, String journal,
                      int batchSize, Duration timeout, Map<String, Integer> companies) {
            this(url, database, user, password, companyId, journal, batchSize, timeout, companies, List.of());
        }

        /** One company: {@code erp.tryton.companies} empty. */
        public Tryton(URI url, String database, String user, Secret password, int companyId, String journal,
                      int batchSize, Duration timeout) {
            this(url, database, user, password, companyId, journal, batchSize, timeout, Map.of(), List.of());
        }

        /** The JSON-RPC endpoint of the database. */
        public URI databaseUri() {
            String base = url.toString().endsWith("/") ? url.toString() : url + "/";
            return URI.create(base + database + "/");
        }
    }

    /** One configuration key: its name, default (null = required or optional without default) and meaning. */
    record Key(String name, String defaultValue, String description) {
    }

    List<Key> KEYS = List.of(
            new Key("erp.adapter", "sql", "ERP adapter: sql (interface tables) or tryton (JSON-RPC)"),
            new Key("erp.sql.jdbc-url", null, "JDBC URL of the ERP staging database; empty = the bridge's own"
                    + " database (embedded default)"),
            new Key("erp.sql.user", null, "database user for erp.sql.jdbc-url"),
            new Key("erp.sql.password", null, "database password for erp.sql.jdbc-url (secret)"),
            new Key("erp.sql.schema", "erp", "schema of the interface tables (lower-case identifier)"),
            new Key("erp.sql.batch-size", "1000", "journal entries per insert batch and transaction (1-10000)"),
            new Key("erp.sql.migrate", "true", "create/upgrade the interface tables with Flyway at start"),
            new Key("erp.sql.seed-demo", "false", "load the demo chart of accounts, suppliers, cost objects and"
                    + " purchase orders (demo only)"),
            new Key("erp.sql.change-settle", "PT2S", "ISO-8601 duration; master-data rows changed more recently"
                    + " are read on the next pass"),
            new Key("erp.tryton.url", null, "Tryton server root URL, e.g. http://127.0.0.1:8000/ (required)"),
            new Key("erp.tryton.database", null, "Tryton database name (required)"),
            new Key("erp.tryton.user", "admin", "Tryton login"),
            new Key("erp.tryton.password", null, "Tryton password (secret, required)"),
            new Key("erp.tryton.company-id", "1", "id of the company.company for entries without a company (and"
                    + " for master data unless erp.tryton.master-data-company-ids is set)"),
            new Key("erp.tryton.master-data-company-ids", "", "comma-separated company.company ids master data is"
                    + " read from, first wins a code two of them have; empty = erp.tryton.company-id"),
            new Key("erp.tryton.companies", "", "comma-separated code=id pairs: entries whose company is the code post"
                    + " into that company.company; other codes go to the Tryton company with that party code"),
            new Key("erp.tryton.journal", "MISC", "code of the account.journal the moves go to"),
            new Key("erp.tryton.batch-size", "10", "moves per create/post call (1-500)"),
            new Key("erp.tryton.timeout", "PT30S", "ISO-8601 duration; timeout of each JSON-RPC request"));

    /** One invalid field. */
    record FieldError(String key, String value, String message) {
        @Override
        public String toString() {
            return key + (value == null ? "" : "='" + value + "'") + ": " + message;
        }
    }

    /** The configuration is invalid; {@link #errors()} lists every field at fault. */
    final class InvalidException extends IllegalArgumentException {
        private final List<FieldError> errors;

        public InvalidException(List<FieldError> errors) {
            super("invalid ERP configuration: " + String.join("; ", errors.stream().map(FieldError::toString).toList()));
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /**
     * Reads the {@code erp.*} keys (missing keys take their default) into a validated configuration.
     *
     * @throws InvalidException listing every invalid field
     */
    static ErpConfig parse(Map<String, String> properties) {
        ConfigFields f = new ConfigFields(properties);
        String adapter = f.text("erp.adapter").toLowerCase(Locale.ROOT);
        ErpConfig config = switch (adapter) {
            case "sql" -> {
                String url = f.optional("erp.sql.jdbc-url");
                if (url != null && !url.startsWith("jdbc:")) {
                    f.error("erp.sql.jdbc-url", url, "must start with jdbc:");
                }
                String schema = f.text("erp.sql.schema");
                if (!Pattern.matches("[a-z_][a-z0-9_]{0,62}", schema)) {
                    f.error("erp.sql.schema", schema, "must be a lower-case SQL identifier");
                }
                yield new Sql(url, f.optional("erp.sql.user"), f.secret("erp.sql.password", false), schema,
                        f.integer("erp.sql.batch-size", 1, 10_000), f.bool("erp.sql.migrate"),
                        f.bool("erp.sql.seed-demo"), orZero(f.duration("erp.sql.change-settle")));
            }
            case "tryton" -> {
                URI url = f.parsed("erp.tryton.url", v -> {
                    URI u = URI.create(v);
                    if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                        throw new IllegalArgumentException("must be an http(s) URL with a host");
                    }
                    return u;
                });
                String database = f.required("erp.tryton.database");
                if (database != null && !Pattern.matches("[A-Za-z0-9_.-]+", database)) {
                    f.error("erp.tryton.database", database, "may contain only letters, digits, '_', '.', '-'");
                }
                Duration timeout = f.duration("erp.tryton.timeout");
                if (timeout != null && timeout.isZero()) {
                    f.error("erp.tryton.timeout", timeout.toString(), "must be positive");
                }
                yield new Tryton(url == null ? URI.create("http://invalid/") : url, database == null ? "" : database,
                        f.text("erp.tryton.user"), orPlaceholder(f.secret("erp.tryton.password", true)),
                        f.integer("erp.tryton.company-id", 1, Integer.MAX_VALUE), f.text("erp.tryton.journal"),
                        f.integer("erp.tryton.batch-size", 1, 500), orZero(timeout), companies(f),
                        masterDataCompanyIds(f));
            }
            default -> {
                f.error("erp.adapter", adapter, "must be sql or tryton");
                yield null;
            }
        };
        if (!f.errors.isEmpty()) {
            throw new InvalidException(f.errors);
        }
        return config;
    }

    /** {@code erp.tryton.companies}: {@code US01=2, CA01=3}; every bad pair is reported. */
    private static Map<String, Integer> companies(ConfigFields f) {
        String key = "erp.tryton.companies";
        String v = f.optional(key);
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        if (v == null || v.isBlank()) {
            return out;
        }
        for (String pair : v.split(",")) {
            String[] kv = pair.trim().split("=", -1);
            if (kv.length != 2 || !Pattern.matches("[A-Za-z0-9_.-]{1,50}", kv[0].trim())
                    || !Pattern.matches("[1-9][0-9]{0,8}", kv[1].trim())) {
                f.error(key, pair.trim(), "each entry must be <company code>=<company.company id>, e.g. US01=2");
            } else if (out.putIfAbsent(kv[0].trim(), Integer.valueOf(kv[1].trim())) != null) {
                f.error(key, pair.trim(), "company code " + kv[0].trim() + " is mapped twice");
            }
        }
        return out;
    }

    /** {@code erp.tryton.master-data-company-ids}: {@code 1, 2}; every bad or repeated id is reported. */
    private static List<Integer> masterDataCompanyIds(ConfigFields f) {
        String key = "erp.tryton.master-data-company-ids";
        String v = f.optional(key);
        List<Integer> out = new ArrayList<>();
        if (v == null || v.isBlank()) {
            return out;
        }
        for (String id : v.split(",")) {
            if (!Pattern.matches("[1-9][0-9]{0,8}", id.trim())) {
                f.error(key, id.trim(), "each entry must be a company.company id (a positive whole number), e.g. 1, 2");
            } else if (out.contains(Integer.valueOf(id.trim()))) {
                f.error(key, id.trim(), "company id " + id.trim() + " is listed twice");
            } else {
                out.add(Integer.valueOf(id.trim()));
            }
        }
        return out;
    }

    private static Duration orZero(Duration d) {
        return d == null ? Duration.ZERO : d;  // only reached when an error was recorded
    }

    private static Secret orPlaceholder(Secret s) {
        return s == null ? Secret.of("-") : s;  // only reached when an error was recorded
    }
}

/** Field readers that record an error instead of throwing, so that every field is checked. */
final class ConfigFields {
    private final Map<String, String> properties;
    final List<ErpConfig.FieldError> errors = new ArrayList<>();

    ConfigFields(Map<String, String> properties) {
        this.properties = properties;
    }

    void error(String key, String value, String message) {
        errors.add(new ErpConfig.FieldError(key, value, message));
    }

    private String raw(String key) {
        String v = properties.get(key);
        if (v == null || v.isBlank()) {
            v = ErpConfig.KEYS.stream().filter(k -> k.name().equals(key)).findFirst().orElseThrow().defaultValue();
        }
        return v == null ? null : v.trim();
    }

    String optional(String key) {
        return raw(key);
    }

    String required(String key) {
        String v = raw(key);
        if (v == null) {
            error(key, null, "is required");
        }
        return v;
    }

    String text(String key) {
        String v = required(key);
        return v == null ? "" : v;
    }

    Secret secret(String key, boolean required) {
        String v = properties.get(key);
        if (v == null || v.isEmpty()) {
            if (required) {
                error(key, null, "is required");
            }
            return null;
        }
        return Secret.of(v);
    }

    int integer(String key, int min, int max) {
        Integer v = parsed(key, Integer::valueOf);
        if (v != null && (v < min || v > max)) {
            error(key, v.toString(), "must be between " + min + " and " + max);
        }
        return v == null ? min : v;
    }

    boolean bool(String key) {
        Boolean v = parsed(key, t -> switch (t.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        });
        return v != null && v;
    }

    Duration duration(String key) {
        Duration d = parsed(key, Duration::parse);
        if (d != null && d.isNegative()) {
            error(key, d.toString(), "must not be negative");
        }
        return d;  // null after an error
    }

    <T> T parsed(String key, Function<String, T> parser) {
        String v = required(key);
        if (v == null) {
            return null;
        }
        try {
            return parser.apply(v);
        } catch (NumberFormatException e) {
            error(key, v, "must be a whole number");
        } catch (DateTimeParseException e) {
            error(key, v, "must be an ISO-8601 duration such as PT30S");
        } catch (IllegalArgumentException e) {
            error(key, v, e.getMessage());
        }
        return null;
    }
}

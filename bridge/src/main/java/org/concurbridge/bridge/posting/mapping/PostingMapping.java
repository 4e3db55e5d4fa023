package org.concurbridge.bridge.posting.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.concurbridge.bridge.posting.PostingDocument;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A connection's validated, immutable posting mapping: Concur codes → ERP accounts, companies and cost-object
 * dimensions. {@link #none()} uses Concur's own codes throughout. Unless {@code strict}, a code missing from a
 * section passes through unchanged; companies are never guessed once a {@code companies} section exists.
 */
public final class PostingMapping {

    /** The company of documents that name neither ledger, entity nor company, when no companies are mapped. */
    public static final String DEFAULT_COMPANY = "DEFAULT";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_CODE = 64;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MappingConfig config;
    private final String version;
    private final boolean strict;
    private final List<MappingConfig.CompanyRule> companies;
    private final Map<String, String> accounts;
    private final Map<String, MappingConfig.OffsetRule> offsets;
    private final Map<String, MappingConfig.TaxRule> taxes;
    private final Map<String, List<String>> costObjects;
    /** No companies section means "no ERP company allowed" rather than "Concur's own codes" (shared ERP). */
    private final boolean companiesRequired;

    private PostingMapping(MappingConfig config, String version) {
        this(config, version, false);
    }

    private PostingMapping(MappingConfig config, String version, boolean companiesRequired) {
        this.companiesRequired = companiesRequired;
        this.config = config;
        this.version = version;
        this.strict = Boolean.TRUE.equals(config.strict());
        this.companies = config.companies() == null ? null : config.companies().stream()
                .sorted(Comparator.comparingInt(PostingMapping::specificity).reversed()).toList();
        this.accounts = config.accounts() == null ? Map.of() : Map.copyOf(config.accounts());
        this.offsets = config.offsets() == null ? Map.of() : Map.copyOf(config.offsets());
        this.taxes = config.taxes() == null ? Map.of() : Map.copyOf(config.taxes());
        Map<String, List<String>> dims = new LinkedHashMap<>();
        if (config.costObjects() != null) {
            config.costObjects().forEach((dim, fields) -> dims.put(dim, fields.stream()
                    .sorted(Comparator.comparing(f -> CostObjectLevel.of(f).orElseThrow()))
                    .toList()));
        }
        this.costObjects = dims;
    }

    /**
     * This mapping with its {@code companies} section as the connection's allow-list of ERP companies even when it
     * has none (setting {@code bridge.posting.require-company-mapping}): then no company is allowed, and every document
     * fails to build naming the missing section, instead of posting into the company Concur's ledger code names.
     */
    public PostingMapping requiringCompanies() {
        return companies != null || companiesRequired ? this : new PostingMapping(config, version, true);
    }

    /** The ERP companies this mapping names (its allow-list); empty when it has no companies section. */
    public java.util.Set<String> erpCompanies() {
        return companies == null ? java.util.Set.of()
                : companies.stream().map(MappingConfig.CompanyRule::company).collect(
                        java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** No mapping: Concur's account codes, payment codes, tax codes and ledger pass through as they are. */
    public static PostingMapping none() {
        return new PostingMapping(new MappingConfig(null, null, null, null, null, null, null, null, null),
                PostingDocument.NO_MAPPING);
    }

    /** Validates every field and builds the mapping, or throws with all the field errors. */
    public static PostingMapping from(MappingConfig config) {
        Objects.requireNonNull(config, "config");
        List<FieldError> errors = validate(config);
        if (!errors.isEmpty()) {
            throw new MappingException(null, errors);
        }
        return new PostingMapping(config, versionOf(config));
    }

    /** Reads a YAML or JSON mapping file and validates it; errors name the file and each bad field. */
    public static PostingMapping load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new MappingException(file.toString(), List.of(new FieldError("", "cannot read: " + e.getMessage())));
        }
    }

    /** Reads a YAML or JSON mapping text (e.g. stored per connection) and validates it; errors name {@code name}. */
    public static PostingMapping parse(String text, String name) {
        try {
            return read(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PostingMapping read(InputStream in, String name) throws IOException {
        MappingConfig config;
        try {
            config = YAML.readValue(in, MappingConfig.class);
        } catch (DatabindException e) {
            throw new MappingException(name, List.of(new FieldError(pathOf(e), reasonOf(e))));
        } catch (JacksonException e) {
            throw new MappingException(name, List.of(new FieldError("", "not valid YAML/JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage())));
        }
        if (config == null) {
            config = new MappingConfig(null, null, null, null, null, null, null, null, null);
        }
        List<FieldError> errors = validate(config);
        if (!errors.isEmpty()) {
            throw new MappingException(name, errors);
        }
        return new PostingMapping(config, versionOf(config));
    }

    /** A stable content hash ({@code sha256:…}), or {@link PostingDocument#NO_MAPPING}; recorded on each document. */
    public String version() {
        return version;
    }

    public MappingConfig config() {
        return config;
    }

    public boolean strict() {
        return strict;
    }

    /** The ERP account for a Concur journal account code; empty only when strict and the code is not mapped. */
    public Optional<String> account(String concurCode) {
        String mapped = accounts.get(concurCode);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        return strict ? Optional.empty() : Optional.of(concurCode);
    }

    /**
     * The offset account for a payment code. {@code owedByCounterpart} is true where the counterpart pays the company
     * (EMPL → COMP: a personal charge or a credit), which uses the receivable account when one is mapped. Without a
     * mapping entry the payment code itself is the account (empty when strict).
     */
    public Optional<String> offsetAccount(String paymentCode, boolean owedByCounterpart) {
        MappingConfig.OffsetRule rule = offsets.get(paymentCode);
        if (rule == null) {
            return strict ? Optional.empty() : Optional.of(paymentCode);
        }
        return Optional.of(owedByCounterpart && rule.receivableAccount() != null
                ? rule.receivableAccount() : rule.account());
    }

    /** Tax accounts for a tax code or authority label; without an entry both are the code (empty when strict). */
    public Optional<TaxAccounts> taxAccounts(String taxKey) {
        MappingConfig.TaxRule rule = taxes.get(taxKey);
        if (rule == null) {
            return strict ? Optional.empty() : Optional.of(new TaxAccounts(taxKey, taxKey));
        }
        return Optional.of(new TaxAccounts(rule.account(),
                rule.nonDeductibleAccount() != null ? rule.nonDeductibleAccount() : rule.account()));
    }

    /** Whether payroll-reimbursed reports owe their employee through the report's payroll clearing account. */
    public boolean payrollClearing() {
        return Boolean.TRUE.equals(config.payrollClearing());
    }

    /** The ERP account for invoice shipping, when the mapping names one. */
    public Optional<String> shippingAccount() {
        return Optional.ofNullable(config.shippingAccount());
    }

    /**
     * The ERP cost objects of a line: for each mapped dimension, the first non-blank field, most granular level first;
     * without dimensions, Concur's own fields and codes.
     */
    public Map<String, String> costObjects(CostObjectSource source) {
        if (costObjects.isEmpty()) {
            return source.concurDefaults();
        }
        Map<String, String> out = new LinkedHashMap<>();
        costObjects.forEach((dimension, fields) -> fields.stream().map(source::code).filter(Objects::nonNull)
                .findFirst().ifPresent(code -> out.put(dimension, code)));
        return out;
    }

    /**
     * The ERP company for a Concur entity, ledger and document currency: without a companies section, Concur's own
     * ledger code, else the entity id, else the Concur company id, else {@value #DEFAULT_COMPANY}; with one, the most
     * specific matching rule (entity, then ledger, then document currency), or empty when none matches (a company is
     * never guessed once companies are mapped).
     */
    public Optional<CompanyTarget> company(String entity, String ledger, String documentCurrency,
                                           String concurCompanyId) {
        if (companies == null && companiesRequired) {
            return Optional.empty();   // a connection posts only into the ERP companies its mapping names
        }
        if (companies == null) {
            String own = Stream.of(ledger, entity, concurCompanyId).filter(s -> s != null && !s.isBlank())
                    .findFirst().orElse(DEFAULT_COMPANY);
            return Optional.of(new CompanyTarget(own, null));
        }
        return companies.stream()
                .filter(r -> r.entity() == null || r.entity().equals(entity))
                .filter(r -> r.ledger() == null || r.ledger().equals(ledger))
                .filter(r -> r.documentCurrency() == null || r.documentCurrency().equals(documentCurrency))
                .findFirst()
                .map(r -> new CompanyTarget(r.company(), r.currency()));
    }

    /** Deductible and non-deductible tax accounts. */
    public record TaxAccounts(String deductible, String nonDeductible) {
    }

    /** An ERP company and its currency (null when the mapping does not say). */
    public record CompanyTarget(String company, String currency) {
    }

    private static int specificity(MappingConfig.CompanyRule r) {
        return (r.entity() != null ? 4 : 0) + (r.ledger() != null ? 2 : 0) + (r.documentCurrency() != null ? 1 : 0);
    }

    private static void currency(List<FieldError> errors, String field, String value) {
        if (value != null && !CURRENCY.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be an ISO 4217 code such as EUR, was \"" + value + "\""));
        }
    }

    static List<FieldError> validate(MappingConfig c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.name() != null && c.name().length() > 100) {
            errors.add(new FieldError("name", "at most 100 characters"));
        }
        if (c.companies() != null) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < c.companies().size(); i++) {
                String p = "companies[" + i + "]";
                MappingConfig.CompanyRule r = c.companies().get(i);
                if (r == null) {
                    errors.add(new FieldError(p, "required: company, optionally entity, ledger, documentCurrency,"
                            + " currency"));
                    continue;
                }
                code(errors, p + ".company", r.company(), true);
                code(errors, p + ".entity", r.entity(), false);
                code(errors, p + ".ledger", r.ledger(), false);
                currency(errors, p + ".currency", r.currency());
                currency(errors, p + ".documentCurrency", r.documentCurrency());
                Integer earlier = seen.putIfAbsent(r.entity() + "\u0000" + r.ledger() + "\u0000"
                        + r.documentCurrency(), i);
                if (earlier != null) {
                    errors.add(new FieldError(p, "matches the same entity, ledger and document currency as companies["
                            + earlier + "]"));
                }
            }
        }
        if (c.accounts() != null) {
            c.accounts().forEach((k, v) -> {
                key(errors, "accounts", k);
                code(errors, "accounts." + k, v, true);
            });
        }
        if (c.offsets() != null) {
            c.offsets().forEach((k, v) -> {
                key(errors, "offsets", k);
                if (v == null) {
                    errors.add(new FieldError("offsets." + k, "required: an account, or {account, receivableAccount}"));
                } else {
                    code(errors, "offsets." + k + ".account", v.account(), true);
                    code(errors, "offsets." + k + ".receivableAccount", v.receivableAccount(), false);
                }
            });
        }
        if (c.taxes() != null) {
            c.taxes().forEach((k, v) -> {
                key(errors, "taxes", k);
                if (v == null) {
                    errors.add(new FieldError("taxes." + k,
                            "required: an account, or {account, nonDeductibleAccount}"));
                } else {
                    code(errors, "taxes." + k + ".account", v.account(), true);
                    code(errors, "taxes." + k + ".nonDeductibleAccount", v.nonDeductibleAccount(), false);
                }
            });
        }
        if (c.costObjects() != null) {
            c.costObjects().forEach((dim, fields) -> {
                key(errors, "costObjects", dim);
                if (fields == null || fields.isEmpty()) {
                    errors.add(new FieldError("costObjects." + dim, "list at least one Concur field"));
                    return;
                }
                for (int i = 0; i < fields.size(); i++) {
                    String f = fields.get(i);
                    String p = "costObjects." + dim + "[" + i + "]";
                    if (f != null && (f.startsWith("employee") || f.startsWith("ownerEmployee"))) {
                        errors.add(new FieldError(p, f + " is in the employee section; cost objects come from the "
                                + "allocation, journal or entry, never from the employee"));
                    } else if (CostObjectLevel.of(f).isEmpty()) {
                        errors.add(new FieldError(p, "unknown Concur cost-object field \"" + f + "\" (expected "
                                + "allocationCustomNCode, entryCustomNCode, entryOrgUnitNCode, lineItemCustomNCode, "
                                + "reportCustomNCode, reportOrgUnitNCode, requestCustomNCode or requestOrgUnitNCode)"));
                    }
                }
            });
        }
        code(errors, "shippingAccount", c.shippingAccount(), false);
        return errors;
    }

    private static void key(List<FieldError> errors, String section, String key) {
        if (key == null || key.isBlank()) {
            errors.add(new FieldError(section, "a key must not be blank"));
        }
    }

    private static void code(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "required"));
            }
        } else if (value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (!value.equals(value.strip())) {
            errors.add(new FieldError(field, "must not start or end with spaces: \"" + value + "\""));
        } else if (value.length() > MAX_CODE) {
            errors.add(new FieldError(field, "at most " + MAX_CODE + " characters"));
        }
    }

    private static String versionOf(MappingConfig config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsString(config).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String reasonOf(DatabindException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key \"" + u.getPropertyName() + "\" (known: " + u.getKnownPropertyIds() + ")";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            Class<?> t = m.getTargetType();
            String expected = Map.class.isAssignableFrom(t) || t.isRecord() ? "an object (key: value lines)"
                    : List.class.isAssignableFrom(t) ? "a list" : t == Boolean.class ? "true or false" : "text";
            return "expected " + expected;
        }
        return e.getOriginalMessage();
    }

    private static String pathOf(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}

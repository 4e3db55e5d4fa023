package org.concurbridge.bridge.masterdata.mapping;

import org.concurbridge.bridge.erp.CostObjectNode;
import org.concurbridge.bridge.erp.Supplier;
import org.concurbridge.bridge.masterdata.VendorRecord;
import org.concurbridge.bridge.posting.mapping.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection's validated master-data mapping: which ERP cost-object dimensions go to which Concur list and level,
 * how codes and names are made valid, and how suppliers become vendors. {@link #defaults()} is used when the
 * connection has none. Immutable; {@link #version()} is a hash of its content.
 */
public final class MasterDataMapping {
    public static final int MAX_CODE = 32;
    public static final int MAX_NAME = 64;
    public static final int MAX_LEVELS = 10;
    private static final Set<String> PAYMENT_METHODS = Set.of("ACH", "CARD", "CHECK", "CLIENT", "PAYPVD", "VCHER", "WIRE");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern DIMENSION = Pattern.compile("[A-Za-z0-9_.]{1,40}");
    private static final Pattern DIGITS = Pattern.compile("(\\d{1,3})");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The mapping used when a connection has none (docs/masterdata.md). */
    public static final String DEFAULT_TEXT = """
            # default master-data mapping: used while the connection has none of its own
            name: default
            lists:
              - name: Cost Centers
                dimension: COST_CENTER
                create: true
              - name: Projects
                dimension: PROJECT
                create: true
            codes:
              hyphen: "_"
            vendors:
              addressCode: postalCode
            """;

    private final MasterDataConfig config;
    private final String version;
    private final List<ListSpec> lists;
    private final VendorSpec vendors;
    private final String hyphen;
    private final String nameHyphen;
    private final boolean upperCase;
    private final boolean truncateNames;

    /** One target list, validated. */
    public record ListSpec(String name, String dimension, List<String> levels, int maxLevels, boolean owned,
                           boolean create, String searchCriteria, String displayFormat) {
        /** The store's target name: {@code list:<name>}. */
        public String target() {
            return "list:" + name;
        }

        /** Connected mode: level n holds the n-th dimension. */
        public boolean connected() {
            return levels != null;
        }

        /** The level of a dimension in connected mode (1-based), 0 when not one of the levels. */
        public int levelOf(String dim) {
            return levels == null ? 0 : levels.indexOf(dim) + 1;
        }

        public boolean takes(String dim) {
            return connected() ? levels.contains(dim) : dimension.equals(dim);
        }

        /** How deep the list can be. */
        public int depth() {
            return connected() ? levels.size() : maxLevels;
        }
    }

    public record VendorSpec(boolean enabled, String addressCode, String paymentMethod, String paymentMethodWithBank,
                             String currency, String country, boolean taxId, boolean bank,
                             Map<String, Integer> paymentTerms) {
    }

    /** A transformed code or name, or why it cannot be one. */
    public record Text(String value, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** A supplier as a vendor, or why it cannot be one. */
    public record MappedVendor(VendorRecord vendor, String problem) {
    }

    private MasterDataMapping(MasterDataConfig c, String version) {
        this.config = c;
        this.version = version;
        List<ListSpec> specs = new ArrayList<>();
        for (MasterDataConfig.ListRule r : c.lists()) {
            specs.add(new ListSpec(r.name(), r.dimension(), r.levels() == null ? null : List.copyOf(r.levels()),
                    r.maxLevels() == null ? MAX_LEVELS : r.maxLevels(), Boolean.TRUE.equals(r.owned()),
                    Boolean.TRUE.equals(r.create()), r.searchCriteria() == null ? "TEXT" : r.searchCriteria(),
                    r.displayFormat() == null ? "(CODE) TEXT" : r.displayFormat()));
        }
        this.lists = List.copyOf(specs);
        MasterDataConfig.Codes codes = c.codes() == null ? new MasterDataConfig.Codes(null, null, null, null) : c.codes();
        this.hyphen = codes.hyphen() == null ? "_" : codes.hyphen();
        this.nameHyphen = codes.nameHyphen() == null ? "\u2013" : codes.nameHyphen();
        this.upperCase = Boolean.TRUE.equals(codes.upperCase());
        this.truncateNames = Boolean.TRUE.equals(codes.truncateNames());
        MasterDataConfig.VendorRule v = c.vendors() == null
                ? new MasterDataConfig.VendorRule(null, null, null, null, null, null, null, null, null) : c.vendors();
        this.vendors = new VendorSpec(!Boolean.FALSE.equals(v.enabled()),
                v.addressCode() == null ? "postalCode" : v.addressCode(),
                v.paymentMethod() == null ? "CHECK" : v.paymentMethod(),
                v.paymentMethodWithBank() == null ? "ACH" : v.paymentMethodWithBank(),
                v.currency() == null ? "EUR" : v.currency(), v.country() == null ? "DE" : v.country(),
                !Boolean.FALSE.equals(v.taxId()), !Boolean.FALSE.equals(v.bank()),
                v.paymentTerms() == null ? Map.of() : Map.copyOf(v.paymentTerms()));
    }

    public static MasterDataMapping defaults() {
        return parse(DEFAULT_TEXT, "default mapping");
    }

    /** Validates every field and builds the mapping, or throws with all the field errors. */
    public static MasterDataMapping from(MasterDataConfig config) {
        Objects.requireNonNull(config, "config");
        MasterDataConfig c = withDefaults(config);
        List<FieldError> errors = validate(c);
        if (!errors.isEmpty()) {
            throw new MasterDataMappingException(null, errors);
        }
        return new MasterDataMapping(c, versionOf(c));
    }

    /** Reads a YAML or JSON text and validates it; errors name {@code source} and each bad field. */
    public static MasterDataMapping parse(String text, String source) {
        MasterDataConfig config;
        try {
            config = YAML.readValue(text.getBytes(StandardCharsets.UTF_8), MasterDataConfig.class);
        } catch (DatabindException e) {
            throw new MasterDataMappingException(source, List.of(new FieldError(pathOf(e), reasonOf(e))));
        } catch (JacksonException e) {
            throw new MasterDataMappingException(source, List.of(new FieldError("", "not valid YAML/JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage())));
        }
        if (config == null) {
            config = new MasterDataConfig(null, null, null, null);
        }
        MasterDataConfig c = withDefaults(config);
        List<FieldError> errors = validate(c);
        if (!errors.isEmpty()) {
            throw new MasterDataMappingException(source, errors);
        }
        return new MasterDataMapping(c, versionOf(c));
    }

    private static MasterDataConfig withDefaults(MasterDataConfig c) {
        if (c.lists() != null) {
            return c;
        }
        MasterDataConfig d = YAML.readValue(DEFAULT_TEXT, MasterDataConfig.class);
        return new MasterDataConfig(c.name(), d.lists(), c.codes(), c.vendors());
    }

    public String version() {
        return version;
    }

    public MasterDataConfig config() {
        return config;
    }

    public List<ListSpec> lists() {
        return lists;
    }

    public VendorSpec vendors() {
        return vendors;
    }

    /** An ERP code as a Concur short code: hyphens replaced, at most 32 characters, not empty. */
    public Text code(String erpCode) {
        String code = erpCode == null ? "" : erpCode.strip();
        if (!hyphen.isEmpty()) {
            code = code.replace("-", hyphen);
        }
        if (upperCase) {
            code = code.toUpperCase(Locale.ROOT);
        }
        if (code.isEmpty()) {
            return new Text(null, "the code is empty");
        }
        if (code.contains("-")) {
            return new Text(null, "code \"" + erpCode + "\" contains a hyphen, Concur's level separator; set"
                    + " codes.hyphen in the master-data mapping (e.g. \"_\") or change the code in the ERP");
        }
        if (code.length() > MAX_CODE) {
            return new Text(null, "code \"" + code + "\" has " + code.length() + " characters; Concur allows "
                    + MAX_CODE + ": shorten it in the ERP");
        }
        return new Text(code, null);
    }

    /** An ERP name as a Concur item name: hyphens replaced, at most 64 characters (or cut when so configured). */
    public Text name(String erpName, String fallback) {
        String name = erpName == null || erpName.isBlank() ? fallback : erpName.strip();
        name = name.replace("-", nameHyphen);
        if (name.length() > MAX_NAME) {
            if (!truncateNames) {
                return new Text(null, "name \"" + name + "\" has " + name.length() + " characters; Concur allows "
                        + MAX_NAME + ": shorten it in the ERP or set codes.truncateNames: true");
            }
            name = name.substring(0, MAX_NAME);
        }
        return new Text(name, null);
    }

    /** The store's ERP key of a cost-object node. */
    public static String erpKey(CostObjectNode node) {
        return node.dimension() + ":" + node.code();
    }

    /** The supplier as a Concur vendor, or the problem that keeps it from being one. */
    public MappedVendor vendor(Supplier s) {
        String vendorCode = s.code() == null ? "" : s.code().strip();
        if (vendorCode.isEmpty() || vendorCode.length() > MAX_CODE) {
            return new MappedVendor(null, "vendor code \"" + vendorCode + "\" must have 1 to " + MAX_CODE
                    + " characters");
        }
        Supplier.Address a = s.address();
        String addressCode;
        String rule = vendors.addressCode();
        if (rule.equals("postalCode")) {
            addressCode = a == null || a.postalCode() == null ? "" : a.postalCode().strip();
            if (addressCode.isEmpty()) {
                return new MappedVendor(null, "supplier " + s.code() + " has no address code: its postal code is"
                        + " empty (vendors.addressCode: postalCode); enter the postal code in the ERP or use"
                        + " vendors.addressCode: \"constant:MAIN\"");
            }
        } else if (rule.equals("code")) {
            addressCode = vendorCode;
        } else {
            addressCode = rule.substring("constant:".length());
        }
        if (addressCode.length() > MAX_CODE) {
            return new MappedVendor(null, "address code \"" + addressCode + "\" has more than " + MAX_CODE
                    + " characters");
        }
        String country = a == null || a.country() == null || a.country().isBlank() ? vendors.country()
                : a.country().strip().toUpperCase(Locale.ROOT);
        String currency = s.currency() == null || s.currency().isBlank() ? vendors.currency()
                : s.currency().strip().toUpperCase(Locale.ROOT);
        VendorRecord.Bank bank = null;
        if (vendors.bank() && s.bankAccount() != null && s.bankAccount().accountNumber() != null
                && !s.bankAccount().accountNumber().isBlank()) {
            Supplier.BankAccount b = s.bankAccount();
            String bankCurrency = Set.of("USD", "EUR", "AUD", "GBP").contains(currency) ? currency : null;
            bank = new VendorRecord.Bank(b.accountNumber().strip(), b.bic(), b.bankName(), country, bankCurrency,
                    cut(s.name(), 100));
        }
        String terms = null;
        if (s.paymentTerms() != null) {
            Integer days = vendors.paymentTerms().get(s.paymentTerms());
            if (days == null) {
                Matcher m = DIGITS.matcher(s.paymentTerms());
                if (m.find() && Integer.parseInt(m.group(1)) >= 1) {
                    days = Integer.parseInt(m.group(1));
                }
            }
            terms = days == null ? null : days.toString();
        }
        String taxId = vendors.taxId() && s.taxId() != null && !s.taxId().isBlank() ? cut(s.taxId().strip(), 48) : null;
        return new MappedVendor(new VendorRecord(vendorCode, addressCode, cut(s.name(), 255),
                a == null ? null : cut(a.street(), 255), a == null ? null : cut(a.city(), 255),
                a == null ? null : cut(a.region(), 255), a == null ? null : cut(a.postalCode(), 20), country,
                currency, taxId, bank == null ? vendors.paymentMethod() : vendors.paymentMethodWithBank(), terms,
                bank), null);
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }

    static List<FieldError> validate(MasterDataConfig c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.name() != null && c.name().length() > 100) {
            errors.add(new FieldError("name", "at most 100 characters"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < c.lists().size(); i++) {
            String p = "lists[" + i + "]";
            MasterDataConfig.ListRule r = c.lists().get(i);
            if (r == null) {
                errors.add(new FieldError(p, "required: name and dimension (or levels)"));
                continue;
            }
            if (r.name() == null || r.name().isBlank()) {
                errors.add(new FieldError(p + ".name", "required: the Concur list's name"));
            } else if (r.name().length() > 64) {
                errors.add(new FieldError(p + ".name", "at most 64 characters"));
            } else if (!names.add(r.name())) {
                errors.add(new FieldError(p + ".name", "another list of this mapping has the name \"" + r.name() + "\""));
            }
            if ((r.dimension() == null) == (r.levels() == null)) {
                errors.add(new FieldError(p, "give either dimension (levels = the depth of that dimension's tree) or"
                        + " levels (one dimension per level of a connected list)"));
            }
            if (r.dimension() != null && !DIMENSION.matcher(r.dimension()).matches()) {
                errors.add(new FieldError(p + ".dimension", "an ERP dimension such as COST_CENTER (letters, digits,"
                        + " _ and ., at most 40), was \"" + r.dimension() + "\""));
            }
            if (r.levels() != null) {
                if (r.levels().isEmpty() || r.levels().size() > MAX_LEVELS) {
                    errors.add(new FieldError(p + ".levels", "1 to " + MAX_LEVELS + " dimensions"));
                }
                Set<String> seen = new HashSet<>();
                for (int j = 0; j < r.levels().size(); j++) {
                    String d = r.levels().get(j);
                    if (d == null || !DIMENSION.matcher(d).matches()) {
                        errors.add(new FieldError(p + ".levels[" + j + "]", "an ERP dimension such as COST_CENTER,"
                                + " was \"" + d + "\""));
                    } else if (!seen.add(d)) {
                        errors.add(new FieldError(p + ".levels[" + j + "]", d + " is already level "
                                + (r.levels().indexOf(d) + 1)));
                    }
                }
                if (r.maxLevels() != null) {
                    errors.add(new FieldError(p + ".maxLevels", "only with dimension (levels fixes the depth)"));
                }
            }
            if (r.maxLevels() != null && (r.maxLevels() < 1 || r.maxLevels() > MAX_LEVELS)) {
                errors.add(new FieldError(p + ".maxLevels", "1 to " + MAX_LEVELS));
            }
            if (r.searchCriteria() != null && !Set.of("CODE", "TEXT").contains(r.searchCriteria())) {
                errors.add(new FieldError(p + ".searchCriteria", "CODE or TEXT"));
            }
            if (r.displayFormat() != null && !Set.of("(CODE) TEXT", "TEXT (CODE)").contains(r.displayFormat())) {
                errors.add(new FieldError(p + ".displayFormat", "\"(CODE) TEXT\" or \"TEXT (CODE)\""));
            }
        }
        if (c.codes() != null) {
            if (c.codes().hyphen() != null && c.codes().hyphen().contains("-")) {
                errors.add(new FieldError("codes.hyphen", "the replacement must not contain a hyphen"));
            }
            if (c.codes().hyphen() != null && c.codes().hyphen().length() > 3) {
                errors.add(new FieldError("codes.hyphen", "at most 3 characters"));
            }
            if (c.codes().nameHyphen() != null && c.codes().nameHyphen().contains("-")) {
                errors.add(new FieldError("codes.nameHyphen", "the replacement must not contain a hyphen"));
            }
        }
        MasterDataConfig.VendorRule v = c.vendors();
        if (v != null) {
            if (v.addressCode() != null && !v.addressCode().equals("postalCode") && !v.addressCode().equals("code")
                    && !(v.addressCode().startsWith("constant:") && v.addressCode().length() > "constant:".length()
                    && v.addressCode().length() <= "constant:".length() + MAX_CODE)) {
                errors.add(new FieldError("vendors.addressCode", "postalCode, code or constant:VALUE (VALUE 1 to "
                        + MAX_CODE + " characters), was \"" + v.addressCode() + "\""));
            }
            if (v.paymentMethod() != null && !PAYMENT_METHODS.contains(v.paymentMethod())) {
                errors.add(new FieldError("vendors.paymentMethod", "one of " + new java.util.TreeSet<>(PAYMENT_METHODS)));
            }
            if (v.paymentMethodWithBank() != null && !PAYMENT_METHODS.contains(v.paymentMethodWithBank())) {
                errors.add(new FieldError("vendors.paymentMethodWithBank", "one of "
                        + new java.util.TreeSet<>(PAYMENT_METHODS)));
            }
            if (v.currency() != null && !CURRENCY.matcher(v.currency()).matches()) {
                errors.add(new FieldError("vendors.currency", "an ISO 4217 code such as EUR, was \"" + v.currency() + "\""));
            }
            if (v.country() != null && !COUNTRY.matcher(v.country()).matches()) {
                errors.add(new FieldError("vendors.country", "an ISO 3166 alpha-2 code such as DE, was \""
                        + v.country() + "\""));
            }
            if (v.paymentTerms() != null) {
                v.paymentTerms().forEach((k, d) -> {
                    if (d == null || d < 1 || d > 999) {
                        errors.add(new FieldError("vendors.paymentTerms." + k, "days from 1 to 999"));
                    }
                });
            }
        }
        return errors;
    }

    private static String versionOf(MasterDataConfig config) {
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
                    : List.class.isAssignableFrom(t) ? "a list" : t == Boolean.class ? "true or false"
                    : t == Integer.class ? "a whole number" : "text";
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

package org.concurbridge.client.fis;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads FIS v4 financial documents. Accepts every shape they come in: the documented GET page
 * ({@code {"links","content","page"}}), the envelope of the official example files ({@code {"fIDocuments":[…]}}), a
 * single FIDocument ({@code {"id","docType","document"}}, with {@code document} as an object or, with
 * {@code documentFormatAs: text}, as a JSON string) and a bare document. Unknown members are ignored; a member of the
 * wrong type is reported with its JSON path.
 */
public final class FisDocuments {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private FisDocuments() {
    }

    /**
     * Reads one bare document of a known kind.
     *
     * @throws FisDocumentException naming the JSON path of the first bad member
     */
    public static FinancialDocument parse(FisDocumentKind kind, InputStream in) {
        return convert(kind, readTree(in), "$");
    }

    /**
     * Reads every document of a page, an example file, a single FIDocument or a bare document. Each document is
     * converted on its own, so a malformed one yields a {@link FisReadResult.Malformed} and the rest still parse.
     *
     * @throws FisDocumentException when the input as a whole is unusable (not JSON, not an object, no known shape)
     */
    public static List<FisReadResult> read(InputStream in) {
        return read(readTree(in));
    }

    /** {@link #read(InputStream)} of a tree made by {@link #tree}. */
    static List<FisReadResult> read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new FisDocumentException("$", "expected a JSON object but found "
                    + (root == null ? "nothing" : root.getNodeType()), null);
        }
        if (root.has("fIDocuments")) {
            return readArray(root.get("fIDocuments"), "$.fIDocuments");
        }
        if (root.has("content")) {
            return readArray(root.get("content"), "$.content");
        }
        if (root.has("document")) {
            return List.of(readEnvelope(root, "$"));
        }
        FisDocumentKind kind = detectKind(root).orElseThrow(() -> new FisDocumentException("$",
                "not a FIS document: expected fIDocuments, content, document, or the sections of an expense "
                        + "(report, expenseEntry), invoice (requestHeader, lineItem) or cash advance "
                        + "(cashAdvanceData, journalData) document", null));
        try {
            return List.of(new FisReadResult.Parsed(
                    new FisDocument(null, kind, null, null, null, null, null, convert(kind, root, "$"))));
        } catch (FisDocumentException e) {
            return List.of(new FisReadResult.Malformed(null, kind, e.jsonPath(), e.reason()));
        }
    }

    private static List<FisReadResult> readArray(JsonNode array, String path) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new FisDocumentException(path, "expected an array of documents", null);
        }
        List<FisReadResult> results = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            results.add(readEnvelope(array.get(i), path + "[" + i + "]"));
        }
        return results;
    }

    private static FisReadResult readEnvelope(JsonNode env, String path) {
        String id = text(env, "id");
        String docType = text(env, "docType");
        if (!env.isObject()) {
            return new FisReadResult.Malformed(id, null, path, "expected a document object");
        }
        JsonNode document = env.get("document");
        Optional<FisDocumentKind> kind = docType == null ? Optional.empty() : FisDocumentKind.fromDocType(docType);
        if (kind.isEmpty() && document != null && document.isObject()) {
            kind = detectKind(document);
        }
        if (kind.isEmpty()) {
            return new FisReadResult.Malformed(id, null, path + ".docType",
                    docType == null ? "missing; cannot tell the kind of document"
                            : "unsupported docType \"" + docType + "\" (expected expense, invoice or cashadvance)");
        }
        String docPath = path + ".document";
        try {
            if (document == null || document.isNull()) {
                throw new FisDocumentException(docPath, "missing", null);
            }
            if (document.isString()) {
                document = readTree(document.asString(), docPath);
            }
            FinancialDocument parsed = convert(kind.get(), document, docPath);
            return new FisReadResult.Parsed(new FisDocument(id, kind.get(), text(env, "companyId"),
                    text(env, "entityId"), text(env, "companyUuid"), text(env, "erpSystemId"),
                    text(env, "docStatus"), parsed));
        } catch (FisDocumentException e) {
            return new FisReadResult.Malformed(id, kind.get(), e.jsonPath(), e.reason());
        }
    }

    static Optional<FisDocumentKind> detectKind(JsonNode doc) {
        if (doc.has("report") || doc.has("expenseEntry")) {
            return Optional.of(FisDocumentKind.EXPENSE);
        }
        if (doc.has("requestHeader") || doc.has("lineItem")) {
            return Optional.of(FisDocumentKind.INVOICE);
        }
        if (doc.has("cashAdvanceData") || doc.has("journalData")) {
            return Optional.of(FisDocumentKind.CASH_ADVANCE);
        }
        return Optional.empty();
    }

    private static FinancialDocument convert(FisDocumentKind kind, JsonNode node, String basePath) {
        if (!node.isObject()) {
            throw new FisDocumentException(basePath, "expected an object but found " + node.getNodeType(), null);
        }
        Class<? extends FinancialDocument> type = switch (kind) {
            case EXPENSE -> ExpenseDocument.class;
            case INVOICE -> InvoiceDocument.class;
            case CASH_ADVANCE -> CashAdvanceDocument.class;
        };
        try {
            return MAPPER.treeToValue(node, type);
        } catch (DatabindException e) {
            throw new FisDocumentException(basePath + pathOf(e), reasonOf(e), e);
        } catch (JacksonException e) {
            throw new FisDocumentException(basePath, e.getOriginalMessage(), e);
        }
    }

    /** A FIS answer as a tree, amounts as decimals (not doubles); {@link FisDocumentException} when not JSON. */
    static JsonNode tree(byte[] body) {
        return readTree(new java.io.ByteArrayInputStream(body));
    }

    private static JsonNode readTree(InputStream in) {
        try {
            return MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new FisDocumentException("$", "not valid JSON" + at(e.getLocation()) + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode readTree(String json, String path) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new FisDocumentException(path, "document text is not valid JSON" + at(e.getLocation()) + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String at(TokenStreamLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? ""
                : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
    }

    private static String pathOf(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                sb.append('.').append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String reasonOf(DatabindException e) {
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException ife) {
            return "expected " + describe(ife.getTargetType()) + " but was \"" + ife.getValue() + "\"";
        }
        if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            return "expected " + describe(mie.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == Instant.class) {
            return "a date-time such as 2019-06-22T03:48:43.600Z";
        }
        if (type == LocalDate.class) {
            return "a date";
        }
        if (type == YesNo.class) {
            return "\"Y\" or \"N\"";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return type.getSimpleName();
    }
}

package org.concurbridge.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * The one XML mapper of the client (the legacy Extracts and Payment Batches APIs answer XML only) and tolerant
 * accessors over the tree it reads: element names are matched ignoring case (Concur's own sample client reads
 * {@code Batch-Url} where the docs print {@code Batch-URL}), values are trimmed, and a repeated element reads the same
 * whether it occurs once or many times. Namespaces are ignored (some official samples print {@code xmlns="..."}).
 */
public final class Xml {

    private static final XmlMapper MAPPER = XmlMapper.builder().build();

    private Xml() {
    }

    /** The document's root element as a tree; an empty or malformed body is a {@link MalformedResponseException}. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedResponseException("empty body where XML was expected");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedResponseException("empty body where XML was expected");
            }
            return node;
        } catch (JacksonException e) {
            throw new MalformedResponseException("body is not valid XML: " + e.getOriginalMessage(), e);
        }
    }

    /** The trimmed text of child element {@code name} (any case), or null when absent or empty. */
    public static String text(JsonNode parent, String name) {
        JsonNode v = child(parent, name);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isArray()) {
            throw new MalformedResponseException("element <" + name + "> occurs more than once");
        }
        if (v.isObject()) {
            JsonNode text = v.get("");    // an element with attributes: its text under the empty key
            if (text == null) {
                return v.isEmpty() ? null : failNotText(name);
            }
            v = text;
        }
        String s = v.asString().trim();
        return s.isEmpty() ? null : s;
    }

    /** The trimmed text of child element {@code name}, which must be present and not empty. */
    public static String required(JsonNode parent, String name) {
        String v = text(parent, name);
        if (v == null) {
            throw new MalformedResponseException("element <" + name + "> is missing or empty");
        }
        return v;
    }

    /** Every child element {@code name} (any case), in document order: none, one or many. */
    public static List<JsonNode> children(JsonNode parent, String name) {
        JsonNode v = child(parent, name);
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isNull() || v.isMissingNode() || (v.isString() && v.asString().isBlank())) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(out::add);
        } else {
            out.add(v);
        }
        return out;
    }

    private static JsonNode child(JsonNode parent, String name) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> e : parent.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String failNotText(String name) {
        throw new MalformedResponseException("element <" + name + "> should hold text but holds elements");
    }
}

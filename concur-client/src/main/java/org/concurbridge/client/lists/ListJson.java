package org.concurbridge.client.lists;

import java.util.ArrayList;
import java.util.List;

import org.concurbridge.client.MalformedResponseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the List v4 / List Item v4 / Bulk / v3 JSON shapes. Public so that tests and tools can parse a
 * stored answer; the readers throw {@link MalformedResponseException} for a shape they cannot use.
 */
public final class ListJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ListJson() {
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedResponseException("empty body where JSON was expected");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedResponseException("body is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    static void putIfNotNull(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** {@code ListResponse}. */
    public static ConcurList list(JsonNode n) {
        requireObject(n, "list");
        JsonNode category = n.get("category");
        boolean hasCategory = category != null && category.isObject();
        return new ConcurList(required(n, "id"), text(n, "value"), intOr(n, "levelCount", 0), text(n, "searchCriteria"),
                text(n, "displayFormat"), hasCategory ? text(category, "id") : null,
                hasCategory ? text(category, "type") : null, bool(n, "isReadOnly"), bool(n, "isDeleted"),
                text(n, "managedBy"));
    }

    /** {@code ListItem}. */
    public static ListItem item(JsonNode n) {
        requireObject(n, "list item");
        List<ItemList> lists = new ArrayList<>();
        JsonNode ls = n.get("lists");
        if (ls != null && ls.isArray()) {
            for (JsonNode l : ls) {
                if (l.isObject() && text(l, "id") != null) {
                    lists.add(new ItemList(text(l, "id"), bool(l, "hasChildren")));
                }
            }
        }
        return new ListItem(required(n, "id"), text(n, "code"), text(n, "shortCode"), text(n, "value"),
                text(n, "parentId"), intOr(n, "level", 0), lists, bool(n, "isDeleted"));
    }

    /** The {@code content} of a paged answer. */
    static JsonNode content(JsonNode root) {
        requireObject(root, "page");
        JsonNode content = root.get("content");
        if (content == null || content.isNull()) {
            return MAPPER.createArrayNode();
        }
        if (!content.isArray()) {
            throw new MalformedResponseException("'content' should be an array but is " + content.getNodeType());
        }
        return content;
    }

    /** The {@code page} member of a paged answer. */
    record PageInfo(int number, int totalPages, long totalElements) {
    }

    /** {@code page.number}, {@code page.totalPages}, {@code page.totalElements} (defaults when absent). */
    static PageInfo page(JsonNode root, int requested, int size) {
        JsonNode page = root.get("page");
        if (page == null || !page.isObject()) {
            return new PageInfo(requested, requested, size);
        }
        return new PageInfo(intOr(page, "number", requested), intOr(page, "totalPages", requested),
                longOr(page, "totalElements", size));
    }

    /** The href of {@code links[rel=next]}, or null. */
    static String nextLink(JsonNode root) {
        JsonNode links = root.get("links");
        if (links == null || !links.isArray()) {
            return null;
        }
        for (JsonNode l : links) {
            if (l.isObject() && "next".equalsIgnoreCase(text(l, "rel"))) {
                return text(l, "href");
            }
        }
        return null;
    }

    static void requireObject(JsonNode n, String what) {
        if (n == null || !n.isObject()) {
            throw new MalformedResponseException("a " + what + " should be a JSON object but is "
                    + (n == null ? "missing" : n.getNodeType()));
        }
    }

    static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            throw new MalformedResponseException("required field '" + field + "' is missing");
        }
        return v;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isString() || v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        throw new MalformedResponseException("field '" + field + "' should be a string but is " + v.getNodeType());
    }

    static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isString()) {
            return "true".equalsIgnoreCase(v.stringValue().trim()) || "Y".equalsIgnoreCase(v.stringValue().trim());
        }
        throw new MalformedResponseException("field '" + field + "' should be a boolean but is " + v.getNodeType());
    }

    static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isString()) {
            try {
                return Integer.parseInt(v.stringValue().trim());
            } catch (NumberFormatException e) {
                throw new MalformedResponseException("field '" + field + "' should be a whole number");
            }
        }
        throw new MalformedResponseException("field '" + field + "' should be a whole number but is " + v.getNodeType());
    }

    static int intOr(JsonNode n, String field, int fallback) {
        Integer v = integer(n, field);
        return v == null ? fallback : v;
    }

    static long longOr(JsonNode n, String field, long fallback) {
        JsonNode v = n.get(field);
        if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        Integer i = integer(n, field);
        return i == null ? fallback : i;
    }

    /** A member that the docs show both as an array and as a single object ({@code Items} of Lists v3). */
    static List<JsonNode> arrayOrObject(JsonNode n, String field) {
        JsonNode v = n.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(out::add);
        } else if (v.isObject()) {
            out.add(v);
        } else {
            throw new MalformedResponseException("field '" + field + "' should be an array but is " + v.getNodeType());
        }
        return out;
    }
}

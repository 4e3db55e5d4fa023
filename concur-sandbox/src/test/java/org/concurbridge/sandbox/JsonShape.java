package org.concurbridge.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Compares the structure of two JSON documents: field names and JSON types, recursively. Values are ignored.
 * A {@code null} in the expected document accepts null or any scalar (the examples show absent values as null);
 * {@code _comment} members of the expected document are documentation, not payload; elements of an actual array
 * are compared with the expected array's first element. Extra fields in the actual document are differences unless
 * their path (e.g. {@code $.refresh_expires_in}) is in {@code allowedExtras}.
 */
final class JsonShape {

    private JsonShape() {
    }

    static List<String> differences(JsonNode expected, JsonNode actual, Set<String> allowedExtras) {
        List<String> out = new ArrayList<>();
        compare(expected, actual, "$", allowedExtras, out);
        return out;
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, Set<String> allowedExtras,
                                List<String> out) {
        if (expected.isNull()) {
            if (actual.isContainer()) {
                out.add(path + ": expected null or a scalar, got " + actual.getNodeType());
            }
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            out.add(path + ": expected " + expected.getNodeType() + ", got " + actual.getNodeType());
            return;
        }
        if (expected.getNodeType() == JsonNodeType.OBJECT) {
            for (String name : expected.propertyNames()) {
                if (name.equals("_comment")) {
                    continue;
                }
                if (!actual.has(name)) {
                    out.add(path + "." + name + ": missing");
                } else {
                    compare(expected.get(name), actual.get(name), path + "." + name, allowedExtras, out);
                }
            }
            for (String name : actual.propertyNames()) {
                if (!expected.has(name) && !allowedExtras.contains(path + "." + name)) {
                    out.add(path + "." + name + ": not in the example");
                }
            }
        } else if (expected.getNodeType() == JsonNodeType.ARRAY && !expected.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(expected.get(0), actual.get(i), path + "[" + i + "]", allowedExtras, out);
            }
        }
    }
}

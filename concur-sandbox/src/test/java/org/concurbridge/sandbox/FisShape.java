package org.concurbridge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Structure of FIS documents against the official examples of the same docType: field names and JSON types,
 * recursively. Unlike {@link JsonShape}, a field the examples show as null somewhere may be null, a field present in
 * any example of the docType may appear, and documented objects that the examples only show as null (the invoice
 * journal's {@code tax}) may be objects. Paths are normalised ({@code $.expenseEntry[].allocation[].journal[]}).
 */
final class FisShape {

    /** Members documented as objects (financial-integration-v4.md 4.2) that the only invoice example shows as null. */
    private static final Set<String> DOCUMENTED_OBJECTS = Set.of("$.lineItem[].allocation[].journal.tax");

    private final Set<String> known = new HashSet<>();
    private final Set<String> nullable = new HashSet<>();

    /** Learns the paths of every example document (bare or inside {@code fIDocuments}). */
    FisShape(List<Path> examples) throws IOException {
        for (Path p : examples) {
            learn(document(Http.JSON.readTree(Files.readString(p))), "$");
        }
    }

    static JsonNode document(JsonNode file) {
        return file.has("fIDocuments") ? file.get("fIDocuments").get(0).get("document") : file;
    }

    private void learn(JsonNode node, String path) {
        known.add(path);
        if (node.isNull()) {
            nullable.add(path);
        } else if (node.isObject()) {
            for (String name : node.propertyNames()) {
                learn(node.get(name), path + "." + name);
            }
        } else if (node.isArray()) {
            node.forEach(e -> learn(e, path + "[]"));
        }
    }

    List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare(expected, actual, "$", out);
        return out;
    }

    private void compare(JsonNode expected, JsonNode actual, String path, List<String> out) {
        if (expected.isNull()) {
            if (actual.isArray() || (actual.isObject() && !DOCUMENTED_OBJECTS.contains(path))) {
                out.add(path + ": expected null or a scalar, got " + actual.getNodeType());
            }
            return;
        }
        if (actual.isNull() && nullable.contains(path)) {
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            out.add(path + ": expected " + expected.getNodeType() + ", got " + actual.getNodeType());
            return;
        }
        if (expected.isObject()) {
            for (String name : expected.propertyNames()) {
                if (!actual.has(name)) {
                    out.add(path + "." + name + ": missing");
                } else {
                    compare(expected.get(name), actual.get(name), path + "." + name, out);
                }
            }
            for (String name : actual.propertyNames()) {
                if (!expected.has(name) && !known.contains(path + "." + name)) {
                    out.add(path + "." + name + ": in no official example");
                }
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(expected.get(0), actual.get(i), path + "[]", out);
            }
        }
    }
}

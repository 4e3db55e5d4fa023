package org.concurbridge.client.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.concurbridge.client.MalformedResponseException;

import tools.jackson.databind.JsonNode;

/**
 * Classifies every part of one List Item Bulk v4 call from its {@code BulkListItemResponse}
 * ({@code status, recordsSucceeded, recordsFailed, errors[{id, message, listItem}]}). Errors are matched to parts by
 * the echoed {@code listItem} (create: {@code shortCode} + {@code parentCode}; update: {@code code}), each error to the
 * first part of that key not yet matched. A part no error names has succeeded only when Concur's counts agree with
 * what was matched ({@code recordsFailed} = matched errors and {@code recordsSucceeded} = the other parts); otherwise
 * the unmatched parts are failed with {@link PartResult#INCONSISTENT_ANSWER}: never a silent success.
 */
public final class BulkAnswer {

    /**
     * A part as sent: its index in the caller's list, its long code, the key its error echo would carry
     * ({@code shortCode} + {@code parentCode}, or {@code code}) and its value (to tell apart parts with one key).
     */
    record Sent(int index, String code, String key, String value) {
        Sent(int index, String code, String key) {
            this(index, code, key, null);
        }
    }

    private BulkAnswer() {
    }

    /** Whether the body is a {@code BulkListItemResponse} (as opposed to a List v4 {@code ErrorMessage}). */
    public static boolean isBulkResponse(JsonNode root) {
        if (root == null || !root.isObject()) {
            return false;
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            return false;
        }
        return root.has("recordsSucceeded") || root.has("recordsFailed") || root.has("errors")
                || (root.has("status") && root.get("status").isString());
    }

    static String createKey(String shortCode, String parentCode) {
        return "c|" + nz(shortCode) + "|" + nz(parentCode);
    }

    static String updateKey(String code) {
        return "u|" + nz(code);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The key of an echoed {@code listItem}: an update when it carries {@code code}, else a create. */
    static String echoKey(JsonNode listItem, boolean create) {
        if (listItem == null || !listItem.isObject()) {
            return null;
        }
        if (create) {
            String shortCode = ListJson.text(listItem, "shortCode");
            return shortCode == null ? null : createKey(shortCode, ListJson.text(listItem, "parentCode"));
        }
        String code = ListJson.text(listItem, "code");
        return code == null ? null : updateKey(code);
    }

    /**
     * Assigns the errors not yet used to the parts not yet matched with the same echo key (and, when
     * {@code withValue}, the same value). Among k errors and n &gt;= k parts sharing a key, the errors go to the last k
     * parts in order: parts run in order, so of two parts with one code the later is the duplicate.
     */
    private static void assign(List<Sent> sent, List<JsonNode> errors, boolean create, boolean withValue,
                               Map<Integer, JsonNode> matched, boolean[] used) {
        Map<String, List<Integer>> errorsByKey = new java.util.LinkedHashMap<>();
        for (int e = 0; e < errors.size(); e++) {
            if (used[e] || !errors.get(e).isObject()) {
                continue;
            }
            JsonNode echo = errors.get(e).get("listItem");
            String key = echoKey(echo, create);
            if (key == null) {
                continue;
            }
            if (withValue) {
                String value = echo.isObject() ? ListJson.text(echo, "value") : null;
                if (value == null) {
                    continue;
                }
                key = key + "|v|" + value;
            }
            errorsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        errorsByKey.forEach((key, errs) -> {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                Sent s = sent.get(i);
                String partKey = withValue ? (s.value() == null ? null : s.key() + "|v|" + s.value()) : s.key();
                if (!matched.containsKey(i) && key.equals(partKey)) {
                    candidates.add(i);
                }
            }
            int k = Math.min(errs.size(), candidates.size());
            for (int j = 0; j < k; j++) {
                int part = candidates.get(candidates.size() - k + j);
                int err = errs.get(errs.size() - k + j);
                matched.put(part, errors.get(err));
                used[err] = true;
            }
        });
    }

    /** One result per sent part, in order. */
    static List<PartResult> classify(List<Sent> sent, JsonNode root, boolean create, int httpStatus) {
        if (!isBulkResponse(root)) {
            throw new MalformedResponseException("HTTP " + httpStatus + " body is not a BulkListItemResponse");
        }
        List<JsonNode> errors = ListJson.arrayOrObject(root, "errors");
        Map<Integer, JsonNode> matched = new TreeMap<>();
        boolean[] used = new boolean[errors.size()];
        assign(sent, errors, create, true, matched, used);     // key and value
        assign(sent, errors, create, false, matched, used);    // key only
        List<String> unmatchedErrors = new ArrayList<>();
        for (int e = 0; e < errors.size(); e++) {
            if (!used[e]) {
                unmatchedErrors.add(Objects.requireNonNullElse(ListJson.text(errors.get(e), "id"), "?"));
            }
        }
        Integer succeeded = ListJson.integer(root, "recordsSucceeded");
        Integer failed = ListJson.integer(root, "recordsFailed");
        int others = sent.size() - matched.size();
        boolean consistent = unmatchedErrors.isEmpty() && succeeded != null && failed != null
                && failed == matched.size() && succeeded == others;
        String inconsistency = consistent ? null : "Concur's answer (HTTP " + httpStatus + ", status "
                + ListJson.text(root, "status") + ", recordsSucceeded " + succeeded + ", recordsFailed " + failed
                + ", " + matched.size() + " errors matched to parts" + (unmatchedErrors.isEmpty() ? ""
                : ", errors naming no part: " + unmatchedErrors) + ", " + sent.size()
                + " parts sent) is inconsistent: this part's outcome is unknown";
        List<PartResult> out = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            Sent s = sent.get(i);
            JsonNode error = matched.get(i);
            if (error != null) {
                out.add(new PartResult(s.index(), s.code(), false,
                        Objects.requireNonNullElse(ListJson.text(error, "id"), "unknown"), ListJson.text(error, "message")));
            } else if (consistent) {
                out.add(new PartResult(s.index(), s.code(), true, null, null));
            } else {
                out.add(new PartResult(s.index(), s.code(), false, PartResult.INCONSISTENT_ANSWER, inconsistency));
            }
        }
        return out;
    }
}

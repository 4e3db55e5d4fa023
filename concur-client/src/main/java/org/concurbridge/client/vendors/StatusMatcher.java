package org.concurbridge.client.vendors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * Matches the {@code StatusList} entries of a Vendor v3.1 answer (on each answered record) to the records sent.
 *
 * <p>{@code RecordNumber} ("Record Number for create/update request", base not documented) is read as 1-based, the
 * first record being 1; an answer that uses 0 anywhere is read as 0-based. A record number is trusted only when the
 * answered record's key (VendorCode + AddressCode, case-insensitive as Concur's codes are; a group's Name) agrees with
 * the record sent at that position or the answered record has no key; otherwise, or without a record number, the
 * status goes to the first record sent with that key. A request of one record takes any status. A record no status
 * names is failed with {@link VendorStatus#CLIENT_MISSING}: never a silent success.
 *
 * <p>A status is a success when its {@code Type} says so ({@code SUCCESS}, any case), a failure when it contains
 * {@code FAIL} or {@code ERROR}; otherwise (the vocabulary is undocumented) a success only with {@code Code} 0, 200
 * or 201, else a failure "not understood".
 */
final class StatusMatcher {

    /** A record as sent: its 1-based position in the caller's list, its codes, its matching key. */
    record Sent(int recordNumber, String vendorCode, String addressCode, String key) {
    }

    /** A {@code Status} as answered. */
    record Status(Integer recordNumber, Integer code, String message, String type, String key) {
    }

    private StatusMatcher() {
    }

    static String vendorKey(String vendorCode, String addressCode) {
        return (vendorCode == null ? "" : vendorCode.trim().toUpperCase(Locale.ROOT)) + "|"
                + (addressCode == null ? "" : addressCode.trim().toUpperCase(Locale.ROOT));
    }

    /** Every status of every answered record, with that record's key (null when it carries none). */
    static List<Status> statuses(List<JsonNode> answered, java.util.function.Function<JsonNode, String> keyOf) {
        List<Status> out = new ArrayList<>();
        for (JsonNode record : answered) {
            if (!record.isObject()) {
                continue;
            }
            String key = keyOf.apply(record);
            for (JsonNode s : VendorJson.arrayOrObject(record, "StatusList", "Status")) {
                if (s.isObject()) {
                    out.add(new Status(VendorJson.integer(s, "RecordNumber"), VendorJson.integer(s, "Code"),
                            VendorJson.text(s, "Message"), VendorJson.text(s, "Type"), key));
                }
            }
            JsonNode legacy = record.get("Status");
            if (!record.has("StatusList") && legacy != null && legacy.isString()) {
                // the 2015 VendorResult shape: <Status>FAILURE</Status><ErrorCode>..</ErrorCode><ErrorMessage>..
                out.add(new Status(null, VendorJson.integer(record, "ErrorCode"),
                        VendorJson.text(record, "ErrorMessage"), legacy.stringValue(), key));
            }
        }
        return out;
    }

    static List<VendorStatus> match(List<Sent> sent, List<Status> statuses, int httpStatus) {
        int base = statuses.stream().anyMatch(s -> s.recordNumber() != null && s.recordNumber() == 0) ? 0 : 1;
        Map<Integer, List<Status>> byRecord = new TreeMap<>();
        for (Status s : statuses) {
            Integer at = null;
            if (s.recordNumber() != null) {
                int i = s.recordNumber() - base;
                if (i >= 0 && i < sent.size() && (s.key() == null || s.key().equals(sent.get(i).key()))) {
                    at = i;
                }
            }
            if (at == null && s.key() != null) {
                for (int i = 0; i < sent.size(); i++) {
                    if (s.key().equals(sent.get(i).key())) {
                        at = i;
                        break;
                    }
                }
            }
            if (at == null && sent.size() == 1) {
                at = 0;
            }
            if (at != null) {
                byRecord.computeIfAbsent(at, k -> new ArrayList<>()).add(s);
            }
        }
        List<VendorStatus> out = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            Sent r = sent.get(i);
            List<Status> mine = byRecord.get(i);
            if (mine == null) {
                out.add(new VendorStatus(r.recordNumber(), r.vendorCode(), r.addressCode(), false, null,
                        "Concur's answer (HTTP " + httpStatus + ", " + statuses.size()
                                + " statuses) has no status for this record: outcome unknown",
                        VendorStatus.CLIENT_MISSING));
                continue;
            }
            Status failing = mine.stream().filter(s -> !ok(s)).findFirst().orElse(null);
            Status shown = failing != null ? failing : mine.get(0);
            List<String> messages = new ArrayList<>();
            for (Status s : mine) {
                if (s.message() != null && !s.message().isBlank() && !messages.contains(s.message())) {
                    messages.add(s.message());
                }
            }
            String message = messages.isEmpty() ? null : String.join("; ", messages);
            if (failing != null && !isExplicit(failing)) {
                message = "status not understood (Type " + failing.type() + ", Code " + failing.code() + ")"
                        + (message == null ? "" : ": " + message);
            }
            out.add(new VendorStatus(r.recordNumber(), r.vendorCode(), r.addressCode(), failing == null, shown.code(),
                    message, shown.type()));
        }
        return out;
    }

    static boolean ok(Status s) {
        String type = s.type() == null ? "" : s.type().trim().toUpperCase(Locale.ROOT);
        if (type.contains("FAIL") || type.contains("ERROR")) {
            return false;
        }
        if (type.equals("SUCCESS")) {
            return true;
        }
        return s.code() != null && (s.code() == 0 || s.code() == 200 || s.code() == 201);
    }

    private static boolean isExplicit(Status s) {
        String type = s.type() == null ? "" : s.type().trim().toUpperCase(Locale.ROOT);
        return type.contains("FAIL") || type.contains("ERROR") || type.equals("SUCCESS");
    }
}

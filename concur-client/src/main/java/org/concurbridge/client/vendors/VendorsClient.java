package org.concurbridge.client.vendors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.concurbridge.client.ApiCalls;
import org.concurbridge.client.ConcurException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * Invoice Vendor v3.1 for one company (vendors-v3.md): search with paging by {@code NextPage}, batch create/update
 * with a status per vendor, delete, banks and groups. Obtained from {@code ConcurClient.vendors()}; immutable and
 * thread-safe ({@link #withBatchSize(int)} returns a copy).
 *
 * <p>A {@code 200} is never taken as success by itself: every record sent gets a {@link VendorStatus} from the
 * answer's {@code StatusList} (see {@link StatusMatcher}), and a record the answer says nothing about is a failure.
 * Concur publishes no maximum for a POST/PUT batch: {@value #DEFAULT_BATCH_SIZE} per call is ours (the documented page
 * maximum of the same resource and the site-wide limit of Concur's batch services). A {@code 400} ({@code Error}
 * {@code {Message}}) is thrown as {@link ConcurException.Permanent}; a {@code 403} from these paths, which Concur
 * answers when the company has no Invoice (or the app is not allowed for it), is thrown as
 * {@link ConcurException.Permanent} with {@code errorCode()} {@value #NOT_AVAILABLE} instead of an authentication
 * failure (the token is good; reconnecting would not help).
 */
public final class VendorsClient {

    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int MAX_BATCH_SIZE = 1000;
    /** The client's {@code errorCode()} for a 403 from the vendor paths. */
    public static final String NOT_AVAILABLE = "invoice.not.available";

    static final String BASE = "/api/v3.1/invoice";
    private static final Logger log = LoggerFactory.getLogger(VendorsClient.class);

    private final ApiCalls calls;
    private final int batchSize;

    private VendorsClient(ApiCalls calls, int batchSize) {
        this.calls = calls;
        this.batchSize = batchSize;
    }

    /** Used by {@code ConcurClient.vendors()}. */
    public static VendorsClient over(ApiCalls calls) {
        return new VendorsClient(Objects.requireNonNull(calls, "calls"), DEFAULT_BATCH_SIZE);
    }

    public VendorsClient withBatchSize(int value) {
        if (value < 1 || value > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH_SIZE + " (got " + value + ")");
        }
        return new VendorsClient(calls, value);
    }

    public int batchSize() {
        return batchSize;
    }

    /** Whether a failure says the company cannot use the vendor API (no Invoice, or the app not allowed). */
    public static boolean notAvailable(ConcurException e) {
        return NOT_AVAILABLE.equals(e.errorCode());
    }

    // ---------------------------------------------------------------- search

    /** {@code GET /api/v3.1/invoice/vendors?limit=&offset=&<search>...}. */
    public VendorPage search(VendorQuery query) {
        return pageAt(BASE + "/vendors" + query(query));
    }

    /** The page a previous {@link VendorPage#nextPage()} designates (sent to this company's geolocation only). */
    public VendorPage next(String nextPage) {
        String path = ApiCalls.pathAndQuery(nextPage, "/api/");
        if (path == null) {
            throw new IllegalArgumentException("not a NextPage link: " + nextPage);
        }
        return pageAt(path);
    }

    private VendorPage pageAt(String pathAndQuery) {
        VendorPage page = guard(() -> calls.get("vendorSearch", pathAndQuery, Map.of(),
                r -> VendorJson.page(r.json())));
        log.info("concur.vendors op=search vendors={} totalCount={} next={}", page.vendors().size(), page.totalCount(),
                page.nextPage() != null);
        return page;
    }

    /** Every vendor matching the query, every page (following {@code NextPage}), lazily: one page in memory. */
    public Stream<Vendor> all(VendorQuery query) {
        String first = BASE + "/vendors" + query(query);
        Iterator<Vendor> it = new Iterator<>() {
            private String next = first;
            private Iterator<Vendor> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next != null) {
                    VendorPage page = pageAt(next);
                    String following = ApiCalls.pathAndQuery(page.nextPage(), "/api/");
                    next = page.vendors().isEmpty() || following == null || following.equals(next) ? null : following;
                    current = page.vendors().iterator();
                }
                return current.hasNext();
            }

            @Override
            public Vendor next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    // ---------------------------------------------------------------- writes

    /**
     * {@code POST /api/v3.1/invoice/vendors} in calls of at most {@link #batchSize()}, in order; each call's
     * statuses go to {@code afterEachCall} as soon as known; the result merges them. A vendor without a vendor code
     * or address code is not sent and fails ({@link VendorStatus#CLIENT_INVALID}).
     */
    public VendorBatch create(List<Vendor> vendors, Consumer<VendorBatch> afterEachCall) {
        return write("vendorCreate", "POST", vendors, afterEachCall);
    }

    /** {@code PUT /api/v3.1/invoice/vendors}, as {@link #create}. */
    public VendorBatch update(List<Vendor> vendors, Consumer<VendorBatch> afterEachCall) {
        return write("vendorUpdate", "PUT", vendors, afterEachCall);
    }

    private VendorBatch write(String op, String method, List<Vendor> vendors, Consumer<VendorBatch> afterEachCall) {
        Objects.requireNonNull(afterEachCall, "afterEachCall");
        List<VendorStatus> invalid = new ArrayList<>();
        List<StatusMatcher.Sent> sendable = new ArrayList<>();
        List<Vendor> bodies = new ArrayList<>();
        for (int i = 0; i < vendors.size(); i++) {
            Vendor v = vendors.get(i);
            if (v.vendorCode().isBlank() || v.addressCode().isBlank()) {
                invalid.add(new VendorStatus(i + 1, v.vendorCode(), v.addressCode(), false, null,
                        "not sent: VendorCode and AddressCode are required", VendorStatus.CLIENT_INVALID));
            } else {
                sendable.add(new StatusMatcher.Sent(i + 1, v.vendorCode(), v.addressCode(),
                        StatusMatcher.vendorKey(v.vendorCode(), v.addressCode())));
                bodies.add(v);
            }
        }
        return batches(op, method, BASE + "/vendors", invalid, sendable, afterEachCall,
                (from, to) -> VendorJson.vendors(bodies.subList(from, to)), "Vendor", VendorsClient::vendorKey);
    }

    /** {@code DELETE /api/v3.1/invoice/vendors?vendorCode=&addressCode=}: one status. */
    public VendorBatch delete(String vendorCode, String addressCode) {
        String path = BASE + "/vendors?vendorCode=" + enc(vendorCode) + "&addressCode=" + enc(addressCode);
        StatusMatcher.Sent sent = new StatusMatcher.Sent(1, vendorCode, addressCode,
                StatusMatcher.vendorKey(vendorCode, addressCode));
        return single("vendorDelete", "DELETE", path, null, List.of(sent), "Vendor", VendorsClient::vendorKey);
    }

    /** {@code PUT /api/v3.1/invoice/vendor/banks} (add or update), in calls of at most {@link #batchSize()}. */
    public VendorBatch putBanks(List<VendorBank> banks) {
        List<StatusMatcher.Sent> sendable = new ArrayList<>();
        for (int i = 0; i < banks.size(); i++) {
            VendorBank b = banks.get(i);
            sendable.add(new StatusMatcher.Sent(i + 1, b.vendorCode(), b.addressCode(),
                    StatusMatcher.vendorKey(b.vendorCode(), b.addressCode())));
        }
        return batches("vendorBanks", "PUT", BASE + "/vendor/banks", List.of(), sendable, b -> { },
                (from, to) -> VendorJson.banks(banks.subList(from, to)), "VendorBank", VendorsClient::vendorKey);
    }

    /** {@code PUT /api/v3.1/invoice/vendor/groups?vendorCode=&addressCode=}: adds the groups; one status per group. */
    public VendorBatch putGroups(String vendorCode, String addressCode, List<String> groups) {
        String path = BASE + "/vendor/groups?vendorCode=" + enc(vendorCode) + "&addressCode=" + enc(addressCode);
        List<StatusMatcher.Sent> sent = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            sent.add(new StatusMatcher.Sent(i + 1, vendorCode, addressCode, groupKey(groups.get(i))));
        }
        return single("vendorGroups", "PUT", path, VendorJson.groups(groups), sent, "VendorGroup",
                n -> groupKey(VendorJson.text(n, "Name")));
    }

    /** {@code DELETE /api/v3.1/invoice/vendor/groups?vendorCode=&addressCode=&groupName=}: one status. */
    public VendorBatch deleteGroup(String vendorCode, String addressCode, String group) {
        String path = BASE + "/vendor/groups?vendorCode=" + enc(vendorCode) + "&addressCode=" + enc(addressCode)
                + "&groupName=" + enc(group);
        return single("vendorGroupDelete", "DELETE", path, null,
                List.of(new StatusMatcher.Sent(1, vendorCode, addressCode, groupKey(group))), "VendorGroup",
                n -> groupKey(VendorJson.text(n, "Name")));
    }

    private interface Slice {
        String body(int from, int to);
    }

    private VendorBatch batches(String op, String method, String path, List<VendorStatus> invalid,
                                List<StatusMatcher.Sent> sendable, Consumer<VendorBatch> afterEachCall, Slice slice,
                                String element, Function<JsonNode, String> keyOf) {
        List<VendorStatus> all = new ArrayList<>(invalid);
        if (!invalid.isEmpty()) {
            log.info("concur.vendors op={} invalidRecords={}", op, invalid.size());
            afterEachCall.accept(new VendorBatch(invalid, 0));   // known before any call: delivered first
        }
        int calls = 0;
        for (int from = 0; from < sendable.size(); from += batchSize) {
            int to = Math.min(sendable.size(), from + batchSize);
            List<VendorStatus> statuses = call(op, method, path, slice.body(from, to), sendable.subList(from, to),
                    element, keyOf);
            calls++;
            VendorBatch batch = new VendorBatch(statuses, 1);
            log.info("concur.vendors op={} call={} records={} succeeded={} failed={}", op, calls, statuses.size(),
                    batch.succeeded(), batch.failed());
            all.addAll(statuses);
            afterEachCall.accept(batch);
        }
        all.sort((a, b) -> Integer.compare(a.recordNumber(), b.recordNumber()));
        return new VendorBatch(all, calls);
    }

    private VendorBatch single(String op, String method, String path, String body, List<StatusMatcher.Sent> sent,
                               String element, Function<JsonNode, String> keyOf) {
        List<VendorStatus> statuses = call(op, method, path, body, sent, element, keyOf);
        VendorBatch batch = new VendorBatch(statuses, 1);
        log.info("concur.vendors op={} records={} succeeded={} failed={}", op, statuses.size(), batch.succeeded(),
                batch.failed());
        return batch;
    }

    private List<VendorStatus> call(String op, String method, String path, String body,
                                    List<StatusMatcher.Sent> sent, String element, Function<JsonNode, String> keyOf) {
        return guard(() -> calls.json(op, method, path, body, java.util.Set.of(), answer -> {
            JsonNode root = answer.json();
            List<StatusMatcher.Status> statuses = StatusMatcher.statuses(VendorJson.records(root, element), keyOf);
            return StatusMatcher.match(sent, statuses, answer.status());
        }));
    }

    /** A 403 from the vendor paths: the company cannot use them (no Invoice); not an authentication failure. */
    private static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (ConcurException.Authentication e) {
            if (e.httpStatus() != 403) {
                throw e;
            }
            throw new ConcurException.Permanent(e.getMessage() + " (the company cannot use Invoice vendors: no Invoice,"
                    + " or the app is not allowed)", 403, NOT_AVAILABLE, e.correlationId(), e);
        }
    }

    static String vendorKey(JsonNode n) {
        String code = VendorJson.text(n, "VendorCode");
        return code == null ? null : StatusMatcher.vendorKey(code, VendorJson.text(n, "AddressCode"));
    }

    static String groupKey(String name) {
        return name == null ? null : "group|" + name.trim().toUpperCase(java.util.Locale.ROOT);
    }

    static String query(VendorQuery q) {
        StringBuilder b = new StringBuilder("?limit=").append(q.limit());
        if (q.offset() != null) {
            b.append("&offset=").append(enc(q.offset()));
        }
        q.search().forEach((k, v) -> b.append('&').append(enc(k)).append('=').append(enc(v)));
        return b.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(Objects.requireNonNull(s), StandardCharsets.UTF_8);
    }
}

package org.concurbridge.client.lists;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.concurbridge.client.ApiCalls;
import org.concurbridge.client.ConcurException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * List v4, List Item v4 and List Item Bulk v4 for one company (lists-and-list-items.md), plus the deprecated List
 * Item v3 / Lists v3 through {@link #v3()}. Obtained from {@code ConcurClient.lists()}; immutable and thread-safe.
 *
 * <p>Failures are {@link ConcurException}s classified once by the client ({@code errorCode()} carries List v4's
 * {@code error.id}, e.g. {@code list.is.managed}, {@code list.not.found}, {@code request.validation.error}); 429 and
 * 5xx are retried by the client's retry policy honouring {@code retry-after}. Pages are 1-based (100 per page, fixed
 * by Concur); streams are lazy and hold one page per level in memory. Paging follows {@code links[rel=next]} (its path
 * and query only, sent to the company's own geolocation), else {@code page.number < page.totalPages}.
 */
public final class ListsClient {

    /** Documented maximum of request parts per List Item Bulk v4 call. */
    public static final int BULK_MAX = 250;

    static final String BASE = "/list/v4";
    private static final Logger log = LoggerFactory.getLogger(ListsClient.class);

    private final ApiCalls calls;

    private ListsClient(ApiCalls calls) {
        this.calls = calls;
    }

    /** Used by {@code ConcurClient.lists()}. */
    public static ListsClient over(ApiCalls calls) {
        return new ListsClient(Objects.requireNonNull(calls, "calls"));
    }

    /** The deprecated List Item v3 and Lists v3 ({@code /api/v3.0/common/...}). */
    public ListItemsV3 v3() {
        return new ListItemsV3(calls);
    }

    // ---------------------------------------------------------------- lists

    /** {@code GET /list/v4/lists?page=N} (1-based). */
    public ListPage lists(int page) {
        return lists(page, Map.of());
    }

    /**
     * {@code GET /list/v4/lists?page=N&<field>=<op>:<value>...}: filters as documented ({@code value},
     * {@code category.type}, {@code isDeleted}, {@code levelCount}), e.g. {@code value -> "eq:Cost Centers & Co"};
     * names and values are URL-encoded by the client.
     */
    public ListPage lists(int page, Map<String, String> filters) {
        return listPage("listLists", BASE + "/lists" + query(page, filters), page).page();
    }

    /** {@code GET /list/v4/categories/{categoryId}/lists?page=N}. */
    public ListPage listsInCategory(String categoryId, int page) {
        return listPage("listListsInCategory", BASE + "/categories/" + seg(categoryId) + "/lists"
                + query(page, Map.of()), page).page();
    }

    /** Every list of every page, lazily. */
    public Stream<ConcurList> allLists() {
        return allLists(Map.of());
    }

    /** Every list matching the filters, every page, lazily. */
    public Stream<ConcurList> allLists(Map<String, String> filters) {
        String first = BASE + "/lists" + query(1, filters);
        return stream(new PagingIterator<>(first, (path, n) -> {
            ListPaged p = listPage("listLists", path, n);
            return new Paged<>(p.page().content(), p.next(), p.page().number());
        }));
    }

    /**
     * The list named exactly {@code name} and not deleted: a {@code value=eq:<name>} filter, then an exact
     * (case-sensitive) check on each answer, over every page of the filtered answer.
     */
    public Optional<ConcurList> listByName(String name) {
        Objects.requireNonNull(name, "name");
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("value", "eq:" + name);
        try (Stream<ConcurList> found = allLists(filter)) {
            Optional<ConcurList> list = found.filter(l -> name.equals(l.name()) && !l.deleted()).findFirst();
            log.info("concur.lists op=listByName found={}", list.isPresent());
            return list;
        }
    }

    /** {@code GET /list/v4/lists/{listId}}; 404 → {@link ConcurException.Permanent}. */
    public ConcurList list(String listId) {
        return calls.get("listGet", BASE + "/lists/" + seg(listId), Map.of(), r -> ListJson.list(r.json()));
    }

    /** {@code POST /list/v4/lists} → 201 with the new list. Not supported by Concur on Standard edition. */
    public ConcurList createList(NewList list) {
        ObjectNode body = ListJson.object();
        body.put("value", list.name());
        ListJson.putIfNotNull(body, "searchCriteria", list.searchCriteria());
        ListJson.putIfNotNull(body, "displayFormat", list.displayFormat());
        ListJson.putIfNotNull(body, "categoryId", list.categoryId());
        body.put("isManaged", list.managed());
        ConcurList created = calls.post("listCreate", BASE + "/lists", ListJson.write(body),
                r -> ListJson.list(r.json()));
        log.info("concur.lists op=createList list={} managedBy={}", created.id(), created.managedBy());
        return created;
    }

    /** {@code PUT /list/v4/lists/{listId}}; {@code managed} null leaves the managed state unchanged. */
    public ConcurList updateList(String listId, ListUpdate update) {
        ObjectNode body = ListJson.object();
        body.put("value", update.name());
        ListJson.putIfNotNull(body, "searchCriteria", update.searchCriteria());
        ListJson.putIfNotNull(body, "displayFormat", update.displayFormat());
        if (update.managed() != null) {
            body.put("isManaged", update.managed());
        }
        ConcurList updated = calls.put("listUpdate", BASE + "/lists/" + seg(listId), ListJson.write(body),
                r -> ListJson.list(r.json()));
        log.info("concur.lists op=updateList list={} managedBy={}", updated.id(), updated.managedBy());
        return updated;
    }

    /** {@code DELETE /list/v4/lists/{listId}} → 204. */
    public void deleteList(String listId) {
        calls.delete("listDelete", BASE + "/lists/" + seg(listId), r -> null);
        log.info("concur.lists op=deleteList list={}", listId);
    }

    // ---------------------------------------------------------------- items

    /** {@code GET /list/v4/items/{itemId}}; 404 → {@link ConcurException.Permanent}. */
    public ListItem item(String itemId) {
        return calls.get("listItemGet", BASE + "/items/" + seg(itemId), Map.of(), r -> ListJson.item(r.json()));
    }

    /** {@code GET /list/v4/lists/{listId}/children?page=N}: the first-level items of a list. */
    public ItemPage firstLevel(String listId, int page) {
        return itemPage("listFirstLevel", firstLevelPath(listId) + query(page, Map.of()), page).page();
    }

    /** {@code GET /list/v4/lists/{listId}/items/{itemId}/children?page=N}. */
    public ItemPage children(String listId, String itemId, int page) {
        return itemPage("listChildren", childrenPath(listId, itemId) + query(page, Map.of()), page).page();
    }

    /**
     * Every item of every level of the list, lazily, depth first: each item before its children, children read (in
     * pages) when the item's membership of this list says {@code hasChildren} (or names no membership of it).
     * Holds at most one page per level in memory.
     */
    public Stream<ListItem> allItems(String listId) {
        Objects.requireNonNull(listId, "listId");
        return stream(new TreeIterator(listId));
    }

    /** {@code POST /list/v4/items} → 201 with the new item. */
    public ListItem createItem(NewItem item) {
        requireValidCode(item.shortCode());
        ObjectNode body = ListJson.object();
        body.put("listId", item.listId());
        body.put("shortCode", item.shortCode());
        body.put("value", item.value());
        ListJson.putIfNotNull(body, "parentId", item.parentId());
        ListJson.putIfNotNull(body, "parentCode", item.parentCode());
        ListItem created = calls.post("listItemCreate", BASE + "/items", ListJson.write(body),
                r -> ListJson.item(r.json()));
        log.info("concur.lists op=createItem list={} item={} level={}", item.listId(), created.id(), created.level());
        return created;
    }

    /** {@code PUT /list/v4/items/{itemId}} with {@code shortCode} and {@code value} (both required by Concur). */
    public ListItem updateItem(String itemId, String shortCode, String value) {
        requireValidCode(shortCode);
        Objects.requireNonNull(value, "value");
        ObjectNode body = ListJson.object();
        body.put("shortCode", shortCode);
        body.put("value", value);
        ListItem updated = calls.put("listItemUpdate", BASE + "/items/" + seg(itemId), ListJson.write(body),
                r -> ListJson.item(r.json()));
        log.info("concur.lists op=updateItem item={}", itemId);
        return updated;
    }

    /** {@code DELETE /list/v4/items/{itemId}}: from every list (and its children with it). */
    public void deleteItem(String itemId) {
        calls.delete("listItemDelete", BASE + "/items/" + seg(itemId), r -> null);
        log.info("concur.lists op=deleteItem item={}", itemId);
    }

    /** {@code DELETE /list/v4/lists/{listId}/items/{itemId}}: from this list only. */
    public void deleteItemFromList(String listId, String itemId) {
        calls.delete("listItemDeleteFromList", BASE + "/lists/" + seg(listId) + "/items/" + seg(itemId), r -> null);
        log.info("concur.lists op=deleteItemFromList list={} item={}", listId, itemId);
    }

    // ---------------------------------------------------------------- bulk

    /**
     * {@code POST /list/v4/lists/{listId}/bulk}: the parts in calls of at most {@value #BULK_MAX}, in the given
     * order (put parents before children). Each call's outcome goes to {@code afterEachCall} as soon as it is known;
     * the result merges them. Parts that break a documented rule (blank short code or value, a hyphen in the short
     * code) are not sent: they fail with {@link PartResult#INVALID_PART}, delivered (with {@code calls} 0) before the
     * first call. A 400 {@code ErrorMessage} or 404 (list not found) is thrown as
     * {@link ConcurException.Permanent}; outcomes of earlier calls were already delivered.
     */
    public BulkOutcome bulkCreate(String listId, List<BulkCreate> parts, Consumer<BulkOutcome> afterEachCall) {
        List<PartResult> invalid = new ArrayList<>();
        List<BulkAnswer.Sent> sendable = new ArrayList<>();
        List<BulkCreate> bodies = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            BulkCreate p = parts.get(i);
            String problem = p == null ? "null part" : createProblem(p);
            if (problem != null) {
                invalid.add(new PartResult(i, p == null ? null : p.code(), false, PartResult.INVALID_PART, problem));
            } else {
                sendable.add(new BulkAnswer.Sent(i, p.code(), BulkAnswer.createKey(p.shortCode(), p.parentCode()),
                        p.value()));
                bodies.add(p);
            }
        }
        return bulk("listBulkCreate", "POST", listId, invalid, sendable, true, afterEachCall, (from, to) -> {
            ArrayNode requests = ListJson.MAPPER.createArrayNode();
            for (BulkCreate p : bodies.subList(from, to)) {
                ObjectNode part = requests.addObject();
                part.put("shortCode", p.shortCode());
                part.put("value", p.value());
                if (p.parentCode() != null && !p.parentCode().isEmpty()) {
                    part.put("parentCode", p.parentCode());
                }
            }
            return requests;
        });
    }

    /**
     * {@code PATCH /list/v4/lists/{listId}/bulk}: update values or delete ({@code deleted}) by long code, in calls
     * of at most {@value #BULK_MAX}, as {@link #bulkCreate}.
     */
    public BulkOutcome bulkUpdate(String listId, List<BulkUpdate> parts, Consumer<BulkOutcome> afterEachCall) {
        List<PartResult> invalid = new ArrayList<>();
        List<BulkAnswer.Sent> sendable = new ArrayList<>();
        List<BulkUpdate> bodies = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            BulkUpdate p = parts.get(i);
            String problem = p == null ? "null part" : updateProblem(p);
            if (problem != null) {
                invalid.add(new PartResult(i, p == null ? null : p.code(), false, PartResult.INVALID_PART, problem));
            } else {
                sendable.add(new BulkAnswer.Sent(i, p.code(), BulkAnswer.updateKey(p.code()), p.value()));
                bodies.add(p);
            }
        }
        return bulk("listBulkUpdate", "PATCH", listId, invalid, sendable, false, afterEachCall, (from, to) -> {
            ArrayNode requests = ListJson.MAPPER.createArrayNode();
            for (BulkUpdate p : bodies.subList(from, to)) {
                ObjectNode part = requests.addObject();
                part.put("code", p.code());
                if (p.value() != null) {
                    part.put("value", p.value());
                }
                if (p.deleted()) {
                    part.put("deleted", true);
                }
            }
            return requests;
        });
    }

    private interface Slice {
        ArrayNode requests(int from, int to);
    }

    private BulkOutcome bulk(String op, String method, String listId, List<PartResult> invalid,
                             List<BulkAnswer.Sent> sendable, boolean create, Consumer<BulkOutcome> afterEachCall,
                             Slice slice) {
        Objects.requireNonNull(afterEachCall, "afterEachCall");
        String path = BASE + "/lists/" + seg(listId) + "/bulk";
        List<PartResult> all = new ArrayList<>(invalid);
        if (!invalid.isEmpty()) {
            log.info("concur.lists op={} list={} invalidParts={}", op, listId, invalid.size());
            afterEachCall.accept(new BulkOutcome(invalid, 0));   // known before any call: delivered first
        }
        int calls = 0;
        for (int from = 0; from < sendable.size(); from += BULK_MAX) {
            int to = Math.min(sendable.size(), from + BULK_MAX);
            List<BulkAnswer.Sent> sent = sendable.subList(from, to);
            ObjectNode body = ListJson.object();
            body.set("requests", slice.requests(from, to));
            List<PartResult> results = this.calls.json(op, method, path, ListJson.write(body), Set.of(400), answer -> {
                if (!answer.isSuccess() && !BulkAnswer.isBulkResponse(safeJson(answer))) {
                    throw answer.failure();
                }
                return BulkAnswer.classify(sent, answer.json(), create, answer.status());
            });
            calls++;
            BulkOutcome outcome = new BulkOutcome(results, 1);
            log.info("concur.lists op={} list={} call={} parts={} succeeded={} failed={}", op, listId, calls,
                    results.size(), outcome.succeeded(), outcome.failed());
            all.addAll(results);
            afterEachCall.accept(outcome);
        }
        all.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new BulkOutcome(all, calls);
    }

    private static JsonNode safeJson(ApiCalls.Answer answer) {
        try {
            return answer.json();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String createProblem(BulkCreate p) {
        if (p.shortCode() == null || p.shortCode().isBlank()) {
            return "shortCode is required";
        }
        if (p.value() == null || p.value().isBlank()) {
            return "value is required";
        }
        return codeProblem(p.shortCode());
    }

    private static String updateProblem(BulkUpdate p) {
        if (p.code() == null || p.code().isBlank()) {
            return "code is required";
        }
        if (!p.deleted() && p.value() == null) {
            return "nothing to change: no value and not deleted";
        }
        return null;
    }

    /** The documented hyphen rule: a hyphen in an item's own code corrupts the list's long codes. */
    static String codeProblem(String shortCode) {
        return shortCode.indexOf('-') >= 0
                ? "shortCode '" + shortCode + "' contains a hyphen (the long-code level separator; never allowed)"
                : null;
    }

    private static void requireValidCode(String shortCode) {
        Objects.requireNonNull(shortCode, "shortCode");
        String problem = shortCode.isBlank() ? "shortCode must not be blank" : codeProblem(shortCode);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    // ---------------------------------------------------------------- paging

    /** A page's content, the path and query of the next page (null when last) and its number. */
    record Paged<T>(List<T> content, String next, int number) {
    }

    private record ListPaged(ListPage page, String next) {
    }

    private record ItemPaged(ItemPage page, String next) {
    }

    private ListPaged listPage(String op, String pathAndQuery, int requested) {
        ListPaged p = calls.get(op, pathAndQuery, Map.of(), r -> {
            JsonNode root = r.json();
            List<ConcurList> content = new ArrayList<>();
            for (JsonNode n : ListJson.content(root)) {
                content.add(ListJson.list(n));
            }
            ListJson.PageInfo page = ListJson.page(root, requested, content.size());
            ListPage lp = new ListPage(content, page.number(), page.totalPages(), page.totalElements());
            return new ListPaged(lp, next(root, pathAndQuery, lp.number(), lp.totalPages(), content.isEmpty()));
        });
        log.info("concur.lists op={} page={} lists={} totalPages={} totalElements={}", op, p.page().number(),
                p.page().content().size(), p.page().totalPages(), p.page().totalElements());
        return p;
    }

    private ItemPaged itemPage(String op, String pathAndQuery, int requested) {
        ItemPaged p = calls.get(op, pathAndQuery, Map.of(), r -> {
            JsonNode root = r.json();
            List<ListItem> content = new ArrayList<>();
            for (JsonNode n : ListJson.content(root)) {
                content.add(ListJson.item(n));
            }
            ListJson.PageInfo page = ListJson.page(root, requested, content.size());
            ItemPage ip = new ItemPage(content, page.number(), page.totalPages(), page.totalElements());
            return new ItemPaged(ip, next(root, pathAndQuery, ip.number(), ip.totalPages(), content.isEmpty()));
        });
        log.debug("concur.lists op={} page={} items={} totalPages={}", op, p.page().number(),
                p.page().content().size(), p.page().totalPages());
        return p;
    }

    /**
     * The next page: {@code links[rel=next]} (path and query only), else the same request with
     * {@code page=number+1} while {@code number < totalPages}; null after an empty page or a link to this same page.
     */
    static String next(JsonNode root, String current, int number, int totalPages, boolean empty) {
        if (empty) {
            return null;
        }
        String link = ApiCalls.pathAndQuery(ListJson.nextLink(root), BASE + "/");
        if (link != null) {
            return link.equals(current) ? null : link;
        }
        if (number < totalPages) {
            return withPage(current, number + 1);
        }
        return null;
    }

    static String withPage(String pathAndQuery, int page) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        List<String> params = new ArrayList<>();
        params.add("page=" + page);
        if (q >= 0) {
            for (String p : pathAndQuery.substring(q + 1).split("&")) {
                if (!p.isEmpty() && !p.startsWith("page=")) {
                    params.add(p);
                }
            }
        }
        return path + "?" + String.join("&", params);
    }

    static String query(int page, Map<String, String> filters) {
        if (page < 1) {
            throw new IllegalArgumentException("pages are 1-based (got " + page + ")");
        }
        StringBuilder q = new StringBuilder("?page=").append(page);
        filters.forEach((k, v) -> q.append('&').append(enc(k)).append('=').append(enc(v)));
        return q.toString();
    }

    /** Query encoding (space as {@code +}, {@code &} as {@code %26}); the operator's colon is kept readable. */
    static String enc(String s) {
        return URLEncoder.encode(Objects.requireNonNull(s), StandardCharsets.UTF_8).replace("%3A", ":");
    }

    static String seg(String s) {
        Objects.requireNonNull(s, "id");
        if (s.isBlank()) {
            throw new IllegalArgumentException("an id must not be blank");
        }
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String firstLevelPath(String listId) {
        return BASE + "/lists/" + seg(listId) + "/children";
    }

    private static String childrenPath(String listId, String itemId) {
        return BASE + "/lists/" + seg(listId) + "/items/" + seg(itemId) + "/children";
    }

    private static <T> Stream<T> stream(Iterator<T> it) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** Pages of one sequence, fetched one at a time as the previous one is consumed. */
    static final class PagingIterator<T> implements Iterator<T> {
        private final BiFunction<String, Integer, Paged<T>> fetch;
        private String next;
        private int expected = 1;
        private Iterator<T> current = Collections.emptyIterator();

        PagingIterator(String first, BiFunction<String, Integer, Paged<T>> fetch) {
            this.next = first;
            this.fetch = fetch;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && next != null) {
                Paged<T> page = fetch.apply(next, expected);
                next = page.next();
                expected = page.number() + 1;
                current = page.content().iterator();
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }

    /** Depth-first walk of a list's items: one paging iterator per level. */
    private final class TreeIterator implements Iterator<ListItem> {
        private final String listId;
        private final Deque<Iterator<ListItem>> levels = new ArrayDeque<>();
        private ListItem pending;

        TreeIterator(String listId) {
            this.listId = listId;
            levels.push(level(firstLevelPath(listId), "listFirstLevel"));
        }

        private Iterator<ListItem> level(String path, String op) {
            return new PagingIterator<>(path + query(1, Map.of()), (p, n) -> {
                ItemPaged page = itemPage(op, p, n);
                return new Paged<>(page.page().content(), page.next(), page.page().number());
            });
        }

        @Override
        public boolean hasNext() {
            if (pending != null) {
                return true;
            }
            while (!levels.isEmpty()) {
                Iterator<ListItem> top = levels.peek();
                if (top.hasNext()) {
                    pending = top.next();
                    boolean descend = pending.in(listId).map(ItemList::hasChildren).orElse(true);
                    if (descend) {
                        levels.push(level(childrenPath(listId, pending.id()), "listChildren"));
                    }
                    return true;
                }
                levels.pop();
            }
            return false;
        }

        @Override
        public ListItem next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ListItem item = pending;
            pending = null;
            return item;
        }
    }
}

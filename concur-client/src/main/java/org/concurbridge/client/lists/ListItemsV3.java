package org.concurbridge.client.lists;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.concurbridge.client.ApiCalls;
import org.concurbridge.client.MalformedResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deprecated List Item v3 ({@code /api/v3.0/common/listitems}) and Lists v3 ({@code /api/v3.0/common/lists})
 * in JSON: what the ERP certification guide still links. Paging follows {@code NextPage} (its path and query only,
 * sent to the company's own geolocation). {@code Items} is read as an array or a single object (the documented
 * sample shows an object). Prefer {@link ListsClient} for new code.
 */
public final class ListItemsV3 {

    /** Documented maximum page size of both v3 collections (default 25). */
    public static final int MAX_LIMIT = 100;
    static final String ITEMS = "/api/v3.0/common/listitems";
    static final String LISTS = "/api/v3.0/common/lists";
    private static final Logger log = LoggerFactory.getLogger(ListItemsV3.class);

    private final ApiCalls calls;

    ListItemsV3(ApiCalls calls) {
        this.calls = calls;
    }

    /**
     * {@code GET /api/v3.0/common/listitems?limit=&listId=&...}: {@code criteria} are the documented query names
     * ({@code listId}, {@code name}, {@code parentId}, {@code level1Code}…{@code level10Code}, {@code offset}).
     */
    public V3Page<V3ListItem> items(int limit, Map<String, String> criteria) {
        return itemsAt(ITEMS + query(limit, criteria));
    }

    /** The page a previous {@link V3Page#nextPage()} designates. */
    public V3Page<V3ListItem> itemsAt(String nextPage) {
        String path = nextPage.startsWith("/") ? nextPage : ApiCalls.pathAndQuery(nextPage, "/api/");
        V3Page<V3ListItem> page = calls.get("listItemsV3", path, Map.of(),
                r -> parsePage(r.json(), ListItemsV3::item));
        log.info("concur.lists op=listItemsV3 items={} next={}", page.items().size(), page.nextPage() != null);
        return page;
    }

    /** Every item of the list, every page (following {@code NextPage}), lazily. */
    public Stream<V3ListItem> allItems(String listId) {
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("listId", Objects.requireNonNull(listId, "listId"));
        return stream(ITEMS + query(MAX_LIMIT, criteria), this::itemsAt);
    }

    /** {@code GET /api/v3.0/common/listitems/{id}[?listId=]}. */
    public V3ListItem item(String id, String listId) {
        String q = listId == null ? "" : "?listId=" + ListsClient.enc(listId);
        return calls.get("listItemV3", ITEMS + "/" + ListsClient.seg(id) + q, Map.of(), r -> item(r.json()));
    }

    /**
     * {@code POST /api/v3.0/common/listitems}: {@code ListID}, {@code Name} and {@code Level1Code}…: the codes of
     * the item's ancestors then its own (hyphen-free).
     */
    public V3Created createItem(String listId, String name, List<String> levelCodes) {
        if (levelCodes.isEmpty() || levelCodes.size() > 10) {
            throw new IllegalArgumentException("1 to 10 level codes are required (got " + levelCodes.size() + ")");
        }
        ObjectNode body = ListJson.object();
        body.put("ListID", Objects.requireNonNull(listId, "listId"));
        body.put("Name", Objects.requireNonNull(name, "name"));
        for (int i = 0; i < levelCodes.size(); i++) {
            String code = Objects.requireNonNull(levelCodes.get(i), "level code");
            String problem = ListsClient.codeProblem(code);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            body.put("Level" + (i + 1) + "Code", code);
        }
        V3Created created = calls.post("listItemV3Create", ITEMS, ListJson.write(body), r -> created(r.json()));
        log.info("concur.lists op=createItemV3 list={} item={}", listId, created.id());
        return created;
    }

    /** {@code PUT /api/v3.0/common/listitems/{id}}: only the members given (non-null) change. */
    public void updateItem(String id, String listId, String name, String code) {
        ObjectNode body = ListJson.object();
        body.put("ListID", Objects.requireNonNull(listId, "listId"));
        ListJson.putIfNotNull(body, "Name", name);
        if (code != null) {
            String problem = ListsClient.codeProblem(code);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            body.put("Code", code);
        }
        calls.put("listItemV3Update", ITEMS + "/" + ListsClient.seg(id), ListJson.write(body), r -> null);
        log.info("concur.lists op=updateItemV3 item={}", id);
    }

    /** {@code DELETE /api/v3.0/common/listitems/{id}?listId=} ({@code listId} required). */
    public void deleteItem(String id, String listId) {
        calls.delete("listItemV3Delete", ITEMS + "/" + ListsClient.seg(id) + "?listId="
                + ListsClient.enc(Objects.requireNonNull(listId, "listId")), r -> null);
        log.info("concur.lists op=deleteItemV3 item={}", id);
    }

    /** {@code GET /api/v3.0/common/lists?limit=[&offset=]}. */
    public V3Page<V3List> lists(int limit, String offset) {
        Map<String, String> criteria = new LinkedHashMap<>();
        if (offset != null) {
            criteria.put("offset", offset);
        }
        return listsAt(LISTS + query(limit, criteria));
    }

    /** The lists page a previous {@link V3Page#nextPage()} designates. */
    public V3Page<V3List> listsAt(String nextPage) {
        String path = nextPage.startsWith("/") ? nextPage : ApiCalls.pathAndQuery(nextPage, "/api/");
        return calls.get("listsV3", path, Map.of(), r -> parsePage(r.json(), ListItemsV3::list));
    }

    /** Every list, every page, lazily. */
    public Stream<V3List> allLists() {
        return stream(LISTS + query(MAX_LIMIT, Map.of()), this::listsAt);
    }

    /** {@code GET /api/v3.0/common/lists/{id}}. */
    public V3List list(String id) {
        return calls.get("listV3", LISTS + "/" + ListsClient.seg(id), Map.of(), r -> list(r.json()));
    }

    /** {@code POST /api/v3.0/common/lists} ({@code ListPost}; Lists v3 PUT is unsupported since 2016). */
    public V3Created createList(String name, boolean displayCodeFirst, boolean vendorList, String searchCriteriaCode) {
        ObjectNode body = ListJson.object();
        body.put("Name", Objects.requireNonNull(name, "name"));
        body.put("DisplayCodeFirst", displayCodeFirst);
        body.put("IsVendorList", vendorList);
        body.put("SearchCriteriaCode", Objects.requireNonNull(searchCriteriaCode, "searchCriteriaCode"));
        V3Created created = calls.post("listV3Create", LISTS, ListJson.write(body), r -> created(r.json()));
        log.info("concur.lists op=createListV3 list={}", created.id());
        return created;
    }

    // ---------------------------------------------------------------- parsing

    public static <T> V3Page<T> parsePage(JsonNode root, Function<JsonNode, T> reader) {
        ListJson.requireObject(root, "v3 collection");
        List<T> items = new ArrayList<>();
        for (JsonNode n : ListJson.arrayOrObject(root, "Items")) {
            items.add(reader.apply(n));
        }
        String next = ListJson.text(root, "NextPage");
        return new V3Page<>(items, next == null || next.isBlank() ? null : next);
    }

    public static V3ListItem item(JsonNode n) {
        ListJson.requireObject(n, "list item");
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String c = ListJson.text(n, "Level" + i + "Code");
            codes.add(c == null ? "" : c);
        }
        int last = codes.size();
        while (last > 0 && codes.get(last - 1).isEmpty()) {
            last--;
        }
        String parent = ListJson.text(n, "ParentID");
        return new V3ListItem(ListJson.required(n, "ID"), ListJson.text(n, "ListID"), ListJson.text(n, "Name"),
                parent == null || parent.isBlank() ? null : parent, codes.subList(0, last), ListJson.text(n, "URI"));
    }

    public static V3List list(JsonNode n) {
        ListJson.requireObject(n, "list");
        return new V3List(ListJson.required(n, "ID"), ListJson.text(n, "URI"), ListJson.text(n, "Name"),
                ListJson.bool(n, "DisplayCodeFirst"), ListJson.text(n, "SearchCriteriaCode"),
                ListJson.bool(n, "IsVendorList"), ListJson.text(n, "ConnectorID"),
                ListJson.integer(n, "ExternalThreshold"));
    }

    public static V3Created created(JsonNode n) {
        ListJson.requireObject(n, "create response");
        String id = ListJson.text(n, "ID");
        if (id == null || id.isBlank()) {
            throw new MalformedResponseException("CreateResponse without ID");
        }
        return new V3Created(id, ListJson.text(n, "URI"));
    }

    private static String query(int limit, Map<String, String> criteria) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " (got " + limit + ")");
        }
        StringBuilder q = new StringBuilder("?limit=").append(limit);
        criteria.forEach((k, v) -> q.append('&').append(ListsClient.enc(k)).append('=').append(ListsClient.enc(v)));
        return q.toString();
    }

    private static <T> Stream<T> stream(String first, Function<String, V3Page<T>> fetch) {
        Iterator<T> it = new Iterator<>() {
            private String next = first;
            private Iterator<T> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next != null) {
                    V3Page<T> page = fetch.apply(next);
                    String following = page.nextPage() == null ? null : ApiCalls.pathAndQuery(page.nextPage(), "/api/");
                    next = following == null || following.equals(next) ? null : following;
                    current = page.items().iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }
}

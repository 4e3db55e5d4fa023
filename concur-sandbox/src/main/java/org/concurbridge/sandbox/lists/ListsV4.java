package org.concurbridge.sandbox.lists;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.concurbridge.sandbox.HttpFailure;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxHandler;
import org.concurbridge.sandbox.SandboxRoutes;
import org.concurbridge.sandbox.SandboxState;
import org.concurbridge.sandbox.TokenRegistry.AccessGrant;
import org.concurbridge.sandbox.lists.ListError.Violation;
import org.concurbridge.sandbox.lists.ListStore.ItemRec;
import org.concurbridge.sandbox.lists.ListStore.ListRec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * List v4, List Item v4 and List Item Bulk v4 over HTTP (lists-and-list-items.md sections 3-5): JSON only, a company
 * token with the endpoint's scope at the company's home geolocation, errors as the v4 ErrorMessage
 * {@code {"timestamp","httpStatus","error":{"id","message"},"path"[,"validationErrors"]}}.
 */
final class ListsV4 {

    static final String BASE = "/list/v4";
    static final int PAGE_SIZE = 100;
    static final int BULK_MAX = 250;
    static final String STANDARD_EDITION = "Standard Edition";
    static final String JSON_UTF8 = "application/json;charset=UTF-8";
    private static final Logger log = LoggerFactory.getLogger(ListsV4.class);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);
    private static final Set<String> SEARCH_CRITERIA = Set.of("TEXT", "CODE");
    private static final Set<String> DISPLAY_FORMATS = Set.of("(CODE) TEXT", "TEXT (CODE)");

    private final Lists lists;
    private final SandboxState state;

    ListsV4(Lists lists, SandboxState state) {
        this.lists = lists;
        this.state = state;
    }

    void register(SandboxRoutes routes) {
        routes.geo(GET, BASE + "/lists", v4(this::getLists));
        routes.geo(POST, BASE + "/lists", v4(this::postList));
        routes.geo(GET, BASE + "/lists/{listId}", v4(this::getList));
        routes.geo(PUT, BASE + "/lists/{listId}", v4(this::putList));
        routes.geo(DELETE, BASE + "/lists/{listId}", v4(this::deleteList));
        routes.geo(GET, BASE + "/categories/{categoryId}/lists", v4(this::listsOfCategory));
        routes.geo(GET, BASE + "/items/{itemId}", v4(this::getItem));
        routes.geo(POST, BASE + "/items", v4(this::postItem));
        routes.geo(PUT, BASE + "/items/{itemId}", v4(this::putItem));
        routes.geo(DELETE, BASE + "/items/{itemId}", v4(this::deleteItem));
        routes.geo(DELETE, BASE + "/lists/{listId}/items/{itemId}", v4(this::deleteItemFromList));
        routes.geo(GET, BASE + "/items/{itemId}/children", v4(this::childrenOfItem));
        routes.geo(GET, BASE + "/lists/{listId}/items/{itemId}/children", v4(this::childrenOfItemInList));
        routes.geo(GET, BASE + "/lists/{listId}/children", v4(this::firstLevel));
        routes.geo(POST, BASE + "/lists/{listId}/bulk", v4(ex -> bulk(ex, true)));
        routes.geo(PATCH, BASE + "/lists/{listId}/bulk", v4(ex -> bulk(ex, false)));
    }

    // =================================================================== callers and answers

    private record Caller(SandboxCompany company, AccessGrant grant, ListStore store) {
        String appId() {
            return "appId:" + grant.clientId();
        }

        /** 400 list.is.managed unless the list is unmanaged or managed by the calling app. */
        void mayModify(ListRec list) {
            if (list.managedBy != null && !list.managedBy.equals(appId())) {
                throw ListErrors.managed();
            }
        }
    }

    /** A valid company token (401), at the home geolocation (301), with one of {@code scopes} (403). */
    private Caller caller(SandboxExchange ex, String... scopes) {
        AccessGrant grant = ex.requireAccessToken();
        SandboxCompany company = ex.companyOf(grant);
        ex.requireHomeGeo(company);
        for (String scope : scopes) {
            if (grant.hasScope(scope)) {
                return new Caller(company, grant, lists.store(company.uuid()));
            }
        }
        throw ListError.of(403, ListErrors.ACCESS_DENIED, "The access token lacks the scope "
                + String.join(" or ", scopes));
    }

    private SandboxHandler v4(SandboxHandler handler) {
        return ex -> {
            try {
                handler.handle(ex);
            } catch (ListError e) {
                throw HttpFailure.of(e.status(), errorMessage(ex, e)).header("Cache-Control", "no-cache, private");
            }
        };
    }

    Map<String, Object> errorMessage(SandboxExchange ex, ListError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", TIMESTAMP.format(state.clock().instant()));
        body.put("httpStatus", status(e.status()));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("id", e.id());
        error.put("message", e.getMessage());
        body.put("error", error);
        if (!e.violations().isEmpty()) {
            body.put("validationErrors", e.violations());
        }
        body.put("path", ex.path());
        return body;
    }

    static String status(int code) {
        HttpStatus s = HttpStatus.forStatus(code);
        return code + " - " + (s == HttpStatus.UNKNOWN ? "Status " + code : s.getMessage());
    }

    /** JSON with the v4 headers; a GET gets an ETag and answers 304 to a matching If-None-Match. */
    private void send(SandboxExchange ex, int status, Object body) {
        byte[] bytes = state.json().writeValueAsBytes(body);
        var ctx = ex.ctx();
        ctx.header("Cache-Control", "no-cache, private");
        if ("GET".equals(ctx.method().name())) {
            String etag = etag(bytes);
            ctx.header("ETag", etag);
            if (etag.equals(ctx.header("If-None-Match"))) {
                ctx.status(304).result("");
                return;
            }
        }
        ctx.status(status).contentType(JSON_UTF8).result(bytes);
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode body(SandboxExchange ex) {
        String type = ex.ctx().contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ListError.of(415, ListErrors.MEDIA_TYPE, "Content-Type '" + type + "' is not supported; send"
                    + " application/json");
        }
        try {
            JsonNode node = state.json().readTree(ex.ctx().body());
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (JacksonException e) {
            // answered below
        }
        throw ListError.validation(List.of(new Violation("body", "must be a JSON object")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ListError.validation(List.of(new Violation(field, "must be a boolean")));
        }
        return v.asBoolean();
    }

    // =================================================================== field rules

    /** shortCode and value of an item: required, at most 32 / 64 characters, no hyphen (the level separator). */
    static List<Violation> itemFieldProblems(String prefix, String shortCode, String value) {
        List<Violation> out = new ArrayList<>();
        codeProblems(prefix + "shortCode", shortCode, Presence.REQUIRED, ListStore.MAX_CODE, out);
        codeProblems(prefix + "value", value, Presence.REQUIRED, ListStore.MAX_VALUE, out);
        return out;
    }

    /** Whether a field must be present. */
    enum Presence { REQUIRED, OPTIONAL }

    static void codeProblems(String source, String v, Presence rule, int max, List<Violation> out) {
        if (v == null) {
            if (rule == Presence.REQUIRED) {
                out.add(new Violation(source, "must not be null"));
            }
            return;
        }
        if (v.isBlank()) {
            out.add(new Violation(source, "must not be blank"));
        } else if (v.length() > max) {
            out.add(new Violation(source, "size must be between 1 and " + max));
        }
        if (v.indexOf('-') >= 0) {
            out.add(new Violation(source, "must not contain '-': the hyphen separates the levels of a long code"));
        }
    }

    // =================================================================== lists

    private void getLists(SandboxExchange ex) {
        Caller c = caller(ex, "spend.list.read", "spend.list.write");
        List<Predicate<ListRec>> filters = listFilters(ex);
        Comparator<ListRec> order = listOrder(ex);
        int page = page(ex);
        Map<String, Object> body;
        synchronized (c.store()) {
            List<ListRec> all = c.store().lists().stream().filter(l -> filters.stream().allMatch(f -> f.test(l)))
                    .sorted(order).toList();
            body = paged(ex, page, all, ListsV4::listJson);
        }
        send(ex, 200, body);
    }

    private void listsOfCategory(SandboxExchange ex) {
        Caller c = caller(ex, "spend.list.read", "spend.list.write");
        int page = page(ex);
        String categoryId = ex.ctx().pathParam("categoryId");
        Map<String, Object> body;
        synchronized (c.store()) {
            ListStore.Category category = c.store().category(categoryId);
            if (category == null) {
                throw ListError.of(404, ListErrors.CATEGORY_NOT_FOUND, "Category not found.");
            }
            List<ListRec> all = c.store().lists().stream().filter(l -> l.category.id().equals(category.id()))
                    .sorted(listOrder(ex)).toList();
            body = paged(ex, page, all, ListsV4::listJson);
        }
        send(ex, 200, body);
    }

    private void getList(SandboxExchange ex) {
        Caller c = caller(ex, "spend.list.read", "spend.list.write");
        Map<String, Object> body;
        synchronized (c.store()) {
            body = listJson(c.store().requireList(ex.ctx().pathParam("listId")));
        }
        send(ex, 200, body);
    }

    private void postList(SandboxExchange ex) {
        Caller c = caller(ex, "spend.list.write");
        ObjectNode in = body(ex);
        String value = text(in, "value");
        String searchCriteria = text(in, "searchCriteria");
        String displayFormat = text(in, "displayFormat");
        String categoryId = text(in, "categoryId");
        Boolean managed = bool(in, "isManaged");
        List<Violation> problems = listFieldProblems(value, searchCriteria, displayFormat);
        if (!problems.isEmpty()) {
            throw ListError.validation(problems);
        }
        boolean standard = STANDARD_EDITION.equalsIgnoreCase(c.company().marketingName());
        Map<String, Object> body;
        String id;
        synchronized (c.store()) {
            ListStore.Category category;
            if (categoryId != null) {
                category = c.store().category(categoryId);
                if (category == null) {
                    throw ListError.of(400, ListErrors.CATEGORY_NOT_FOUND, "Category not found.");
                }
            } else {
                category = c.store().newCategory("Normal");
            }
            ListRec l = c.store().createList(value, searchCriteria == null ? "TEXT" : searchCriteria,
                    displayFormat == null ? "(CODE) TEXT" : displayFormat, category,
                    Boolean.TRUE.equals(managed) ? c.appId() : null, 1);
            l.createdOnStandard = standard;
            id = l.id;
            body = listJson(l);
        }
        if (standard) {
            log.warn("lists.create.standard company={} list={} note=\"POST works technically on Standard but is not"
                    + " supported: the list cannot be attached to a field\"", c.company().uuid(), id);
        }
        ex.ctx().header("Location", state.geolocation(ex.geo()) + BASE + "/lists/" + id);
        send(ex, 201, body);
    }

    private static List<Violation> listFieldProblems(String value, String searchCriteria, String displayFormat) {
        List<Violation> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            out.add(new Violation("value", value == null ? "must not be null" : "must not be blank"));
        }
        if (searchCriteria != null && !SEARCH_CRITERIA.contains(searchCriteria)) {
            out.add(new Violation("searchCriteria", "must be TEXT or CODE"));
        }
        if (displayFormat != null && !DISPLAY_FORMATS.contains(displayFormat)) {
            out.add(new Violation("displayFormat", "must be '(CODE) TEXT' or 'TEXT (CODE)'"));
        }
        return out;
    }

    private void putList(SandboxExchange ex) {
        Caller c = caller(ex, "spend.list.write");
        ObjectNode in = body(ex);
        String value = text(in, "value");
        String searchCriteria = text(in, "searchCriteria");
        String displayFormat = text(in, "displayFormat");
        Boolean managed = bool(in, "isManaged");
        Map<String, Object> body;
        synchronized (c.store()) {
            ListRec l = c.store().requireList(ex.ctx().pathParam("listId"));
            c.mayModify(l);
            List<Violation> problems = listFieldProblems(value, searchCriteria, displayFormat);
            if (!problems.isEmpty()) {
                throw ListError.validation(problems);
            }
            c.store().requireFreeName(value, l);
            l.value = value;
            if (searchCriteria != null) {
                l.searchCriteria = searchCriteria;
            }
            if (displayFormat != null) {
                l.displayFormat = displayFormat;
            }
            if (managed != null) {
                l.managedBy = managed ? c.appId() : null;
            }
            body = listJson(l);
        }
        send(ex, 200, body);
    }

    private void deleteList(SandboxExchange ex) {
        Caller c = caller(ex, "spend.list.delete");
        synchronized (c.store()) {
            ListRec l = c.store().list(ex.ctx().pathParam("listId"));
            if (l == null) {
                throw ListError.of(400, ListErrors.LIST_NOT_FOUND, ListErrors.MSG_LIST_NOT_FOUND);
            }
            c.mayModify(l);
            if (l.deleted) {
                throw ListError.of(400, ListErrors.LIST_DELETED, ListErrors.MSG_LIST_DELETED);
            }
            l.deleted = true;
        }
        ex.ctx().header("Cache-Control", "no-cache, private");
        ex.ctx().status(204).result("");
    }

    static Map<String, Object> listJson(ListRec l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id);
        m.put("value", l.value);
        m.put("levelCount", l.levelCount);
        m.put("searchCriteria", l.searchCriteria);
        m.put("displayFormat", l.displayFormat);
        Map<String, Object> category = new LinkedHashMap<>();
        category.put("id", l.category.id());
        category.put("type", l.category.type());
        m.put("category", category);
        m.put("isReadOnly", l.readOnly);
        m.put("isDeleted", l.deleted);
        m.put("managedBy", l.managedBy);
        if (l.externalThreshold != null) {
            m.put("externalThreshold", l.externalThreshold);
        }
        return m;
    }

    private List<Predicate<ListRec>> listFilters(SandboxExchange ex) {
        List<Predicate<ListRec>> out = new ArrayList<>();
        Filter value = Filter.parse(ex, "value", Filter.TEXT_OPS);
        if (value != null) {
            out.add(l -> value.matches(l.value));
        }
        Filter deleted = Filter.parse(ex, "isDeleted", Set.of("eq"));
        if (deleted != null) {
            boolean wanted = deleted.bool();
            out.add(l -> l.deleted == wanted);
        }
        Filter levels = Filter.parse(ex, "levelCount", Filter.NUMBER_OPS);
        if (levels != null) {
            int n = levels.number();
            out.add(l -> levels.compare(l.levelCount, n));
        }
        Filter type = Filter.parse(ex, "category.type", Set.of("eq", "not"));
        if (type != null) {
            out.add(l -> type.matches(l.category.type()));
        }
        return out;
    }

    private static Comparator<ListRec> listOrder(SandboxExchange ex) {
        String sortBy = ex.query("sortBy") == null ? "name" : ex.query("sortBy").toLowerCase(Locale.ROOT);
        Comparator<ListRec> byName = Comparator.comparing((ListRec l) -> l.value, String.CASE_INSENSITIVE_ORDER);
        Comparator<ListRec> order = switch (sortBy) {
            case "name" -> byName;
            case "levelcount" -> Comparator.comparingInt((ListRec l) -> l.levelCount);
            case "listcategory" -> Comparator.comparing((ListRec l) -> l.category.type(),
                    String.CASE_INSENSITIVE_ORDER);
            default -> throw ListError.validation(List.of(new Violation("sortBy",
                    "must be one of name, levelcount, listcategory")));
        };
        order = direction(ex, order);
        return order.thenComparing(byName).thenComparing(l -> l.id);
    }

    private static <T> Comparator<T> direction(SandboxExchange ex, Comparator<T> order) {
        String dir = ex.query("sortDirection") == null ? "asc" : ex.query("sortDirection").toLowerCase(Locale.ROOT);
        return switch (dir) {
            case "asc" -> order;
            case "desc" -> order.reversed();
            default -> throw ListError.validation(List.of(new Violation("sortDirection", "must be asc or desc")));
        };
    }

    // =================================================================== paging

    private static int page(SandboxExchange ex) {
        String p = ex.query("page");
        if (p == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(p);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ListError.validation(List.of(new Violation("page", "must be a whole number from 1")));
    }

    /** {@code {"links", "content", "page"}}: pages of {@value #PAGE_SIZE}, links only when there are several pages. */
    private <T> Map<String, Object> paged(SandboxExchange ex, int page, List<T> all,
                                          java.util.function.Function<T, Map<String, Object>> render) {
        int total = all.size();
        int totalPages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
        List<Map<String, Object>> content = new ArrayList<>();
        for (int i = (page - 1) * PAGE_SIZE; i < Math.min(total, page * PAGE_SIZE); i++) {
            content.add(render.apply(all.get(i)));
        }
        List<Map<String, Object>> links = new ArrayList<>();
        if (totalPages > 1) {
            links.add(link(ex, "first", 1));
            if (page > 1) {
                links.add(link(ex, "previous", Math.min(page - 1, totalPages)));
            }
            if (page < totalPages) {
                links.add(link(ex, "next", page + 1));
            }
            links.add(link(ex, "last", totalPages));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("size", PAGE_SIZE);
        p.put("totalElements", total);
        p.put("totalPages", totalPages);
        p.put("number", page);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", links);
        body.put("content", content);
        body.put("page", p);
        return body;
    }

    private Map<String, Object> link(SandboxExchange ex, String rel, int page) {
        StringBuilder q = new StringBuilder();
        String query = ex.ctx().queryString();
        if (query != null) {
            for (String part : query.split("&")) {
                if (!part.isEmpty() && !part.startsWith("page=")) {
                    q.append(part).append('&');
                }
            }
        }
        q.append("page=").append(page);
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("rel", rel);
        l.put("href", state.geolocation(ex.geo()) + ex.path() + "?" + q);
        return l;
    }

    // =================================================================== items

    /** The v4 ListItem: {@code lists} = the lists it is live in, or all of its lists once deleted from all. */
    static Map<String, Object> itemJson(ItemRec i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id);
        m.put("code", i.code);
        m.put("shortCode", i.shortCode);
        m.put("value", i.value);
        m.put("parentId", i.parent == null ? null : i.parent.id);
        m.put("level", i.level);
        boolean deleted = i.deleted();
        m.put("isDeleted", deleted);
        List<Map<String, Object>> in = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : i.lists.entrySet()) {
            if (deleted || !e.getValue()) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("id", e.getKey());
                l.put("hasChildren", i.hasLiveChildrenIn(e.getKey()));
                in.add(l);
            }
        }
        m.put("lists", in);
        return m;
    }

    private void getItem(SandboxExchange ex) {
        Caller c = caller(ex, "spend.listitem.read", "spend.listitem.write");
        Map<String, Object> body;
        synchronized (c.store()) {
            body = itemJson(c.store().requireItem(ex.ctx().pathParam("itemId")));
        }
        send(ex, 200, body);
    }

    private void postItem(SandboxExchange ex) {
        Caller c = caller(ex, "spend.listitem.write");
        ObjectNode in = body(ex);
        String listId = text(in, "listId");
        String shortCode = text(in, "shortCode");
        String value = text(in, "value");
        String parentId = text(in, "parentId");
        String parentCode = text(in, "parentCode");
        List<Violation> problems = new ArrayList<>();
        if (listId == null || listId.isBlank()) {
            problems.add(new Violation("listId", "must not be null"));
        }
        problems.addAll(itemFieldProblems("", shortCode, value));
        if (!problems.isEmpty()) {
            throw ListError.validation(problems);
        }
        Map<String, Object> body;
        String id;
        synchronized (c.store()) {
            ListRec l = c.store().requireList(listId);
            c.mayModify(l);
            ItemRec parent = parentId != null ? c.store().parentById(parentId)
                    : parentCode != null ? c.store().parentByCode(l, parentCode) : null;
            ItemRec item = c.store().addItem(l, parent, shortCode, value);
            id = item.id;
            body = itemJson(item);
        }
        ex.ctx().header("Location", state.geolocation(ex.geo()) + BASE + "/items/" + id);
        send(ex, 201, body);
    }

    private void putItem(SandboxExchange ex) {
        Caller c = caller(ex, "spend.listitem.write");
        ObjectNode in = body(ex);
        String shortCode = text(in, "shortCode");
        String value = text(in, "value");
        List<Violation> problems = itemFieldProblems("", shortCode, value);
        if (!problems.isEmpty()) {
            throw ListError.validation(problems);
        }
        Map<String, Object> body;
        synchronized (c.store()) {
            ItemRec item = c.store().requireItem(ex.ctx().pathParam("itemId"));
            for (String listId : item.lists.keySet()) {
                c.mayModify(c.store().list(listId));
            }
            c.store().updateItem(item, shortCode, value);
            body = itemJson(item);
        }
        send(ex, 200, body);
    }

    private void deleteItem(SandboxExchange ex) {
        Caller c = caller(ex, "spend.listitem.delete");
        synchronized (c.store()) {
            ItemRec item = c.store().item(ex.ctx().pathParam("itemId"));
            if (item == null) {
                throw ListError.of(400, ListErrors.ITEM_NOT_FOUND, ListErrors.MSG_ITEM_NOT_FOUND);
            }
            for (Map.Entry<String, Boolean> e : item.lists.entrySet()) {
                if (!e.getValue()) {
                    c.mayModify(c.store().list(e.getKey()));
                }
            }
            c.store().deleteFromAll(item);
        }
        ex.ctx().header("Cache-Control", "no-cache, private");
        ex.ctx().status(204).result("");
    }

    private void deleteItemFromList(SandboxExchange ex) {
        Caller c = caller(ex, "spend.listitem.delete");
        synchronized (c.store()) {
            ListRec l = c.store().list(ex.ctx().pathParam("listId"));
            if (l == null) {
                throw ListError.of(400, ListErrors.LIST_NOT_FOUND, ListErrors.MSG_LIST_NOT_FOUND);
            }
            c.mayModify(l);
            ItemRec item = c.store().item(ex.ctx().pathParam("itemId"));
            if (item == null) {
                throw ListError.of(400, ListErrors.ITEM_NOT_FOUND, ListErrors.MSG_ITEM_NOT_FOUND);
            }
            c.store().deleteFromList(l, item);
        }
        ex.ctx().header("Cache-Control", "no-cache, private");
        ex.ctx().status(204).result("");
    }

    private void firstLevel(SandboxExchange ex) {
        Caller c = caller(ex, "spend.listitem.read", "spend.listitem.write");
        children(ex, c, ex.ctx().pathParam("listId"), null);
    }

    private void childrenOfItemInList(SandboxExchange ex) {
        Caller c = caller(ex, "spend.listitem.read", "spend.listitem.write");
        children(ex, c, ex.ctx().pathParam("listId"), ex.ctx().pathParam("itemId"));
    }

    private void childrenOfItem(SandboxExchange ex) {
        Caller c = caller(ex, "spend.listitem.read", "spend.listitem.write");
        children(ex, c, null, ex.ctx().pathParam("itemId"));
    }

    /**
     * Children of an item (in one list, or in any of its lists when {@code listId} is null) or the first level of a
     * list. Without {@code isDeleted}, only items not deleted (from that list) are listed; {@code isDeleted=true}
     * lists only the deleted ones.
     */
    private void children(SandboxExchange ex, Caller c, String listId, String itemId) {
        int page = page(ex);
        Filter value = Filter.parse(ex, "value", Filter.TEXT_OPS);
        Filter shortCode = Filter.parse(ex, "shortCode", Filter.TEXT_OPS);
        Filter either = Filter.parse(ex, "shortCodeOrValue", Filter.TEXT_OPS);
        Filter hasChildren = Filter.parse(ex, "hasChildren", Set.of("eq"));
        Filter isDeleted = Filter.parse(ex, "isDeleted", Set.of("eq"));
        boolean wantDeleted = isDeleted != null && isDeleted.bool();
        Boolean wantChildren = hasChildren == null ? null : hasChildren.bool();
        String sortBy = ex.query("sortBy") == null ? "value" : ex.query("sortBy");
        Comparator<ItemRec> order = switch (sortBy.toLowerCase(Locale.ROOT)) {
            case "value" -> Comparator.comparing((ItemRec i) -> i.value, String.CASE_INSENSITIVE_ORDER);
            case "shortcode" -> Comparator.comparing((ItemRec i) -> i.shortCode, String.CASE_INSENSITIVE_ORDER);
            default -> throw ListError.validation(List.of(new Violation("sortBy", "must be value or shortCode")));
        };
        order = direction(ex, order).thenComparingLong(i -> i.seq);
        Map<String, Object> body;
        synchronized (c.store()) {
            ListStore s = c.store();
            List<ItemRec> source;
            if (listId != null) {
                ListRec l = s.requireList(listId);
                ItemRec parent = itemId == null ? null : s.requireItem(itemId);
                if (parent != null && !parent.memberOf(l.id)) {
                    throw ListErrors.itemNotFound();
                }
                source = s.childrenIn(l, parent);
            } else {
                source = s.requireItem(itemId).children;
            }
            Predicate<ItemRec> deleted = listId != null ? i -> !i.liveIn(listId) : ItemRec::deleted;
            Predicate<ItemRec> withChildren = listId != null ? i -> i.hasLiveChildrenIn(listId)
                    : i -> i.children.stream().anyMatch(ch -> !ch.deleted());
            List<ItemRec> all = source.stream()
                    .filter(i -> deleted.test(i) == wantDeleted)
                    .filter(i -> wantChildren == null || withChildren.test(i) == wantChildren)
                    .filter(i -> value == null || value.matches(i.value))
                    .filter(i -> shortCode == null || shortCode.matches(i.shortCode))
                    .filter(i -> either == null || either.matches(i.shortCode) || either.matches(i.value))
                    .sorted(order).toList();
            body = paged(ex, page, all, ListsV4::itemJson);
        }
        send(ex, 200, body);
    }

    // =================================================================== bulk

    /**
     * POST (create) / PATCH (update, delete) of up to 250 parts, applied in order and individually: 201 (create) /
     * 200 (update) when all succeed, 206 when some fail, 400 with the BulkListItemResponse when all fail.
     */
    private void bulk(SandboxExchange ex, boolean create) {
        Caller c = caller(ex, "spend.listitem.write");
        ObjectNode in = body(ex);
        String listId = ex.ctx().pathParam("listId");
        synchronized (c.store()) {
            ListRec list = c.store().requireList(listId);
            c.mayModify(list);
        }
        JsonNode requests = in.get("requests");
        if (requests == null || requests.isNull()) {
            throw ListError.validation(List.of(new Violation("requests", "must not be null")));
        }
        if (!requests.isArray()) {
            throw ListError.validation(List.of(new Violation("requests", "must be an array")));
        }
        if (requests.isEmpty() || requests.size() > BULK_MAX) {
            throw ListError.validation(List.of(new Violation("requests", "size must be between 1 and " + BULK_MAX)));
        }
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode part = requests.get(i);
            String prefix = "requests[" + i + "].";
            if (!part.isObject()) {
                problems.add(new Violation("requests[" + i + "]", "must be an object"));
            } else if (create) {
                problems.addAll(itemFieldProblems(prefix, text(part, "shortCode"), text(part, "value")));
            } else {
                String code = text(part, "code");
                if (code == null || code.isBlank()) {
                    problems.add(new Violation(prefix + "code",
                            code == null ? "must not be null" : "must not be blank"));
                }
                codeProblems(prefix + "value", text(part, "value"), Presence.OPTIONAL, ListStore.MAX_VALUE,
                        problems);
                JsonNode deleted = part.get("deleted");
                if (deleted != null && !deleted.isNull() && !deleted.isBoolean()) {
                    problems.add(new Violation(prefix + "deleted", "must be a boolean"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ListError.validation(problems);
        }
        int succeeded = 0;
        List<Map<String, Object>> errors = new ArrayList<>();
        synchronized (c.store()) {
            ListStore s = c.store();
            ListRec list = s.requireList(listId);
            for (JsonNode part : requests) {
                try {
                    if (create) {
                        String parentCode = text(part, "parentCode");
                        ItemRec parent = parentCode == null ? null : s.parentByCode(list, parentCode);
                        s.addItem(list, parent, text(part, "shortCode"), text(part, "value"));
                    } else {
                        update(s, list, text(part, "code"), text(part, "value"),
                                Boolean.TRUE.equals(bool(part, "deleted")));
                    }
                    succeeded++;
                } catch (ListError e) {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("id", e.id());
                    error.put("message", e.getMessage());
                    error.put("listItem", part);
                    errors.add(error);
                }
            }
        }
        int failed = errors.size();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", failed == 0 ? "SUCCESS" : succeeded == 0 ? "FAILURE" : "PARTIAL_SUCCESS");
        body.put("recordsSucceeded", succeeded);
        body.put("recordsFailed", failed);
        body.put("errors", errors);
        log.info("lists.bulk company={} list={} op={} parts={} succeeded={} failed={}", c.company().uuid(), listId,
                create ? "create" : "update", requests.size(), succeeded, failed);
        ex.ctx().header("Location", state.geolocation(ex.geo()) + ex.path());
        send(ex, failed == 0 ? (create ? 201 : 200) : succeeded == 0 ? 400 : 206, body);
    }

    private static void update(ListStore s, ListRec list, String code, String value, boolean delete) {
        if (list.deleted) {
            throw ListError.of(400, ListErrors.LIST_DELETED, ListErrors.MSG_LIST_DELETED);
        }
        ItemRec item = list.byCode.get(code);
        if (item == null) {
            throw ListError.of(404, ListErrors.ITEM_NOT_FOUND, ListErrors.MSG_ITEM_NOT_FOUND);
        }
        if (!item.liveIn(list.id)) {
            throw ListError.of(400, ListErrors.ITEM_DELETED, ListErrors.MSG_ITEM_DELETED);
        }
        if (value != null) {
            item.value = value;
        }
        if (delete) {
            s.deleteFromList(list, item);
        }
    }
}

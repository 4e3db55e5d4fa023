package org.concurbridge.sandbox.lists;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concurbridge.sandbox.HttpFailure;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxHandler;
import org.concurbridge.sandbox.SandboxRoutes;
import org.concurbridge.sandbox.SandboxState;
import org.concurbridge.sandbox.TokenRegistry.AccessGrant;
import org.concurbridge.sandbox.lists.ListStore.ItemRec;
import org.concurbridge.sandbox.lists.ListStore.ListRec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deprecated List Item v3 and Lists v3 (lists-and-list-items.md sections 1-2) over the same state as v4: JSON
 * only (the XML element names are not documented), a company token with the scope {@code LIST} at the company's home
 * geolocation, PascalCase fields. Ids are the v4 ids. Items deleted from a list are not listed by v3. Errors are the
 * classic error {@code {"Error": {"Message", "Server-Time", "Id"}}} ([INFERRED] JSON spelling of the classic
 * {@code Error} element; the v4 error id is the {@code Id}).
 */
final class ListsV3 {

    static final String ITEMS = "/api/v3.0/common/listitems";
    static final String LISTS = "/api/v3.0/common/lists";
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;
    static final int LEVELS = ListStore.MAX_LEVELS;

    private final Lists lists;
    private final SandboxState state;

    ListsV3(Lists lists, SandboxState state) {
        this.lists = lists;
        this.state = state;
    }

    void register(SandboxRoutes routes) {
        routes.geo(GET, ITEMS, v3(this::getItems));
        routes.geo(GET, ITEMS + "/{id}", v3(this::getItem));
        routes.geo(POST, ITEMS, v3(this::postItem));
        routes.geo(PUT, ITEMS + "/{id}", v3(this::putItem));
        routes.geo(DELETE, ITEMS + "/{id}", v3(this::deleteItem));
        routes.geo(GET, LISTS, v3(this::getLists));
        routes.geo(GET, LISTS + "/{id}", v3(this::getList));
        routes.geo(POST, LISTS, v3(this::postList));
        routes.geo(PUT, LISTS + "/{id}", v3(ex -> {
            caller(ex);
            throw ListError.of(400, "request.unsupported", "PUT on Lists v3 is deprecated since 05/19/2016 and"
                    + " unsupported since 11/19/2016.");
        }));
    }

    private record Caller(SandboxCompany company, AccessGrant grant, ListStore store) {
        void mayModify(ListRec list) {
            if (list.managedBy != null && !list.managedBy.equals("appId:" + grant.clientId())) {
                throw ListErrors.managed();
            }
        }
    }

    private Caller caller(SandboxExchange ex) {
        AccessGrant grant = ex.requireAccessToken();
        SandboxCompany company = ex.companyOf(grant);
        ex.requireHomeGeo(company);
        if (!grant.hasScope("LIST")) {
            throw ListError.of(403, ListErrors.ACCESS_DENIED, "The access token lacks the scope LIST.");
        }
        return new Caller(company, grant, lists.store(company.uuid()));
    }

    private SandboxHandler v3(SandboxHandler handler) {
        return ex -> {
            try {
                handler.handle(ex);
            } catch (ListError e) {
                Map<String, Object> error = new LinkedHashMap<>();
                String message = e.getMessage();
                if (!e.violations().isEmpty()) {
                    message = e.violations().stream().map(v -> v.source() + ": " + v.message())
                            .reduce((a, b) -> a + "; " + b).orElse(message);
                }
                error.put("Message", message);
                error.put("Server-Time", state.clock().instant().toString());
                error.put("Id", e.id());
                throw HttpFailure.of(e.status(), Map.of("Error", error));
            }
        };
    }

    private ObjectNode body(SandboxExchange ex) {
        try {
            JsonNode node = state.json().readTree(ex.ctx().body());
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (JacksonException e) {
            // answered below
        }
        throw ListError.of(400, ListErrors.VALIDATION, "The request body must be a JSON object.");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asString().isEmpty() ? null : v.asString();
    }

    private String uri(SandboxExchange ex, String base, String id) {
        return state.geolocation(ex.geo()) + base + "/" + id;
    }

    // =================================================================== List Item v3

    private record Row(ListRec list, ItemRec item) {
    }

    private void getItems(SandboxExchange ex) {
        Caller c = caller(ex);
        int limit = limit(ex);
        int offset = offset(ex);
        String listId = ex.query("listId");
        String name = ex.query("name");
        String parentId = ex.query("parentId");
        String[] levelCodes = new String[LEVELS + 1];
        for (int n = 1; n <= LEVELS; n++) {
            levelCodes[n] = ex.query("level" + n + "Code");
        }
        List<Map<String, Object>> page = new ArrayList<>();
        boolean more;
        synchronized (c.store()) {
            List<Row> rows = new ArrayList<>();
            for (ListRec l : c.store().lists()) {
                if (l.deleted || (listId != null && !l.id.equalsIgnoreCase(listId))) {
                    continue;
                }
                for (ItemRec i : c.store().itemsOf(l)) {
                    if (i.liveIn(l.id) && (name == null || name.equalsIgnoreCase(i.value))
                            && (parentId == null || (i.parent != null && i.parent.id.equalsIgnoreCase(parentId)))
                            && levelsMatch(i, levelCodes)) {
                        rows.add(new Row(l, i));
                    }
                }
            }
            for (int k = offset; k < Math.min(rows.size(), offset + limit); k++) {
                page.add(itemJson(ex, rows.get(k).list(), rows.get(k).item()));
            }
            more = offset + limit < rows.size();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Items", page);
        body.put("NextPage", more ? nextPage(ex, ITEMS, offset + limit, limit) : null);
        ex.json(200, body);
    }

    private static boolean levelsMatch(ItemRec item, String[] wanted) {
        String[] codes = levelCodes(item);
        for (int n = 1; n <= LEVELS; n++) {
            if (wanted[n] != null && !wanted[n].equalsIgnoreCase(codes[n] == null ? "" : codes[n])) {
                return false;
            }
        }
        return true;
    }

    /** Level1Code ... LevelNCode of an item: the short codes of its ancestors and its own (index = level). */
    private static String[] levelCodes(ItemRec item) {
        String[] codes = new String[LEVELS + 1];
        for (ItemRec i = item; i != null; i = i.parent) {
            codes[i.level] = i.shortCode;
        }
        return codes;
    }

    private Map<String, Object> itemJson(SandboxExchange ex, ListRec list, ItemRec item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", item.id);
        m.put("ListID", list.id);
        m.put("Name", item.value);
        m.put("ParentID", item.parent == null ? null : item.parent.id);
        String[] codes = levelCodes(item);
        for (int n = 1; n <= LEVELS; n++) {
            m.put("Level" + n + "Code", codes[n]);
        }
        m.put("URI", uri(ex, ITEMS, item.id));
        return m;
    }

    private void getItem(SandboxExchange ex) {
        Caller c = caller(ex);
        String listId = ex.query("listId");
        Map<String, Object> body;
        synchronized (c.store()) {
            ItemRec item = c.store().requireItem(ex.ctx().pathParam("id"));
            ListRec list;
            if (listId != null) {
                list = c.store().requireList(listId);
                if (!item.memberOf(list.id)) {
                    throw ListErrors.itemNotFound();
                }
            } else {
                list = c.store().list(c.store().homeList(item));
            }
            body = itemJson(ex, list, item);
        }
        ex.json(200, body);
    }

    private void postItem(SandboxExchange ex) {
        Caller c = caller(ex);
        ObjectNode in = body(ex);
        String listId = text(in, "ListID");
        String name = text(in, "Name");
        String[] codes = new String[LEVELS + 1];
        int depth = 0;
        for (int n = 1; n <= LEVELS; n++) {
            codes[n] = text(in, "Level" + n + "Code");
            if (codes[n] != null) {
                if (depth != n - 1) {
                    throw ListError.of(400, ListErrors.VALIDATION, "Level" + n + "Code is set but Level" + (depth + 1)
                            + "Code is empty: level codes must be given from Level1Code on without gaps.");
                }
                depth = n;
            }
        }
        List<ListError.Violation> problems = new ArrayList<>();
        if (listId == null) {
            problems.add(new ListError.Violation("ListID", "is required"));
        }
        if (depth == 0) {
            problems.add(new ListError.Violation("Level1Code", "is required"));
        } else {
            String own = "Level" + depth + "Code";
            problems.addAll(ListsV4.itemFieldProblems("", codes[depth], name).stream()
                    .map(v -> new ListError.Violation(v.source().equals("value") ? "Name" : own, v.message()))
                    .toList());
        }
        for (int n = 1; n < depth; n++) {
            if (codes[n].indexOf('-') >= 0) {
                problems.add(new ListError.Violation("Level" + n + "Code", "must not contain '-'"));
            }
        }
        if (!problems.isEmpty()) {
            throw ListError.validation(problems);
        }
        String id;
        synchronized (c.store()) {
            ListRec list = c.store().requireList(listId);
            c.mayModify(list);
            ItemRec parent = null;
            if (depth > 1) {
                StringBuilder parentCode = new StringBuilder(codes[1]);
                for (int n = 2; n < depth; n++) {
                    parentCode.append('-').append(codes[n]);
                }
                parent = c.store().parentByCode(list, parentCode.toString());
            }
            id = c.store().addItem(list, parent, codes[depth], name).id;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ID", id);
        body.put("URI", uri(ex, ITEMS, id));
        ex.json(200, body);
    }

    private void putItem(SandboxExchange ex) {
        Caller c = caller(ex);
        ObjectNode in = body(ex);
        String listId = text(in, "ListID");
        String name = text(in, "Name");
        String code = text(in, "Code");
        if (listId == null) {
            throw ListError.validation(List.of(new ListError.Violation("ListID", "is required")));
        }
        synchronized (c.store()) {
            ListRec list = c.store().requireList(listId);
            ItemRec item = c.store().requireItem(ex.ctx().pathParam("id"));
            if (!item.memberOf(list.id)) {
                throw ListErrors.itemNotFound();
            }
            for (String member : item.lists.keySet()) {
                c.mayModify(c.store().list(member));
            }
            String newCode = code == null ? item.shortCode : code;
            String newName = name == null ? item.value : name;
            List<ListError.Violation> problems = ListsV4.itemFieldProblems("", newCode, newName).stream()
                    .map(v -> new ListError.Violation(v.source().equals("value") ? "Name" : "Code", v.message()))
                    .toList();
            if (!problems.isEmpty()) {
                throw ListError.validation(problems);
            }
            c.store().updateItem(item, newCode, newName);
        }
        ex.ctx().status(200).result("");
    }

    private void deleteItem(SandboxExchange ex) {
        Caller c = caller(ex);
        String listId = ex.query("listId");
        if (listId == null) {
            throw ListError.validation(List.of(new ListError.Violation("listId", "is required")));
        }
        synchronized (c.store()) {
            ListRec list = c.store().requireList(listId);
            c.mayModify(list);
            ItemRec item = c.store().requireItem(ex.ctx().pathParam("id"));
            c.store().deleteFromList(list, item);
        }
        ex.ctx().status(200).result("");
    }

    // =================================================================== Lists v3

    private Map<String, Object> listJson(SandboxExchange ex, ListRec l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ConnectorID", l.connectorId);
        m.put("DisplayCodeFirst", "(CODE) TEXT".equals(l.displayFormat));
        m.put("ExternalThreshold", l.externalThreshold == null ? 1 : l.externalThreshold);
        m.put("ID", l.id);
        m.put("IsVendorList", l.vendorList || "Vendor".equalsIgnoreCase(l.category.type()));
        m.put("Name", l.value);
        m.put("SearchCriteriaCode", l.searchCriteria);
        m.put("URI", uri(ex, LISTS, l.id));
        return m;
    }

    private void getLists(SandboxExchange ex) {
        Caller c = caller(ex);
        int limit = limit(ex);
        int offset = offset(ex);
        List<Map<String, Object>> page = new ArrayList<>();
        boolean more;
        synchronized (c.store()) {
            List<ListRec> all = c.store().lists().stream().filter(l -> !l.deleted).toList();
            for (int k = offset; k < Math.min(all.size(), offset + limit); k++) {
                page.add(listJson(ex, all.get(k)));
            }
            more = offset + limit < all.size();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Items", page);
        body.put("NextPage", more ? nextPage(ex, LISTS, offset + limit, limit) : null);
        ex.json(200, body);
    }

    private void getList(SandboxExchange ex) {
        Caller c = caller(ex);
        Map<String, Object> body;
        synchronized (c.store()) {
            body = listJson(ex, c.store().requireList(ex.ctx().pathParam("id")));
        }
        ex.json(200, body);
    }

    private void postList(SandboxExchange ex) {
        Caller c = caller(ex);
        ObjectNode in = body(ex);
        String name = text(in, "Name");
        String searchCriteria = text(in, "SearchCriteriaCode");
        JsonNode codeFirst = in.get("DisplayCodeFirst");
        JsonNode vendor = in.get("IsVendorList");
        String connectorId = text(in, "ConnectorID");
        JsonNode threshold = in.get("ExternalThreshold");
        List<ListError.Violation> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new ListError.Violation("Name", "is required"));
        }
        if (codeFirst == null || !codeFirst.isBoolean()) {
            problems.add(new ListError.Violation("DisplayCodeFirst", "is required (true or false)"));
        }
        if (vendor == null || !vendor.isBoolean()) {
            problems.add(new ListError.Violation("IsVendorList", "is required (true or false)"));
        }
        if (searchCriteria == null || !(searchCriteria.equalsIgnoreCase("CODE")
                || searchCriteria.equalsIgnoreCase("TEXT"))) {
            problems.add(new ListError.Violation("SearchCriteriaCode", "is required (CODE or TEXT)"));
        }
        if (threshold != null && !threshold.isNull() && (!threshold.canConvertToInt() || connectorId == null)) {
            problems.add(new ListError.Violation("ExternalThreshold", "is a whole number, settable only with a"
                    + " ConnectorID"));
        }
        if (!problems.isEmpty()) {
            throw ListError.validation(problems);
        }
        String id;
        synchronized (c.store()) {
            ListRec l = c.store().createList(name, searchCriteria.toUpperCase(Locale.ROOT),
                    codeFirst.asBoolean() ? "(CODE) TEXT" : "TEXT (CODE)",
                    c.store().newCategory(vendor.asBoolean() ? "Vendor" : "Normal"), null, 1);
            l.vendorList = vendor.asBoolean();
            l.connectorId = connectorId;
            l.externalThreshold = threshold == null || threshold.isNull() ? null : threshold.asInt();
            id = l.id;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ID", id);
        body.put("URI", uri(ex, LISTS, id));
        ex.json(200, body);
    }

    // =================================================================== paging

    private static int limit(SandboxExchange ex) {
        String v = ex.query("limit");
        if (v == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ListError.of(400, ListErrors.VALIDATION, "limit must be a whole number from 1 to " + MAX_LIMIT
                + " (got " + v + ").");
    }

    /** The sandbox's offsets are positions; the docs call them opaque strings (page start). */
    private static int offset(SandboxExchange ex) {
        String v = ex.query("offset");
        if (v == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ListError.of(400, ListErrors.VALIDATION, "offset '" + v + "' is not a page start this service issued.");
    }

    private String nextPage(SandboxExchange ex, String base, int offset, int limit) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, List<String>> e : ex.ctx().queryParamMap().entrySet()) {
            if (e.getKey().equals("offset") || e.getKey().equals("limit")) {
                continue;
            }
            for (String v : e.getValue()) {
                q.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        }
        q.append("limit=").append(limit).append("&offset=").append(offset);
        return state.geolocation(ex.geo()) + base + "?" + q;
    }
}

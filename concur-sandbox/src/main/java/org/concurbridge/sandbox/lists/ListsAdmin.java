package org.concurbridge.sandbox.lists;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static org.concurbridge.sandbox.AdminHandlers.guarded;

import java.util.ArrayList;
import java.util.List;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxRoutes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code /admin/lists/...}: the {@link Lists} Java API over HTTP (seed lists and items, read what Concur holds). */
final class ListsAdmin {

    /** Body of {@code POST /admin/lists/companies/{uuid}/lists}; only {@code name} is required. */
    record NewList(String name, Integer levelCount, String searchCriteria, String displayFormat, String categoryId,
                   String categoryType, String managedBy, Boolean readOnly, Integer externalThreshold) {
    }

    /** One item of {@code POST /admin/lists/lists/{listId}/items} (an object or an array of them, in order). */
    record NewItem(String parentCode, String shortCode, String value) {
    }

    private final Lists lists;

    ListsAdmin(Lists lists) {
        this.lists = lists;
    }

    void register(SandboxRoutes routes) {
        routes.admin(GET, "/admin/lists/companies/{uuid}/lists", guarded(ex -> ex.json(200, lists.lists(uuid(ex)))));
        routes.admin(POST, "/admin/lists/companies/{uuid}/lists", guarded(ex -> {
            NewList b = read(ex, NewList.class);
            ex.json(201, lists.seedList(uuid(ex), new SeedList(b.name(), b.levelCount() == null ? 1 : b.levelCount(),
                    b.searchCriteria(), b.displayFormat(), b.categoryId(), b.categoryType(), b.managedBy(),
                    Boolean.TRUE.equals(b.readOnly()), b.externalThreshold())));
        }));
        routes.admin(GET, "/admin/lists/lists/{listId}", guarded(ex -> ex.json(200, lists.list(listId(ex)))));
        routes.admin(GET, "/admin/lists/lists/{listId}/items", guarded(ex -> ex.json(200,
                "true".equals(ex.query("live")) ? lists.liveItems(listId(ex)) : lists.items(listId(ex)))));
        routes.admin(POST, "/admin/lists/lists/{listId}/items", guarded(ex -> {
            JsonNode body = readTree(ex);
            List<NewItem> items = new ArrayList<>();
            if (body.isArray()) {
                for (JsonNode n : body) {
                    items.add(convert(ex, n));
                }
            } else {
                items.add(convert(ex, body));
            }
            List<SandboxListItem> out = new ArrayList<>();
            for (NewItem i : items) {
                out.add(lists.seedItem(listId(ex), i.parentCode(), i.shortCode(), i.value()));
            }
            ex.json(201, out);
        }));
        routes.admin(POST, "/admin/lists/lists/{listId}/share", guarded(ex -> {
            String itemId = ex.query("itemId");
            if (itemId == null) {
                throw new IllegalArgumentException("query parameter 'itemId' is required");
            }
            ex.json(200, lists.shareItem(listId(ex), itemId));
        }));
    }

    private static String uuid(SandboxExchange ex) {
        return ex.ctx().pathParam("uuid");
    }

    private static String listId(SandboxExchange ex) {
        return ex.ctx().pathParam("listId");
    }

    private static <T> T read(SandboxExchange ex, Class<T> type) {
        return convert(ex, readTree(ex), type);
    }

    private static NewItem convert(SandboxExchange ex, JsonNode node) {
        return convert(ex, node, NewItem.class);
    }

    private static <T> T convert(SandboxExchange ex, JsonNode node, Class<T> type) {
        try {
            return ex.state().json().treeToValue(node, type);
        } catch (JacksonException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException("bad " + type.getSimpleName() + ": "
                    + (cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage()));
        }
    }

    private static JsonNode readTree(SandboxExchange ex) {
        String body = ex.ctx().body();
        try {
            JsonNode node = body.isBlank() ? null : ex.state().json().readTree(body);
            if (node != null && (node.isObject() || node.isArray())) {
                return node;
            }
        } catch (JacksonException e) {
            // answered below
        }
        throw new IllegalArgumentException("the request body must be a JSON object (or an array of them)");
    }
}

package org.concurbridge.sandbox.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The lists and items of one company. Every method must be called holding the instance's monitor
 * ({@code synchronized (company) {...}}): one lock per company, so companies never wait for each other and a bulk
 * call's parts run one after the other without another request in between.
 *
 * <p>Model (lists-and-list-items.md sections 3-5): a list has a name ({@code value}) unique among the company's
 * lists that are not deleted, a category, and items. An item has a {@code shortCode}, a {@code value}, an optional
 * parent, a level (parent's + 1, at most 10) and a long {@code code} (parent's code + {@code -} + shortCode). An item
 * can be in several lists (shared items); per list it is live or deleted; it {@code isDeleted} once deleted from
 * every list. Deleted items keep their codes: a code is never reused in a list.
 */
final class ListStore {

    /** "The child list item cannot be added because it would exceed the maximum allowed list levels (10)". */
    static final int MAX_LEVELS = 10;
    /** Level codes: at most 32 characters (List Item v3 schema, applied to v4 shortCodes). */
    static final int MAX_CODE = 32;
    /** Item names: at most 64 characters (List Item v3 schema, applied to v4 values). */
    static final int MAX_VALUE = 64;

    record Category(String id, String type) {
    }

    static final class ListRec {
        final String id;
        String value;
        int levelCount;
        String searchCriteria;
        String displayFormat;
        Category category;
        boolean readOnly;
        boolean deleted;
        String managedBy;
        Integer externalThreshold;
        boolean createdOnStandard;
        String connectorId;
        boolean vendorList;
        /** Every item of the list by long code, live or deleted from it. */
        final Map<String, ItemRec> byCode = new HashMap<>();
        /** Level-1 members in creation order. */
        final List<ItemRec> roots = new ArrayList<>();

        ListRec(String id) {
            this.id = id;
        }
    }

    static final class ItemRec {
        final String id;
        final ItemRec parent;
        final int level;
        final long seq;
        String shortCode;
        String value;
        String code;
        /** list id → deleted from that list; insertion order = the order the item joined the lists. */
        final Map<String, Boolean> lists = new LinkedHashMap<>();
        final List<ItemRec> children = new ArrayList<>();

        ItemRec(String id, ItemRec parent, long seq) {
            this.id = id;
            this.parent = parent;
            this.level = parent == null ? 1 : parent.level + 1;
            this.seq = seq;
        }

        boolean deleted() {
            return !lists.isEmpty() && !lists.containsValue(Boolean.FALSE);
        }

        boolean liveIn(String listId) {
            return Boolean.FALSE.equals(lists.get(listId));
        }

        boolean memberOf(String listId) {
            return lists.containsKey(listId);
        }

        boolean hasLiveChildrenIn(String listId) {
            for (ItemRec c : children) {
                if (c.liveIn(listId)) {
                    return true;
                }
            }
            return false;
        }
    }

    final String companyUuid;
    private final Supplier<String> ids;
    private final Map<String, ListRec> lists = new LinkedHashMap<>();
    private final Map<String, ItemRec> items = new HashMap<>();
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private long seq;

    ListStore(String companyUuid, Supplier<String> ids) {
        this.companyUuid = companyUuid;
        this.ids = ids;
    }

    // =================================================================== lists

    List<ListRec> lists() {
        return new ArrayList<>(lists.values());
    }

    ListRec list(String id) {
        return id == null ? null : lists.get(id.toLowerCase(java.util.Locale.ROOT));
    }

    ListRec requireList(String id) {
        ListRec l = list(id);
        if (l == null) {
            throw ListErrors.listNotFound();
        }
        return l;
    }

    Category category(String id) {
        return id == null ? null : categories.get(id.toLowerCase(java.util.Locale.ROOT));
    }

    /** A new category of the type (the examples show every list in a category of its own unless told otherwise). */
    Category newCategory(String type) {
        Category c = new Category(ids.get(), type);
        categories.put(c.id(), c);
        return c;
    }

    ListRec createList(String value, String searchCriteria, String displayFormat, Category category,
                       String managedBy, int levelCount) {
        requireFreeName(value, null);
        ListRec l = new ListRec(ids.get());
        l.value = value;
        l.searchCriteria = searchCriteria;
        l.displayFormat = displayFormat;
        l.category = Objects.requireNonNull(category, "category");
        l.managedBy = managedBy;
        l.levelCount = levelCount;
        lists.put(l.id, l);
        return l;
    }

    void requireFreeName(String value, ListRec self) {
        for (ListRec other : lists.values()) {
            if (other != self && !other.deleted && other.value.equalsIgnoreCase(value)) {
                throw ListError.of(400, ListErrors.DUPLICATE_LIST_NAME, "A list named '" + value
                        + "' already exists");
            }
        }
    }

    // =================================================================== items

    ItemRec item(String id) {
        return id == null ? null : items.get(id.toLowerCase(java.util.Locale.ROOT));
    }

    ItemRec requireItem(String id) {
        ItemRec i = item(id);
        if (i == null) {
            throw ListErrors.itemNotFound();
        }
        return i;
    }

    int itemCount() {
        return items.size();
    }

    /**
     * The parent named by its long code in {@code list}: a live member, else {@code item.parent.deleted} (deleted
     * from the list) or {@code item.parent.not.found}.
     */
    ItemRec parentByCode(ListRec list, String parentCode) {
        ItemRec p = list.byCode.get(parentCode);
        if (p == null) {
            throw ListError.of(404, ListErrors.PARENT_NOT_FOUND, ListErrors.MSG_PARENT_NOT_FOUND);
        }
        return p;
    }

    /** The parent named by id: anywhere in the company (its list is checked by {@link #addItem}). */
    ItemRec parentById(String parentId) {
        ItemRec p = item(parentId);
        if (p == null) {
            throw ListError.of(404, ListErrors.PARENT_NOT_FOUND, ListErrors.MSG_PARENT_NOT_FOUND);
        }
        return p;
    }

    /** Creates an item in {@code list} under {@code parent} (null = level 1). Fields are validated by the caller. */
    ItemRec addItem(ListRec list, ItemRec parent, String shortCode, String value) {
        if (list.deleted) {
            throw ListError.of(400, ListErrors.LIST_DELETED, ListErrors.MSG_LIST_DELETED);
        }
        if (parent != null) {
            if (!parent.memberOf(list.id)) {
                throw ListError.of(400, ListErrors.PARENT_OTHER_LIST, ListErrors.MSG_PARENT_OTHER_LIST);
            }
            if (!parent.liveIn(list.id)) {
                throw ListError.of(400, ListErrors.PARENT_DELETED, ListErrors.MSG_PARENT_DELETED);
            }
            if (parent.level >= MAX_LEVELS) {
                throw ListError.of(400, ListErrors.MAX_LEVEL, ListErrors.MSG_MAX_LEVEL);
            }
        }
        String code = parent == null ? shortCode : parent.code + "-" + shortCode;
        if (list.byCode.containsKey(code)) {
            throw ListError.of(400, ListErrors.DUPLICATE_CODE, ListErrors.MSG_DUPLICATE_CODE);
        }
        for (ListRec other : lists.values()) {
            if (other != list && other.category.id().equals(list.category.id())) {
                ItemRec same = other.byCode.get(code);
                if (same != null && same.liveIn(other.id)) {
                    throw ListError.of(400, ListErrors.SHARED_DUPLICATE, ListErrors.MSG_SHARED_DUPLICATE);
                }
            }
        }
        ItemRec item = new ItemRec(ids.get(), parent, ++seq);
        item.shortCode = shortCode;
        item.value = value;
        item.code = code;
        items.put(item.id, item);
        if (parent != null) {
            parent.children.add(item);
        }
        join(list, item);
        return item;
    }

    /** Puts an existing item (and nothing else) into another list too: a shared item. */
    void share(ListRec list, ItemRec item) {
        if (item.memberOf(list.id)) {
            throw new IllegalStateException("item " + item.id + " is already in list " + list.id);
        }
        if (item.parent != null && !item.parent.liveIn(list.id)) {
            throw new IllegalStateException("the parent of item " + item.id + " is not live in list " + list.id);
        }
        if (list.byCode.containsKey(item.code)) {
            throw new IllegalStateException("list " + list.id + " already has an item with code " + item.code);
        }
        join(list, item);
    }

    private static void join(ListRec list, ItemRec item) {
        item.lists.put(list.id, Boolean.FALSE);
        list.byCode.put(item.code, item);
        if (item.parent == null) {
            list.roots.add(item);
        }
        list.levelCount = Math.max(list.levelCount, item.level);
    }

    /**
     * PUT: new shortCode and value. A new shortCode changes the long code of the item and of its descendants in every
     * list they are in; a code taken in one of those lists is refused (by a deleted item: {@code .deleted}).
     */
    void updateItem(ItemRec item, String shortCode, String value) {
        if (item.deleted()) {
            throw ListError.of(400, ListErrors.ITEM_DELETED, ListErrors.MSG_ITEM_DELETED);
        }
        if (!shortCode.equals(item.shortCode)) {
            String newCode = item.parent == null ? shortCode : item.parent.code + "-" + shortCode;
            for (String listId : item.lists.keySet()) {
                ItemRec taken = lists.get(listId).byCode.get(newCode);
                if (taken != null && taken != item) {
                    throw taken.liveIn(listId)
                            ? ListError.of(400, ListErrors.DUPLICATE_CODE, ListErrors.MSG_DUPLICATE_CODE)
                            : ListError.of(400, ListErrors.DUPLICATE_CODE_DELETED,
                                    ListErrors.MSG_DUPLICATE_CODE_DELETED);
                }
            }
            unindex(item);
            item.shortCode = shortCode;
            recode(item);
            index(item);
        }
        item.value = value;
    }

    private void unindex(ItemRec item) {
        for (String listId : item.lists.keySet()) {
            lists.get(listId).byCode.remove(item.code, item);
        }
        item.children.forEach(this::unindex);
    }

    private void index(ItemRec item) {
        for (String listId : item.lists.keySet()) {
            lists.get(listId).byCode.put(item.code, item);
        }
        item.children.forEach(this::index);
    }

    private static void recode(ItemRec item) {
        item.code = item.parent == null ? item.shortCode : item.parent.code + "-" + item.shortCode;
        item.children.forEach(ListStore::recode);
    }

    /** Deletes the item and its descendants from one list (a connected list loses the children too). */
    void deleteFromList(ListRec list, ItemRec item) {
        if (!item.memberOf(list.id)) {
            throw ListError.of(400, ListErrors.ITEM_NOT_FOUND, ListErrors.MSG_ITEM_NOT_FOUND);
        }
        if (!item.liveIn(list.id)) {
            throw ListError.of(400, ListErrors.ITEM_DELETED, ListErrors.MSG_ITEM_DELETED);
        }
        markDeleted(list.id, item);
    }

    private static void markDeleted(String listId, ItemRec item) {
        if (item.memberOf(listId)) {
            item.lists.put(listId, Boolean.TRUE);
        }
        for (ItemRec c : item.children) {
            markDeleted(listId, c);
        }
    }

    /** Deletes the item (and its descendants) from every list it is live in. */
    void deleteFromAll(ItemRec item) {
        if (item.deleted()) {
            throw ListError.of(400, ListErrors.ITEM_DELETED, ListErrors.MSG_ITEM_DELETED);
        }
        for (Map.Entry<String, Boolean> e : new ArrayList<>(item.lists.entrySet())) {
            if (!e.getValue()) {
                markDeleted(e.getKey(), item);
            }
        }
    }

    /** Every item of the list (live or deleted from it), parents before children, each level in creation order. */
    List<ItemRec> itemsOf(ListRec list) {
        List<ItemRec> out = new ArrayList<>();
        for (ItemRec r : list.roots) {
            walk(list.id, r, out);
        }
        return out;
    }

    private static void walk(String listId, ItemRec item, List<ItemRec> out) {
        out.add(item);
        for (ItemRec c : item.children) {
            if (c.memberOf(listId)) {
                walk(listId, c, out);
            }
        }
    }

    /** Children of {@code parent} in {@code list}, or the list's level-1 items when {@code parent} is null. */
    List<ItemRec> childrenIn(ListRec list, ItemRec parent) {
        List<ItemRec> source = parent == null ? list.roots : parent.children;
        List<ItemRec> out = new ArrayList<>();
        for (ItemRec i : source) {
            if (i.memberOf(list.id)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The list an item is shown under when no list is named (its first live list, else its first list). */
    String homeList(ItemRec item) {
        for (Map.Entry<String, Boolean> e : item.lists.entrySet()) {
            if (!e.getValue()) {
                return e.getKey();
            }
        }
        return item.lists.keySet().iterator().next();
    }
}

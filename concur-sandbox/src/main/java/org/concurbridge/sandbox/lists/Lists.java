package org.concurbridge.sandbox.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxModule;
import org.concurbridge.sandbox.SandboxRoutes;
import org.concurbridge.sandbox.SandboxState;
import org.concurbridge.sandbox.lists.ListStore.ItemRec;
import org.concurbridge.sandbox.lists.ListStore.ListRec;

/**
 * Lists and list items (lists-and-list-items.md): List v4, List Item v4, List Item Bulk v4, and the deprecated List
 * Item v3 and Lists v3, over one state per company ({@link ListStore}). Java API {@code sb.lists()}: seed the lists
 * and items a customer already has, and read what Concur holds now; the same under {@code /admin/lists/...}.
 */
public final class Lists implements SandboxModule {

    private SandboxState state;
    /** company uuid → its store; guarded by {@code this}. Each store is guarded by itself. */
    private final Map<String, ListStore> stores = new HashMap<>();

    @Override
    public void register(SandboxRoutes routes, SandboxState sandboxState) {
        this.state = sandboxState;
        new ListsV4(this, sandboxState).register(routes);
        new ListsV3(this, sandboxState).register(routes);
        new ListsAdmin(this).register(routes);
    }

    /** The store of a company (created on first use). */
    synchronized ListStore store(String companyUuid) {
        String key = companyUuid.toLowerCase(Locale.ROOT);
        return stores.computeIfAbsent(key, k -> new ListStore(k, state::newUuid));
    }

    private synchronized List<ListStore> allStores() {
        return new ArrayList<>(stores.values());
    }

    // =================================================================== Java API: seeding

    /** Seeds a plain list (Normal category, {@code TEXT}, {@code (CODE) TEXT}, not managed). */
    public SandboxList seedList(String companyUuid, String name, int levelCount) {
        return seedList(companyUuid, SeedList.of(name, levelCount));
    }

    /** Seeds a list the customer already has (made in the UI, or managed by another app). */
    public SandboxList seedList(String companyUuid, SeedList spec) {
        ListStore s = store(company(companyUuid).uuid());
        synchronized (s) {
            ListStore.Category category;
            if (spec.categoryId() != null) {
                category = s.category(spec.categoryId());
                if (category == null) {
                    throw new IllegalArgumentException("no category " + spec.categoryId() + " in company "
                            + s.companyUuid);
                }
            } else {
                category = s.newCategory(spec.categoryType());
            }
            ListRec l;
            try {
                l = s.createList(spec.name(), spec.searchCriteria(), spec.displayFormat(), category,
                        spec.managedBy(), spec.levelCount());
            } catch (ListError e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            l.readOnly = spec.readOnly();
            l.externalThreshold = spec.externalThreshold();
            return view(s, l);
        }
    }

    /**
     * Seeds an item in a list under the item with long code {@code parentCode} (null = level 1), with the same checks
     * as the API (hyphen rule, 32/64 characters, duplicate codes, 10 levels). Returns the item as held.
     */
    public SandboxListItem seedItem(String listId, String parentCode, String shortCode, String value) {
        List<ListError.Violation> problems = ListsV4.itemFieldProblems("", shortCode, value);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).source() + ": " + problems.get(0).message());
        }
        return inList(listId, (s, l) -> {
            try {
                ItemRec parent = parentCode == null ? null : s.parentByCode(l, parentCode);
                return view(s, l, s.addItem(l, parent, shortCode, value));
            } catch (ListError e) {
                throw new IllegalArgumentException(e.id() + ": " + e.getMessage());
            }
        });
    }

    /** Puts an existing item into another list of its company as well (a shared item). */
    public SandboxListItem shareItem(String listId, String itemId) {
        return inList(listId, (s, l) -> {
            ItemRec item = s.item(itemId);
            if (item == null) {
                throw new IllegalArgumentException("no item " + itemId + " in the company of list " + listId);
            }
            s.share(l, item);
            return view(s, l, item);
        });
    }

    // =================================================================== Java API: reading

    /** Every list of the company (deleted ones too), in creation order. */
    public List<SandboxList> lists(String companyUuid) {
        ListStore s = store(company(companyUuid).uuid());
        synchronized (s) {
            return s.lists().stream().map(l -> view(s, l)).toList();
        }
    }

    /** The company's list of that name that is not deleted (names compare ignoring case, as uniqueness does). */
    public Optional<SandboxList> listByName(String companyUuid, String name) {
        return lists(companyUuid).stream().filter(l -> !l.deleted() && l.name().equalsIgnoreCase(name)).findFirst();
    }

    public SandboxList list(String listId) {
        return inList(listId, this::view);
    }

    /** Every item of the list, deleted ones too, parents before children ({@code deletedInList} tells). */
    public List<SandboxListItem> items(String listId) {
        return inList(listId, (s, l) -> s.itemsOf(l).stream().map(i -> view(s, l, i)).toList());
    }

    /** The items of the list that are not deleted from it, parents before children. */
    public List<SandboxListItem> liveItems(String listId) {
        return items(listId).stream().filter(i -> !i.deletedInList()).toList();
    }

    /** The item of the list with that long code, deleted or not. */
    public Optional<SandboxListItem> itemByCode(String listId, String code) {
        return inList(listId, (s, l) -> Optional.ofNullable(l.byCode.get(code)).map(i -> view(s, l, i)));
    }

    // =================================================================== internals

    interface InList<T> {
        T apply(ListStore store, ListRec list);
    }

    <T> T inList(String listId, InList<T> action) {
        for (ListStore s : allStores()) {
            synchronized (s) {
                ListRec l = s.list(listId);
                if (l != null) {
                    return action.apply(s, l);
                }
            }
        }
        throw new IllegalArgumentException("no list " + listId);
    }

    <T> T inCompany(String companyUuid, Function<ListStore, T> action) {
        ListStore s = store(companyUuid);
        synchronized (s) {
            return action.apply(s);
        }
    }

    SandboxList view(ListStore s, ListRec l) {
        int live = 0;
        for (ItemRec i : l.byCode.values()) {
            if (i.liveIn(l.id)) {
                live++;
            }
        }
        return new SandboxList(l.id, s.companyUuid, l.value, l.levelCount, l.searchCriteria, l.displayFormat,
                l.category.id(), l.category.type(), l.readOnly, l.deleted, l.managedBy, l.externalThreshold,
                l.createdOnStandard, l.byCode.size(), live);
    }

    static SandboxListItem view(ListStore s, ListRec l, ItemRec i) {
        List<String> live = i.lists.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        return new SandboxListItem(i.id, l.id, i.code, i.shortCode, i.value, i.parent == null ? null : i.parent.id,
                i.parent == null ? null : i.parent.code, i.level, !i.liveIn(l.id), i.deleted(), live);
    }

    SandboxCompany company(String uuid) {
        return state.company(uuid).orElseThrow(() -> new IllegalArgumentException("no company " + uuid));
    }
}

package org.concurbridge.bridge.masterdata;

import org.concurbridge.client.ConcurException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An in-memory Concur of lists for the engine's unit tests: codes unique per list, parents needed, the documented
 * error ids, and counters of write calls. Faults: {@link #failAfterApplying} applies a bulk call and then throws a
 * retriable failure (a connection reset after Concur did the work), {@link #refuse} answers a part with an error id.
 */
final class FakeConcurLists implements ListTarget {
    final Map<String, RemoteList> lists = new LinkedHashMap<>();
    final Map<String, Map<String, RemoteItem>> items = new LinkedHashMap<>();
    int writeCalls;
    int bulkCreateCalls;
    int maxPartsPerCall;
    int failAfterApplying = -1; // the n-th bulk call (1-based) from now throws after applying
    Predicate<String> refuse = code -> false;
    String refuseWith = "item.max.level.exceeded";
    ConcurException nextCallFails;

    RemoteList seedList(String name, String managedBy) {
        RemoteList l = new RemoteList(UUID.randomUUID().toString(), name, 1, managedBy);
        lists.put(l.id(), l);
        items.put(l.id(), new LinkedHashMap<>());
        return l;
    }

    void seedItem(String listId, String code, String value) {
        String shortCode = code.contains("-") ? code.substring(code.lastIndexOf('-') + 1) : code;
        items.get(listId).put(code, new RemoteItem(code, shortCode, value, code.split("-").length));
    }

    Map<String, RemoteItem> itemsOf(String name) {
        return items.get(findList(name).orElseThrow().id());
    }

    @Override
    public Optional<RemoteList> findList(String name) {
        return lists.values().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    @Override
    public RemoteList createList(String name, String searchCriteria, String displayFormat, boolean managed) {
        writeCalls++;
        return seedList(name, managed ? "appId:me" : null);
    }

    @Override
    public void claim(RemoteList list) {
        writeCalls++;
        lists.put(list.id(), new RemoteList(list.id(), list.name(), list.levelCount(), "appId:me"));
    }

    @Override
    public Stream<RemoteItem> items(String listId) {
        return new ArrayList<>(items.get(listId).values()).stream();
    }

    private void faults() {
        if (nextCallFails != null) {
            ConcurException e = nextCallFails;
            nextCallFails = null;
            throw e;
        }
    }

    @Override
    public List<PartOutcome> create(String listId, List<NewPart> parts) {
        faults();
        writeCalls++;
        bulkCreateCalls++;
        maxPartsPerCall = Math.max(maxPartsPerCall, parts.size());
        Map<String, RemoteItem> list = list(listId);
        List<PartOutcome> out = new ArrayList<>();
        for (NewPart p : parts) {
            out.add(createPart(list, p));
        }
        afterApplying();
        return out;
    }

    private PartOutcome createPart(Map<String, RemoteItem> list, NewPart p) {
        String code = p.code();
        if (refuse.test(code)) {
            return new PartOutcome(code, false, refuseWith, "refused by the test");
        }
        if (p.shortCode().contains("-") || p.shortCode().length() > 32 || p.value().length() > 64) {
            return new PartOutcome(code, false, "request.validation.error", "invalid");
        }
        if (list.containsKey(code)) {
            return new PartOutcome(code, false, "item.duplicate.code", "duplicate code " + code);
        }
        if (p.parentCode() != null && !list.containsKey(p.parentCode())) {
            return new PartOutcome(code, false, "item.parent.not.found", "parent not found");
        }
        list.put(code, new RemoteItem(code, p.shortCode(), p.value(), code.split("-").length));
        return new PartOutcome(code, true, null, null);
    }

    private void afterApplying() {
        if (failAfterApplying > 0 && --failAfterApplying == 0) {
            throw new ConcurException.Retriable("connection reset after the call", 0, null, null, null, null);
        }
    }

    @Override
    public List<PartOutcome> update(String listId, List<UpdatePart> parts) {
        faults();
        writeCalls++;
        maxPartsPerCall = Math.max(maxPartsPerCall, parts.size());
        Map<String, RemoteItem> list = list(listId);
        List<PartOutcome> out = new ArrayList<>();
        for (UpdatePart p : parts) {
            RemoteItem had = list.get(p.code());
            if (had == null) {
                out.add(new PartOutcome(p.code(), false, "item.not.found", "no item " + p.code()));
            } else if (p.deleted()) {
                list.keySet().removeIf(k -> k.equals(p.code()) || k.startsWith(p.code() + "-"));
                out.add(new PartOutcome(p.code(), true, null, null));
            } else {
                list.put(p.code(), new RemoteItem(p.code(), had.shortCode(), p.value(), had.level()));
                out.add(new PartOutcome(p.code(), true, null, null));
            }
        }
        afterApplying();
        return out;
    }

    @Override
    public PartOutcome createOne(String listId, NewPart part) {
        writeCalls++;
        return createPart(list(listId), part);
    }

    private Map<String, RemoteItem> list(String listId) {
        RemoteList l = lists.get(listId);
        if (l == null) {
            throw new ConcurException.Permanent("list not found", 404, "list.not.found", null, null);
        }
        if (l.managedBy() != null && !l.managedBy().equals("appId:me")) {
            throw new ConcurException.Permanent("Modify operation not permitted on this managed list", 400,
                    "list.is.managed", null, null);
        }
        return items.get(listId);
    }
}

package org.concurbridge.bridge.masterdata.concur;

import org.concurbridge.bridge.masterdata.ListTarget;
import org.concurbridge.client.lists.BulkCreate;
import org.concurbridge.client.lists.BulkOutcome;
import org.concurbridge.client.lists.BulkUpdate;
import org.concurbridge.client.lists.ConcurList;
import org.concurbridge.client.lists.ListItem;
import org.concurbridge.client.lists.ListUpdate;
import org.concurbridge.client.lists.ListsClient;
import org.concurbridge.client.lists.NewItem;
import org.concurbridge.client.lists.NewList;
import org.concurbridge.client.lists.PartResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link ListTarget} over the Concur client's List v4, List Item v4 and List Item Bulk v4 calls. */
final class ConcurListTarget implements ListTarget {
    private final ListsClient client;

    ConcurListTarget(ListsClient client) {
        this.client = client;
    }

    @Override
    public Optional<RemoteList> findList(String name) {
        return client.listByName(name).map(ConcurListTarget::remote);
    }

    @Override
    public RemoteList createList(String name, String searchCriteria, String displayFormat, boolean managed) {
        return remote(client.createList(new NewList(name, searchCriteria, displayFormat, null, managed)));
    }

    @Override
    public void claim(RemoteList list) {
        client.updateList(list.id(), new ListUpdate(list.name(), null, null, true));
    }

    @Override
    public Stream<RemoteItem> items(String listId) {
        return client.allItems(listId).filter(i -> !i.deleted()).map(ConcurListTarget::remote);
    }

    @Override
    public List<PartOutcome> create(String listId, List<NewPart> parts) {
        List<BulkCreate> bulk = parts.stream().map(p -> new BulkCreate(p.shortCode(), p.value(), p.parentCode())).toList();
        return outcomes(client.bulkCreate(listId, bulk, o -> { }), parts.stream().map(NewPart::code).toList());
    }

    @Override
    public List<PartOutcome> update(String listId, List<UpdatePart> parts) {
        List<BulkUpdate> bulk = parts.stream().map(p -> p.deleted() ? BulkUpdate.delete(p.code())
                : BulkUpdate.rename(p.code(), p.value())).toList();
        return outcomes(client.bulkUpdate(listId, bulk, o -> { }), parts.stream().map(UpdatePart::code).toList());
    }

    @Override
    public PartOutcome createOne(String listId, NewPart part) {
        client.createItem(part.parentCode() == null ? NewItem.topLevel(listId, part.shortCode(), part.value())
                : NewItem.underCode(listId, part.parentCode(), part.shortCode(), part.value()));
        return new PartOutcome(part.code(), true, null, null);
    }

    /** One outcome per part, in the order sent (the client's results carry the part's index). */
    private static List<PartOutcome> outcomes(BulkOutcome outcome, List<String> codes) {
        List<PartOutcome> out = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            out.add(new PartOutcome(codes.get(i), false, "missing", "SAP Concur's answer had no result for this part"));
        }
        for (PartResult r : outcome.parts()) {
            if (r.index() >= 0 && r.index() < codes.size()) {
                out.set(r.index(), new PartOutcome(codes.get(r.index()), r.ok(), r.errorId(), r.message()));
            }
        }
        return out;
    }

    private static RemoteList remote(ConcurList l) {
        return new RemoteList(l.id(), l.name(), l.levelCount(), l.managed() ? l.managedBy() : null);
    }

    private static RemoteItem remote(ListItem i) {
        return new RemoteItem(i.code(), i.shortCode(), i.value(), i.level());
    }
}

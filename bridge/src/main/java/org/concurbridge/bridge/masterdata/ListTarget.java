package org.concurbridge.bridge.masterdata;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Concur side of list sync for one company (List v4, List Item v4, List Item Bulk v4), as the sync engine needs
 * it. Failures are the client's {@link org.concurbridge.client.ConcurException}: retriable ones end the run (nothing
 * is lost, the next run resumes), permanent ones name the list or the item.
 */
public interface ListTarget {

    /** The list of that exact name, not deleted. */
    Optional<RemoteList> findList(String name);

    /** Creates a list (Professional only; the engine never calls it on Standard). */
    RemoteList createList(String name, String searchCriteria, String displayFormat, boolean managed);

    /** Claims the list as managed by this app (the bridge owns it). */
    void claim(RemoteList list);

    /** Every item of every level, lazily, parents before children. */
    Stream<RemoteItem> items(String listId);

    /** One bulk create call of at most 250 parts, applied in order; one outcome per part, in order. */
    List<PartOutcome> create(String listId, List<NewPart> parts);

    /** One bulk update/delete call of at most 250 parts; one outcome per part, in order. */
    List<PartOutcome> update(String listId, List<UpdatePart> parts);

    /** Creates one item (used to isolate the bad part when a whole bulk call is refused). */
    PartOutcome createOne(String listId, NewPart part);

    record RemoteList(String id, String name, int levelCount, String managedBy) {
    }

    /** @param code the long code (parent's long code + "-" + shortCode) */
    record RemoteItem(String code, String shortCode, String value, int level) {
    }

    /** @param parentCode the parent's long code, null on level 1 */
    record NewPart(String shortCode, String value, String parentCode) {
        public String code() {
            return parentCode == null ? shortCode : parentCode + "-" + shortCode;
        }
    }

    /** @param code the long code; {@code deleted} true removes the item (and its children) from the list */
    record UpdatePart(String code, String value, boolean deleted) {
    }

    /** @param errorId Concur's error id (e.g. {@code item.duplicate.code}) when not ok */
    record PartOutcome(String code, boolean ok, String errorId, String message) {
    }
}

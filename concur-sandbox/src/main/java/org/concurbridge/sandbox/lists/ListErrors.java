package org.concurbridge.sandbox.lists;

/**
 * The error ids and messages of List v4, List Item v4 and List Item Bulk v4 (lists-and-list-items.md sections 3-5;
 * the messages are those of the bulk page's error tables and examples; ids without a documented message are marked).
 */
final class ListErrors {

    static final String VALIDATION = "request.validation.error";
    static final String LIST_NOT_FOUND = "list.not.found";
    static final String LIST_DELETED = "list.deleted";
    static final String LIST_MANAGED = "list.is.managed";
    static final String ITEM_NOT_FOUND = "item.not.found";
    static final String ITEM_DELETED = "item.deleted";
    static final String DUPLICATE_CODE = "item.duplicate.code";
    static final String DUPLICATE_CODE_DELETED = "item.duplicate.code.deleted";
    static final String PARENT_NOT_FOUND = "item.parent.not.found";
    static final String PARENT_DELETED = "item.parent.deleted";
    static final String PARENT_OTHER_LIST = "item.list.id.not.match.parent";
    static final String MAX_LEVEL = "item.max.level.exceeded";
    static final String SHARED_DUPLICATE = "item.duplicate.item.shared";
    /** [INFERRED] ids: the docs name the statuses (404 category not found, 403, 415) but not their ids. */
    static final String CATEGORY_NOT_FOUND = "category.not.found";
    static final String DUPLICATE_LIST_NAME = "list.duplicate.name";
    static final String ACCESS_DENIED = "access.denied";
    static final String MEDIA_TYPE = "request.media.type.not.supported";

    static final String MSG_LIST_NOT_FOUND = "List not found.";
    static final String MSG_LIST_DELETED = "The list is currently deleted.";
    static final String MSG_LIST_MANAGED = "Modify operation not permitted on this managed list";
    static final String MSG_ITEM_NOT_FOUND = "listItem not found.";
    static final String MSG_ITEM_DELETED = "The list item has been deleted";
    static final String MSG_DUPLICATE_CODE = "This item code is already used by another item in the same list";
    static final String MSG_DUPLICATE_CODE_DELETED =
            "This item code is already used by other item that's been deleted.";
    static final String MSG_PARENT_NOT_FOUND = "Parent listItem not found.";
    static final String MSG_PARENT_DELETED = "Parent listItem has been deleted.";
    static final String MSG_PARENT_OTHER_LIST = "List ID does not match that of parent listItem.";
    static final String MSG_MAX_LEVEL = "Parent at max level. List items cannot be added to this parent.";
    static final String MSG_SHARED_DUPLICATE = "The list item already exists in another list with the same list"
            + " category. This list item already exists in another linked list.";

    private ListErrors() {
    }

    static ListError listNotFound() {
        return ListError.of(404, LIST_NOT_FOUND, MSG_LIST_NOT_FOUND);
    }

    static ListError itemNotFound() {
        return ListError.of(404, ITEM_NOT_FOUND, MSG_ITEM_NOT_FOUND);
    }

    static ListError managed() {
        return ListError.of(400, LIST_MANAGED, MSG_LIST_MANAGED);
    }
}

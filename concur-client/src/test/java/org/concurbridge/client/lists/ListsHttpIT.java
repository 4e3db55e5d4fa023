package org.concurbridge.client.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.concurbridge.client.ConcurException;
import org.concurbridge.client.StubConcur;
import org.concurbridge.client.StubConcur.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@link ListsClient} over real loopback HTTP against scripted answers shaped like the official examples: the wire
 * (paths, encoded queries, bodies with a Content-Length), bulk splitting and per-part classification, errors, 429.
 */
class ListsHttpIT {

    private static final String LIST = "530ae443-3b22-a44c-8211-c66d96c58d9e";
    private static final String BULK = "/us/list/v4/lists/" + LIST + "/bulk";

    private final StubConcur stub = new StubConcur();
    private final ListsClient lists = stub.client().lists();

    @AfterEach
    void stop() {
        stub.close();
    }

    private static String managed(int status) {
        return "{\"timestamp\":\"2023-05-02T16:18:47.340+00:00\",\"httpStatus\":\"" + status + " - Bad Request\","
                + "\"error\":{\"id\":\"list.is.managed\",\"message\":\"Modify operation not permitted on this managed "
                + "list\"},\"path\":\"/list/v4/lists/" + LIST + "\"}";
    }

    private static String success(int n) {
        return "{\"status\":\"SUCCESS\",\"recordsSucceeded\":" + n + ",\"recordsFailed\":0,\"errors\":[]}";
    }

    @Test
    void sixHundredCreatesGoInThreeOrderedCallsOf250And100WithEachOutcomeDeliveredAtOnce() {
        List<Integer> sizes = new ArrayList<>();
        stub.handler(s -> {
            JsonNode body = ListJson.parse(s.body().getBytes());
            int n = body.get("requests").size();
            sizes.add(n);
            if (sizes.size() == 2) {   // the second call: its first part is a duplicate
                JsonNode first = body.get("requests").get(0);
                return Answer.json(206, "{\"status\":\"PARTIAL_SUCCESS\",\"recordsSucceeded\":" + (n - 1)
                        + ",\"recordsFailed\":1,\"errors\":[{\"id\":\"item.duplicate.code\",\"message\":\"dup\","
                        + "\"listItem\":" + first + "}]}");
            }
            return Answer.json(201, success(n));
        });
        List<BulkCreate> parts = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            parts.add(new BulkCreate("C" + i, "Item " + i, i % 2 == 0 ? null : "P" + i));
        }
        List<BulkOutcome> delivered = new ArrayList<>();
        BulkOutcome all = lists.bulkCreate(LIST, parts, delivered::add);

        assertThat(sizes).containsExactly(250, 250, 100);
        assertThat(all.calls()).isEqualTo(3);
        assertThat(all.parts()).hasSize(600);
        assertThat(all.parts()).extracting(PartResult::index).isSorted().startsWith(0, 1, 2).endsWith(599);
        assertThat(all.failed()).isEqualTo(1);
        assertThat(all.parts().get(250)).isEqualTo(new PartResult(250, "C250", false, "item.duplicate.code", "dup"));
        assertThat(all.parts().get(1).code()).isEqualTo("P1-C1");
        assertThat(delivered).hasSize(3).extracting(BulkOutcome::succeeded).containsExactly(250, 249, 100);
        assertThat(delivered.get(1).parts().get(0).index()).isEqualTo(250);
        List<StubConcur.Seen> calls = stub.seen("POST " + BULK);
        assertThat(calls).hasSize(3).allSatisfy(s -> {
            assertThat(s.contentLength()).isNotNull();
            assertThat(s.transferEncoding()).isNull();
            assertThat(s.contentType()).isEqualTo("application/json");
            assertThat(s.authorization()).isEqualTo("Bearer tok-123");
        });
        JsonNode firstBody = ListJson.parse(calls.get(0).body().getBytes());
        assertThat(firstBody.get("requests").get(0).has("parentCode")).isFalse();
        assertThat(firstBody.get("requests").get(1).get("parentCode").asString()).isEqualTo("P1");
    }

    @Test
    void duplicatesInOneCallAreMatchedToTheLaterPartsAndValuesTellPartsApart() {
        stub.on("POST " + BULK, Answer.json(206, StubConcur.resource("lists/bulk-partial-duplicates-206.json")));
        List<BulkCreate> parts = List.of(new BulkCreate("A1", "A one", "CC"), new BulkCreate("A1", "A one", "CC"),
                new BulkCreate("B1", "B one", "NOPE"), new BulkCreate("C1", "C one", null));
        BulkOutcome out = lists.bulkCreate(LIST, parts, o -> { });
        // the same code twice: parts run in order, so the later one is the duplicate
        assertThat(out.parts()).extracting(PartResult::errorId)
                .containsExactly(null, "item.duplicate.code", "item.parent.not.found", null);
        assertThat(out.succeeded()).isEqualTo(2);

        stub.on("POST " + BULK, Answer.json(206, "{\"status\":\"PARTIAL_SUCCESS\",\"recordsSucceeded\":2,"
                + "\"recordsFailed\":1,\"errors\":[{\"id\":\"item.duplicate.code\",\"message\":\"dup\","
                + "\"listItem\":{\"shortCode\":\"A1\",\"value\":\"first\",\"parentCode\":\"CC\"}}]}"));
        BulkOutcome byValue = lists.bulkCreate(LIST, List.of(new BulkCreate("A1", "first", "CC"),
                new BulkCreate("A1", "second", "CC"), new BulkCreate("Z1", "z", null)), o -> { });
        assertThat(byValue.parts()).extracting(PartResult::ok).containsExactly(false, true, true);
    }

    @Test
    void anAnswerWhoseCountsDisagreeNeverMakesASilentSuccess() {
        stub.on("POST " + BULK, Answer.json(206, StubConcur.resource("lists/bulk-counts-disagree-206.json")));
        BulkOutcome out = lists.bulkCreate(LIST, List.of(new BulkCreate("A1", "A one", "CC"),
                new BulkCreate("X1", "x", "CC"), new BulkCreate("Y1", "y", "CC")), o -> { });
        assertThat(out.parts().get(0).errorId()).isEqualTo("item.duplicate.code");
        assertThat(out.parts().subList(1, 3)).allSatisfy(p -> {
            assertThat(p.ok()).isFalse();
            assertThat(p.errorId()).isEqualTo(PartResult.INCONSISTENT_ANSWER);
            assertThat(p.message()).contains("inconsistent").contains("recordsFailed 2");
        });

        stub.on("PATCH " + BULK, Answer.json(200, StubConcur.resource("lists/bulk-success-no-counts-200.json")));
        BulkOutcome upd = lists.bulkUpdate(LIST, List.of(BulkUpdate.rename("A1", "new")), o -> { });
        assertThat(upd.parts()).singleElement().satisfies(p -> assertThat(p.ok()).isFalse());
    }

    @Test
    void aFourHundredWithABulkBodyIsClassifiedPartByPartAndAnUnmatchedErrorIsNamed() {
        stub.on("POST " + BULK, Answer.json(400, StubConcur.resource("lists/bulk-unmatched-error-400.json")));
        BulkOutcome out = lists.bulkCreate(LIST, List.of(new BulkCreate("A1", "A one", null)), o -> { });
        assertThat(out.parts()).singleElement().satisfies(p -> {
            assertThat(p.ok()).isFalse();
            assertThat(p.errorId()).isEqualTo(PartResult.INCONSISTENT_ANSWER);
            assertThat(p.message()).contains("item.operation.timeout");
        });
    }

    @Test
    void validationErrorManagedListAndListNotFoundArePermanentWithTheirErrorIds() {
        stub.on("POST " + BULK, Answer.json(400, "{\"timestamp\":\"2022-12-13T20:30:06.230+00:00\",\"httpStatus\":"
                + "\"400 - Bad Request\",\"error\":{\"id\":\"request.validation.error\",\"message\":\"Please check "
                + "your request parameter\"},\"validationErrors\":[{\"source\":\"requests\",\"message\":\"size must be "
                + "between 1 and 250\"}],\"path\":\"/list/v4/lists/" + LIST + "/bulk\"}"));
        List<BulkOutcome> delivered = new ArrayList<>();
        assertThatThrownBy(() -> lists.bulkCreate(LIST, List.of(new BulkCreate("A", "a", null)), delivered::add))
                .isInstanceOfSatisfying(ConcurException.Permanent.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("request.validation.error");
                    assertThat(e.getMessage()).contains("size must be between 1 and 250");
                });
        assertThat(delivered).isEmpty();

        stub.on("PATCH " + BULK, Answer.json(400, managed(400)));
        assertThatThrownBy(() -> lists.bulkUpdate(LIST, List.of(BulkUpdate.delete("A")), o -> { }))
                .isInstanceOfSatisfying(ConcurException.Permanent.class,
                        e -> assertThat(e.errorCode()).isEqualTo("list.is.managed"));

        stub.on("PUT /us/list/v4/lists/" + LIST, Answer.json(400, managed(400)));
        assertThatThrownBy(() -> lists.updateList(LIST, new ListUpdate("Renamed", null, null, null)))
                .isInstanceOfSatisfying(ConcurException.Permanent.class,
                        e -> assertThat(e.errorCode()).isEqualTo("list.is.managed"));

        stub.on("GET /us/list/v4/lists/" + LIST, Answer.json(404, "{\"timestamp\":\"2023-05-02T16:18:47.340+00:00\","
                + "\"httpStatus\":\"404 - Not Found\",\"error\":{\"id\":\"list.not.found\",\"message\":\"List not "
                + "found\"},\"path\":\"/list/v4/lists/" + LIST + "\"}"));
        assertThatThrownBy(() -> lists.list(LIST)).isInstanceOfSatisfying(ConcurException.Permanent.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.errorCode()).isEqualTo("list.not.found");
        });
        assertThat(stub.seen("GET /us/list/v4/lists/" + LIST)).hasSize(1);   // never retried
    }

    @Test
    void rateLimitWithRetryAfterZeroIsRetriedAtOnce() {
        stub.on("POST " + BULK, new Answer(429, "{\"timestamp\":\"2022-08-26T16:13:17.230+00:00\",\"httpStatus\":"
                        + "\"429 - Too Many Requests\",\"error\":{\"id\":\"security.rate.limit.reached\",\"message\":"
                        + "\"Too many requests\"},\"path\":\"/list/v4/lists/" + LIST + "/bulk\"}",
                        Map.of("retry-after", "0")),
                new Answer(429, "{}", Map.of("retry-after", "2")),
                Answer.json(201, success(1)));
        BulkOutcome out = lists.bulkCreate(LIST, List.of(new BulkCreate("A", "a", null)), o -> { });
        assertThat(out.succeeded()).isEqualTo(1);
        assertThat(stub.waits).containsExactly(Duration.ZERO, Duration.ofSeconds(2));
        assertThat(out.calls()).isEqualTo(1);
    }

    @Test
    void theOfficialRateLimitAndCreateSamplesReplayedOverHttp() {
        java.nio.file.Path dir = OfficialExamples.folder("list-items-v4-bulk", "ListsHttpIT.officialSamplesReplayed");
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = new String(OfficialExamples.read(dir, "rate-limit-429-headers.http")).split("\\R");
        int status = Integer.parseInt(lines[0].split(" ")[1].trim());
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = colon < 0 ? "" : lines[i].substring(0, colon).trim().toLowerCase();
            if (name.equals("retry-after") || name.equals("concur-correlationid")) {
                headers.put(name, lines[i].substring(colon + 1).trim());
            }
        }
        assertThat(headers).containsEntry("retry-after", "0");
        stub.on("POST " + BULK, new Answer(status, new String(OfficialExamples.read(dir, "rate-limit-429.json")),
                headers), Answer.json(201, new String(OfficialExamples.read(dir, "create-single-response.json"))));
        BulkOutcome out = lists.bulkCreate(LIST, List.of(new BulkCreate("ITEM", "ITEM", null)), o -> { });
        assertThat(out.parts()).containsExactly(new PartResult(0, "ITEM", true, null, null));
        assertThat(stub.waits).containsExactly(Duration.ZERO);
        assertThat(ListJson.parse(stub.seen.get(1).body().getBytes()))
                .isEqualTo(ListJson.parse(OfficialExamples.read(dir, "create-single-request.json")));
    }

    @Test
    void partsBreakingTheHyphenRuleAreNotSentAndFailByName() {
        stub.handler(s -> Answer.json(201, success(ListJson.parse(s.body().getBytes()).get("requests").size())));
        BulkOutcome out = lists.bulkCreate(LIST, List.of(new BulkCreate("A-1", "a", null),
                new BulkCreate("B1", "b", "A")), o -> { });
        assertThat(out.parts().get(0)).satisfies(p -> {
            assertThat(p.ok()).isFalse();
            assertThat(p.errorId()).isEqualTo(PartResult.INVALID_PART);
            assertThat(p.message()).contains("hyphen");
        });
        assertThat(out.parts().get(1).ok()).isTrue();
        assertThat(stub.seen.get(0).body()).doesNotContain("A-1");
        assertThatThrownBy(() -> lists.createItem(NewItem.topLevel(LIST, "X-Y", "xy")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listPagesFollowTheNextLinkOnTheOwnGeolocationWithEncodedFilters() {
        stub.on("GET /us/list/v4/lists", Answer.json(200, StubConcur.resource("lists/list-page-1-of-2.json")),
                Answer.json(200, StubConcur.resource("lists/list-page-2-of-2.json")));
        assertThat(lists.listByName("Cost Centers & Co")).map(ConcurList::id)
                .contains("22222222-2222-2222-2222-222222222222");
        assertThat(stub.seen).extracting(StubConcur.Seen::rawQuery)
                .containsExactly("page=1&value=eq:Cost+Centers+%26+Co", "page=2&value=eq:Cost+Centers+%26+Co");
        assertThat(stub.seen).allSatisfy(s -> assertThat(s.path()).isEqualTo("/us/list/v4/lists"));
    }

    @Test
    void allItemsWalksEveryLevelParentsBeforeChildrenPageByPage() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/us/list/v4/lists/" + LIST + "/children?page=1", page(1, 2, item("p1", "A", "A", null, 1, true)));
        pages.put("/us/list/v4/lists/" + LIST + "/children?page=2", page(2, 2, item("p2", "B", "B", null, 1, false)));
        pages.put("/us/list/v4/lists/" + LIST + "/items/p1/children?page=1",
                page(1, 1, item("c1", "A-X", "X", "p1", 2, true), item("c2", "A-Y", "Y", "p1", 2, false)));
        pages.put("/us/list/v4/lists/" + LIST + "/items/c1/children?page=1",
                page(1, 1, item("g1", "A-X-Z", "Z", "c1", 3, false)));
        stub.handler(s -> {
            String body = pages.get(s.path() + "?" + s.rawQuery());
            return body == null ? null : Answer.json(200, body);
        });
        assertThat(lists.allItems(LIST).map(ListItem::code)).containsExactly("A", "A-X", "A-X-Z", "A-Y", "B");
        assertThat(stub.seen).hasSize(4);
        stub.seen.clear();   // lazy: the first two items cost two pages
        assertThat(lists.allItems(LIST).limit(2).map(ListItem::code)).containsExactly("A", "A-X");
        assertThat(stub.seen).hasSize(2);
    }

    private static String page(int number, int total, String... items) {
        return "{\"links\":[],\"content\":[" + String.join(",", items) + "],\"page\":{\"size\":100,"
                + "\"totalElements\":" + items.length + ",\"totalPages\":" + total + ",\"number\":" + number + "}}";
    }

    private static String item(String id, String code, String shortCode, String parent, int level, boolean children) {
        return "{\"id\":\"" + id + "\",\"code\":\"" + code + "\",\"shortCode\":\"" + shortCode + "\",\"value\":\""
                + shortCode + "\",\"parentId\":" + (parent == null ? "null" : "\"" + parent + "\"") + ",\"level\":"
                + level + ",\"isDeleted\":false,\"lists\":[{\"id\":\"" + LIST + "\",\"hasChildren\":" + children
                + "}]}";
    }

    @Test
    void itemAndListWritesUseTheDocumentedPathsAndBodies() {
        String item = item("i1", "A", "A", null, 1, false);
        stub.on("POST /us/list/v4/items", Answer.json(201, item));
        stub.on("PUT /us/list/v4/items/i1", Answer.json(200, item));
        stub.on("DELETE /us/list/v4/items/i1", Answer.json(204, ""));
        stub.on("DELETE /us/list/v4/lists/" + LIST + "/items/i1", Answer.json(204, ""));
        assertThat(lists.createItem(NewItem.underCode(LIST, "A", "B", "bee")).id()).isEqualTo("i1");
        lists.updateItem("i1", "A", "Aye");
        lists.deleteItem("i1");
        lists.deleteItemFromList(LIST, "i1");
        assertThat(stub.seen).extracting(StubConcur.Seen::target).containsExactly("POST /us/list/v4/items",
                "PUT /us/list/v4/items/i1", "DELETE /us/list/v4/items/i1",
                "DELETE /us/list/v4/lists/" + LIST + "/items/i1");
        assertThat(stub.seen.get(0).body())
                .isEqualTo("{\"listId\":\"" + LIST + "\",\"shortCode\":\"B\",\"value\":\"bee\",\"parentCode\":\"A\"}");
        assertThat(stub.seen.get(1).body()).isEqualTo("{\"shortCode\":\"A\",\"value\":\"Aye\"}");
    }
}

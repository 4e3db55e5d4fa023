package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concurbridge.sandbox.ListsHttp.ok;
import static org.concurbridge.sandbox.Http.json;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.concurbridge.sandbox.faults.FaultRule;
import org.concurbridge.sandbox.lists.SandboxListItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * List Item Bulk v4 over real HTTP: parts applied in order and individually, 201/200/206/400 with the
 * BulkListItemResponse and the documented per-part error ids, the 1..250 validation error, 404 for an unknown list,
 * deletes taking children along, and the 429 / reset faults on the bulk route; plus the admin API that seeds and
 * reads lists.
 */
class ListsBulkIT {

    private ConcurSandbox sb;
    private ListsHttp pro;
    private String listId;

    @BeforeEach
    void start() {
        sb = ConcurSandbox.builder().seed(72L).build().start();
        pro = ListsHttp.demo(sb, SandboxDemo.PROFESSIONAL_COMPANY, "us");
        listId = pro.createList("Projects").get("id").asString();
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    private String bulk() {
        return "/list/v4/lists/" + listId + "/bulk";
    }

    private static String create(String shortCode, String value, String parentCode) {
        return "{\"shortCode\":\"" + shortCode + "\",\"value\":\"" + value + "\""
                + (parentCode == null ? "" : ",\"parentCode\":\"" + parentCode + "\"") + "}";
    }

    private static String requests(String... parts) {
        return "{\"requests\":[" + String.join(",", parts) + "]}";
    }

    private List<String> codes() {
        return sb.lists().liveItems(listId).stream().map(SandboxListItem::code).toList();
    }

    @Test
    void createsParentsAndChildrenInOrderWith201() {
        HttpResponse<String> r = pro.post(bulk(), requests(create("FIRST", "First", null),
                create("SECOND", "Second", "FIRST"), create("THIRD", "Third", "FIRST-SECOND")));
        JsonNode body = ok(r, 201);
        assertThat(body.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(body.get("recordsSucceeded").asInt()).isEqualTo(3);
        assertThat(body.get("recordsFailed").asInt()).isZero();
        assertThat(body.get("errors").isEmpty()).isTrue();
        assertThat(r.headers().firstValue("Location")).hasValue(pro.uri(bulk()).toString());
        assertThat(codes()).containsExactly("FIRST", "FIRST-SECOND", "FIRST-SECOND-THIRD");
        assertThat(sb.lists().list(listId).levelCount()).isEqualTo(3);
    }

    @Test
    void aChildBeforeItsParentFailsBecausePartsRunInOrder() {
        JsonNode body = ok(pro.post(bulk(), requests(create("CHILD", "Child", "PARENT"),
                create("PARENT", "Parent", null))), 206);
        assertThat(body.get("status").asString()).isEqualTo("PARTIAL_SUCCESS");
        assertThat(body.get("errors")).hasSize(1);
        JsonNode error = body.get("errors").get(0);
        assertThat(error.get("id").asString()).isEqualTo("item.parent.not.found");
        assertThat(error.get("message").asString()).isEqualTo("Parent listItem not found.");
        assertThat(error.get("listItem").get("shortCode").asString()).isEqualTo("CHILD");
        assertThat(error.get("listItem").get("parentCode").asString()).isEqualTo("PARENT");
        assertThat(codes()).containsExactly("PARENT");
    }

    @Test
    void partialSuccessAndAllFailedCarryThePerPartErrorIds() {
        ok(pro.post(bulk(), requests(create("ITEM", "Item", null), create("CHILD_ITEM_ONE", "One", "ITEM"),
                create("GONE", "Gone", null))), 201);
        ok(pro.patch(bulk(), requests("{\"code\":\"GONE\",\"deleted\":true}")), 200);
        String deep = "D1";
        sb.lists().seedItem(listId, null, "D1", "Deep 1");
        for (int level = 2; level <= 10; level++) {
            deep = sb.lists().seedItem(listId, deep, "D" + level, "Deep " + level).code();
        }
        String other = pro.createList("Other").get("id").asString();
        sb.lists().seedItem(other, null, "ELSEWHERE", "Elsewhere");

        JsonNode partial = ok(pro.post(bulk(), requests(create("CHILD_ITEM_ONE", "One", "ITEM"),
                create("CHILD_ITEM_B", "B", "ITEM"), create("X", "X", "GONE"), create("Y", "Y", deep),
                create("Z", "Z", "ELSEWHERE"), create("ITEM_THREE", "Three", null))), 206);
        assertThat(partial.get("recordsSucceeded").asInt()).isEqualTo(2);
        assertThat(partial.get("recordsFailed").asInt()).isEqualTo(4);
        assertThat(partial.get("errors").findValuesAsString("id")).containsExactly("item.duplicate.code",
                "item.parent.deleted", "item.max.level.exceeded", "item.parent.not.found");
        assertThat(partial.get("errors").get(0).get("message").asString())
                .isEqualTo("This item code is already used by another item in the same list");
        assertThat(codes()).contains("ITEM-CHILD_ITEM_B", "ITEM_THREE");

        HttpResponse<String> failed = pro.post(bulk(), requests(create("CHILD_ITEM_ONE", "One", "ITEM")));
        JsonNode all = ok(failed, 400);
        assertThat(all.get("status").asString()).isEqualTo("FAILURE");
        assertThat(all.get("recordsSucceeded").asInt()).isZero();
        assertThat(all.get("recordsFailed").asInt()).isEqualTo(1);
        assertThat(all.get("errors").get(0).get("listItem").get("shortCode").asString()).isEqualTo("CHILD_ITEM_ONE");
    }

    @Test
    void updatesAndDeletesByLongCodeWith200And206() {
        ok(pro.post(bulk(), requests(create("FIRST_LEVEL", "first", null),
                create("SECOND_LEVEL", "second", "FIRST_LEVEL"),
                create("THIRD_LEVEL", "third", "FIRST_LEVEL-SECOND_LEVEL"), create("ITEM", "Item", null),
                create("ITEM_TWO", "Two", null), create("ITEM_THREE", "Three", null))), 201);
        JsonNode multi = ok(pro.patch(bulk(), requests("{\"code\":\"FIRST_LEVEL\",\"value\":\"firstLevelItem\"}",
                "{\"code\":\"FIRST_LEVEL-SECOND_LEVEL\",\"value\":\"secondLevelItem\"}",
                "{\"code\":\"FIRST_LEVEL-SECOND_LEVEL-THIRD_LEVEL\",\"deleted\":true}")), 200);
        assertThat(multi.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(multi.get("recordsSucceeded").asInt()).isEqualTo(3);
        assertThat(sb.lists().itemByCode(listId, "FIRST_LEVEL-SECOND_LEVEL").orElseThrow().value())
                .isEqualTo("secondLevelItem");
        assertThat(sb.lists().itemByCode(listId, "FIRST_LEVEL-SECOND_LEVEL-THIRD_LEVEL").orElseThrow()
                .deletedInList()).isTrue();

        ok(pro.patch(bulk(), requests("{\"code\":\"ITEM\",\"deleted\":true}")), 200);
        JsonNode partial = ok(pro.patch(bulk(), requests("{\"code\":\"ITEM\",\"value\":\"ITEM\"}",
                "{\"code\":\"ITEM_TWO\",\"deleted\":true}",
                "{\"code\":\"ITEM_THREE\",\"value\":\"ITEM_THREE UPDATED\"}",
                "{\"code\":\"NO_SUCH\",\"value\":\"x\"}")), 206);
        assertThat(partial.get("recordsSucceeded").asInt()).isEqualTo(2);
        assertThat(partial.get("errors").findValuesAsString("id")).containsExactly("item.deleted", "item.not.found");
        assertThat(partial.get("errors").get(0).get("message").asString()).isEqualTo("The list item has been deleted");
        assertThat(partial.get("errors").get(0).get("listItem").get("code").asString()).isEqualTo("ITEM");
        assertThat(sb.lists().itemByCode(listId, "ITEM_THREE").orElseThrow().value()).isEqualTo("ITEM_THREE UPDATED");

        ok(pro.patch(bulk(), requests("{\"code\":\"FIRST_LEVEL\",\"deleted\":true}")), 200);
        assertThat(codes()).as("children go with their parent").containsExactly("ITEM_THREE");
        assertThat(ok(pro.patch(bulk(), requests("{\"code\":\"FIRST_LEVEL-SECOND_LEVEL\",\"value\":\"x\"}")), 400)
                .get("status").asString()).isEqualTo("FAILURE");
    }

    @Test
    void moreThan250PartsOrNoneIsTheDocumentedValidationError() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 251; i++) {
            parts.add(create("I" + i, "Item " + i, null));
        }
        for (String method : List.of("POST", "PATCH")) {
            JsonNode tooMany = ok(pro.send(method, bulk(), requests(parts.toArray(String[]::new))), 400);
            assertThat(tooMany.get("httpStatus").asString()).isEqualTo("400 - Bad Request");
            assertThat(tooMany.get("error").get("id").asString()).isEqualTo("request.validation.error");
            assertThat(tooMany.get("error").get("message").asString()).isEqualTo("Please check your request parameter");
            assertThat(tooMany.get("validationErrors").get(0).get("source").asString()).isEqualTo("requests");
            assertThat(tooMany.get("validationErrors").get(0).get("message").asString())
                    .isEqualTo("size must be between 1 and 250");
            assertThat(tooMany.get("path").asString()).isEqualTo(bulk());
            assertThat(ok(pro.send(method, bulk(), "{\"requests\":[]}"), 400).get("validationErrors").get(0)
                    .get("message").asString()).isEqualTo("size must be between 1 and 250");
        }
        assertThat(codes()).isEmpty();
        JsonNode exactly = ok(pro.post(bulk(), requests(parts.subList(0, 250).toArray(String[]::new))), 201);
        assertThat(exactly.get("recordsSucceeded").asInt()).isEqualTo(250);
        assertThat(codes()).hasSize(250).startsWith("I0", "I1", "I2");
    }

    @Test
    void aPartBreakingTheFieldRulesRejectsTheRequestBeforeAnyPartRuns() {
        JsonNode hyphen = ok(pro.post(bulk(), requests(create("OK", "Fine", null), create("P-100", "Project", null))),
                400);
        assertThat(hyphen.get("error").get("id").asString()).isEqualTo("request.validation.error");
        assertThat(hyphen.get("validationErrors").get(0).get("source").asString()).isEqualTo("requests[1].shortCode");
        assertThat(ok(pro.post(bulk(), requests(create("A", "V".repeat(65), null))), 400).get("validationErrors")
                .get(0).get("source").asString()).isEqualTo("requests[0].value");
        assertThat(ok(pro.post(bulk(), requests("{\"value\":\"no code\"}")), 400).get("validationErrors").get(0)
                .get("source").asString()).isEqualTo("requests[0].shortCode");
        assertThat(ok(pro.patch(bulk(), requests("{\"value\":\"no code\"}")), 400).get("validationErrors").get(0)
                .get("source").asString()).isEqualTo("requests[0].code");
        assertThat(codes()).isEmpty();
    }

    @Test
    void anUnknownListIs404AndADeletedListFailsEveryPart() {
        JsonNode missing = ok(pro.post("/list/v4/lists/00000000-0000-4000-8000-000000000000/bulk",
                requests(create("A", "A", null))), 404);
        assertThat(missing.get("error").get("id").asString()).isEqualTo("list.not.found");
        assertThat(pro.delete("/list/v4/lists/" + listId).statusCode()).isEqualTo(204);
        JsonNode deleted = ok(pro.post(bulk(), requests(create("A", "A", null))), 400);
        assertThat(deleted.get("errors").get(0).get("id").asString()).isEqualTo("list.deleted");
        assertThat(deleted.get("errors").get(0).get("message").asString()).isEqualTo("The list is currently deleted.");
    }

    @Test
    void a429FaultAnswersTheDocumentedBodyWithRetryAfterAndNothingIsApplied() {
        sb.faults().add(FaultRule.on("POST", "/list/v4/lists/*/bulk").status(429).retryAfter(Duration.ZERO).times(1));
        HttpResponse<String> limited = pro.post(bulk(), requests(create("A", "A", null)));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("0");
        JsonNode body = json(limited);
        assertThat(body.get("httpStatus").asString()).isEqualTo("429 - Too Many Requests");
        assertThat(body.get("error").get("id").asString()).isEqualTo("security.rate.limit.reached");
        assertThat(body.get("error").get("message").asString()).isEqualTo("Too many requests");
        assertThat(body.get("path").asString()).isEqualTo(bulk());
        assertThat(codes()).isEmpty();
        assertThat(ok(pro.post(bulk(), requests(create("A", "A", null))), 201).get("recordsSucceeded").asInt())
                .isEqualTo(1);
        assertThat(sb.requests()).filteredOn(r -> r.path().equals(bulk())).extracting(RecordedRequest::status)
                .containsExactly(429, 201);
    }

    @Test
    void aResetDropsTheConnectionBeforeAnyPartIsApplied() {
        sb.faults().add(FaultRule.on("PATCH", "/list/v4/lists/{listId}/bulk").reset().times(1));
        sb.lists().seedItem(listId, null, "A", "A");
        HttpRequest patch = pro.request(bulk()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(requests("{\"code\":\"A\",\"deleted\":true}")))
                .build();
        assertThatThrownBy(() -> ListsHttp.HTTP.sendRaw(patch)).isInstanceOf(IOException.class);
        assertThat(codes()).containsExactly("A");
        assertThat(ok(pro.patch(bulk(), requests("{\"code\":\"A\",\"deleted\":true}")), 200).get("status").asString())
                .isEqualTo("SUCCESS");
    }

    @Test
    void concurrentBulkCallsOnOneListNeitherLoseNorDuplicateItems() throws Exception {
        int threads = 6;
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            shared.add(create("S" + i, "Shared " + i, null));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<JsonNode>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> parts = new ArrayList<>(shared);
                for (int i = 0; i < 100; i++) {
                    parts.add(create("T" + t + "X" + i, "Thread " + t + " item " + i, null));
                }
                futures.add(pool.submit(() -> json(pro.post(bulk(), requests(parts.toArray(String[]::new))))));
            }
            int succeeded = 0;
            int duplicates = 0;
            for (var f : futures) {
                JsonNode body = f.get();
                succeeded += body.get("recordsSucceeded").asInt();
                duplicates += body.get("errors").findValuesAsString("id").stream()
                        .filter("item.duplicate.code"::equals).toList().size();
            }
            assertThat(succeeded).isEqualTo(50 + threads * 100);
            assertThat(duplicates).isEqualTo((threads - 1) * 50);
            assertThat(codes()).hasSize(50 + threads * 100).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theAdminApiSeedsAndReadsListsAndItems() {
        Http http = ListsHttp.HTTP;
        String base = sb.baseUri() + "/admin/lists";
        JsonNode list = json(http.postJson(java.net.URI.create(base + "/companies/"
                + SandboxDemo.STANDARD_COMPANY + "/lists"), "{\"name\":\"Departments\",\"levelCount\":2,"
                + "\"managedBy\":\"service:hr\"}"));
        String id = list.get("id").asString();
        assertThat(list.get("managedBy").asString()).isEqualTo("service:hr");
        assertThat(list.get("companyUuid").asString()).isEqualTo(SandboxDemo.STANDARD_COMPANY);
        HttpResponse<String> items = http.postJson(java.net.URI.create(base + "/lists/" + id + "/items"),
                "[{\"shortCode\":\"D1\",\"value\":\"Dept 1\"},{\"parentCode\":\"D1\",\"shortCode\":\"T1\","
                        + "\"value\":\"Team 1\"}]");
        assertThat(items.statusCode()).isEqualTo(201);
        JsonNode read = json(http.get(java.net.URI.create(base + "/lists/" + id + "/items"), null));
        assertThat(read.findValuesAsString("code")).containsExactly("D1", "D1-T1");
        assertThat(read.get(1).get("parentCode").asString()).isEqualTo("D1");
        assertThat(read.get(1).get("level").asInt()).isEqualTo(2);
        JsonNode lists = json(http.get(java.net.URI.create(base + "/companies/" + SandboxDemo.STANDARD_COMPANY
                + "/lists"), null));
        assertThat(lists.findValuesAsString("name")).containsExactly("Cost Centers", "Projects", "Departments");
        assertThat(http.postJson(java.net.URI.create(base + "/lists/" + id + "/items"),
                "{\"shortCode\":\"X-1\",\"value\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(http.get(java.net.URI.create(base + "/lists/nope/items"), null).statusCode()).isEqualTo(404);
        assertThat(http.postJson(java.net.URI.create(base + "/companies/" + SandboxDemo.STANDARD_COMPANY
                + "/lists"), "{\"name\":\"X\",\"levelCount\":11}").statusCode()).isEqualTo(400);
        assertThat(sb.requests()).as("admin calls are not in the request log")
                .noneMatch(r -> r.path().startsWith("/admin"));
    }
}

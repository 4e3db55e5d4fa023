package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurbridge.sandbox.ListsHttp.ok;
import static org.concurbridge.sandbox.Http.json;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.concurbridge.sandbox.lists.SandboxList;
import org.concurbridge.sandbox.lists.SandboxListItem;
import org.concurbridge.sandbox.lists.SeedList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * List v4 and List Item v4 over real HTTP: the demo seeds, list CRUD, filters, sorting and 1-based paging with links,
 * items by parentId / parentCode with long codes, the hyphen rule and the 32/64 limits, 10 levels, PUT renaming a
 * subtree, delete from one list vs from all lists, children endpoints with filters, managed lists, scopes, the
 * Standard edition, ETags.
 */
class ListsV4IT {

    private ConcurSandbox sb;
    private ListsHttp pro;

    @BeforeEach
    void start() {
        sb = ConcurSandbox.builder().seed(71L).build().start();
        pro = ListsHttp.demo(sb, SandboxDemo.PROFESSIONAL_COMPANY, "us");
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    private static List<String> values(JsonNode page, String field) {
        return StreamSupport.stream(page.get("content").spliterator(), false).map(n -> n.get(field).asString())
                .toList();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theDemoCompaniesHaveTheirSeededLists() {
        JsonNode page = ok(pro.get("/list/v4/lists"), 200);
        assertThat(values(page, "value")).containsExactly("Cost Centers");
        assertThat(page.get("content").get(0).get("levelCount").asInt()).isEqualTo(2);
        assertThat(page.get("links").isEmpty()).isTrue();
        assertThat(page.get("page").get("number").asInt()).isEqualTo(1);
        assertThat(page.get("page").get("size").asInt()).isEqualTo(100);
        String listId = page.get("content").get(0).get("id").asString();
        JsonNode first = ok(pro.get("/list/v4/lists/" + listId + "/children"), 200);
        assertThat(values(first, "code")).containsExactly("CC1000");
        assertThat(first.get("content").get(0).get("lists").get(0).get("hasChildren").asBoolean()).isTrue();
        String company = first.get("content").get(0).get("id").asString();
        JsonNode children = ok(pro.get("/list/v4/lists/" + listId + "/items/" + company + "/children"), 200);
        assertThat(values(children, "code")).containsExactly("CC1000-CC1200", "CC1000-CC1100", "CC1000-CC1800");

        ListsHttp std = ListsHttp.demo(sb, SandboxDemo.STANDARD_COMPANY, "eu");
        JsonNode stdLists = ok(std.get("/list/v4/lists"), 200);
        assertThat(values(stdLists, "value")).containsExactly("Cost Centers", "Projects");
        assertThat(stdLists.get("content").get(1).get("managedBy").asString())
                .isEqualTo(SandboxDemo.OTHER_APP_MANAGED_BY);
        assertThat(sb.lists().items(sb.lists().listByName(SandboxDemo.STANDARD_COMPANY, "Cost Centers")
                .orElseThrow().id())).extracting(SandboxListItem::code).containsExactly("CC1000", "CC1000-CC1100");
    }

    @Test
    void listsAreCreatedReadRenamedAndDeleted() {
        var created = pro.post("/list/v4/lists", "{\"value\":\"Projects\",\"searchCriteria\":\"CODE\","
                + "\"displayFormat\":\"TEXT (CODE)\"}");
        JsonNode list = ok(created, 201);
        String id = list.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue(pro.uri("/list/v4/lists/" + id).toString());
        assertThat(list.get("levelCount").asInt()).isEqualTo(1);
        assertThat(list.get("searchCriteria").asString()).isEqualTo("CODE");
        assertThat(list.get("category").get("type").asString()).isEqualTo("Normal");
        assertThat(list.get("isDeleted").asBoolean()).isFalse();
        assertThat(list.get("managedBy").isNull()).isTrue();

        assertThat(ok(pro.get("/list/v4/lists/" + id), 200).get("value").asString()).isEqualTo("Projects");
        JsonNode renamed = ok(pro.put("/list/v4/lists/" + id, "{\"value\":\"Projects 2026\"}"), 200);
        assertThat(renamed.get("value").asString()).isEqualTo("Projects 2026");
        assertThat(renamed.get("searchCriteria").asString()).isEqualTo("CODE");

        JsonNode dup = ok(pro.post("/list/v4/lists", "{\"value\":\"cost centers\"}"), 400);
        assertThat(dup.get("error").get("id").asString()).isEqualTo("list.duplicate.name");
        JsonNode noName = ok(pro.post("/list/v4/lists", "{\"searchCriteria\":\"TEXT\"}"), 400);
        assertThat(noName.get("error").get("id").asString()).isEqualTo("request.validation.error");
        assertThat(noName.get("validationErrors").get(0).get("source").asString()).isEqualTo("value");
        assertThat(ok(pro.send("POST", "/list/v4/lists", "x"), 400).get("error").get("id").asString())
                .isEqualTo("request.validation.error");

        assertThat(pro.delete("/list/v4/lists/" + id).statusCode()).isEqualTo(204);
        assertThat(ok(pro.get("/list/v4/lists/" + id), 200).get("isDeleted").asBoolean()).isTrue();
        assertThat(ok(pro.delete("/list/v4/lists/" + id), 400).get("error").get("id").asString())
                .isEqualTo("list.deleted");
        JsonNode missing = ok(pro.get("/list/v4/lists/" + sb.lists().seedList(SandboxDemo.STANDARD_COMPANY,
                "Other company", 1).id()), 404);
        assertThat(missing.get("error").get("id").asString()).isEqualTo("list.not.found");
        assertThat(missing.get("httpStatus").asString()).isEqualTo("404 - Not Found");
        assertThat(missing.get("path").asString()).startsWith("/list/v4/lists/");
    }

    @Test
    void listsAreFilteredSortedAndPagedByHundred() {
        for (int i = 0; i < 249; i++) {
            sb.lists().seedList(SandboxDemo.PROFESSIONAL_COMPANY, String.format("Bulk list %03d", i), 1 + i % 3);
        }
        sb.lists().seedList(SandboxDemo.PROFESSIONAL_COMPANY, SeedList.of("Airlines", 1).category("Vendor"));
        JsonNode first = ok(pro.get("/list/v4/lists"), 200);
        assertThat(first.get("page").get("totalElements").asInt()).isEqualTo(251);
        assertThat(first.get("page").get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.get("content")).hasSize(100);
        assertThat(values(first, "value").subList(0, 2)).containsExactly("Airlines", "Bulk list 000");
        assertThat(first.get("links").findValuesAsString("rel")).containsExactly("first", "next", "last");
        String next = first.get("links").get(1).get("href").asString();
        assertThat(next).isEqualTo(pro.uri("/list/v4/lists?page=2").toString());

        JsonNode third = ok(pro.get("/list/v4/lists?sortBy=name&page=3"), 200);
        assertThat(third.get("content")).hasSize(51);
        assertThat(third.get("page").get("number").asInt()).isEqualTo(3);
        assertThat(third.get("links").findValuesAsString("rel")).containsExactly("first", "previous", "last");
        assertThat(third.get("links").get(1).get("href").asString())
                .isEqualTo(pro.uri("/list/v4/lists?sortBy=name&page=2").toString());
        assertThat(ok(pro.get("/list/v4/lists?page=4"), 200).get("content").isEmpty()).isTrue();
        assertThat(ok(pro.get("/list/v4/lists?page=0"), 400).get("validationErrors").get(0).get("source").asString())
                .isEqualTo("page");

        assertThat(values(ok(pro.get("/list/v4/lists?value=" + q("eq:cost centers")), 200), "value"))
                .containsExactly("Cost Centers");
        assertThat(values(ok(pro.get("/list/v4/lists?value=" + q("Cost Centers")), 200), "value"))
                .containsExactly("Cost Centers");
        assertThat(ok(pro.get("/list/v4/lists?value=" + q("sw:Bulk list 00")), 200).get("content")).hasSize(10);
        assertThat(values(ok(pro.get("/list/v4/lists?value=" + q("ew:248")), 200), "value"))
                .containsExactly("Bulk list 248");
        assertThat(ok(pro.get("/list/v4/lists?value=" + q("cp:list 24")), 200).get("content")).hasSize(9);
        assertThat(ok(pro.get("/list/v4/lists?value=" + q("not:Airlines")), 200).get("page")
                .get("totalElements").asInt()).isEqualTo(250);
        assertThat(values(ok(pro.get("/list/v4/lists?category.type=Vendor"), 200), "value"))
                .containsExactly("Airlines");
        assertThat(ok(pro.get("/list/v4/lists?levelCount=gte:3"), 200).get("page").get("totalElements").asInt())
                .isEqualTo(83);
        assertThat(ok(pro.get("/list/v4/lists?levelCount=gt:1&value=" + q("cp:Cost")), 200).get("content"))
                .hasSize(1);
        assertThat(ok(pro.get("/list/v4/lists?levelCount=lt:2&isDeleted=false"), 200).get("page")
                .get("totalElements").asInt()).isEqualTo(84);
        assertThat(ok(pro.get("/list/v4/lists?isDeleted=true"), 200).get("content").isEmpty()).isTrue();
        assertThat(ok(pro.get("/list/v4/lists?value=" + q("gt:1")), 400).get("error").get("id").asString())
                .isEqualTo("request.validation.error");

        JsonNode desc = ok(pro.get("/list/v4/lists?sortBy=levelcount&sortDirection=desc"), 200);
        assertThat(desc.get("content").get(0).get("levelCount").asInt()).isEqualTo(3);
        JsonNode byCategory = ok(pro.get("/list/v4/lists?sortBy=listcategory&sortDirection=desc"), 200);
        assertThat(byCategory.get("content").get(0).get("value").asString()).isEqualTo("Airlines");

        String vendorCategory = sb.lists().listByName(SandboxDemo.PROFESSIONAL_COMPANY, "Airlines").orElseThrow()
                .categoryId();
        assertThat(values(ok(pro.get("/list/v4/categories/" + vendorCategory + "/lists"), 200), "value"))
                .containsExactly("Airlines");
        assertThat(ok(pro.get("/list/v4/categories/" + sb.lists().seedList(SandboxDemo.STANDARD_COMPANY, "X", 1)
                .categoryId() + "/lists"), 404).get("error").get("id").asString()).isEqualTo("category.not.found");
    }

    @Test
    void itemsGetLongCodesLevelsAndTheFieldRules() {
        String listId = pro.createList("Projects").get("id").asString();
        var created = pro.post("/list/v4/items", "{\"listId\":\"" + listId + "\",\"shortCode\":\"ITEM\","
                + "\"value\":\"ITEM\"}");
        JsonNode item = ok(created, 201);
        String itemId = item.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue(pro.uri("/list/v4/items/" + itemId).toString());
        assertThat(item.get("code").asString()).isEqualTo("ITEM");
        assertThat(item.get("level").asInt()).isEqualTo(1);
        assertThat(item.get("parentId").isNull()).isTrue();

        JsonNode byCode = pro.createItem(listId, "ITEM", "SECOND LEVEL ITEM", "SECOND LEVEL ITEM");
        assertThat(byCode.get("code").asString()).isEqualTo("ITEM-SECOND LEVEL ITEM");
        assertThat(byCode.get("parentId").asString()).isEqualTo(itemId);
        assertThat(byCode.get("level").asInt()).isEqualTo(2);
        JsonNode byId = ok(pro.post("/list/v4/items", "{\"listId\":\"" + listId + "\",\"parentId\":\"" + itemId
                + "\",\"shortCode\":\"B\",\"value\":\"Bee\"}"), 201);
        assertThat(byId.get("code").asString()).isEqualTo("ITEM-B");
        assertThat(ok(pro.get("/list/v4/lists/" + listId), 200).get("levelCount").asInt()).isEqualTo(2);
        assertThat(ok(pro.get("/list/v4/items/" + itemId), 200).get("lists").get(0).get("hasChildren").asBoolean())
                .isTrue();

        JsonNode hyphen = ok(pro.post("/list/v4/items", "{\"listId\":\"" + listId
                + "\",\"shortCode\":\"A-1\",\"value\":\"A\"}"), 400);
        assertThat(hyphen.get("error").get("id").asString()).isEqualTo("request.validation.error");
        assertThat(hyphen.get("validationErrors").get(0).get("source").asString()).isEqualTo("shortCode");
        assertThat(ok(pro.post("/list/v4/items", "{\"listId\":\"" + listId
                + "\",\"shortCode\":\"A1\",\"value\":\"Sales - DACH\"}"), 400).get("validationErrors").get(0)
                .get("source").asString()).isEqualTo("value");
        assertThat(ok(pro.post("/list/v4/items", "{\"listId\":\"" + listId + "\",\"shortCode\":\"" + "C".repeat(33)
                + "\",\"value\":\"A\"}"), 400).get("validationErrors").get(0).get("message").asString())
                .isEqualTo("size must be between 1 and 32");
        pro.createItem(listId, null, "C".repeat(32), "V".repeat(64));
        assertThat(ok(pro.post("/list/v4/items", "{\"listId\":\"" + listId + "\",\"shortCode\":\"D\",\"value\":\""
                + "V".repeat(65) + "\"}"), 400).get("validationErrors").get(0).get("source").asString())
                .isEqualTo("value");
        assertThat(ok(pro.post("/list/v4/items", "{\"listId\":\"" + listId
                + "\",\"shortCode\":\"ITEM\",\"value\":\"again\"}"), 400).get("error").get("id").asString())
                .isEqualTo("item.duplicate.code");
        assertThat(ok(pro.post("/list/v4/items", "{\"listId\":\"" + listId
                + "\",\"parentCode\":\"NOPE\",\"shortCode\":\"X\",\"value\":\"X\"}"), 404).get("error").get("id")
                .asString()).isEqualTo("item.parent.not.found");
        assertThat(ok(pro.post("/list/v4/items", "{\"listId\":\"" + sb.lists().seedList(
                SandboxDemo.STANDARD_COMPANY, "Elsewhere", 1).id() + "\",\"shortCode\":\"X\",\"value\":\"X\"}"), 404)
                .get("error").get("id").asString()).isEqualTo("list.not.found");
        String costCenters = sb.lists().listByName(SandboxDemo.PROFESSIONAL_COMPANY, "Cost Centers").orElseThrow().id();
        String company = sb.lists().itemByCode(costCenters, "CC1000").orElseThrow().id();
        assertThat(ok(pro.post("/list/v4/items", "{\"listId\":\"" + listId + "\",\"parentId\":\"" + company
                + "\",\"shortCode\":\"X\",\"value\":\"X\"}"), 400).get("error").get("id").asString())
                .isEqualTo("item.list.id.not.match.parent");

        String parent = "ITEM";
        for (int level = 2; level <= 10; level++) {
            parent = pro.createItem(listId, parent, "L" + level, "Level " + level).get("code").asString();
        }
        assertThat(ok(pro.get("/list/v4/lists/" + listId), 200).get("levelCount").asInt()).isEqualTo(10);
        assertThat(ok(pro.post("/list/v4/items", "{\"listId\":\"" + listId + "\",\"parentCode\":\"" + parent
                + "\",\"shortCode\":\"L11\",\"value\":\"too deep\"}"), 400).get("error").get("id").asString())
                .isEqualTo("item.max.level.exceeded");
    }

    @Test
    void putChangesValueAndShortCodeWithTheCodesOfTheDescendants() {
        String listId = pro.createList("Projects").get("id").asString();
        String a = pro.createItem(listId, null, "A", "Alpha").get("id").asString();
        String child = pro.createItem(listId, "A", "B", "Beta").get("id").asString();
        pro.createItem(listId, "A-B", "C", "Gamma");
        pro.createItem(listId, null, "Z", "Zulu");

        JsonNode updated = ok(pro.put("/list/v4/items/" + a, "{\"shortCode\":\"AA\",\"value\":\"Alpha 2\"}"), 200);
        assertThat(updated.get("code").asString()).isEqualTo("AA");
        assertThat(updated.get("value").asString()).isEqualTo("Alpha 2");
        assertThat(ok(pro.get("/list/v4/items/" + child), 200).get("code").asString()).isEqualTo("AA-B");
        assertThat(sb.lists().items(listId)).extracting(SandboxListItem::code)
                .containsExactly("AA", "AA-B", "AA-B-C", "Z");
        assertThat(ok(pro.put("/list/v4/items/" + a, "{\"shortCode\":\"Z\",\"value\":\"x\"}"), 400).get("error")
                .get("id").asString()).isEqualTo("item.duplicate.code");
        assertThat(ok(pro.put("/list/v4/items/" + a, "{\"shortCode\":\"A-A\",\"value\":\"x\"}"), 400).get("error")
                .get("id").asString()).isEqualTo("request.validation.error");
        assertThat(ok(pro.put("/list/v4/items/" + a, "{\"value\":\"x\"}"), 400).get("validationErrors").get(0)
                .get("source").asString()).isEqualTo("shortCode");
        assertThat(ok(pro.put("/list/v4/items/" + sb.lists().seedList(SandboxDemo.PROFESSIONAL_COMPANY, "Q", 1).id(),
                "{\"shortCode\":\"Q\",\"value\":\"x\"}"), 404).get("error").get("id").asString())
                .isEqualTo("item.not.found");
        String z = sb.lists().itemByCode(listId, "Z").orElseThrow().id();
        assertThat(pro.delete("/list/v4/items/" + z).statusCode()).isEqualTo(204);
        assertThat(ok(pro.put("/list/v4/items/" + a, "{\"shortCode\":\"Z\",\"value\":\"x\"}"), 400).get("error")
                .get("id").asString()).isEqualTo("item.duplicate.code.deleted");
        assertThat(ok(pro.put("/list/v4/items/" + z, "{\"shortCode\":\"Y\",\"value\":\"x\"}"), 400).get("error")
                .get("id").asString()).isEqualTo("item.deleted");
    }

    @Test
    void deleteFromOneListKeepsTheItemInTheOthersAndDeleteFromAllMarksItDeleted() {
        String a = pro.createList("List A").get("id").asString();
        String b = pro.createList("List B").get("id").asString();
        JsonNode shared = pro.createItem(a, null, "S1", "Shared");
        String sharedId = shared.get("id").asString();
        String childId = pro.createItem(a, "S1", "K1", "Child").get("id").asString();
        sb.lists().shareItem(b, sharedId);
        JsonNode both = ok(pro.get("/list/v4/items/" + sharedId), 200);
        assertThat(both.get("lists").findValuesAsString("id")).containsExactly(a, b);

        assertThat(pro.delete("/list/v4/lists/" + a + "/items/" + sharedId).statusCode()).isEqualTo(204);
        JsonNode inB = ok(pro.get("/list/v4/items/" + sharedId), 200);
        assertThat(inB.get("isDeleted").asBoolean()).isFalse();
        assertThat(inB.get("lists").findValuesAsString("id")).containsExactly(b);
        JsonNode child = ok(pro.get("/list/v4/items/" + childId), 200);
        assertThat(child.get("isDeleted").asBoolean()).as("children go with their parent").isTrue();
        assertThat(ok(pro.get("/list/v4/lists/" + a + "/children"), 200).get("content").isEmpty()).isTrue();
        assertThat(values(ok(pro.get("/list/v4/lists/" + a + "/children?isDeleted=true"), 200), "code"))
                .containsExactly("S1");
        assertThat(values(ok(pro.get("/list/v4/lists/" + b + "/children"), 200), "code")).containsExactly("S1");
        assertThat(ok(pro.delete("/list/v4/lists/" + a + "/items/" + sharedId), 400).get("error").get("id")
                .asString()).isEqualTo("item.deleted");

        assertThat(pro.delete("/list/v4/items/" + sharedId).statusCode()).isEqualTo(204);
        JsonNode gone = ok(pro.get("/list/v4/items/" + sharedId), 200);
        assertThat(gone.get("isDeleted").asBoolean()).isTrue();
        assertThat(gone.get("lists").findValuesAsString("id")).containsExactly(a, b);
        assertThat(ok(pro.delete("/list/v4/items/" + sharedId), 400).get("error").get("id").asString())
                .isEqualTo("item.deleted");
        assertThat(ok(pro.delete("/list/v4/items/" + b), 400).get("error").get("id").asString())
                .isEqualTo("item.not.found");
        assertThat(sb.lists().items(a)).extracting(SandboxListItem::deletedInList).containsOnly(true);
        assertThat(ok(pro.post("/list/v4/items", "{\"listId\":\"" + a + "\",\"parentCode\":\"S1\",\"shortCode\":"
                + "\"K2\",\"value\":\"x\"}"), 400).get("error").get("id").asString()).isEqualTo("item.parent.deleted");
        assertThat(ok(pro.post("/list/v4/items", "{\"listId\":\"" + a + "\",\"shortCode\":\"S1\",\"value\":\"x\"}"),
                400).get("error").get("id").asString()).isEqualTo("item.duplicate.code");
    }

    @Test
    void childrenArePagedSortedAndFiltered() {
        String listId = pro.createList("Projects").get("id").asString();
        String root = pro.createItem(listId, null, "ROOT", "Root").get("id").asString();
        List<String> bulk = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            bulk.add("{\"shortCode\":\"C" + String.format("%03d", i) + "\",\"value\":\"Child " + (149 - i)
                    + "\",\"parentCode\":\"ROOT\"}");
        }
        ok(pro.post("/list/v4/lists/" + listId + "/bulk", "{\"requests\":[" + String.join(",", bulk) + "]}"), 201);
        pro.createItem(listId, "ROOT-C000", "G", "Grandchild");

        JsonNode page1 = ok(pro.get("/list/v4/lists/" + listId + "/items/" + root + "/children?sortBy=shortCode"), 200);
        assertThat(page1.get("content")).hasSize(100);
        assertThat(page1.get("page").get("totalPages").asInt()).isEqualTo(2);
        assertThat(values(page1, "shortCode").get(0)).isEqualTo("C000");
        JsonNode page2 = ok(pro.get("/list/v4/items/" + root + "/children?sortBy=shortCode&sortDirection=desc"
                + "&page=2"), 200);
        assertThat(page2.get("content")).hasSize(50);
        assertThat(values(page2, "shortCode").get(49)).isEqualTo("C000");
        assertThat(values(ok(pro.get("/list/v4/items/" + root + "/children?hasChildren=true"), 200), "code"))
                .containsExactly("ROOT-C000");
        assertThat(values(ok(pro.get("/list/v4/items/" + root + "/children?value=" + q("Child 1")), 200),
                "shortCode")).containsExactly("C148");
        assertThat(ok(pro.get("/list/v4/items/" + root + "/children?value=" + q("sw:Child 1")), 200).get("page")
                .get("totalElements").asInt()).isEqualTo(61);
        assertThat(values(ok(pro.get("/list/v4/items/" + root + "/children?shortCode=" + q("ew:149")), 200), "value"))
                .containsExactly("Child 0");
        assertThat(ok(pro.get("/list/v4/items/" + root + "/children?shortCodeOrValue=" + q("cp:14")), 200)
                .get("page").get("totalElements").asInt()).isEqualTo(24);
        assertThat(ok(pro.get("/list/v4/items/" + root + "/children?shortCode=" + q("not:C000")), 200).get("page")
                .get("totalElements").asInt()).isEqualTo(149);
        JsonNode byValue = ok(pro.get("/list/v4/lists/" + listId + "/items/" + root + "/children"), 200);
        assertThat(values(byValue, "value").subList(0, 3)).containsExactly("Child 0", "Child 1", "Child 10");
        assertThat(ok(pro.get("/list/v4/items/" + listId + "/children"), 404).get("error").get("id").asString())
                .isEqualTo("item.not.found");
    }

    @Test
    void managedListsCanBeModifiedOnlyByTheirApp() {
        var created = pro.post("/list/v4/lists", "{\"value\":\"Managed\",\"isManaged\":true}");
        JsonNode list = ok(created, 201);
        String id = list.get("id").asString();
        assertThat(list.get("managedBy").asString()).isEqualTo("appId:" + SandboxDemo.CLIENT_ID);
        pro.createItem(id, null, "M1", "Mine");

        ListsHttp other = ListsHttp.otherApp(sb, SandboxDemo.PROFESSIONAL_COMPANY, "us",
                "0b8e7c3a-1d2f-4e5a-9b6c-7d8e9f0a1b2c", SandboxApp.DEFAULT_SCOPE);
        JsonNode refused = ok(other.put("/list/v4/lists/" + id, "{\"value\":\"Taken over\"}"), 400);
        assertThat(refused.get("httpStatus").asString()).isEqualTo("400 - Bad Request");
        assertThat(refused.get("error").get("id").asString()).isEqualTo("list.is.managed");
        assertThat(refused.get("error").get("message").asString())
                .isEqualTo("Modify operation not permitted on this managed list");
        assertThat(refused.get("path").asString()).isEqualTo("/list/v4/lists/" + id);
        assertThat(refused.get("timestamp").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
        assertThat(ok(other.put("/list/v4/lists/" + id, "{\"value\":\"Managed\",\"isManaged\":true}"), 400)
                .get("error").get("id").asString()).isEqualTo("list.is.managed");
        assertThat(ok(other.post("/list/v4/items", "{\"listId\":\"" + id + "\",\"shortCode\":\"X\",\"value\":"
                + "\"X\"}"), 400).get("error").get("id").asString()).isEqualTo("list.is.managed");
        String m1 = sb.lists().itemByCode(id, "M1").orElseThrow().id();
        assertThat(ok(other.put("/list/v4/items/" + m1, "{\"shortCode\":\"M1\",\"value\":\"x\"}"), 400)
                .get("error").get("id").asString()).isEqualTo("list.is.managed");
        assertThat(ok(other.delete("/list/v4/items/" + m1), 400).get("error").get("id").asString())
                .isEqualTo("list.is.managed");
        assertThat(ok(other.delete("/list/v4/lists/" + id + "/items/" + m1), 400).get("error").get("id").asString())
                .isEqualTo("list.is.managed");
        assertThat(ok(other.post("/list/v4/lists/" + id + "/bulk", "{\"requests\":[{\"shortCode\":\"X\","
                + "\"value\":\"X\"}]}"), 400).get("error").get("id").asString()).isEqualTo("list.is.managed");
        assertThat(ok(other.patch("/list/v4/lists/" + id + "/bulk", "{\"requests\":[{\"code\":\"M1\","
                + "\"deleted\":true}]}"), 400).get("error").get("id").asString()).isEqualTo("list.is.managed");
        assertThat(ok(other.delete("/list/v4/lists/" + id), 400).get("error").get("id").asString())
                .isEqualTo("list.is.managed");
        assertThat(ok(other.get("/list/v4/lists/" + id), 200).get("managedBy").asString())
                .as("reading is allowed").isEqualTo("appId:" + SandboxDemo.CLIENT_ID);

        JsonNode released = ok(pro.put("/list/v4/lists/" + id, "{\"value\":\"Managed\",\"isManaged\":false}"), 200);
        assertThat(released.get("managedBy").isNull()).isTrue();
        JsonNode claimed = ok(other.put("/list/v4/lists/" + id, "{\"value\":\"Managed\",\"isManaged\":true}"), 200);
        assertThat(claimed.get("managedBy").asString()).isEqualTo("appId:0b8e7c3a-1d2f-4e5a-9b6c-7d8e9f0a1b2c");
        JsonNode renamed = ok(other.put("/list/v4/lists/" + id, "{\"value\":\"Managed 2\"}"), 200);
        assertThat(renamed.get("managedBy").asString()).as("isManaged omitted: unchanged")
                .isEqualTo("appId:0b8e7c3a-1d2f-4e5a-9b6c-7d8e9f0a1b2c");

        ListsHttp std = ListsHttp.demo(sb, SandboxDemo.STANDARD_COMPANY, "eu");
        String projects = sb.lists().listByName(SandboxDemo.STANDARD_COMPANY, "Projects").orElseThrow().id();
        assertThat(ok(std.post("/list/v4/lists/" + projects + "/bulk", "{\"requests\":[{\"shortCode\":\"P200\","
                + "\"value\":\"Office move\"}]}"), 400).get("error").get("id").asString()).isEqualTo("list.is.managed");
    }

    @Test
    void tokensScopesAndGeolocationsAreChecked() {
        assertThat(ListsHttp.HTTP.get(pro.uri("/list/v4/lists"), null).statusCode()).isEqualTo(401);
        ListsHttp readOnly = ListsHttp.otherApp(sb, SandboxDemo.PROFESSIONAL_COMPANY, "us", "read-only-app",
                "spend.list.read spend.listitem.read");
        assertThat(readOnly.get("/list/v4/lists").statusCode()).isEqualTo(200);
        JsonNode denied = ok(readOnly.post("/list/v4/lists", "{\"value\":\"Nope\"}"), 403);
        assertThat(denied.get("httpStatus").asString()).isEqualTo("403 - Forbidden");
        String listId = sb.lists().listByName(SandboxDemo.PROFESSIONAL_COMPANY, "Cost Centers").orElseThrow().id();
        assertThat(readOnly.get("/list/v4/lists/" + listId + "/children").statusCode()).isEqualTo(200);
        assertThat(readOnly.post("/list/v4/lists/" + listId + "/bulk", "{\"requests\":[]}").statusCode())
                .isEqualTo(403);
        assertThat(readOnly.delete("/list/v4/lists/" + listId).statusCode()).isEqualTo(403);
        ListsHttp noDelete = ListsHttp.otherApp(sb, SandboxDemo.PROFESSIONAL_COMPANY, "us", "no-delete-app",
                "spend.list.write spend.listitem.write");
        String item = sb.lists().itemByCode(listId, "CC1000").orElseThrow().id();
        assertThat(noDelete.delete("/list/v4/items/" + item).statusCode()).isEqualTo(403);
        assertThat(noDelete.get("/list/v4/items/" + item).statusCode()).isEqualTo(200);

        HttpResponse<String> wrongGeo = new ListsHttp(sb, "eu", pro.token).get("/list/v4/lists");
        assertThat(wrongGeo.statusCode()).isEqualTo(301);
        assertThat(wrongGeo.headers().firstValue("Location")).hasValue(pro.uri("/list/v4/lists").toString());
        HttpResponse<String> text = ListsHttp.HTTP.send(pro.request("/list/v4/lists")
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("x"))
                .build());
        assertThat(text.statusCode()).isEqualTo(415);
    }

    @Test
    void aStandardCompanyCanCreateAListThroughTheApiButItIsMarkedUnsupported() {
        ListsHttp std = ListsHttp.demo(sb, SandboxDemo.STANDARD_COMPANY, "eu");
        String id = std.createList("Made by API").get("id").asString();
        SandboxList held = sb.lists().list(id);
        assertThat(held.createdOnStandard()).isTrue();
        assertThat(sb.lists().listByName(SandboxDemo.STANDARD_COMPANY, "Cost Centers").orElseThrow()
                .createdOnStandard()).isFalse();
        assertThat(sb.lists().list(pro.createList("Pro list").get("id").asString()).createdOnStandard()).isFalse();
    }

    @Test
    void getsCarryAnETagAndAnswer304WhenUnchanged() {
        HttpResponse<String> first = pro.get("/list/v4/lists");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Content-Type").orElseThrow())
                .isEqualToIgnoringCase("application/json;charset=UTF-8");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache, private");
        assertThat(first.headers().firstValue(SandboxRoutes.CORRELATION_ID)).isPresent();
        HttpResponse<String> again = ListsHttp.HTTP.send(pro.request("/list/v4/lists").header("If-None-Match", etag)
                .GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
        pro.createList("Changed");
        HttpResponse<String> changed = ListsHttp.HTTP.send(pro.request("/list/v4/lists").header("If-None-Match", etag)
                .GET().build());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("content")).hasSize(2);
    }
}

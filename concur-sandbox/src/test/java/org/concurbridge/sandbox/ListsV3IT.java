package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurbridge.sandbox.ListsHttp.ok;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.concurbridge.sandbox.lists.SandboxListItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The deprecated List Item v3 and Lists v3 over real HTTP, on the same state as v4: paging with limit ≤ 100 and
 * NextPage, the level-code filters, create by level codes, partial PUT, DELETE from one list with the required listId,
 * Lists v3 GET/POST, the managed-list and scope checks.
 */
class ListsV3IT {

    private ConcurSandbox sb;
    private ListsHttp pro;
    private String costCenters;

    @BeforeEach
    void start() {
        sb = ConcurSandbox.builder().seed(73L).build().start();
        pro = ListsHttp.demo(sb, SandboxDemo.PROFESSIONAL_COMPANY, "us");
        costCenters = sb.lists().listByName(SandboxDemo.PROFESSIONAL_COMPANY, "Cost Centers").orElseThrow().id();
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    @Test
    void listItemsArePagedWithNextPageAndFiltered() {
        JsonNode all = ok(pro.get("/api/v3.0/common/listitems?listId=" + costCenters), 200);
        assertThat(all.get("Items").findValuesAsString("Level1Code")).containsOnly("CC1000");
        assertThat(all.get("Items")).hasSize(4);
        assertThat(all.get("NextPage").isNull()).isTrue();
        JsonNode sales = all.get("Items").get(1);
        assertThat(sales.get("Name").asString()).isEqualTo("Sales");
        assertThat(sales.get("Level2Code").asString()).isEqualTo("CC1100");
        assertThat(sales.get("Level3Code").isNull()).isTrue();
        assertThat(sales.get("ListID").asString()).isEqualTo(costCenters);
        assertThat(sales.get("ParentID").asString()).isEqualTo(all.get("Items").get(0).get("ID").asString());
        assertThat(all.get("Items").get(0).get("ParentID").isNull()).isTrue();
        assertThat(sales.get("URI").asString())
                .isEqualTo(pro.uri("/api/v3.0/common/listitems/" + sales.get("ID").asString()).toString());

        List<String> names = new ArrayList<>();
        String next = pro.uri("/api/v3.0/common/listitems?limit=3&listId=" + costCenters).toString();
        int pages = 0;
        while (next != null) {
            JsonNode page = ok(ListsHttp.HTTP.get(URI.create(next), pro.token), 200);
            page.get("Items").forEach(i -> names.add(i.get("Name").asString()));
            next = page.get("NextPage").isNull() ? null : page.get("NextPage").asString();
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(names).containsExactly("Company", "Sales", "IT", "Travel pool");

        assertThat(ok(pro.get("/api/v3.0/common/listitems?level1Code=CC1000&level2Code=CC1200"), 200).get("Items")
                .findValuesAsString("Name")).containsExactly("IT");
        assertThat(ok(pro.get("/api/v3.0/common/listitems?name=travel+pool"), 200).get("Items")
                .findValuesAsString("Level2Code")).containsExactly("CC1800");
        assertThat(ok(pro.get("/api/v3.0/common/listitems?parentId=" + all.get("Items").get(0).get("ID").asString()),
                200).get("Items")).hasSize(3);
        assertThat(ok(pro.get("/api/v3.0/common/listitems?limit=101"), 400).get("Error").get("Message").asString())
                .contains("limit");
        JsonNode one = ok(pro.get("/api/v3.0/common/listitems/" + sales.get("ID").asString() + "?listId="
                + costCenters), 200);
        assertThat(one.get("Name").asString()).isEqualTo("Sales");
        assertThat(ok(pro.get("/api/v3.0/common/listitems/" + costCenters), 404).get("Error").get("Id").asString())
                .isEqualTo("item.not.found");
    }

    @Test
    void itemsAreCreatedByLevelCodesUpdatedPartiallyAndDeletedFromOneList() {
        JsonNode created = ok(pro.post("/api/v3.0/common/listitems", "{\"ListID\":\"" + costCenters
                + "\",\"Name\":\"Finance\",\"Level1Code\":\"CC1000\",\"Level2Code\":\"CC1300\"}"), 200);
        String id = created.get("ID").asString();
        assertThat(created.get("URI").asString()).endsWith("/api/v3.0/common/listitems/" + id);
        assertThat(ok(pro.get("/list/v4/items/" + id), 200).get("code").asString()).isEqualTo("CC1000-CC1300");

        JsonNode hyphen = ok(pro.post("/api/v3.0/common/listitems", "{\"ListID\":\"" + costCenters
                + "\",\"Name\":\"Sales DACH\",\"Level1Code\":\"CC1000\",\"Level2Code\":\"CC-1110\"}"), 400);
        assertThat(hyphen.get("Error").get("Id").asString()).isEqualTo("request.validation.error");
        assertThat(hyphen.get("Error").get("Message").asString()).contains("Level2Code");
        assertThat(ok(pro.post("/api/v3.0/common/listitems", "{\"ListID\":\"" + costCenters
                + "\",\"Name\":\"Again\",\"Level1Code\":\"CC1000\",\"Level2Code\":\"CC1300\"}"), 400).get("Error")
                .get("Id").asString()).isEqualTo("item.duplicate.code");
        assertThat(ok(pro.post("/api/v3.0/common/listitems", "{\"ListID\":\"" + costCenters
                + "\",\"Name\":\"Orphan\",\"Level1Code\":\"CC9999\",\"Level2Code\":\"CC1\"}"), 404).get("Error")
                .get("Id").asString()).isEqualTo("item.parent.not.found");
        assertThat(ok(pro.post("/api/v3.0/common/listitems", "{\"Name\":\"No list\",\"Level1Code\":\"X\"}"), 400)
                .get("Error").get("Message").asString()).contains("ListID");

        assertThat(pro.put("/api/v3.0/common/listitems/" + id, "{\"ListID\":\"" + costCenters
                + "\",\"Name\":\"Finance and Controlling\"}").statusCode()).isEqualTo(200);
        SandboxListItem renamed = sb.lists().itemByCode(costCenters, "CC1000-CC1300").orElseThrow();
        assertThat(renamed.value()).isEqualTo("Finance and Controlling");
        assertThat(pro.put("/api/v3.0/common/listitems/" + id, "{\"ListID\":\"" + costCenters
                + "\",\"Code\":\"CC1310\"}").statusCode()).isEqualTo(200);
        assertThat(sb.lists().itemByCode(costCenters, "CC1000-CC1310").orElseThrow().value())
                .isEqualTo("Finance and Controlling");
        assertThat(ok(pro.put("/api/v3.0/common/listitems/" + id, "{\"Name\":\"x\"}"), 400).get("Error").get("Message")
                .asString()).contains("ListID");

        assertThat(ok(pro.delete("/api/v3.0/common/listitems/" + id), 400).get("Error").get("Message").asString())
                .contains("listId");
        assertThat(pro.delete("/api/v3.0/common/listitems/" + id + "?listId=" + costCenters).statusCode())
                .isEqualTo(200);
        assertThat(ok(pro.get("/api/v3.0/common/listitems?listId=" + costCenters), 200).get("Items")
                .findValuesAsString("Name")).doesNotContain("Finance and Controlling");
        assertThat(ok(pro.get("/list/v4/items/" + id), 200).get("isDeleted").asBoolean()).isTrue();
    }

    @Test
    void listsV3AreReadAndCreated() {
        JsonNode lists = ok(pro.get("/api/v3.0/common/lists"), 200);
        assertThat(lists.get("Items").findValuesAsString("Name")).containsExactly("Cost Centers");
        assertThat(lists.get("NextPage").isNull()).isTrue();
        JsonNode created = ok(pro.post("/api/v3.0/common/lists", "{\"Name\":\"Suppliers\",\"DisplayCodeFirst\":false,"
                + "\"IsVendorList\":true,\"SearchCriteriaCode\":\"CODE\"}"), 200);
        String id = created.get("ID").asString();
        JsonNode one = ok(pro.get("/api/v3.0/common/lists/" + id), 200);
        assertThat(one.get("Name").asString()).isEqualTo("Suppliers");
        assertThat(one.get("IsVendorList").asBoolean()).isTrue();
        assertThat(one.get("DisplayCodeFirst").asBoolean()).isFalse();
        assertThat(one.get("ExternalThreshold").asInt()).isEqualTo(1);
        assertThat(one.get("URI").asString()).isEqualTo(created.get("URI").asString());
        JsonNode v4 = ok(pro.get("/list/v4/lists/" + id), 200);
        assertThat(v4.get("category").get("type").asString()).isEqualTo("Vendor");
        assertThat(v4.get("displayFormat").asString()).isEqualTo("TEXT (CODE)");
        assertThat(ok(pro.post("/api/v3.0/common/lists", "{\"Name\":\"Incomplete\"}"), 400).get("Error")
                .get("Message").asString()).contains("DisplayCodeFirst", "IsVendorList", "SearchCriteriaCode");
        JsonNode paged = ok(pro.get("/api/v3.0/common/lists?limit=1"), 200);
        assertThat(paged.get("Items")).hasSize(1);
        assertThat(paged.get("NextPage").asString()).isEqualTo(pro.uri("/api/v3.0/common/lists?limit=1&offset=1")
                .toString());
        assertThat(pro.put("/api/v3.0/common/lists/" + id, "{\"Name\":\"x\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void managedListsAndTheListScopeAreEnforced() {
        ListsHttp std = ListsHttp.demo(sb, SandboxDemo.STANDARD_COMPANY, "eu");
        String projects = sb.lists().listByName(SandboxDemo.STANDARD_COMPANY, "Projects").orElseThrow().id();
        JsonNode managed = ok(std.post("/api/v3.0/common/listitems", "{\"ListID\":\"" + projects
                + "\",\"Name\":\"New\",\"Level1Code\":\"P200\"}"), 400);
        assertThat(managed.get("Error").get("Id").asString()).isEqualTo("list.is.managed");
        assertThat(ok(std.get("/api/v3.0/common/listitems?listId=" + projects), 200).get("Items")).hasSize(1);

        ListsHttp noList = ListsHttp.otherApp(sb, SandboxDemo.PROFESSIONAL_COMPANY, "us", "v4-only-app",
                "spend.list.read spend.listitem.read");
        assertThat(noList.get("/api/v3.0/common/listitems").statusCode()).isEqualTo(403);
        assertThat(noList.get("/api/v3.0/common/lists").statusCode()).isEqualTo(403);
        assertThat(ListsHttp.HTTP.get(pro.uri("/api/v3.0/common/lists"), null).statusCode()).isEqualTo(401);
    }
}

package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.concurbridge.client.lists.BulkCreate;
import org.concurbridge.client.lists.BulkOutcome;
import org.concurbridge.client.lists.BulkUpdate;
import org.concurbridge.client.lists.ConcurList;
import org.concurbridge.client.lists.ItemPage;
import org.concurbridge.client.lists.ListItem;
import org.concurbridge.client.lists.ListUpdate;
import org.concurbridge.client.lists.ListsClient;
import org.concurbridge.client.lists.NewItem;
import org.concurbridge.client.lists.NewList;
import org.concurbridge.client.lists.PartResult;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.faults.FaultRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ListsClient} against the sandbox's List v4, List Item v4, List Item Bulk v4 and v3 over loopback HTTP. */
class ListsClientIT extends SandboxTestSupport {

    private static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;
    private static final String OTHER_APP = "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f";
    private static final String OTHER_SECRET = "7e6d5c4b-3a29-4187-9f6e-5d4c3b2a1908";

    private ListsClient lists;

    private static final java.util.concurrent.atomic.AtomicLong SEEDS =
            new java.util.concurrent.atomic.AtomicLong(9100L);

    /** Item, list and vendor ids are logged: a seed per test keeps them from equalling another test's tokens. */
    @Override
    long seed() {
        return SEEDS.incrementAndGet();
    }

    @BeforeEach
    void client() {
        lists = concur(managerFor(COMPANY)).lists();
    }

    private ConcurList newList(String name) {
        return lists.createList(new NewList(name, "TEXT", "(CODE) TEXT", null, false));
    }

    private static String bulkPath(String listId) {
        return "/list/v4/lists/" + listId + "/bulk";
    }

    @Test
    void sixHundredItemsGoInThreeOrderedBulkCallsAndArePagedBackByHundreds() {
        ConcurList list = newList("Cost Centers & Co");
        assertThat(lists.listByName("Cost Centers & Co")).map(ConcurList::id).contains(list.id());
        assertThat(lists.listByName("Cost Centers & C")).isEmpty();
        List<BulkCreate> parts = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            parts.add(new BulkCreate(String.format("CC%03d", i), "Cost center " + i, null));
        }
        List<BulkOutcome> delivered = new ArrayList<>();
        BulkOutcome out = lists.bulkCreate(list.id(), parts, delivered::add);
        assertThat(out.calls()).isEqualTo(3);
        assertThat(out.succeeded()).isEqualTo(600);
        assertThat(delivered).extracting(o -> o.parts().size()).containsExactly(250, 250, 100);
        assertThat(requests("POST", bulkPath(list.id()))).hasSize(3)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(201));

        ItemPage first = lists.firstLevel(list.id(), 1);
        assertThat(first.content()).hasSize(100);
        assertThat(first.totalPages()).isEqualTo(6);
        assertThat(first.totalElements()).isEqualTo(600);
        sandbox.clearRequests();
        assertThat(lists.allItems(list.id()).map(ListItem::code))
                .containsExactlyInAnyOrderElementsOf(parts.stream().map(BulkCreate::code).toList());
        assertThat(sandbox.requests()).filteredOn(r -> r.path().endsWith("/children")).hasSize(6);
    }

    @Test
    void partialSuccessNamesEachFailedPartAndLevelsComeParentsFirst() {
        ConcurList list = newList("Projects");
        BulkOutcome out = lists.bulkCreate(list.id(), List.of(new BulkCreate("US01", "United States", null),
                new BulkCreate("US01", "United States again", null),
                new BulkCreate("P1", "Project one", "US01"),
                new BulkCreate("P2", "Project two", "MISSING"),
                new BulkCreate("T1", "Task one", "US01-P1")), o -> { });
        assertThat(out.parts()).extracting(PartResult::code)
                .containsExactly("US01", "US01", "US01-P1", "MISSING-P2", "US01-P1-T1");
        assertThat(out.parts()).extracting(PartResult::ok).containsExactly(true, false, true, false, true);
        assertThat(out.parts().get(1).errorId()).isEqualTo("item.duplicate.code");
        assertThat(out.parts().get(3).errorId()).isEqualTo("item.parent.not.found");
        assertThat(requests("POST", bulkPath(list.id()))).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(206));

        assertThat(lists.allItems(list.id()).map(ListItem::code)).containsExactly("US01", "US01-P1", "US01-P1-T1");

        BulkOutcome upd = lists.bulkUpdate(list.id(), List.of(BulkUpdate.rename("US01-P1", "Project 1"),
                BulkUpdate.delete("NOPE"), BulkUpdate.delete("US01-P1-T1")), o -> { });
        assertThat(upd.parts()).extracting(PartResult::ok).containsExactly(true, false, true);
        assertThat(upd.parts().get(1).errorId()).isEqualTo("item.not.found");
        assertThat(lists.allItems(list.id()).map(ListItem::value)).containsExactly("United States", "Project 1");
    }

    @Test
    void everyPartFailingIsAFourHundredReadPartByPart() {
        ConcurList list = newList("Departments");
        lists.bulkCreate(list.id(), List.of(new BulkCreate("D1", "One", null)), o -> { });
        BulkOutcome out = lists.bulkCreate(list.id(), List.of(new BulkCreate("D1", "One", null)), o -> { });
        assertThat(out.parts()).singleElement().satisfies(p -> {
            assertThat(p.ok()).isFalse();
            assertThat(p.errorId()).isEqualTo("item.duplicate.code");
        });
    }

    @Test
    void singleItemCallsAndDeletesFromOneListOrAll() {
        ConcurList list = newList("Regions");
        ListItem north = lists.createItem(NewItem.topLevel(list.id(), "NORTH", "North"));
        ListItem east = lists.createItem(NewItem.underCode(list.id(), "NORTH", "EAST", "North east"));
        assertThat(east.code()).isEqualTo("NORTH-EAST");
        assertThat(east.parentId()).isEqualTo(north.id());
        assertThat(lists.children(list.id(), north.id(), 1).content()).extracting(ListItem::id)
                .containsExactly(east.id());
        assertThat(lists.updateItem(east.id(), "EAST", "East").value()).isEqualTo("East");
        lists.deleteItemFromList(list.id(), east.id());
        assertThat(lists.allItems(list.id()).map(ListItem::code)).containsExactly("NORTH");
        lists.deleteItem(north.id());
        assertThat(lists.item(north.id()).deleted()).isTrue();
    }

    @Test
    void aListManagedByAnotherAppRefusesOurWritesWithListIsManaged() {
        sandbox.registerApp(OTHER_APP, remember(OTHER_SECRET), SandboxDemo.DEFAULT_CONNECT_URI);
        OAuthClient otherOauth = OAuthClient.builder()
                .credentials(new ClientCredentials(OTHER_APP, Secret.of(OTHER_SECRET)))
                .clock(sandbox.clock()).retryPolicy(retries(3)).requestTimeout(Duration.ofSeconds(10))
                .geolocations(sandboxMode()).build();
        TokenGrant grant = remember(otherOauth.exchangeRequestToken(glz(), COMPANY,
                Secret.of(remember(sandbox.companyRequestToken(COMPANY, OTHER_APP)))));
        ListsClient other = concur(tokenManager(otherOauth, new InMemoryTokenStore(grant))).lists();
        ConcurList managed = other.createList(new NewList("Owned elsewhere", "TEXT", "(CODE) TEXT", null, true));
        assertThat(managed.managedBy()).startsWith("appId:");

        assertThatThrownBy(() -> lists.bulkCreate(managed.id(), List.of(new BulkCreate("X", "x", null)), o -> { }))
                .isInstanceOfSatisfying(ConcurException.Permanent.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("list.is.managed");
                });
        assertThatThrownBy(() -> lists.updateList(managed.id(), new ListUpdate("Mine now", null, null, true)))
                .isInstanceOfSatisfying(ConcurException.Permanent.class,
                        e -> assertThat(e.errorCode()).isEqualTo("list.is.managed"));
        assertThat(other.bulkCreate(managed.id(), List.of(new BulkCreate("X", "x", null)), o -> { }).succeeded())
                .isEqualTo(1);
    }

    @Test
    void aListThatDoesNotExistIsPermanentListNotFound() {
        String missing = UUID.randomUUID().toString();
        assertThatThrownBy(() -> lists.bulkCreate(missing, List.of(new BulkCreate("X", "x", null)), o -> { }))
                .isInstanceOfSatisfying(ConcurException.Permanent.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo("list.not.found");
                });
        assertThatThrownBy(() -> lists.list(missing)).isInstanceOfSatisfying(ConcurException.Permanent.class,
                e -> assertThat(e.httpStatus()).isEqualTo(404));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void rateLimitWithRetryAfterZeroIsRetriedAtOnce() {
        ConcurList list = newList("Rate limited");
        sandbox.faults().add(FaultRule.on("POST", "/list/v4/lists/*/bulk").status(429).retryAfter(Duration.ZERO)
                .times(2));
        BulkOutcome out = lists.bulkCreate(list.id(), List.of(new BulkCreate("R1", "r", null)), o -> { });
        assertThat(out.succeeded()).isEqualTo(1);
        assertThat(sleeper.waits).containsExactly(Duration.ZERO, Duration.ZERO);
        assertThat(requests("POST", bulkPath(list.id()))).extracting(r -> r.status()).containsExactly(429, 429, 201);
    }

    @Test
    void theDeprecatedV3ReadsWhatV4Wrote() {
        ConcurList list = newList("Legacy view");
        lists.bulkCreate(list.id(), List.of(new BulkCreate("L1", "Level one", null),
                new BulkCreate("L2", "Level two", "L1")), o -> { });
        assertThat(lists.v3().allItems(list.id()).map(i -> i.longCode())).containsExactlyInAnyOrder("L1", "L1-L2");
        assertThat(lists.v3().allLists().map(l -> l.name())).contains("Legacy view");
    }

    @Test
    void v3PagesByNextPageOnTheOwnGeolocation() {
        ConcurList list = newList("Legacy paged");
        List<BulkCreate> parts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            parts.add(new BulkCreate("V" + i, "Value " + i, null));
        }
        assertThat(lists.bulkCreate(list.id(), parts, o -> { }).succeeded()).isEqualTo(150);
        sandbox.clearRequests();
        assertThat(lists.v3().allItems(list.id()).map(i -> i.code()))
                .containsExactlyInAnyOrderElementsOf(parts.stream().map(BulkCreate::shortCode).toList());
        assertThat(sandbox.requests()).filteredOn(r -> r.path().startsWith("/api/v3.0/common/listitems"))
                .hasSize(2).allSatisfy(r -> assertThat(r.geo()).isEqualTo("us"));
    }

    @Test
    void aSingleItemCallRefusedByConcurIsPermanentWithItsErrorId() {
        ConcurList list = newList("Duplicates");
        lists.createItem(NewItem.topLevel(list.id(), "D1", "One"));
        assertThatThrownBy(() -> lists.createItem(NewItem.topLevel(list.id(), "D1", "One again")))
                .isInstanceOfSatisfying(ConcurException.Permanent.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isNotBlank();
                });
    }

    @Test
    void onStandardEditionTheCustomersListsAreFoundByNameAndMaintained() {
        ListsClient standard = concur(managerFor(SandboxDemo.STANDARD_COMPANY)).lists();
        List<ConcurList> existing = standard.allLists().filter(l -> !l.deleted()).toList();
        assertThat(existing).isNotEmpty();
        ConcurList target = existing.get(0);
        assertThat(standard.listByName(target.name())).map(ConcurList::id).contains(target.id());
        BulkOutcome out = standard.bulkCreate(target.id(), List.of(new BulkCreate("STDNEW1", "New on Standard",
                null)), o -> { });
        assertThat(out.parts()).singleElement().satisfies(p -> assertThat(p.ok()).as(p.toString()).isTrue());
        assertThat(standard.allItems(target.id()).map(ListItem::code)).contains("STDNEW1");
    }

    @Test
    void aConnectionResetMidRunIsRetriedAndEarlierCallsStayDelivered() {
        ConcurList list = newList("Reset");
        List<BulkCreate> parts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            parts.add(new BulkCreate("R" + i, "Reset " + i, null));
        }
        sandbox.faults().add(FaultRule.on("POST", "/list/v4/lists/*/bulk").reset().times(1));
        List<BulkOutcome> delivered = new ArrayList<>();
        BulkOutcome out = lists.bulkCreate(list.id(), parts, delivered::add);
        assertThat(out.succeeded()).isEqualTo(300);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
        assertThat(delivered).extracting(o -> o.parts().size()).containsExactly(250, 50);

        sandbox.faults().add(FaultRule.on("PATCH", "/list/v4/lists/*/bulk").status(503));
        List<BulkOutcome> updates = new ArrayList<>();
        assertThatThrownBy(() -> lists.bulkUpdate(list.id(), List.of(BulkUpdate.rename("R1", "one")), updates::add))
                .isInstanceOf(ConcurException.Retriable.class);
        assertThat(updates).isEmpty();
    }
}

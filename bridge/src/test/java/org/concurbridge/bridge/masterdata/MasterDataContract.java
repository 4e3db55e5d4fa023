package org.concurbridge.bridge.masterdata;

import org.concurbridge.bridge.connect.ConcurClients;
import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.jobs.JobOutcome;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.jobs.ProgressListener;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMappings;
import org.concurbridge.bridge.masterdata.store.ItemState;
import org.concurbridge.bridge.masterdata.store.MasterDataStore;
import org.concurbridge.bridge.masterdata.store.TargetRow;
import org.concurbridge.bridge.masterdata.sync.ListSyncJob;
import org.concurbridge.bridge.masterdata.sync.MasterDataService;
import org.concurbridge.bridge.masterdata.sync.MasterDataSync;
import org.concurbridge.bridge.masterdata.sync.SyncReport;
import org.concurbridge.bridge.masterdata.sync.VendorSyncJob;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.Secret;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.RecordedRequest;
import org.concurbridge.sandbox.SandboxProduct;
import org.concurbridge.sandbox.faults.FaultRule;
import org.concurbridge.sandbox.lists.SandboxListItem;
import org.concurbridge.sandbox.lists.SeedList;
import org.concurbridge.sandbox.vendors.StoredVendor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Master data end to end: the ERP's SQL interface tables (erp.cost_object, erp.supplier) → the real engines and store →
 * the real Concur client over loopback HTTP → the Concur sandbox (List v4 / Bulk v4, Vendor v3.1). Each test connects
 * a company of its own through Quick Connect, so lists, vendors and checkpoints never mix. Subclasses choose the
 * database (H2, PostgreSQL).
 */
abstract class MasterDataContract {
    static final SandboxForTests concur = new SandboxForTests();
    static final AtomicInteger COMPANIES = new AtomicInteger();
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Autowired
    MasterDataSync sync;
    @Autowired
    MasterDataStore store;
    @Autowired
    MasterDataMappings mappings;
    @Autowired
    MasterDataService service;
    @Autowired
    ListSyncJob listJob;
    @Autowired
    VendorSyncJob vendorJob;
    @Autowired
    QuickConnectService quickConnect;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    ConcurClients clients;
    @Autowired
    JdbcClient jdbc;

    /** ERP change times: one second apart, all in the past (beyond the adapter's settle window), increasing. */
    private Instant erpTime = Instant.now().minus(Duration.ofHours(2));

    ConcurSandbox sb() {
        return concur.sandbox();
    }

    @BeforeEach
    void cleanErp() {
        jdbc.sql("delete from erp.cost_object").update();
        jdbc.sql("delete from erp.supplier").update();
        sb().clearRequests();
    }

    @AfterEach
    void clearFaults() {
        sb().faults().clear();
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    /** A new Concur company (Professional unless told), connected through Quick Connect. */
    String company(String marketingName, Set<SandboxProduct> products) {
        String uuid = UUID.randomUUID().toString();
        sb().addCompany(uuid, "MD test " + COMPANIES.incrementAndGet(), marketingName, "us", products);
        quickConnect.connect(uuid, Secret.of(sb().companyRequestToken(uuid)), "admin-user");
        return uuid;
    }

    String professional() {
        return company("CTE", SandboxProduct.defaults());
    }

    void node(String dimension, String code, String name, String parent, boolean active) {
        erpTime = erpTime.plusSeconds(1);
        int n = jdbc.sql("update erp.cost_object set name = ?, parent_code = ?, active = ?, updated_at = ?"
                        + " where dimension = ? and code = ?")
                .params(name, parent, active, OffsetDateTime.ofInstant(erpTime, ZoneOffset.UTC), dimension, code).update();
        if (n == 0) {
            jdbc.sql("insert into erp.cost_object (dimension, code, name, parent_code, active, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(dimension, code, name, parent, active, OffsetDateTime.ofInstant(erpTime, ZoneOffset.UTC))
                    .update();
        }
    }

    void node(String dimension, String code, String name, String parent) {
        node(dimension, code, name, parent, true);
    }

    void supplier(String code, String name, String postalCode, String currency, boolean active) {
        erpTime = erpTime.plusSeconds(1);
        jdbc.sql("delete from erp.supplier where code = ?").param(code).update();
        jdbc.sql("insert into erp.supplier (code, name, tax_id, payment_terms, currency, street, city, postal_code,"
                        + " region, country, bank_account_number, bank_bic, bank_name, active, updated_at)"
                        + " values (?, ?, ?, 'NET30', ?, 'Hauptstr. 1', 'Berlin', ?, 'BE', 'DE', ?, ?, ?, ?, ?)")
                .params(code, name, "DE" + Math.abs(code.hashCode()), currency, postalCode,
                        "DE89370400440532013000", "COBADEFFXXX", "Test Bank", active,
                        OffsetDateTime.ofInstant(erpTime, ZoneOffset.UTC)).update();
    }

    void mapping(String company, String yaml) {
        mappings.set(company, yaml, "test");
    }

    SyncReport lists(String company) {
        return sync.lists(company, false, false, ProgressListener.NONE);
    }

    SyncReport vendors(String company) {
        return sync.vendors(company, false, false, ProgressListener.NONE);
    }

    Map<String, String> concurItems(String company, String list) {
        String id = sb().lists().listByName(company, list).orElseThrow().id();
        return sb().lists().liveItems(id).stream()
                .collect(Collectors.toMap(SandboxListItem::code, SandboxListItem::value));
    }

    long writes(String pathPart) {
        return sb().requests().stream().filter(r -> WRITES.contains(r.method()) && r.path().contains(pathPart)).count();
    }

    List<RecordedRequest> calls(String method, String pathPart) {
        return sb().requests().stream().filter(r -> r.method().equals(method) && r.path().contains(pathPart)).toList();
    }

    static SyncReport.Target target(SyncReport r, String target) {
        return r.targets().stream().filter(t -> t.target().equals(target)).findFirst().orElseThrow();
    }

    static final String CC = """
            lists:
              - name: Cost Centers
                dimension: COST_CENTER
                create: true
            """;

    // ------------------------------------------------------------------ lists

    @Test
    void firstLoadAdoptsTheCustomersItemsCreatesTheRestParentsFirstAndANothingChangedResyncMakesNoWriteCall() {
        String company = professional();
        String listId = sb().lists().seedList(company, "Cost Centers", 3).id();
        sb().lists().seedItem(listId, null, "CC1000", "Company");
        sb().lists().seedItem(listId, "CC1000", "CC1100", "Old name of sales");
        sb().lists().seedItem(listId, "CC1000", "CC1800", "Travel pool");
        node("COST_CENTER", "CC1110", "Sales - DACH", "CC1100"); // a child changed before its parent
        node("COST_CENTER", "CC1000", "Company", null);
        node("COST_CENTER", "CC1100", "Sales", "CC1000");
        node("COST_CENTER", "CC1200", "IT", "CC1000");
        mapping(company, CC);

        SyncReport first = lists(company);

        assertThat(first.ok()).as(first.message()).isTrue();
        SyncReport.Target t = target(first, "list:Cost Centers");
        assertThat(t.counts().created()).isEqualTo(2);
        assertThat(t.counts().updated()).isEqualTo(1);
        assertThat(t.concurOnly()).isEqualTo(1);
        assertThat(concurItems(company, "Cost Centers")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CC1000", "Company", "CC1000-CC1100", "Sales", "CC1000-CC1800", "Travel pool",
                "CC1000-CC1200", "IT", "CC1000-CC1100-CC1110", "Sales \u2013 DACH"));
        assertThat(calls("POST", "/list/v4/lists")).as("never a list create: the customer's list is found by name")
                .noneMatch(r -> r.path().endsWith("/list/v4/lists"));
        assertThat(service.concurOnly(company, "list:Cost Centers", null, 10)).extracting(MasterDataService.ItemView::itemKey)
                .containsExactly("CC1000-CC1800");

        sb().clearRequests();
        SyncReport again = lists(company);
        assertThat(again.ok()).isTrue();
        assertThat(writes("/list/v4")).as("write calls of a resync with nothing changed").isZero();
        assertThat(target(again, "list:Cost Centers").counts().writes()).isZero();
    }

    @Test
    void badCodesNamesAndTreesAreNamedWhileTheRestOfTheListSyncs() {
        String company = professional();
        node("PROJECT", "P-100", "Hyphenated code, replaced", null);
        node("PROJECT", "P-100-X", "Child of P-100", "P-100");
        node("PROJECT", "P".repeat(33), "Code over 32", null);
        node("PROJECT", "P200", "N".repeat(65), null);
        node("PROJECT", "P300", "Parent missing in the ERP", "NOPE");
        node("PROJECT", "P_100", "Same Concur code as P-100", null);
        mapping(company, "lists:\n  - name: Projects MD\n    dimension: PROJECT\n    create: true\n");

        SyncReport r = lists(company);

        assertThat(concurItems(company, "Projects MD")).containsOnlyKeys("P_100", "P_100-P_100_X");
        SyncReport.Target t = target(r, "list:Projects MD");
        assertThat(t.problems()).isEqualTo(4);
        assertThat(service.problems(company, "list:Projects MD", null, 10))
                .extracting(p -> p.erpKey() + " " + p.kind() + " " + p.message())
                .anySatisfy(s -> assertThat(s).contains("PROJECT:" + "P".repeat(33) + " INVALID").contains("Concur allows 32"))
                .anySatisfy(s -> assertThat(s).contains("PROJECT:P200 INVALID").contains("Concur allows 64"))
                .anySatisfy(s -> assertThat(s).contains("PROJECT:P300 NO_PARENT").contains("PROJECT:NOPE"))
                .anySatisfy(s -> assertThat(s).contains("DUPLICATE").contains("already the code of ERP record"));
    }

    @Test
    void aPartConcurRefusesInA206KeepsConcursMessageTheRestOfTheCallIsAcceptedAndItsChildWaits() {
        String company = professional();
        node("COST_CENTER", "A", "A", null);
        node("COST_CENTER", "B", "B", "A");
        node("COST_CENTER", "Y", "Y", "A");
        mapping(company, CC);
        lists(company);
        // someone deletes A-B in Concur; the ERP then adds children under B and Y
        String listId = sb().lists().listByName(company, "Cost Centers").orElseThrow().id();
        clients.client(company).lists().bulkUpdate(listId,
                List.of(org.concurbridge.client.lists.BulkUpdate.delete("A-B")), o -> { });
        node("COST_CENTER", "C", "Under the deleted one", "B");
        node("COST_CENTER", "Z", "Under Y", "Y");
        node("COST_CENTER", "D", "Below the refused one", "C");
        sb().clearRequests();

        SyncReport r = lists(company);

        assertThat(sb().requests()).anySatisfy(x -> assertThat(x.path()).endsWith("/bulk"));
        assertThat(concurItems(company, "Cost Centers")).containsOnlyKeys("A", "A-Y", "A-Y-Z");
        var c = store.item(company, "list:Cost Centers", "A-B-C").orElseThrow();
        assertThat(c.state).isEqualTo(ItemState.FAILED);
        assertThat(c.errorId).isEqualTo("item.parent.deleted");
        assertThat(c.errorMessage).isNotBlank();
        assertThat(service.failed(company, "list:Cost Centers", null, 10)).extracting(MasterDataService.ItemView::itemKey)
                .containsExactly("A-B-C", "A-B-C-D");
        var d = store.item(company, "list:Cost Centers", "A-B-C-D").orElseThrow();
        assertThat(d.errorMessage).contains("parent A-B-C is not in SAP Concur");
        assertThat(target(r, "list:Cost Centers").counts().created()).isEqualTo(1);
        assertThat(target(r, "list:Cost Centers").counts().failed()).isEqualTo(2);
    }

    @Test
    void onStandardTheBridgeNeverCreatesAListNamesTheFixAndMaintainsTheListTheCustomerMade() {
        String company = company("Standard Edition", SandboxProduct.defaults());
        node("COST_CENTER", "CC1000", "Company", null);
        node("COST_CENTER", "CC1100", "Sales", "CC1000");
        mapping(company, CC);

        SyncReport missing = lists(company);
        assertThat(missing.ok()).isFalse();
        assertThat(target(missing, "list:Cost Centers").note()).contains("never creates one").contains("List Management");
        assertThat(calls("POST", "/list/v4/lists")).noneMatch(x -> x.path().endsWith("/list/v4/lists"));
        JobResult job = listJob.run(company);
        assertThat(job.outcome()).isEqualTo(JobOutcome.FAILED);

        String id = sb().lists().seedList(company, "Cost Centers", 2).id(); // the customer makes it in the UI
        sb().lists().seedItem(id, null, "CC1000", "Company");
        SyncReport made = lists(company);
        assertThat(made.ok()).as(made.message()).isTrue();
        assertThat(concurItems(company, "Cost Centers")).containsOnlyKeys("CC1000", "CC1000-CC1100");
        assertThat(service.target(company, "list:Cost Centers").availability()).isEqualTo(TargetRow.Availability.AVAILABLE);
    }

    @Test
    void aListManagedByAnotherAppIsNamedAndItsPlanKept() {
        String company = professional();
        sb().lists().seedList(company, SeedList.of("Managed Elsewhere", 1).managedBy("appId:11111111-2222-3333-4444-555555555555"));
        node("COST_CENTER", "CC1000", "Company", null);
        mapping(company, "lists:\n  - name: Managed Elsewhere\n    dimension: COST_CENTER\n");

        SyncReport r = lists(company);

        assertThat(r.ok()).isFalse();
        assertThat(target(r, "list:Managed Elsewhere").note()).contains("managed by another application");
        assertThat(store.item(company, "list:Managed Elsewhere", "CC1000").orElseThrow().state).isEqualTo(ItemState.PENDING);
    }

    @Test
    void anOwnedListIsClaimedAndWhatOnlyConcurHasIsRemoved() {
        String company = professional();
        String id = sb().lists().seedList(company, "Owned", 1).id();
        sb().lists().seedItem(id, null, "HANDMADE", "Made by hand");
        node("COST_CENTER", "CC1000", "Company", null);
        mapping(company, "lists:\n  - name: Owned\n    dimension: COST_CENTER\n    owned: true\n");

        SyncReport r = lists(company);

        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(concurItems(company, "Owned")).containsOnlyKeys("CC1000");
        assertThat(sb().lists().listByName(company, "Owned").orElseThrow().managedBy()).isNotNull();
    }

    @Test
    void inactiveItemsAreRemovedAndRowsDeletedInTheErpAreFoundByAFullCompare() {
        String company = professional();
        node("COST_CENTER", "CC1000", "Company", null);
        node("COST_CENTER", "CC1100", "Sales", "CC1000");
        node("COST_CENTER", "CC1200", "IT", "CC1000");
        mapping(company, CC);
        lists(company);

        node("COST_CENTER", "CC1100", "Sales", "CC1000", false);
        assertThat(target(lists(company), "list:Cost Centers").counts().deleted()).isEqualTo(1);
        jdbc.sql("delete from erp.cost_object where code = 'CC1200'").update();
        SyncReport full = sync.lists(company, false, true, ProgressListener.NONE);
        assertThat(target(full, "list:Cost Centers").counts().deleted()).isEqualTo(1);
        assertThat(concurItems(company, "Cost Centers")).containsOnlyKeys("CC1000");
    }

    @Test
    void aValidationRefusalOfAWholeBulkCallIsRetriedItemByItemAndA404ListGoneIsNamedThenRecovered() {
        String company = professional();
        node("COST_CENTER", "CC1000", "Company", null);
        node("COST_CENTER", "CC2000", "Other", null);
        mapping(company, CC);
        sb().faults().add(FaultRule.on("POST", "/list/v4/lists/*/bulk").status(400).times(1)
                .body("{\"timestamp\":\"2026-01-01T00:00:00Z\",\"httpStatus\":\"400 - Bad Request\",\"error\":{\"id\":"
                        + "\"request.validation.error\",\"message\":\"Validation failed\"},\"path\":\"/list/v4\","
                        + "\"validationErrors\":[{\"source\":\"requests\",\"message\":\"invalid\"}]}"));

        SyncReport r = lists(company);
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(concurItems(company, "Cost Centers")).containsOnlyKeys("CC1000", "CC2000");
        assertThat(calls("POST", "/list/v4/items")).hasSize(2);

        node("COST_CENTER", "CC3000", "Third", null);
        sb().faults().add(FaultRule.on("POST", "/list/v4/lists/*/bulk").status(404).times(1)
                .body("{\"timestamp\":\"2026-01-01T00:00:00Z\",\"httpStatus\":\"404 - Not Found\",\"error\":{\"id\":"
                        + "\"list.not.found\",\"message\":\"List not found\"},\"path\":\"/list/v4\"}"));
        SyncReport gone = lists(company);
        assertThat(gone.ok()).isFalse();
        assertThat(target(gone, "list:Cost Centers").note()).contains("is gone from SAP Concur");
        SyncReport back = lists(company);
        assertThat(back.ok()).as(back.message()).isTrue();
        assertThat(concurItems(company, "Cost Centers")).containsOnlyKeys("CC1000", "CC2000", "CC3000");
    }

    @Test
    void a429StormBeyondTheRetriesEndsTheRunAndTheNextRunFinishesWithNothingLost() {
        String company = professional();
        for (int i = 0; i < 30; i++) {
            node("COST_CENTER", "S" + i, "Storm " + i, null);
        }
        mapping(company, CC);
        sb().faults().add(FaultRule.on("POST", "/list/v4/lists/*/bulk").status(429).retryAfter(Duration.ofSeconds(1))
                .times(4));

        assertThatThrownBy(() -> lists(company)).isInstanceOf(ConcurException.Retriable.class);
        assertThat(store.checkpoint(company, "cost-objects")).isEmpty();
        SyncReport r = lists(company);
        assertThat(r.ok()).isTrue();
        assertThat(concurItems(company, "Cost Centers")).hasSize(30);
    }

    @Test
    void anAnswerLostAfterConcurAppliedTheBulkCallIsAdoptedWithoutDuplicates() {
        String company = professional();
        for (int i = 0; i < 300; i++) {
            node("COST_CENTER", "R" + i, "Reset " + i, null);
        }
        mapping(company, CC);
        // the first bulk call is applied, then its answer is cut (the client retries: Concur answers duplicates)
        sb().faults().add(FaultRule.on("POST", "/list/v4/lists/*/bulk").malformed().times(1));
        sb().faults().add(FaultRule.on("PATCH", "/list/v4/lists/*/bulk").reset().times(1));

        SyncReport r;
        try {
            r = lists(company);
        } catch (ConcurException.Retriable e) {
            r = lists(company);
        }
        assertThat(r.ok()).as(r.message()).isTrue();
        List<SandboxListItem> items = sb().lists().liveItems(sb().lists().listByName(company, "Cost Centers").orElseThrow().id());
        assertThat(items).hasSize(300);
        assertThat(items.stream().map(SandboxListItem::code).distinct()).hasSize(300);
        assertThat(store.countByState(company, "list:Cost Centers")).containsEntry(ItemState.SYNCED, 300);
        assertThat(calls("POST", "/bulk").stream().mapToInt(x -> 1).sum()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aConnectedListTakesEachLevelFromItsOwnDimension() {
        String company = professional();
        node("LEGAL", "DE01", "Germany", null);
        node("COST_CENTER", "CC1", "Sales", "DE01");
        node("PROJECT", "PX1", "Rollout", "CC1");
        mapping(company, "lists:\n  - name: Company Projects\n    levels: [LEGAL, COST_CENTER, PROJECT]\n    create: true\n");

        lists(company);

        assertThat(concurItems(company, "Company Projects")).containsOnlyKeys("DE01", "DE01-CC1", "DE01-CC1-PX1");
    }

    // ------------------------------------------------------------------ vendors

    @Test
    void vendorsAreAdoptedByCodeCreatedInBatchesAndANothingChangedResyncMakesNoWriteCall() {
        String company = professional();
        sb().vendors().seed(company, Map.of("VendorCode", "V1", "AddressCode", "10115", "VendorName", "Old name",
                "CountryCode", "DE", "CurrencyCode", "EUR"));
        sb().vendors().seed(company, Map.of("VendorCode", "ONLYCONCUR", "AddressCode", "MAIN", "VendorName", "Only here",
                "CountryCode", "DE", "CurrencyCode", "EUR"));
        for (int i = 1; i <= 5; i++) {
            supplier("V" + i, "Vendor " + i, "1011" + (4 + i), "EUR", true);
        }
        jdbc.sql("update erp.supplier set postal_code = '10115' where code = 'V1'").update();

        SyncReport r = vendors(company);

        assertThat(r.ok()).as(r.message()).isTrue();
        SyncReport.Target t = target(r, "vendors");
        assertThat(t.counts().created()).isEqualTo(4);
        assertThat(t.counts().updated()).isEqualTo(1);
        assertThat(t.concurOnly()).isEqualTo(1);
        assertThat(sb().vendors().find(company, "V1", "10115").orElseThrow().field("VendorName")).isEqualTo("Vendor 1");
        StoredVendor v3 = sb().vendors().find(company, "V3", "10117").orElseThrow();
        assertThat(v3.field("PaymentTerms")).isEqualTo("30");
        assertThat(v3.banks()).hasSize(1);
        assertThat(sb().vendors().count(company)).isEqualTo(6);

        sb().clearRequests();
        vendors(company);
        assertThat(writes("/invoice/vendor")).isZero();
    }

    @Test
    void aVendorWithoutAddressCodeIsNamedAndA200WithAFailedStatusKeepsConcursMessage() {
        String company = professional();
        supplier("NOADDR", "No postal code", null, "EUR", true);
        supplier("BADCUR", "Unknown currency", "20000", "ZZZ", true);
        supplier("GOOD", "Fine", "30000", "EUR", true);

        SyncReport r = vendors(company);

        assertThat(sb().vendors().find(company, "GOOD", "30000")).isPresent();
        assertThat(service.problems(company, "vendors", null, 10)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("has no address code"));
        var failed = service.failed(company, "vendors", null, 10);
        assertThat(failed).singleElement().satisfies(i -> {
            assertThat(i.itemKey()).isEqualTo("BADCUR/20000");
            assertThat(i.errorMessage()).containsIgnoringCase("currency");
        });
        assertThat(target(r, "vendors").counts().failed()).isEqualTo(1);
    }

    @Test
    void anInactiveSupplierIsDeletedFromConcur() {
        String company = professional();
        supplier("GONE", "Going", "40000", "EUR", true);
        vendors(company);
        assertThat(sb().vendors().find(company, "GONE", "40000")).isPresent();
        supplier("GONE", "Going", "40000", "EUR", false);
        vendors(company);
        assertThat(sb().vendors().find(company, "GONE", "40000")).isEmpty();
    }

    @Test
    void aCompanyWithoutInvoiceIsNotAvailableSkippedAndNotAskedAgainEveryRun() {
        String company = company("CTE", EnumSet.of(SandboxProduct.EXPENSE));
        supplier("S1", "One", "10000", "EUR", true);

        JobResult first = vendorJob.run(company);
        assertThat(first.outcome()).as(first.message()).isEqualTo(JobOutcome.SKIPPED);
        assertThat(first.message()).contains("not available");
        assertThat(service.target(company, "vendors").availability()).isEqualTo(TargetRow.Availability.NOT_AVAILABLE);

        sb().clearRequests();
        JobResult second = vendorJob.run(company);
        assertThat(second.outcome()).isEqualTo(JobOutcome.SKIPPED);
        assertThat(calls("GET", "/invoice/vendors")).isEmpty();
        // its lists still sync
        mapping(company, CC);
        node("COST_CENTER", "CC1000", "Company", null);
        assertThat(lists(company).ok()).isTrue();
    }
}

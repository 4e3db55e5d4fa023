package org.concurbridge.bridge.masterdata;

import org.concurbridge.bridge.erp.CostObjectNode;
import org.concurbridge.bridge.jobs.ProgressListener;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMapping;
import org.concurbridge.bridge.masterdata.store.ItemState;
import org.concurbridge.bridge.masterdata.store.MasterDataStore;
import org.concurbridge.bridge.masterdata.sync.ListSync;
import org.concurbridge.bridge.masterdata.sync.SyncReport;
import org.concurbridge.bridge.masterdata.sync.SyncSettings;
import org.concurbridge.bridge.testsupport.MutableClock;
import org.concurbridge.bridge.testsupport.TestDatabases;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.Edition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The list engine against an in-memory Concur and ERP, on a real H2 store. */
class ListSyncTest {
    static final String COMPANY = "c0ffee00-0000-0000-0000-000000000001";
    static final String TREE = """
            lists:
              - name: Cost Centers
                dimension: COST_CENTER
                create: true
            """;

    final MasterDataStore store = new MasterDataStore(TestDatabases.h2("md_lists"));
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final FakeErp erp = new FakeErp();
    final FakeConcurLists concur = new FakeConcurLists();
    Edition edition = Edition.PROFESSIONAL;
    SyncSettings settings = new SyncSettings(7, Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofDays(1));

    SyncReport run(String mapping) {
        return new ListSync(COMPANY, edition, MasterDataMapping.parse(mapping, "test"), erp, concur, store, clock,
                settings, ProgressListener.NONE).run(false, false);
    }

    SyncReport.Target target(SyncReport r) {
        return r.targets().get(0);
    }

    @Test
    void firstLoadCreatesTheListAndItsTreeParentsBeforeChildrenThenANothingChangedResyncWritesNothing() {
        erp.put("COST_CENTER", "CC1110", "Sales - DACH", "CC1100"); // child before its parent in the stream
        erp.put("COST_CENTER", "CC1000", "Company", null);
        erp.put("COST_CENTER", "CC1100", "Sales", "CC1000");
        for (int i = 0; i < 20; i++) {
            erp.put("COST_CENTER", "CC2" + i, "Dept " + i, "CC1000");
        }
        SyncReport first = run(TREE);

        assertThat(first.ok()).as(first.message()).isTrue();
        assertThat(target(first).counts().created()).isEqualTo(23);
        assertThat(concur.itemsOf("Cost Centers")).containsKeys("CC1000", "CC1000-CC1100", "CC1000-CC1100-CC1110",
                "CC1000-CC25");
        assertThat(concur.itemsOf("Cost Centers").get("CC1000-CC1100-CC1110").value()).isEqualTo("Sales \u2013 DACH");
        assertThat(target(first).plan()).isEmpty();

        int writes = concur.writeCalls;
        SyncReport again = run(TREE);
        assertThat(concur.writeCalls).isEqualTo(writes);
        assertThat(target(again).counts().writes()).isZero();
        assertThat(target(again).counts().unchanged()).isZero(); // nothing read: the checkpoint is past everything
    }

    @Test
    void firstLoadAdoptsWhatConcurHasByCodeWithoutDuplicatesAndRecordsWhatOnlyConcurHas() {
        ListTarget.RemoteList list = concur.seedList("Cost Centers", null);
        concur.seedItem(list.id(), "CC1000", "Company");
        concur.seedItem(list.id(), "CC1000-CC1100", "Old sales name");
        concur.seedItem(list.id(), "LEGACY", "Made by hand in Concur");
        erp.put("COST_CENTER", "CC1000", "Company", null);
        erp.put("COST_CENTER", "CC1100", "Sales", "CC1000");
        erp.put("COST_CENTER", "CC1200", "IT", "CC1000");

        SyncReport r = run(TREE.replace("create: true", "create: false"));

        assertThat(target(r).counts().created()).isEqualTo(1);
        assertThat(target(r).counts().updated()).isEqualTo(1);
        assertThat(concur.bulkCreateCalls).isEqualTo(1);
        assertThat(concur.itemsOf("Cost Centers").get("CC1000-CC1100").value()).isEqualTo("Sales");
        assertThat(concur.itemsOf("Cost Centers")).containsKey("LEGACY"); // not owned: never deleted
        assertThat(target(r).concurOnly()).isEqualTo(1);
        assertThat(store.item(COMPANY, "list:Cost Centers", "LEGACY").orElseThrow().state)
                .isEqualTo(ItemState.CONCUR_ONLY);
    }

    @Test
    void anOwnedListIsClaimedAndItemsOnlyConcurHasAreDeleted() {
        ListTarget.RemoteList list = concur.seedList("Cost Centers", null);
        concur.seedItem(list.id(), "LEGACY", "Made by hand in Concur");
        erp.put("COST_CENTER", "CC1000", "Company", null);

        SyncReport r = run(TREE + "    owned: true\n");

        assertThat(concur.findList("Cost Centers").orElseThrow().managedBy()).isEqualTo("appId:me");
        assertThat(concur.itemsOf("Cost Centers")).containsOnlyKeys("CC1000");
        assertThat(target(r).counts().deleted()).isEqualTo(1);
    }

    @Test
    void badCodesAndNamesAreNamedWhileTheRestSyncs() {
        erp.put("COST_CENTER", "CC1000", "Company", null);
        erp.put("COST_CENTER", "P-100", "Hyphenated code", null);
        erp.put("COST_CENTER", "X".repeat(33), "Too long a code", null);
        erp.put("COST_CENTER", "CC1001", "N".repeat(65), null);
        erp.put("COST_CENTER", "CC1002", "Child of a bad parent", "X".repeat(33));
        erp.put("COST_CENTER", "P_100", "Same code as P-100 once replaced", null);

        SyncReport r = run(TREE);
        assertThat(concur.itemsOf("Cost Centers")).containsOnlyKeys("CC1000", "P_100");
        assertThat(target(r).problems()).isEqualTo(4);
        var problems = store.problems(COMPANY, "list:Cost Centers", null, null, 10);
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("has 33 characters; Concur allows 32"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("has 65 characters; Concur allows 64"));
        assertThat(problems).anySatisfy(p -> assertThat(p.erpKey()).isEqualTo("COST_CENTER:CC1002")
                .satisfies(k -> assertThat(p.kind()).isEqualTo("NO_PARENT")));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("already the code of ERP record"));
    }

    @Test
    void withoutAHyphenReplacementAHyphenatedCodeIsAProblem() {
        erp.put("COST_CENTER", "P-100", "Project", null);
        run(TREE + "codes:\n  hyphen: \"\"\n");
        assertThat(store.problems(COMPANY, "list:Cost Centers", null, null, 10).get(0).message())
                .contains("contains a hyphen");
    }

    @Test
    void inactiveItemsAreRemovedAndRowsDeletedInTheErpAreFoundByTheFullCompare() {
        erp.put("COST_CENTER", "CC1000", "Company", null);
        erp.put("COST_CENTER", "CC1100", "Sales", "CC1000");
        erp.put("COST_CENTER", "CC1200", "IT", "CC1000");
        run(TREE);
        erp.put(new CostObjectNode("COST_CENTER", "CC1100", "Sales", "CC1000", false));
        SyncReport r = run(TREE);
        assertThat(target(r).counts().deleted()).isEqualTo(1);
        assertThat(concur.itemsOf("Cost Centers")).doesNotContainKey("CC1000-CC1100");

        erp.remove("COST_CENTER", "CC1200");
        assertThat(target(run(TREE)).counts().deleted()).isZero(); // the stream cannot show it
        clock.advance(Duration.ofDays(1));
        int reads = erp.reads;
        SyncReport full = run(TREE);
        assertThat(target(full).counts().deleted()).isEqualTo(1);
        assertThat(concur.itemsOf("Cost Centers")).containsOnlyKeys("CC1000");
        assertThat(erp.reads - reads).isGreaterThan(0);
    }

    @Test
    void aFullReadThatFindsNoneOfTheListsRecordsDeletesNothingAndSaysSo() {
        erp.put("COST_CENTER", "CC1000", "Company", null);
        erp.put("COST_CENTER", "CC1100", "Sales", "CC1000");
        run(TREE);
        erp.remove("COST_CENTER", "CC1000");
        erp.remove("COST_CENTER", "CC1100");
        clock.advance(Duration.ofDays(1));
        SyncReport r = run(TREE);
        assertThat(concur.itemsOf("Cost Centers")).containsOnlyKeys("CC1000", "CC1000-CC1100");
        assertThat(target(r).note()).contains("nothing was deleted");
    }

    @Test
    void aResetAfterConcurAppliedABulkCallLosesNothingAndTheNextRunAdoptsInsteadOfDuplicating() {
        settings = new SyncSettings(500, Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(1));
        for (int i = 0; i < 600; i++) {
            erp.put("COST_CENTER", "C" + i, "Center " + i, null);
        }
        concur.failAfterApplying = 2; // the second bulk call is applied, then the connection resets
        assertThatThrownBy(() -> run(TREE)).isInstanceOf(ConcurException.Retriable.class);
        assertThat(concur.itemsOf("Cost Centers")).hasSize(500);

        SyncReport r = run(TREE);
        assertThat(r.ok()).isTrue();
        assertThat(concur.itemsOf("Cost Centers")).hasSize(600);
        assertThat(concur.maxPartsPerCall).isLessThanOrEqualTo(250);
        assertThat(store.countByState(COMPANY, "list:Cost Centers")).containsEntry(ItemState.SYNCED, 600);
        int writes = concur.writeCalls;
        run(TREE);
        assertThat(concur.writeCalls).isEqualTo(writes);
    }

    @Test
    void aChildWhoseParentFailedIsNotSentAndIsCreatedOnceTheParentIs() {
        erp.put("COST_CENTER", "CC1000", "Company", null);
        erp.put("COST_CENTER", "CC1100", "Sales", "CC1000");
        concur.refuse = code -> code.equals("CC1000");
        SyncReport r = run(TREE);
        assertThat(target(r).counts().failed()).isEqualTo(2);
        var child = store.item(COMPANY, "list:Cost Centers", "CC1000-CC1100").orElseThrow();
        assertThat(child.state).isEqualTo(ItemState.FAILED);
        assertThat(child.errorMessage).contains("parent CC1000 is not in SAP Concur").contains("refused by the test");

        concur.refuse = code -> false;
        clock.advance(Duration.ofHours(2));
        run(TREE);
        assertThat(concur.itemsOf("Cost Centers")).containsOnlyKeys("CC1000", "CC1000-CC1100");
    }

    @Test
    void onStandardAMissingListIsNeverCreatedAndTheFixIsNamedButAnExistingOneIsMaintained() {
        edition = Edition.STANDARD;
        erp.put("COST_CENTER", "CC1000", "Company", null);
        SyncReport r = run(TREE);
        assertThat(r.ok()).isFalse();
        assertThat(target(r).note()).contains("never creates one").contains("List Management");
        assertThat(concur.lists).isEmpty();

        concur.seedList("Cost Centers", null);
        SyncReport again = run(TREE);
        assertThat(again.ok()).as(again.message()).isTrue();
        assertThat(concur.itemsOf("Cost Centers")).containsOnlyKeys("CC1000");
    }

    @Test
    void aListManagedByAnotherAppIsNamedAndNothingIsLost() {
        concur.seedList("Cost Centers", "appId:someone-else");
        erp.put("COST_CENTER", "CC1000", "Company", null);
        SyncReport r = run(TREE);
        assertThat(r.ok()).isFalse();
        assertThat(target(r).note()).contains("managed by another application").contains("appId:someone-else");
        assertThat(store.item(COMPANY, "list:Cost Centers", "CC1000").orElseThrow().state).isEqualTo(ItemState.PENDING);
    }

    @Test
    void aListGoneFromConcurIsFoundAgainByNameAndRefilled() {
        erp.put("COST_CENTER", "CC1000", "Company", null);
        run(TREE);
        concur.lists.clear();
        erp.put("COST_CENTER", "CC1100", "Sales", "CC1000");
        SyncReport gone = run(TREE); // findList finds none: created again, reconciled, refilled in full
        assertThat(gone.ok()).as(gone.message()).isTrue();
        assertThat(concur.itemsOf("Cost Centers")).containsOnlyKeys("CC1000", "CC1000-CC1100");
    }

    @Test
    void theErpUnreachableEndsTheRunAndTheCheckpointStays() {
        erp.put("COST_CENTER", "CC1000", "Company", null);
        erp.unreachable = true;
        assertThatThrownBy(() -> run(TREE)).isInstanceOf(org.concurbridge.bridge.erp.ErpException.Retriable.class);
        assertThat(store.checkpoint(COMPANY, ListSync.STREAM)).isEmpty();
        erp.unreachable = false;
        run(TREE);
        assertThat(concur.itemsOf("Cost Centers")).containsOnlyKeys("CC1000");
    }

    @Test
    void aConnectedListTakesEachLevelFromItsOwnDimension() {
        erp.put("COMPANY", "DE01", "Germany", null);
        erp.put("COST_CENTER", "CC1", "Sales", "DE01");
        erp.put("PROJECT", "P1", "Rollout", "CC1");
        erp.put("PROJECT", "P2", "Orphan", null);
        SyncReport r = run("""
                lists:
                  - name: Company Projects
                    levels: [COMPANY, COST_CENTER, PROJECT]
                    create: true
                """);
        assertThat(concur.itemsOf("Company Projects")).containsOnlyKeys("DE01", "DE01-CC1", "DE01-CC1-P1");
        assertThat(target(r).problems()).isEqualTo(1);
    }
}

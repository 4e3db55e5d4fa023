package org.concurbridge.bridge.masterdata;

import org.concurbridge.bridge.erp.Supplier;
import org.concurbridge.bridge.jobs.ProgressListener;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMapping;
import org.concurbridge.bridge.masterdata.store.ItemState;
import org.concurbridge.bridge.masterdata.store.MasterDataStore;
import org.concurbridge.bridge.masterdata.store.TargetRow;
import org.concurbridge.bridge.masterdata.sync.SyncReport;
import org.concurbridge.bridge.masterdata.sync.SyncSettings;
import org.concurbridge.bridge.masterdata.sync.VendorSync;
import org.concurbridge.bridge.testsupport.MutableClock;
import org.concurbridge.bridge.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The vendor engine against an in-memory Concur vendor master and ERP, on a real H2 store. */
class VendorSyncTest {
    static final String COMPANY = "c0ffee00-0000-0000-0000-000000000002";

    final MasterDataStore store = new MasterDataStore(TestDatabases.h2("md_vendors"));
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final FakeErp erp = new FakeErp();
    final FakeConcurVendors concur = new FakeConcurVendors();
    String mapping = "vendors:\n  addressCode: postalCode\n";

    SyncReport run() {
        return new VendorSync(COMPANY, MasterDataMapping.parse(mapping, "test"), erp, concur, store, clock,
                new SyncSettings(2, Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(1)),
                ProgressListener.NONE).run(false, false);
    }

    static Supplier supplier(String code, String name, String postal, boolean active) {
        return new Supplier(code, name, "DE123", "NET30", "EUR",
                postal == null ? null : new Supplier.Address("Street 1", "Berlin", postal, "BE", "DE"),
                new Supplier.BankAccount("DE89370400440532013000", "COBADEFFXXX", "Bank"), active);
    }

    @Test
    void vendorsAreCreatedInBatchesAdoptedWhenConcurHasThemAndANothingChangedResyncWritesNothing() {
        for (int i = 0; i < 7; i++) {
            erp.put(supplier("S" + i, "Supplier " + i, "1000" + i, true));
        }
        MasterDataMapping m = MasterDataMapping.parse(mapping, "t");
        concur.vendors.put("S0/10000", m.vendor(supplier("S0", "Supplier 0", "10000", true)).vendor());
        concur.vendors.put("S1/10001", m.vendor(supplier("S1", "Old name", "10001", true)).vendor());

        SyncReport r = run();

        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(r.targets().get(0).counts().created()).isEqualTo(5);
        assertThat(r.targets().get(0).counts().updated()).isEqualTo(1);
        assertThat(concur.vendors).hasSize(7);
        assertThat(concur.vendors.get("S1/10001").name()).isEqualTo("Supplier 1");
        assertThat(concur.vendors.get("S3/10003").paymentTerms()).isEqualTo("30");
        assertThat(concur.vendors.get("S3/10003").paymentMethodType()).isEqualTo("ACH");
        int writes = concur.writeCalls;
        run();
        assertThat(concur.writeCalls).isEqualTo(writes);
    }

    @Test
    void aVendorWithoutAddressCodeIsNamedAndARefusedOneKeepsConcursMessageWhileTheRestSync() {
        erp.put(supplier("S1", "No address", null, true));
        erp.put(supplier("S2", "Refused", "20000", true));
        erp.put(supplier("S3", "Fine", "30000", true));
        concur.refuseCode = "S2";

        SyncReport r = run();

        assertThat(concur.vendors).containsOnlyKeys("S3/30000");
        assertThat(store.problems(COMPANY, "vendors", null, null, 10).get(0).message())
                .contains("has no address code");
        var failed = store.item(COMPANY, "vendors", "S2/20000").orElseThrow();
        assertThat(failed.state).isEqualTo(ItemState.FAILED);
        assertThat(failed.errorMessage).isEqualTo("The required field missing|CountryCode");
        assertThat(r.targets().get(0).counts().failed()).isEqualTo(1);
    }

    @Test
    void anInactiveSupplierIsDeletedAndOneDeletedInTheErpIsFoundByTheFullCompare() {
        erp.put(supplier("S1", "One", "10000", true));
        erp.put(supplier("S2", "Two", "20000", true));
        run();
        erp.put(supplier("S1", "One", "10000", false));
        run();
        assertThat(concur.vendors).containsOnlyKeys("S2/20000");
        erp.removeSupplier("S2");
        clock.advance(Duration.ofDays(1));
        run();
        assertThat(concur.vendors).isEmpty();
    }

    @Test
    void aCompanyWithoutInvoiceIsNotAvailableAndNotRetriedEveryRun() {
        concur.invoice = false;
        erp.put(supplier("S1", "One", "10000", true));
        SyncReport r = run();
        assertThat(r.ok()).isTrue();
        assertThat(r.targets().get(0).note()).startsWith("not available");
        assertThat(store.target(COMPANY, "vendors").availability()).isEqualTo(TargetRow.Availability.NOT_AVAILABLE);
        int reads = concur.reads;
        run();
        assertThat(concur.reads).isEqualTo(reads); // not asked again within the re-check interval
        concur.invoice = true;
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        SyncReport later = run();
        assertThat(later.targets().get(0).counts().created()).isEqualTo(1);
        assertThat(store.target(COMPANY, "vendors").availability()).isEqualTo(TargetRow.Availability.AVAILABLE);
    }
}

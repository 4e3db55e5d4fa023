package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.concurbridge.client.vendors.Vendor;
import org.concurbridge.client.vendors.VendorBank;
import org.concurbridge.client.vendors.VendorBatch;
import org.concurbridge.client.vendors.VendorPage;
import org.concurbridge.client.vendors.VendorQuery;
import org.concurbridge.client.vendors.VendorStatus;
import org.concurbridge.client.vendors.VendorsClient;
import org.concurbridge.sandbox.RecordedRequest;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.faults.FaultRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link VendorsClient} against the sandbox's Invoice Vendor v3.1 over loopback HTTP. */
class VendorsClientIT extends SandboxTestSupport {

    private static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;
    private static final String VENDORS = "/api/v3.1/invoice/vendors";

    private VendorsClient vendors;

    private static final java.util.concurrent.atomic.AtomicLong SEEDS =
            new java.util.concurrent.atomic.AtomicLong(9200L);

    /** Item, list and vendor ids are logged: a seed per test keeps them from equalling another test's tokens. */
    @Override
    long seed() {
        return SEEDS.incrementAndGet();
    }

    @BeforeEach
    void client() {
        vendors = concur(managerFor(COMPANY)).vendors();
    }

    private static Vendor vendor(String code, String address) {
        return Vendor.builder(code, address).vendorName("Vendor " + code).countryCode("US").currencyCode("USD")
                .city("Boston").paymentMethodType("CHECK").build();
    }

    private List<RecordedRequest> vendorCalls(String method) {
        return sandbox.requests().stream().filter(r -> r.method().equals(method) && r.path().contains(VENDORS))
                .toList();
    }

    @Test
    void searchesTheExistingVendorMasterAndPagesByNextPageOnTheOwnGeolocation() {
        List<Vendor> all = vendors.all(VendorQuery.all().withLimit(2)).toList();
        assertThat(all).extracting(Vendor::vendorCode).contains("S100", "S400", "GRANDHOTEL", "V-CLEAN-01");
        assertThat(all).hasSize(5);
        assertThat(vendorCalls("GET")).hasSize(3);
        Vendor umbrella = all.stream().filter(v -> v.vendorCode().equals("S400")).findFirst().orElseThrow();
        assertThat(umbrella.banks()).hasSize(1);
        assertThat(umbrella.countryCode()).isEqualTo("US");
        VendorPage page = vendors.search(VendorQuery.byCode("GRANDHOTEL"));
        assertThat(page.vendors()).extracting(Vendor::addressCode).containsExactlyInAnyOrder("CHICAGO", "NEWYORK");
        assertThat(page.totalCount()).isEqualTo(2);
        assertThat(page.nextPage()).isNull();
        assertThat(vendors.search(VendorQuery.all().and("vendorName", "Sparkle Office").and("searchType", "begins"))
                .vendors()).extracting(Vendor::vendorCode).containsExactly("V-CLEAN-01");
    }

    @Test
    void aTwoHundredWithFailuresGivesAStatusPerVendorInOrder() {
        Vendor noCountry = Vendor.builder("N1", "MAIN").vendorName("No country").currencyCode("USD").build();
        List<VendorBatch> delivered = new ArrayList<>();
        VendorBatch batch = vendors.create(List.of(vendor("N0", "MAIN"), noCountry, vendor("S100", "20095"),
                vendor("N3", "MAIN")), delivered::add);
        assertThat(batch.statuses()).extracting(VendorStatus::ok).containsExactly(true, false, false, true);
        assertThat(batch.statuses()).extracting(VendorStatus::recordNumber).containsExactly(1, 2, 3, 4);
        assertThat(batch.statuses().get(1).code()).isEqualTo(6000);
        assertThat(batch.statuses().get(1).message()).contains("CountryCode");
        assertThat(batch.statuses().get(2).code()).isEqualTo(6002);
        assertThat(delivered).singleElement().extracting(VendorBatch::failed).isEqualTo(2);
        assertThat(sandbox.vendors().find(COMPANY, "N3", "MAIN")).isPresent();
        assertThat(sandbox.vendors().find(COMPANY, "N1", "MAIN")).isEmpty();
    }

    @Test
    void createsInBatchesOfTheBatchSizeThenUpdatesAndDeletes() {
        List<Vendor> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(vendor("B" + i, "MAIN"));
        }
        List<Integer> sizes = new ArrayList<>();
        VendorBatch created = vendors.withBatchSize(10).create(many, b -> sizes.add(b.statuses().size()));
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(created.succeeded()).isEqualTo(25);
        assertThat(vendorCalls("POST")).hasSize(3);

        VendorBatch updated = vendors.update(List.of(vendor("B1", "MAIN").toBuilder().city("Denver").build(),
                vendor("NOPE", "MAIN")), b -> { });
        assertThat(updated.statuses()).extracting(VendorStatus::ok).containsExactly(true, false);
        assertThat(updated.statuses().get(1).code()).isEqualTo(6003);
        assertThat(vendors.search(VendorQuery.byCodeAndAddress("B1", "MAIN")).vendors()).singleElement()
                .extracting(Vendor::city).isEqualTo("Denver");

        assertThat(vendors.delete("B1", "MAIN").succeeded()).isEqualTo(1);
        VendorBatch again = vendors.delete("B1", "MAIN");
        assertThat(again.failed()).isEqualTo(1);
        assertThat(again.statuses().get(0).code()).isEqualTo(6003);
    }

    @Test
    void banksAndGroups() {
        VendorBatch banks = vendors.putBanks(List.of(
                VendorBank.of("S100", "20095", "DE89370400440532013000", "CHCK", "ACME Supplies Ltd", true)
                        .withRouting("COBADEFFXXX", "DE", "EUR"),
                VendorBank.of("NOPE", "X", "123", "CHCK", "Nobody", true)));
        assertThat(banks.statuses()).extracting(VendorStatus::ok).containsExactly(true, false);
        VendorBatch groups = vendors.putGroups("S100", "20095", List.of("Preferred", "Office supplies"));
        assertThat(groups.statuses()).extracting(VendorStatus::ok).containsExactly(true, true);
        assertThat(vendors.search(VendorQuery.byCodeAndAddress("S100", "20095")).vendors().get(0).groups())
                .contains("Preferred", "Office supplies");
        assertThat(vendors.deleteGroup("S100", "20095", "Preferred").succeeded()).isEqualTo(1);
        assertThat(vendors.deleteGroup("S100", "20095", "Preferred").failed()).isEqualTo(1);
    }

    @Test
    void aCompanyWithoutInvoiceIsNotAvailableNotAnAuthenticationFailure() {
        VendorsClient initech = concur(managerFor(SandboxDemo.UNKNOWN_EDITION_COMPANY)).vendors();
        assertThatThrownBy(() -> initech.search(VendorQuery.all()))
                .isInstanceOfSatisfying(ConcurException.Permanent.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(VendorsClient.notAvailable(e)).isTrue();
                });
    }

    @Test
    void rateLimitedCallsAreRetriedHonouringRetryAfter() {
        sandbox.faults().add(FaultRule.on("POST", VENDORS).status(429).retryAfter(Duration.ofSeconds(3)).times(1));
        VendorBatch batch = vendors.create(List.of(vendor("R1", "MAIN")), b -> { });
        assertThat(batch.succeeded()).isEqualTo(1);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
    }
}

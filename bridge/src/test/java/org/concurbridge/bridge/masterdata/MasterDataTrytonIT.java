package org.concurbridge.bridge.masterdata;

import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.erp.tryton.TrytonReferenceData;
import org.concurbridge.bridge.erp.tryton.TrytonServer;
import org.concurbridge.bridge.jobs.JobOutcome;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMappings;
import org.concurbridge.bridge.masterdata.sync.ListSyncJob;
import org.concurbridge.bridge.masterdata.sync.VendorSyncJob;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.client.Secret;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.SandboxProduct;
import org.concurbridge.sandbox.lists.SandboxListItem;
import org.concurbridge.sandbox.vendors.StoredVendor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Master data end to end from a real Tryton (trytond 6.0, the seeded test database): analytic accounts of the root
 * {@code COST_CENTER} → a Concur list whose levels are the analytic tree; supplier parties with their invoice address
 * and bank account → Invoice vendors; through the real {@code list-sync} and {@code vendor-sync} jobs, the store and
 * the Concur client over loopback to the sandbox. Then a rename and a closing in Tryton reach Concur on the next run,
 * and a run with nothing changed makes no write call.
 */
@SpringBootTest(properties = "bridge.jobs.enabled=false")
@DirtiesContext
class MasterDataTrytonIT {
    static final SandboxForTests concur = new SandboxForTests();
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    static TrytonReferenceData.Companies tryton;

    @Autowired
    ListSyncJob listJob;
    @Autowired
    VendorSyncJob vendorJob;
    @Autowired
    MasterDataMappings mappings;
    @Autowired
    QuickConnectService quickConnect;

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        Assumptions.assumeTrue(TrytonServer.installed(), "trytond is not installed (scripts/install-test-deps.sh)");
        concur.register(registry, "master-data-tryton");
        tryton = TrytonReferenceData.databaseWithFourCompanies("md_tryton");
        tryton.register(registry);
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    ConcurSandbox sb() {
        return concur.sandbox();
    }

    @Test
    void analyticTreeAndSuppliersReachConcurAChangeAndAClosingFollowAndANothingChangedRunWritesNothing() {
        String company = UUID.randomUUID().toString();
        sb().addCompany(company, "MD Tryton", "CTE", "us", SandboxProduct.defaults());
        quickConnect.connect(company, Secret.of(sb().companyRequestToken(company)), "admin-user");
        mappings.set(company, """
                lists:
                  - name: Tryton Cost Centers
                    dimension: COST_CENTER
                    create: true
                codes:
                  hyphen: "_"
                vendors:
                  addressCode: postalCode
                """, "test");
        // a third level below CC1100 (Sales)
        Map<String, Object> ctx = Map.of("company", tryton.id("CB01"));
        long root = analytic(ctx, "COST_CENTER");
        long sales = analytic(ctx, "CC1100");
        tryton.rpc().model("analytic_account.account", "create", ctx, List.of(Map.of("name", "Sales DACH",
                "code", "CC1110", "type", "normal", "company", tryton.id("CB01"), "state", "opened", "root", root,
                "parent", sales)));

        assertThat(run(listJob, company).outcome()).isEqualTo(JobOutcome.OK);
        assertThat(run(vendorJob, company).outcome()).isEqualTo(JobOutcome.OK);

        assertThat(items(company)).containsEntry("CC1000", "Company")
                .containsEntry("CC1000-CC1100", "Sales")
                .containsEntry("CC1000-CC1100-CC1110", "Sales DACH")
                .containsEntry("CC1000-CC1200", "IT")
                .containsEntry("CC1000-CC1300", "Finance")
                .doesNotContainKey("CC1000-CC1900"); // closed in Tryton
        StoredVendor acme = sb().vendors().find(company, "S100", "20095").orElseThrow();
        assertThat(acme.fields()).containsEntry("VendorName", "ACME Supplies Ltd").containsEntry("City", "Hamburg");
        assertThat(acme.banks()).as("the party's bank account").hasSize(1);
        assertThat(sb().vendors().find(company, "S200", "80802")).isPresent();
        assertThat(sb().vendors().find(company, "S300", "75002")).isPresent();

        // a rename and a closing of analytic accounts, a renamed and a deactivated supplier
        tryton.rpc().model("analytic_account.account", "write", ctx, List.of(analytic(ctx, "CC1200")),
                Map.of("name", "IT and Data"));
        tryton.rpc().model("analytic_account.account", "write", ctx, List.of(analytic(ctx, "CC1300")),
                Map.of("state", "closed"));
        tryton.rpc().model("party.party", "write", ctx, List.of(party(ctx, "S100")),
                Map.of("name", "ACME Supplies GmbH"));
        tryton.rpc().model("party.party", "write", ctx, List.of(party(ctx, "S300")), Map.of("active", false));
        sb().clearRequests();

        assertThat(run(listJob, company).outcome()).isEqualTo(JobOutcome.OK);
        assertThat(run(vendorJob, company).outcome()).isEqualTo(JobOutcome.OK);

        assertThat(items(company)).containsEntry("CC1000-CC1200", "IT and Data").doesNotContainKey("CC1000-CC1300")
                .containsEntry("CC1000-CC1100-CC1110", "Sales DACH");
        assertThat(sb().vendors().find(company, "S100", "20095").orElseThrow().fields())
                .containsEntry("VendorName", "ACME Supplies GmbH");
        assertThat(sb().vendors().find(company, "S300", "75002")).as("deleted: inactive in Tryton").isEmpty();
        assertThat(writes()).isPositive();

        sb().clearRequests();
        assertThat(run(listJob, company).outcome()).isEqualTo(JobOutcome.OK);
        assertThat(run(vendorJob, company).outcome()).isEqualTo(JobOutcome.OK);
        assertThat(writes()).as("write calls of a run with nothing changed in Tryton").isZero();
    }

    private static JobResult run(org.concurbridge.bridge.jobs.ConnectionJob job, String company) {
        JobResult r;
        try {
            r = job.run(company);
        } catch (Exception e) {
            throw new AssertionError(job.name() + " threw", e);
        }
        System.out.println("MasterDataTrytonIT " + job.name() + ": " + r);
        return r;
    }

    private long writes() {
        return sb().requests().stream().filter(r -> WRITES.contains(r.method())
                && (r.path().startsWith("/list/") || r.path().startsWith("/api/"))).count();
    }

    private Map<String, String> items(String company) {
        String id = sb().lists().listByName(company, "Tryton Cost Centers").orElseThrow().id();
        return sb().lists().liveItems(id).stream()
                .collect(Collectors.toMap(SandboxListItem::code, SandboxListItem::value));
    }

    private static long analytic(Map<String, Object> ctx, String code) {
        JsonNode ids = tryton.rpc().model("analytic_account.account", "search", ctx,
                List.of(List.of("code", "=", code)), 0, 1, null);
        return ids.path(0).asLong();
    }

    private static long party(Map<String, Object> ctx, String code) {
        JsonNode ids = tryton.rpc().model("party.party", "search", ctx, List.of(List.of("code", "=", code)), 0, 1,
                null);
        return ids.path(0).asLong();
    }
}

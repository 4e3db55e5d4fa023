package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.sandbox.SandboxDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sync lists|vendors} and {@code masterdata-mapping} from the command line against the sandbox's demo
 * companies and the embedded ERP's demo master data.
 */
class MasterDataCliIT {
    static final SandboxForTests concur = new SandboxForTests();
    static final String PRO = SandboxDemo.PROFESSIONAL_COMPANY;

    @TempDir
    static Path data;

    @AfterAll
    static void stop() {
        concur.close();
    }

    private CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--erp.sql.seed-demo=true");
        return new CliRunner(data, concur).run(all.toArray(String[]::new));
    }

    private long writes() {
        return concur.sandbox().requests().stream()
                .filter(r -> Set.of("POST", "PUT", "PATCH", "DELETE").contains(r.method())
                        && (r.path().contains("/list/v4") || r.path().contains("/invoice/vendor")))
                .count();
    }

    @Test
    void mappingIsValidatedPerFieldDryRunPrintsThePlanAndSyncCarriesItOut() throws Exception {
        CliRunner.Result connect = run("connect", "--company", PRO, "--request-token",
                concur.sandbox().companyRequestToken(PRO));
        assertThat(connect.exit()).as(connect.err()).isZero();

        assertThat(run("masterdata-mapping", "show", "--company", PRO).out()).contains("source: default")
                .contains("name: Cost Centers");
        Path bad = data.resolve("md-bad.yaml");
        Files.writeString(bad, "lists:\n  - name: X\n    levels: [A, A]\nvendors:\n  currency: euro\n");
        CliRunner.Result refused = run("masterdata-mapping", "set", "--company", PRO, bad.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("lists[0].levels[1]: A is already level 1")
                .contains("vendors.currency: an ISO 4217 code");

        concur.sandbox().clearRequests();
        CliRunner.Result plan = run("sync", "lists", "--company", PRO, "--dry-run");
        assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("Plan (ERP records read: 9)")
                .contains("list:Cost Centers").contains("level 2: create 1, update 0, delete 0")
                .contains("level 3: create 1, update 0, delete 0").contains("only in Concur: 1")
                .contains("the list \"Projects\" would be created").contains("level 1: create 2");
        assertThat(writes()).as("a dry run writes nothing to Concur").isZero();

        CliRunner.Result synced = run("sync", "lists", "--company", PRO);
        assertThat(synced.exit()).as(synced.out() + synced.err()).isZero();
        assertThat(synced.out()).contains("created 2, updated 0, deleted 0").contains("created 3, updated 0")
                .contains("list created").contains("OK");
        var list = concur.sandbox().lists().listByName(PRO, "Cost Centers").orElseThrow();
        assertThat(concur.sandbox().lists().itemByCode(list.id(), "CC1000-CC1100-CC1110")).isPresent();
        var projects = concur.sandbox().lists().listByName(PRO, "Projects").orElseThrow();
        assertThat(concur.sandbox().lists().itemByCode(projects.id(), "P_100-P_110")).isPresent();

        CliRunner.Result vendors = run("sync", "vendors", "--company", PRO);
        assertThat(vendors.exit()).as(vendors.out() + vendors.err()).isZero();
        assertThat(concur.sandbox().vendors().find(PRO, "S300", "75002")).isPresent();

        concur.sandbox().clearRequests();
        assertThat(run("sync", "lists", "--company", PRO).out()).contains("nothing left to write");
        assertThat(run("sync", "vendors", "--company", PRO).exit()).isZero();
        assertThat(writes()).as("a resync with nothing changed").isZero();

        assertThat(run("sync", "employees", "--company", PRO).exit()).isEqualTo(2);
    }
}

package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.jobs.RunProgress;
import org.concurbridge.bridge.masterdata.store.MasterDataStore;
import org.concurbridge.bridge.masterdata.sync.MasterDataService;
import org.concurbridge.bridge.masterdata.sync.MasterDataSync;
import org.concurbridge.bridge.masterdata.sync.SyncReport;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code sync lists|vendors --company UUID [--dry-run] [--full]}: one master-data sync run in this process (the
 * jobs of a running service do the same on their schedule). Exit status: 0 done, 1 a target failed (named), 2 usage or
 * an invalid mapping, 75 Concur or the ERP unreachable (nothing lost; run again later).
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Sync master data from the ERP to SAP Concur now: cost-object lists, or Invoice vendors.",
                "--dry-run reads Concur and the ERP and prints the plan (creates, updates, deletes per list and level)"
                        + " without writing to Concur.",
                "Exit status: 0 done, 1 a target failed, 2 usage or invalid mapping, 75 Concur or ERP unreachable."})
final class SyncCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "lists or vendors")
    String what;

    @Option(names = "--company", required = true, description = "Company UUID of the connection.")
    String companyUuid;

    @Option(names = "--dry-run", description = "Print the plan; write nothing to Concur.")
    boolean dryRun;

    @Option(names = "--full", description = "Read the ERP in full (finds records deleted in the ERP).")
    boolean full;

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        if (!what.equals("lists") && !what.equals("vendors")) {
            throw new IllegalArgumentException("sync what? lists or vendors, not \"" + what + "\"");
        }
        try (ConfigurableApplicationContext ctx = Contexts.tool(springArgs.toArray(String[]::new))) {
            if (ctx.getBean(ConnectionRepository.class).find(companyUuid).isEmpty()) {
                throw new IllegalArgumentException("No connection for company " + companyUuid);
            }
            MasterDataSync sync = ctx.getBean(MasterDataSync.class);
            String[] last = {null};
            long started = System.nanoTime();
            org.concurbridge.bridge.jobs.ProgressListener progress = p -> print(p, last, started);
            System.out.println((dryRun ? "Planning " : "Syncing ") + what + " of " + companyUuid + " ...");
            SyncReport report = what.equals("lists") ? sync.lists(companyUuid, dryRun, full, progress)
                    : sync.vendors(companyUuid, dryRun, full, progress);
            print(report, ctx.getBean(MasterDataService.class));
            return report.ok() ? 0 : CliErrors.FAILED;
        }
    }

    private static void print(RunProgress p, String[] last, long started) {
        String line = String.format(java.util.Locale.ROOT, "[%.1f s] %s", (System.nanoTime() - started) / 1e9,
                p.summary().replace("posted", "written to Concur"));
        if (!p.summary().equals(last[0])) {
            System.out.println(line);
            last[0] = p.summary();
        }
    }

    private void print(SyncReport r, MasterDataService service) {
        System.out.println((r.dryRun() ? "Plan" : "Outcome") + " (ERP records read: " + r.erpRead() + "):");
        for (SyncReport.Target t : r.targets()) {
            System.out.println("  " + t.target() + (t.failed() ? "  FAILED" : ""));
            if (t.note() != null) {
                System.out.println("    " + t.note());
            }
            if (!r.dryRun()) {
                System.out.println("    " + t.counts());
            }
            Map<Integer, Map<String, Integer>> byLevel = new TreeMap<>();
            for (MasterDataStore.PlanLine l : t.plan()) {
                byLevel.computeIfAbsent(l.level(), k -> new TreeMap<>()).put(l.work(), l.count());
            }
            if (byLevel.isEmpty()) {
                System.out.println("    " + (r.dryRun() ? "nothing to write" : "nothing left to write"));
            }
            byLevel.forEach((level, works) -> System.out.println("    " + (level == 0 ? "vendors" : "level " + level)
                    + (r.dryRun() ? ": " : " still to do: ") + "create " + works.getOrDefault("CREATE", 0)
                    + ", update " + works.getOrDefault("UPDATE", 0) + ", delete " + works.getOrDefault("DELETE", 0)));
            if (t.concurOnly() > 0) {
                System.out.println("    only in Concur: " + t.concurOnly());
            }
            if (t.problems() > 0) {
                System.out.println("    ERP records that cannot be synced: " + t.problems());
                service.problems(companyUuid, t.target(), null, 10).forEach(p ->
                        System.out.println("      " + p.erpKey() + " (" + p.kind() + "): " + p.message()));
            }
            if (!r.dryRun() && t.counts().failed() > 0) {
                service.failed(companyUuid, t.target(), null, 10).forEach(i ->
                        System.out.println("      failed " + i.itemKey() + ": " + i.errorId() + " " + i.errorMessage()));
            }
        }
        System.out.println(r.ok() ? "OK" : "FAILED: " + r.message());
    }
}

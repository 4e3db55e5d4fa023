package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.erp.bench.ErpPostingBench;
import org.concurbridge.bridge.masterdata.bench.ListSyncBench;
import org.concurbridge.bridge.posting.bench.FisPostingBench;
import org.concurbridge.bridge.posting.bench.SaePostingBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.time.Duration;
import java.util.List;

/**
 * {@code bench fis-posting}, {@code bench sae-posting}, {@code bench erp-posting} and {@code bench list-sync} ({@code sae-parse} is run by the
 * launcher script).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark (see docs/benchmarks.md).",
        subcommands = {BenchCommand.FisPosting.class, BenchCommand.SaePosting.class, BenchCommand.ErpPosting.class,
                BenchCommand.ListSyncBenchCommand.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "Missing benchmark: fis-posting, sae-posting, erp-posting or list-sync (sae-parse: ./erp-bridge bench sae-parse)");
    }

    @Command(name = "fis-posting", mixinStandardHelpOptions = true,
            description = "FIS documents end to end: sandbox with simulated latency -> ledger -> SQL adapter on"
                    + " embedded PostgreSQL -> confirmations.")
    static final class FisPosting implements Runnable {
        @Option(names = "--documents", defaultValue = "10000", description = "Documents (default ${DEFAULT-VALUE}).")
        int documents;

        @Option(names = "--heap-sizes", split = ",", defaultValue = "2500,5000",
                description = "Smaller runs first, to compare the heap (default ${DEFAULT-VALUE}).")
        List<Integer> heapSizes;

        @Option(names = "--latency-ms", defaultValue = "20", description = "Latency per FIS call (default ${DEFAULT-VALUE}).")
        int latencyMs;

        @Option(names = "--page-size", defaultValue = "100", description = "FIS page and batch size (default ${DEFAULT-VALUE}).")
        int pageSize;

        @Option(names = "--sandbox", defaultValue = "process", description = "Where the sandbox runs: process (its own"
                + " JVM, as Concur is another machine) or in-process (default ${DEFAULT-VALUE}).")
        String sandbox;

        @Override
        public void run() {
            if (!sandbox.equals("process") && !sandbox.equals("in-process")) {
                throw new IllegalArgumentException("--sandbox must be process or in-process (got " + sandbox + ")");
            }
            if (documents < 1 || latencyMs < 1 || pageSize < 1 || pageSize > 100) {
                throw new IllegalArgumentException("--documents and --latency-ms must be positive, --page-size 1-100");
            }
            FisPostingBench.run(System.out, new FisPostingBench.Options(documents, heapSizes,
                    Duration.ofMillis(latencyMs), pageSize, sandbox.equals("process") ? FisPostingBench.Where.PROCESS
                    : FisPostingBench.Where.IN_PROCESS));
        }
    }

    @Command(name = "sae-posting", mixinStandardHelpOptions = true,
            description = "An SAE file of generated reports -> extract posting (ledger, SQL adapter) on embedded"
                    + " PostgreSQL (or H2), against the SQL adapter's own postAll of the same entries.")
    static final class SaePosting implements Runnable {
        @Option(names = "--reports", defaultValue = "10000", description = "Reports in the file (default ${DEFAULT-VALUE}).")
        int reports;

        @Option(names = "--h2", description = "H2 file databases (the embedded default) instead of PostgreSQL.")
        boolean h2;

        @Override
        public void run() {
            if (reports < 1) {
                throw new IllegalArgumentException("--reports must be positive");
            }
            SaePostingBench.run(System.out, new SaePostingBench.Options(reports, h2));
        }
    }

    @Command(name = "erp-posting", mixinStandardHelpOptions = true,
            description = "Journal entries straight into the ERP adapters (options: see docs/benchmarks.md).")
    static final class ErpPosting implements Runnable {
        @Unmatched
        List<String> args = new java.util.ArrayList<>();

        @Override
        public void run() {
            ErpPostingBench.run(System.out, ErpPostingBench.Options.parse(args.toArray(String[]::new)));
        }
    }

    @Command(name = "list-sync", mixinStandardHelpOptions = true,
            description = "Master data ERP -> Concur: a 3-level list and vendors from the SQL adapter on embedded"
                    + " PostgreSQL through the sync engines to the in-process sandbox with simulated latency; first"
                    + " load, a resync after changes, a resync with nothing changed.")
    static final class ListSyncBenchCommand implements Runnable {
        @Option(names = "--items", defaultValue = "100000", description = "List items, 3 levels (default ${DEFAULT-VALUE}).")
        int items;

        @Option(names = "--vendors", defaultValue = "50000", description = "Vendors; 0 = none (default ${DEFAULT-VALUE}).")
        int vendors;

        @Option(names = "--latency-ms", defaultValue = "20", description = "Latency per Concur call (default ${DEFAULT-VALUE}).")
        int latencyMs;

        @Option(names = "--changed-percent", defaultValue = "1", description = "Share of items and vendors changed"
                + " before the resync (default ${DEFAULT-VALUE}).")
        double changedPercent;

        @Option(names = "--heap-at", split = ",", defaultValue = "25000,50000,100000",
                description = "Item counts at which the heap is measured after a full GC (default ${DEFAULT-VALUE}).")
        List<Integer> heapAt;

        @Override
        public void run() {
            if (items < 3 || vendors < 0 || latencyMs < 0 || changedPercent <= 0 || changedPercent > 100) {
                throw new IllegalArgumentException("--items >= 3, --vendors >= 0, --latency-ms >= 0,"
                        + " --changed-percent in (0, 100]");
            }
            ListSyncBench.run(System.out, new ListSyncBench.Options(items, vendors, Duration.ofMillis(latencyMs),
                    changedPercent / 100, heapAt));
        }
    }
}

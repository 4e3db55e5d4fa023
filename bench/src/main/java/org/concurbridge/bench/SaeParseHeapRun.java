package org.concurbridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concurbridge.client.extract.ExtractReader;
import org.concurbridge.client.extract.ExtractSummary;
import org.concurbridge.client.extract.SaeParser;
import org.concurbridge.client.extract.SaeRow;

/**
 * Proves constant memory: parses a generated 1 GiB SAE file (created in the given directory when absent) into typed
 * rows, and prints rows, seconds, MB/s and the peak heap. Meant to run under {@code -Xmx64m}:
 * <pre>java -Xmx64m -cp bench/target/benchmarks.jar org.concurbridge.bench.SaeParseHeapRun [dir] [sizeMb]</pre>
 */
public final class SaeParseHeapRun {

    private SaeParseHeapRun() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target");
        int sizeMb = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        Path file = BenchFiles.ensure(dir, sizeMb);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        long rows = 0;
        long checksum = 0;
        ExtractSummary s;
        try (ExtractReader<SaeRow> r = new SaeParser().open(Files.newInputStream(file), file.toString())) {
            while (r.next()) {
                if (r.problem().isPresent()) {
                    throw new IllegalStateException(r.problem().get().describe());
                }
                SaeRow row = r.row();
                checksum += row.reportKey().length() + row.journalAmount().signum() + row.journalAccountCode().length();
                rows++;
            }
            s = r.summary();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double mb = Files.size(file) / (1024.0 * 1024.0);
        System.out.printf("sae-heap.file=%s%n", file.toAbsolutePath());
        System.out.printf("sae-heap.file.mib=%.0f%n", mb);
        System.out.printf("sae-heap.max_heap.mib=%.0f%n", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        System.out.printf("sae-heap.rows=%d%n", rows);
        System.out.printf("sae-heap.seconds=%.2f%n", secs);
        System.out.printf("sae-heap.mib_per_s=%.0f%n", mb / secs);
        System.out.printf("sae-heap.peak_heap_used.mib=%.1f%n", peak / (1024.0 * 1024.0));
        System.out.printf("sae-heap.control_totals=%s%n", s.journalTotalVerified() && !s.heldWhole() ? "verified"
                : "FAILED " + s.fileProblems());
        System.out.printf("sae-heap.checksum=%d%n", checksum);
    }
}

package org.concurbridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The {@code sae-parse} benchmark as one script-friendly command: generates the file when absent, runs
 * {@link SaeParseBenchmark} with short JMH settings, then the 1 GiB / 64 MiB heap run in a child JVM, and prints
 * one {@code key=value} figure per line plus the ratios to FastCSV and Commons CSV.
 * <pre>java -cp bench/target/benchmarks.jar org.concurbridge.bench.SaeParseBench
 *      [--size-mb 200] [--dir bench/target] [--warmup 4] [--iterations 5] [--heap-mb 1024 | --skip-heap]</pre>
 * Exit status 0 when both targets are met (at least as fast as FastCSV, at least 2x Commons CSV, 1 GiB parsed
 * under -Xmx64m), 1 otherwise.
 */
public final class SaeParseBench {

    private SaeParseBench() {
    }

    public static void main(String[] args) throws IOException, RunnerException, InterruptedException {
        Map<String, String> a = new HashMap<>(Map.of("--size-mb", "200", "--dir", defaultDir(), "--warmup", "4",
                "--iterations", "5", "--heap-mb", "1024"));
        boolean skipHeap = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--skip-heap")) {
                skipHeap = true;
            } else if (a.containsKey(args[i]) && i + 1 < args.length) {
                a.put(args[i], args[++i]);
            } else {
                System.err.println("usage: SaeParseBench [--size-mb N] [--dir DIR] [--warmup N] [--iterations N] "
                        + "[--heap-mb N | --skip-heap]");
                System.exit(2);
            }
        }
        int sizeMb = Integer.parseInt(a.get("--size-mb"));
        Path dir = Path.of(a.get("--dir")).toAbsolutePath();
        Path file = BenchFiles.ensure(dir, sizeMb);
        double mib = Files.size(file) / (1024.0 * 1024.0);
        Options opt = new OptionsBuilder()
                .include(SaeParseBenchmark.class.getName() + "\\.")
                .param("sizeMb", String.valueOf(sizeMb))
                .param("dir", dir.toString())
                .forks(1)
                .warmupIterations(Integer.parseInt(a.get("--warmup")))
                .measurementIterations(Integer.parseInt(a.get("--iterations")))
                .jvmArgsAppend("-Xmx1g")
                .verbosity(VerboseMode.SILENT)
                .build();
        System.err.println("sae-parse: running JMH (3 benchmarks, " + a.get("--warmup") + " warmup + "
                + a.get("--iterations") + " measured parses each) ...");
        Map<String, Double> ms = new HashMap<>();
        Map<String, Double> err = new HashMap<>();
        for (RunResult r : new Runner(opt).run()) {
            String label = r.getParams().getBenchmark();
            String name = label.substring(label.lastIndexOf('.') + 1);
            ms.put(name, r.getPrimaryResult().getScore());
            err.put(name, r.getPrimaryResult().getScoreError());
        }
        List<String> out = new ArrayList<>();
        out.add("sae-parse.file=" + file);
        out.add(String.format("sae-parse.file.mib=%.1f", mib));
        out.add("sae-parse.jmh=mode SingleShotTime (one full parse per invocation), forks 1, warmup "
                + a.get("--warmup") + ", measurement " + a.get("--iterations") + ", -Xmx1g");
        for (String b : List.of("ours", "fastCsv", "commonsCsv")) {
            out.add(String.format("sae-parse.%s.ms=%.0f", b, ms.get(b)));
            out.add(String.format("sae-parse.%s.ms_error_99_9=%.0f", b, err.get(b)));
            out.add(String.format("sae-parse.%s.mib_per_s=%.0f", b, mib / (ms.get(b) / 1000)));
        }
        double vsFast = ms.get("fastCsv") / ms.get("ours");
        double vsCommons = ms.get("commonsCsv") / ms.get("ours");
        out.add(String.format("sae-parse.ratio.ours_vs_fastcsv=%.2f", vsFast));
        out.add(String.format("sae-parse.ratio.ours_vs_commonscsv=%.2f", vsCommons));
        boolean ok = vsFast >= 1.0 && vsCommons >= 2.0;
        out.add("sae-parse.target.at_least_fastcsv=" + (vsFast >= 1.0 ? "met" : "MISSED"));
        out.add("sae-parse.target.at_least_2x_commonscsv=" + (vsCommons >= 2.0 ? "met" : "MISSED"));
        out.forEach(System.out::println);
        if (!skipHeap) {
            ok &= heapRun(dir, Integer.parseInt(a.get("--heap-mb")));
        }
        System.exit(ok ? 0 : 1);
    }

    /** Runs {@link SaeParseHeapRun} under -Xmx64m in a child JVM and echoes its figures. */
    private static boolean heapRun(Path dir, int sizeMb) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SaeParseHeapRun.class.getName(), dir.toString(), String.valueOf(sizeMb))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        boolean verified = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                System.out.println(l);
                verified |= l.equals("sae-heap.control_totals=verified");
            }
        }
        int exit = p.waitFor();
        System.out.println("sae-heap.target.1gib_in_64mib_heap=" + (exit == 0 && verified ? "met" : "MISSED"));
        return exit == 0 && verified;
    }

    private static String defaultDir() {
        return Files.isDirectory(Path.of("bench", "target")) ? "bench/target" : "target";
    }
}

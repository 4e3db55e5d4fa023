package org.concurbridge.bridge.posting.extractjob;

import java.nio.file.Path;

import org.concurbridge.bridge.posting.bench.SaePostingBench;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Child JVM of {@link ExtractPostingHeapIT}: posts an SAE file through {@link ExtractPoster} into a prepared
 * PostgreSQL database under the small heap the parent gives it, and prints what it posted and its peak heap.
 * Arguments: JDBC URL, user, password, file.
 */
public final class ExtractPostingHeapRun {

    private ExtractPostingHeapRun() {
    }

    public static void main(String[] args) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        ds.setUser(args[1]);
        ds.setPassword(args[2]);
        SaePostingBench.Posted p = SaePostingBench.post(ds, Path.of(args[3]));
        System.out.println("documents=" + p.reports() + " posted=" + p.posted() + " journal-lines=" + p.journalLines()
                + " seconds=" + p.seconds() + " peak-heap-mb=" + p.peakHeapMb() + " max-heap-mb="
                + Runtime.getRuntime().maxMemory() / (1 << 20));
    }
}

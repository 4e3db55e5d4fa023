package org.concurbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.concurbridge.client.extract.SaeFileGenerator;

/** The generated SAE files the benchmarks read, created once and reused. */
final class BenchFiles {

    private BenchFiles() {
    }

    /** {@code dir/sae-<sizeMb>mb.txt}, generated (with matching control totals) when absent. */
    static Path ensure(Path dir, int sizeMb) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("sae-" + sizeMb + "mb.txt");
        long bytes = sizeMb * 1024L * 1024L;
        if (Files.exists(file) && Files.size(file) >= bytes) {
            return file;
        }
        Path tmp = dir.resolve(file.getFileName() + ".partial");
        long t0 = System.nanoTime();
        SaeFileGenerator.Result r = SaeFileGenerator.standard().writeFile(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.err.printf("generated %s: %d bytes, %d records in %.1f s%n", file, r.bytes(), r.records(),
                (System.nanoTime() - t0) / 1e9);
        return file;
    }
}

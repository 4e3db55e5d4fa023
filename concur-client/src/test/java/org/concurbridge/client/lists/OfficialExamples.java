package org.concurbridge.client.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * {@code shared/concur-api/examples/<sub>} found by walking up from the module directory ({@code -Dconcur.api.dir}
 * overrides); when absent the calling test is skipped with a printed line, when present it prints that it ran.
 */
public final class OfficialExamples {

    private OfficialExamples() {
    }

    public static Path folder(String sub, String test) {
        Path dir = null;
        String override = System.getProperty("concur.api.dir");
        if (override != null && !override.isBlank()) {
            dir = Path.of(override).resolve("examples").resolve(sub);
        } else {
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                Path candidate = p.resolve("shared/concur-api/examples").resolve(sub);
                if (Files.isDirectory(candidate)) {
                    dir = candidate;
                    break;
                }
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            System.out.println("SKIPPED " + test + ": official examples " + sub + " not found ("
                    + (override != null && !override.isBlank() ? "-Dconcur.api.dir=" + override
                    : "no shared/concur-api/examples above " + Path.of("").toAbsolutePath()) + ")");
            Assumptions.abort("official examples " + sub + " absent");
        }
        System.out.println("RAN " + test + " on the official examples in " + dir);
        return dir;
    }

    public static byte[] read(Path dir, String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

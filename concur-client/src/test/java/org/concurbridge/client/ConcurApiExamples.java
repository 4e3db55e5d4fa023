package org.concurbridge.client;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code shared/concur-api} (the API reference with the official examples) by walking up from the module
 * directory: in a checkout it sits beside the repository ({@code /work/main} ↔ {@code /work/shared}), as in CI.
 * The system property {@code concur.api.dir} overrides the search.
 */
final class ConcurApiExamples {

    private ConcurApiExamples() {
    }

    static Path dir() {
        String override = System.getProperty("concur.api.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("concur-api");
            if (Files.isDirectory(candidate.resolve("examples"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/concur-api not found above " + Path.of("").toAbsolutePath()
                + "; clone the shared reference beside the repository or set -Dconcur.api.dir");
    }

    static Path examples(String sub) {
        return dir().resolve("examples").resolve(sub);
    }
}

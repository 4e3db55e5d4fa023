package org.concurbridge.client.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A whole (small) file parsed for assertions: kept row copies, row problems and the summary. */
record Parsed<R extends ExtractRow>(ExtractHeader header, List<R> rows, List<RowProblem> problems,
                                    ExtractSummary summary) {

    @SuppressWarnings("unchecked")
    static <R extends ExtractRow> Parsed<R> of(ExtractReader<R> reader) {
        List<R> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        try (reader) {
            ExtractSummary s = reader.readAll(r -> rows.add((R) r.copy()), problems::add);
            return new Parsed<>(reader.header().orElse(null), rows, problems, s);
        }
    }

    static Parsed<SaeRow> sae(Path file) {
        try {
            return of(new SaeParser().open(Files.newInputStream(file), file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Parsed<SaeRow> sae(byte[] bytes, ExtractOptions options) {
        return of(new SaeParser(options).open(new ByteArrayInputStream(bytes), "test.txt"));
    }

    static Parsed<PraeRow> prae(byte[] bytes) {
        InputStream in = new ByteArrayInputStream(bytes);
        return of(new PraeParser().open(in, "prae.txt"));
    }

    /** Locates /work/shared/samples/sae (or -Dconcur.samples.dir) by walking up from the working directory. */
    static Path samples() {
        String configured = System.getProperty("concur.samples.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/samples/sae");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("SAE samples not found: no shared/samples/sae above "
                + Path.of("").toAbsolutePath() + "; set -Dconcur.samples.dir");
    }
}

package org.concurbridge.bridge.posting;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.concurbridge.client.fis.FisDocument;
import org.concurbridge.client.fis.FisDocuments;
import org.concurbridge.client.fis.FisReadResult;

/** The official FIS example documents (../shared/concur-api/examples/fis/documents) and helpers to read journals. */
public final class FisExamples {

    public static final Path DIR = locate();

    private FisExamples() {
    }

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/concur-api/examples/fis/documents");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("/work/shared/concur-api/examples/fis/documents");
    }

    /** The single document of an example file whose name contains {@code nameFragment}. */
    public static FisDocument document(String nameFragment) throws IOException {
        Path file;
        try (var files = Files.list(DIR)) {
            List<Path> matches = files.filter(f -> f.getFileName().toString().contains(nameFragment)).toList();
            if (matches.size() != 1) {
                throw new IllegalArgumentException(nameFragment + " matches " + matches);
            }
            file = matches.get(0);
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<FisReadResult> results = FisDocuments.read(in);
            return ((FisReadResult.Parsed) results.get(0)).document();
        }
    }

    /** Every document of a JSON text (page, example envelope or bare document). */
    public static List<FisReadResult> read(String json) {
        return FisDocuments.read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The single document of a JSON text that must parse. */
    public static FisDocument parse(String json) {
        return ((FisReadResult.Parsed) read(json).get(0)).document();
    }

    /**
     * The journal summed per account and side, as the catalogue prints posting records: {@code "474230 Dr 325.00"}.
     * A side with nothing on it is left out, so an account both debited and credited shows twice.
     */
    public static List<String> totals(PostingDocument doc) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (JournalLine l : doc.lines()) {
            BigDecimal[] s = sums.computeIfAbsent(l.account(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(l.debit());
            s[1] = s[1].add(l.credit());
        }
        return sums.entrySet().stream().flatMap(e -> {
            BigDecimal[] s = e.getValue();
            return java.util.stream.Stream.of(
                    s[0].signum() == 0 ? null : e.getKey() + " Dr " + Money.format(s[0]),
                    s[1].signum() == 0 ? null : e.getKey() + " Cr " + Money.format(s[1]));
        }).filter(java.util.Objects::nonNull).collect(Collectors.toList());
    }
}

package org.concurbridge.client.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractZipTest {

    @TempDir
    Path dir;

    private Path zip(String... namesAndBodies) throws IOException {
        Path z = dir.resolve("extract.zip");
        try (OutputStream out = Files.newOutputStream(z); ZipOutputStream zo = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndBodies.length; i += 2) {
                zo.putNextEntry(new ZipEntry(namesAndBodies[i]));
                zo.write(namesAndBodies[i + 1].getBytes(StandardCharsets.UTF_8));
                zo.closeEntry();
            }
        }
        return z;
    }

    private static String sae(int rows) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        SaeFileGenerator.standard().write(out, rows);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyExtractMemberIsListedAndParses() throws IOException {
        Path z = zip("batch_1.txt", sae(3), "batch_2.CSV", sae(7));
        List<Long> counts = new ArrayList<>();
        try (ExtractZip archive = ExtractZip.open(z)) {
            assertThat(archive.members()).extracting(ExtractZip.Member::name)
                    .containsExactly("batch_1.txt", "batch_2.CSV");
            for (ExtractZip.Member m : archive.members()) {
                try (InputStream in = archive.open(m);
                     ExtractReader<SaeRow> r = new SaeParser().open(in, m.name())) {
                    ExtractSummary s = r.readAll(row -> { }, p -> { });
                    assertThat(s.fileProblems()).isEmpty();
                    assertThat(s.fileName()).isEqualTo(m.name());
                    counts.add(s.detailRecords());
                }
            }
        }
        assertThat(counts).containsExactly(3L, 7L);
    }

    @Test
    void unexpectedMembersRejectTheWholeArchiveNamingThem() throws IOException {
        Path z = zip("batch_1.txt", sae(1), "report.pdf", "%PDF", "../evil.csv", "x");
        assertThatThrownBy(() -> ExtractZip.open(z))
                .isInstanceOf(ExtractZip.ExtractZipException.class)
                .hasMessageContaining("report.pdf").hasMessageContaining("../evil.csv")
                .hasMessageContaining("*.csv")
                .satisfies(e -> assertThat(((ExtractZip.ExtractZipException) e).problem().kind())
                        .isEqualTo(FileProblem.Kind.ZIP_CONTENT));
    }

    @Test
    void emptyOrCorruptArchiveIsRejected() throws IOException {
        Path empty = zip();
        assertThatThrownBy(() -> ExtractZip.open(empty)).hasMessageContaining("holds no extract file");
        Path notZip = Files.writeString(dir.resolve("not.zip"), "EXTRACT|2026-11-30|0|0|1\n");
        assertThatThrownBy(() -> ExtractZip.open(notZip)).hasMessageContaining("not a readable zip archive");
    }

    @Test
    void aMemberLargerThanTheCapIsRefused() throws IOException {
        Path z = zip("a.csv", "x".repeat(5000));
        assertThatThrownBy(() -> ExtractZip.open(z, ExtractZip.DEFAULT_EXTENSIONS, 1000))
                .isInstanceOf(ExtractZip.ExtractZipException.class).hasMessageContaining("more than 1000");
        try (ExtractZip ok = ExtractZip.open(z, ExtractZip.DEFAULT_EXTENSIONS, 10_000)) {
            assertThat(new String(ok.open(ok.members().get(0)).readAllBytes())).hasSize(5000);
        }
    }
}

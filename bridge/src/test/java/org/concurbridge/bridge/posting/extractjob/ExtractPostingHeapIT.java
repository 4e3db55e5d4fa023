package org.concurbridge.bridge.posting.extractjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.concurbridge.bridge.posting.bench.SaePostingBench;
import org.concurbridge.bridge.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Extract posting runs in memory bounded by one chunk and the largest report, not by the file: a child JVM with a
 * {@value #HEAP} heap posts an SAE file of {@value #REPORTS} generated reports (10.6 MB, about 15 000 journal lines)
 * through {@link ExtractPoster} into PostgreSQL. The grouping this replaced (every row and document of the file kept
 * until its end) ran out of memory on this file under this heap, and under 32 MB (docs/decisions-extstream.md).
 */
class ExtractPostingHeapIT {

    static final String HEAP = "48m";
    static final int REPORTS = 4_000;

    @TempDir
    Path dir;

    @Test
    void aFileFarLargerThanTheHeapAllowsPostsEveryReportUnderASmallHeap() throws IOException, InterruptedException {
        TestPostgres.Database db = TestPostgres.newDatabase("extract_heap");
        DataSource ds = db.dataSource();
        Path file = dir.resolve("sae.txt");
        SaePostingBench.prepare(List.of(ds), REPORTS, file);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-cp", System.getProperty("java.class.path"), ExtractPostingHeapRun.class.getName(),
                db.jdbcUrl(), db.username(), db.password(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        boolean ended = child.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
        assertThat(ended).as(out).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("documents=" + REPORTS + " posted=" + REPORTS);

        JdbcClient jdbc = JdbcClient.create(ds);
        assertThat(jdbc.sql("select count(*) from posting_documents where source = 'SAE' and state = 'POSTED'")
                .query(Long.class).single()).isEqualTo(REPORTS);
        assertThat(jdbc.sql("select count(distinct idempotency_key) from erp.journal_entry").query(Long.class)
                .single()).isEqualTo(REPORTS);
    }
}

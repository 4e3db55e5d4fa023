package org.concurbridge.bridge.posting.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpAdapters;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.posting.extract.ExtractJournalBuilder;
import org.concurbridge.bridge.posting.extractjob.ExtractPoster;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.posting.pipeline.JournalEntries;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.extract.ExtractDefinition;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench sae-posting}: an SAE file already downloaded → ERP journals, through the same {@link ExtractPoster} the
 * {@code extract-posting} job runs (both passes over the file, the posting ledger, the SQL adapter), on an embedded
 * PostgreSQL (or H2). The file is written by the sandbox from N reports of its FIS generator. Prints reports, journal
 * lines, seconds, journals/s, lines/s, peak heap, and the ratio to a baseline: the SQL adapter's own {@code postAll} of
 * the very same journal entries into an empty database of the same kind (what the ERP side costs without parsing,
 * building, the ledger and its events).
 */
public final class SaePostingBench {

    /** The use cases of the generated reports: cash, mileage, VAT, allocation, IBCP card, cash advance applied. */
    static final List<FisUseCase> MIX = List.of(FisUseCase.CASH, FisUseCase.MILEAGE, FisUseCase.VAT_SINGLE,
            FisUseCase.ALLOCATION, FisUseCase.IBCP_CARD, FisUseCase.CASH_ADVANCE_BELOW);
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;

    /**
     * @param reports reports in the generated file
     * @param h2      H2 file databases (the embedded default) instead of an embedded PostgreSQL
     */
    public record Options(int reports, boolean h2) {
        public static Options defaults() {
            return new Options(10_000, false);
        }
    }

    /** What the end-to-end run measured. */
    public record Posted(int reports, int posted, long journalLines, double seconds, long peakHeapMb) {
    }

    private SaePostingBench() {
    }

    public static void run(PrintStream out, Options o) {
        out.println("sae-posting: reports=" + o.reports() + " database=" + (o.h2() ? "h2" : "postgresql")
                + " max-heap-mb=" + Runtime.getRuntime().maxMemory() / (1 << 20) + " cores="
                + Runtime.getRuntime().availableProcessors());
        Path dir;
        try {
            dir = Files.createTempDirectory("sae-posting");
        } catch (IOException e) {
            throw new UncheckedIOException("sae-posting: no temporary directory", e);
        }
        try (Databases dbs = o.h2() ? new H2(dir) : new Postgres()) {
            DataSource e2e = dbs.create("sae_e2e");
            DataSource baseline = dbs.create("sae_baseline");
            Path file = dir.resolve("sae-" + o.reports() + ".txt");
            prepare(List.of(e2e, baseline), o.reports(), file);
            Posted p = post(e2e, file);
            if (p.posted() != o.reports()) {
                throw new IllegalStateException("expected " + o.reports() + " posted reports, got " + p.posted());
            }
            double base = adapterOnly(baseline, file);
            out.printf(Locale.ROOT, "sae-posting reports=%d journal-lines=%d file-mb=%.1f seconds=%.2f journals/s=%.0f"
                            + " lines/s=%.0f peak-heap-mb=%d%n", p.posted(), p.journalLines(),
                    Files.size(file) / 1048576.0, p.seconds(), p.posted() / p.seconds(),
                    p.journalLines() / p.seconds(), p.peakHeapMb());
            out.printf(Locale.ROOT, "sae-posting baseline=sql-adapter-postAll-of-the-same-entries seconds=%.2f"
                    + " lines/s=%.0f ratio=%.2f%n", base, p.journalLines() / base, p.seconds() / base);
        } catch (IOException e) {
            throw new UncheckedIOException("sae-posting: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Generates {@code reports} reports with the sandbox's FIS generator, writes the SAE file the sandbox extracts from
     * them to {@code file}, and creates in each database the bridge's tables and the ERP reference data the journals
     * refer to (accounts, employees, card vendors, tax codes, cost objects). The sandbox is gone afterwards.
     */
    public static void prepare(List<DataSource> databases, int reports, Path file) throws IOException {
        try (ConcurSandbox sb = ConcurSandbox.builder().seed(7L).build()) {
            sb.extracts().timing(Duration.ZERO, Duration.ZERO);
            sb.fis().generate(COMPANY, 901L, reports, MIX);
            Files.write(file, sb.extracts().jobFile(sb.extracts().startJob(COMPANY, ExtractDefinition.SAE)));
        }
        for (DataSource ds : databases) {
            migrate(ds);
            // the codes the file's journals use, read from the file itself, in one transaction per chunk
            forEachChunk(file, 2_000, entries -> inTransaction(ds, jdbc ->
                    ErpReferenceData.createForEntries(jdbc, entries, Set.of())));
        }
    }

    /** The file's journal entries (no mapping), {@code size} at a time; the list is reused. */
    private static void forEachChunk(Path file, int size, java.util.function.Consumer<List<JournalEntry>> chunk) {
        ExtractJournalBuilder builder = new ExtractJournalBuilder(PostingMapping.none());
        ExtractJournalBuilder.Source source = ExtractJournalBuilder.Source.of(file);
        LocalDate today = LocalDate.now(Clock.systemUTC());
        List<JournalEntry> entries = new ArrayList<>();
        builder.build(ExtractJournalBuilder.Format.SAE, source, builder.check(ExtractJournalBuilder.Format.SAE, source),
                r -> {
                    entries.add(JournalEntries.toEntry(r.document(), r.key(), today));
                    if (entries.size() == size) {
                        chunk.accept(entries);
                        entries.clear();
                    }
                });
        if (!entries.isEmpty()) {
            chunk.accept(entries);
        }
    }

    private static void inTransaction(DataSource ds, java.util.function.Consumer<JdbcClient> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            work.accept(JdbcClient.create(new SingleConnectionDataSource(c, true)));
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("reference data: " + e.getMessage(), e);
        }
    }

    /** The bridge's tables and the SQL adapter's {@code erp} schema. */
    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        erp(ds).close();
    }

    private static ErpAdapter erp(DataSource ds) {
        return ErpAdapters.create(ErpConfig.parse(Map.of()), ds, HttpClient.newHttpClient(), Clock.systemUTC());
    }

    /** Posts the file through {@link ExtractPoster} (no mapping: Concur's own codes) and measures it. */
    public static Posted post(DataSource ds, Path file) {
        JdbcClient jdbc = JdbcClient.create(ds);
        long linesBefore = jdbc.sql("select count(*) from erp.journal_line").query(Long.class).single();
        try (ErpAdapter erp = erp(ds)) {
            ExtractPoster poster = new ExtractPoster(COMPANY, erp, new PostingLedger(ds, Clock.systemUTC()),
                    PostingMapping.none(), Clock.systemUTC(), false, Duration.ofSeconds(30));
            System.gc();
            BenchSupport.resetPeaks();
            long start = System.nanoTime();
            ExtractPoster.Outcome outcome = poster.post(ExtractJournalBuilder.Format.SAE, file, false);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = BenchSupport.peakHeap() >> 20;
            if (outcome.held()) {
                throw new IllegalStateException("the generated file is held: " + outcome.reason());
            }
            long lines = jdbc.sql("select count(*) from erp.journal_line").query(Long.class).single() - linesBefore;
            return new Posted(outcome.counts().documents(), outcome.counts().posted(), lines, seconds, peak);
        }
    }

    /** The baseline: the same journal entries straight into the SQL adapter's {@code postAll}, 1 000 at a time. */
    static double adapterOnly(DataSource ds, Path file) {
        double[] seconds = {0};
        try (ErpAdapter erp = erp(ds)) {
            forEachChunk(file, 1_000, entries -> seconds[0] += timedPostAll(erp, entries));
        }
        return seconds[0];
    }

    private static double timedPostAll(ErpAdapter erp, List<JournalEntry> entries) {
        long start = System.nanoTime();
        erp.postAll(entries).forEach(r -> r.get());
        return (System.nanoTime() - start) / 1e9;
    }

    /** Where the bench's databases live. */
    private interface Databases extends Closeable {
        DataSource create(String name);
    }

    /** H2 file databases in PostgreSQL mode, as embedded in the bridge. */
    private record H2(Path dir) implements Databases {
        @Override
        public DataSource create(String name) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:file:" + dir.resolve(name) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                    + ";DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            ds.setUser("sa");
            return ds;
        }

        @Override
        public void close() {
            for (String db : List.of("sae_e2e", "sae_baseline")) {
                try (Connection c = create(db).getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException ignored) {
                    // already closed
                }
            }
        }
    }

    /** An embedded PostgreSQL (zonky, default settings: fsync on), pooled with HikariCP. */
    private static final class Postgres implements Databases {
        private final EmbeddedPostgres pg;
        private final List<HikariDataSource> pools = new ArrayList<>();

        Postgres() throws IOException {
            pg = EmbeddedPostgres.builder().start();
        }

        @Override
        public DataSource create(String name) {
            HikariDataSource ds = BenchSupport.database(pg, name);
            pools.add(ds);
            return ds;
        }

        @Override
        public void close() throws IOException {
            pools.forEach(HikariDataSource::close);
            pg.close();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans it eventually
        }
    }
}

package org.concurbridge.bridge.posting.extractjob;

import org.concurbridge.bridge.posting.bench.SaePostingBench;
import org.concurbridge.bridge.posting.extract.ExtractJournalBuilder;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.testsupport.JournalNets;
import org.concurbridge.bridge.testsupport.TestPostgres;
import org.concurbridge.sandbox.SandboxDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Extract posting killed with SIGKILL: a separate JVM ({@link ExtractKillRun}) posts an SAE file of {@value #REPORTS}
 * generated reports, 50 a chunk, into PostgreSQL through an ERP that keeps no duplicate protection of its own and
 * answers 300 ms after committing; it is killed {@value #KILLS} times, alternately while a chunk is in the ERP but not
 * recorded POSTED in the ledger, and while a chunk is recorded but not yet in the ERP, and started again on the same
 * file. Then every report is one ERP document whose nets per account equal the journal built from the file, and POSTED
 * once in the ledger: the bridge (its look-up by key of the rows an earlier run recorded) kept it so, not the ERP.
 */
class ExtractPostingKillIT {
    static final int REPORTS = 600;
    static final int KILLS = 8;

    @TempDir
    Path dir;

    enum Window { POSTED_NOT_IN_LEDGER, RECEIVED_NOT_POSTED }

    record Landing(int kill, Window aimed, int postedNotInLedger, int receivedNotPosted, long posted) {
        boolean in(Window w) {
            return w == Window.POSTED_NOT_IN_LEDGER ? postedNotInLedger > 0 : receivedNotPosted > 0;
        }
    }

    @Test
    void killedEightTimesWhilePostingAFileOfSixHundredReportsEachIsPostedOnce() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("extract_kill");
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        Path file = dir.resolve("sae.txt");
        SaePostingBench.prepare(List.of(db.dataSource()), REPORTS, file);
        Map<String, Map<String, BigDecimal>> expected = builtNets(file);
        assertThat(expected).hasSize(REPORTS);

        Random random = new Random(5L);
        List<Landing> landings = new ArrayList<>();
        while (landings.size() < KILLS) {
            int kill = landings.size();
            Window aim = Window.values()[kill % 2];
            Process child = start(db, kill);
            long after = postedInErp(jdbc) + random.nextInt(60);
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                        .until(() -> !child.isAlive() || postedInErp(jdbc) >= after && open(aim, jdbc));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                System.out.println("extract kill " + kill + ": " + aim + " not open within 60 s, killing anyway");
            }
            assertThat(child.isAlive()).as("the poster was alive when kill " + kill + " came: "
                    + Files.readString(dir.resolve("child-" + kill + ".log"))).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor()).as("kill " + kill + " was a SIGKILL").isEqualTo(137);
            Landing landing = landing(kill, aim, jdbc);
            System.out.println("extract-kill-test " + landing);
            // work was left: reports still to post, or a chunk in the ERP that the ledger had not recorded yet
            assertThat(landing.posted() < REPORTS || landing.postedNotInLedger() > 0)
                    .as("kill " + kill + " landed while work was left: " + landing).isTrue();
            landings.add(landing);
        }
        long inWindow = landings.stream().filter(l -> l.in(l.aimed())).count();
        long notInLedger = landings.stream().filter(l -> l.in(Window.POSTED_NOT_IN_LEDGER)).count();
        long notPosted = landings.stream().filter(l -> l.in(Window.RECEIVED_NOT_POSTED)).count();
        System.out.printf("extract-kill-test landings: %d kills, %d in the window aimed at; posted in the ERP but not"
                + " recorded POSTED %d, recorded but not in the ERP %d%n", KILLS, inWindow, notInLedger, notPosted);
        assertThat(inWindow).as("kills in the window aimed at (at least 70 %)").isGreaterThanOrEqualTo(KILLS * 7 / 10);
        assertThat(notInLedger).as("kills leaving reports in the ERP but not recorded POSTED")
                .isGreaterThanOrEqualTo(KILLS / 4);

        Process last = start(db, KILLS);
        assertThat(last.waitFor()).as(Files.readString(dir.resolve("child-" + KILLS + ".log"))).isZero();

        Map<String, Long> perKey = jdbc.sql("select split_part(idempotency_key, '#', 1) from erp.journal_entry")
                .query(String.class).list().stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        assertThat(perKey).as("ERP documents per report").hasSize(REPORTS)
                .allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1L));
        assertThat(jdbc.sql("select count(*) from posting_documents where source = 'SAE' and state = 'POSTED'")
                .query(Long.class).single()).isEqualTo(REPORTS);
        List<Map.Entry<String, BigDecimal>> all = new ArrayList<>();
        expected.forEach((key, nets) -> {
            assertThat(erpNets(jdbc, ExtractPoster.erpKey(SandboxDemo.PROFESSIONAL_COMPANY, key))).as("ERP nets of " + key).isEqualTo(nets);
            all.addAll(nets.entrySet());
        });
        assertThat(JournalNets.of(jdbc.sql("select account_code a, debit - credit n from erp.journal_line")
                .query((rs, i) -> Map.entry(rs.getString("a"), rs.getBigDecimal("n"))).list().stream()))
                .as("every account's net in the ERP").isEqualTo(JournalNets.of(all.stream()));
        // the ERP numbers the ledger holds are the ERP's documents
        assertThat(jdbc.sql("select count(*) from posting_documents p join erp.journal_entry e"
                + " on split_part(e.idempotency_key, '#', 1) = p.idempotency_key"
                + " and p.erp_document_number = 'JE' || lpad(e.id::text, 10, '0') where p.source = 'SAE'")
                .query(Long.class).single()).isEqualTo(REPORTS);
    }

    private Process start(TestPostgres.Database db, int n) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ExtractKillRun.class.getName(), db.jdbcUrl(), db.username(), db.password(),
                dir.resolve("sae.txt").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child-" + n + ".log").toFile()).start();
    }

    /** Reports in the ERP (however many documents each has: duplicates are the final assertion's business). */
    private static long postedInErp(JdbcClient jdbc) {
        return jdbc.sql("select count(distinct split_part(idempotency_key, '#', 1)) from erp.journal_entry")
                .query(Long.class).single();
    }

    /** Whether the window is open now (an estimate while the child runs). */
    private static boolean open(Window w, JdbcClient jdbc) {
        long inErp = postedInErp(jdbc);
        long posted = jdbc.sql("select count(*) from posting_documents where source = 'SAE' and state = 'POSTED'")
                .query(Long.class).single();
        long received = jdbc.sql("select count(*) from posting_documents where source = 'SAE'")
                .query(Long.class).single();
        return w == Window.POSTED_NOT_IN_LEDGER ? inErp > posted : received > inErp;
    }

    /** What the kill left (the child is dead: the database is final). */
    private static Landing landing(int kill, Window aim, JdbcClient jdbc) {
        int notInLedger = jdbc.sql("select count(distinct split_part(e.idempotency_key, '#', 1))"
                + " from erp.journal_entry e join posting_documents p"
                + " on p.idempotency_key = split_part(e.idempotency_key, '#', 1) where p.state <> 'POSTED'")
                .query(Integer.class).single();
        int notPosted = jdbc.sql("select count(*) from posting_documents p where p.source = 'SAE'"
                + " and p.state <> 'POSTED' and not exists (select 1 from erp.journal_entry e"
                + " where split_part(e.idempotency_key, '#', 1) = p.idempotency_key)").query(Integer.class).single();
        long posted = jdbc.sql("select count(distinct split_part(idempotency_key, '#', 1)) from erp.journal_entry")
                .query(Long.class).single();
        return new Landing(kill, aim, notInLedger, notPosted, posted);
    }

    private static Map<String, BigDecimal> erpNets(JdbcClient jdbc, String key) {
        return JournalNets.of(jdbc.sql("select l.account_code a, l.debit - l.credit n from erp.journal_line l"
                        + " join erp.journal_entry e on e.id = l.entry_id"
                        + " where split_part(e.idempotency_key, '#', 1) = ?").param(key)
                .query((rs, i) -> Map.entry(rs.getString("a"), rs.getBigDecimal("n"))).list().stream());
    }

    /** The nets of each report's journal built from the file (no mapping), by idempotency key. */
    private static Map<String, Map<String, BigDecimal>> builtNets(Path file) {
        ExtractJournalBuilder builder = new ExtractJournalBuilder(PostingMapping.none());
        ExtractJournalBuilder.Source source = ExtractJournalBuilder.Source.of(file);
        Map<String, Map<String, BigDecimal>> nets = new HashMap<>();
        builder.build(ExtractJournalBuilder.Format.SAE, source, builder.check(ExtractJournalBuilder.Format.SAE, source),
                r -> nets.put(r.key(), JournalNets.ofLines(r.document().lines())));
        return nets;
    }
}

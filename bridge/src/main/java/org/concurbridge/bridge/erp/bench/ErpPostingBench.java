package org.concurbridge.bridge.erp.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.concurbridge.bridge.erp.CostObject;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.erp.ErpPosting;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.JournalLine;
import org.concurbridge.bridge.erp.Partner;
import org.concurbridge.bridge.erp.sql.SqlErpAdapter;
import org.concurbridge.bridge.erp.sql.SqlSchema;
import org.concurbridge.bridge.erp.tryton.TrytonErpAdapter;
import org.concurbridge.bridge.erp.tryton.TrytonRpc;
import org.concurbridge.bridge.erp.tryton.TrytonServer;
import org.concurbridge.bridge.store.PostgresSessions;
import org.h2.jdbcx.JdbcDataSource;
import tools.jackson.databind.JsonNode;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * {@code bench erp-posting}: posts generated expense-report journal entries (5 lines each by default: 4 expense
 * lines with cost centers, 1 employee payable) through the SQL adapter on H2 and on PostgreSQL and through Tryton,
 * next to a naive baseline (one statement / one RPC per line), and prints one figure per line. Starts what it needs
 * (embedded H2, embedded PostgreSQL, a local trytond when installed) and stops it again.
 */
public final class ErpPostingBench {

    /**
     * @param entries        entries for the SQL runs (the 10,000)
     * @param linesPerEntry  lines per entry (at least 2)
     * @param heapSizes      entry counts at which the PostgreSQL run's peak heap is also reported
     * @param naiveEntries   entries for the SQL naive baselines (throughput is per line, so fewer are enough)
     * @param sql            run the SQL figures (H2 and PostgreSQL)
     * @param tryton         run the Tryton figures (needs trytond installed)
     * @param trytonBatches  batch sizes tried for Tryton
     * @param trytonSweepEntries entries posted per batch size in the sweep
     * @param trytonEntries  entries for the final Tryton run at the best batch size
     */
    public record Options(int entries, int linesPerEntry, List<Integer> heapSizes, int naiveEntries, boolean sql,
                          boolean tryton,
                          List<Integer> trytonBatches, int trytonSweepEntries, int trytonEntries) {

        public static Options defaults() {
            return new Options(10_000, 5, List.of(2_500, 5_000, 10_000), 2_000, true, TrytonServer.installed(),
                    List.of(1, 10, 25, 50, 100), 200, 1_000);
        }

        /**
         * {@code --entries N --naive-entries N --no-sql --no-tryton --tryton-entries N --tryton-batches 1,10,50}.
         */
        public static Options parse(String[] args) {
            Options d = defaults();
            int entries = d.entries;
            int naive = d.naiveEntries;
            boolean sql = d.sql;
            boolean tryton = d.tryton;
            int trytonEntries = d.trytonEntries;
            List<Integer> batches = d.trytonBatches;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--entries" -> entries = Integer.parseInt(args[++i]);
                    case "--naive-entries" -> naive = Integer.parseInt(args[++i]);
                    case "--no-sql" -> sql = false;
                    case "--no-tryton" -> tryton = false;
                    case "--tryton-entries" -> trytonEntries = Integer.parseInt(args[++i]);
                    case "--tryton-batches" ->
                            batches = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--entries N, --naive-entries N, --no-sql, --no-tryton, --tryton-entries N,"
                            + " --tryton-batches 1,10,50)");
                }
            }
            return new Options(entries, d.linesPerEntry, d.heapSizes, naive, sql, tryton, batches,
                    d.trytonSweepEntries, trytonEntries);
        }
    }

    private static final int CHUNK = 1_000;   // entries generated and handed to postAll at a time

    private ErpPostingBench() {
    }

    public static void main(String[] args) {
        run(System.out, Options.parse(args));
    }

    public static void run(PrintStream out, Options o) {
        out.println("erp-posting entries=" + o.entries() + " lines-per-entry=" + o.linesPerEntry()
                + " cores=" + Runtime.getRuntime().availableProcessors()
                + " max-heap-mb=" + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " load-average=" + String.format("%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Path tmp = tempDir();
        ErpConfig.Sql defaults = ErpConfig.Sql.embedded(true);   // the adapter as configured by default
        ErpConfig.Sql config = new ErpConfig.Sql(null, null, null, defaults.schema(), defaults.batchSize(), true, true,
                Duration.ZERO);

        if (o.sql()) {
            sqlFigures(out, o, config, tmp);
        }
        if (o.tryton()) {
            tryton(out, o, tmp);
        } else {
            out.println("tryton skipped (not installed or --no-tryton)");
        }
    }

    private static void sqlFigures(PrintStream out, Options o, ErpConfig.Sql config, Path tmp) {
        sql(out, "sql-h2", o, config, run -> h2(tmp, run));
        // durable commits, as on a production server (the embedded default turns fsync off): a loader's cost
        // then includes its commits, which is where one-statement-per-line loading loses most
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start()) {
            sql(out, "sql-postgres", o, config, run -> postgres(pg, run));
            for (int size : o.heapSizes()) {
                if (size != o.entries()) {
                    DataSource ds = postgres(pg, 100 + size);
                    SqlSchema.migrate(ds, "erp", true);
                    Result r = post(new SqlErpAdapter(ds, null, config, Clock.systemUTC()), size, o.linesPerEntry());
                    out.println("sql-postgres entries=" + size + " peak-heap-mb=" + r.peakHeapMb());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed", e);
        }
    }

    // ------------------------------------------------------------------ SQL

    private static void sql(PrintStream out, String name, Options o, ErpConfig.Sql config,
                            IntFunction<DataSource> database) {
        DataSource warm = database.apply(0);
        SqlSchema.migrate(warm, "erp", true);
        post(new SqlErpAdapter(warm, null, config, Clock.systemUTC()), 500, o.linesPerEntry());   // JIT warm-up

        DataSource ds = database.apply(1);
        SqlSchema.migrate(ds, "erp", true);
        Result adapter = post(new SqlErpAdapter(ds, null, config, Clock.systemUTC()), o.entries(), o.linesPerEntry());
        check(ds, o.entries(), o.linesPerEntry());
        out.println(name + " lines/s=" + adapter.linesPerSecond() + " seconds=" + adapter.seconds()
                + " batch-size=" + config.batchSize() + durability(ds));
        out.println(name + " entries=" + o.entries() + " peak-heap-mb=" + adapter.peakHeapMb());

        DataSource naiveDs = database.apply(2);
        SqlSchema.migrate(naiveDs, "erp", true);
        Result naive = naiveSql(naiveDs, o.naiveEntries(), o.linesPerEntry());
        check(naiveDs, o.naiveEntries(), o.linesPerEntry());
        out.println(name + "-naive lines/s=" + naive.linesPerSecond() + " seconds=" + naive.seconds()
                + " entries=" + o.naiveEntries());
        out.println(name + " ratio-to-naive=" + String.format("%.1f", adapter.perSecond / naive.perSecond));
    }

    private static String durability(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW fsync")) {
            return rs.next() ? " fsync=" + rs.getString(1) : "";
        } catch (SQLException notPostgres) {
            return "";
        }
    }

    private static DataSource h2(Path dir, int run) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("h2-" + run) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    private static DataSource postgres(EmbeddedPostgres pg, int run) {
        String db = "bench_" + run;
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // pooled, as the adapter factory does for a staging database (erp.sql.jdbc-url)
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/" + db);
        hc.setUsername("postgres");
        hc.setMaximumPoolSize(2);
        PostgresSessions.configure(hc);
        return new HikariDataSource(hc);
    }

    /** One statement per header and per line, auto-commit, idempotency by a lookup first: what a naive loader does. */
    private static Result naiveSql(DataSource ds, int entries, int lines) {
        Meter meter = new Meter();
        try (Connection c = ds.getConnection()) {
            for (int i = 0; i < entries; i++) {
                JournalEntry e = entry(i, lines);
                try (PreparedStatement find = c.prepareStatement(
                        "SELECT id FROM erp.journal_entry WHERE idempotency_key = ?")) {
                    find.setString(1, e.idempotencyKey());
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (PreparedStatement h = c.prepareStatement("INSERT INTO erp.journal_entry (idempotency_key,"
                        + " company, posting_date, currency, company_currency, reference, description, created_at)"
                        + " VALUES (?,?,?,?,?,?,?,CURRENT_TIMESTAMP)", new String[]{"id"})) {
                    h.setString(1, e.idempotencyKey());
                    h.setString(2, e.company());
                    h.setObject(3, e.postingDate());
                    h.setString(4, e.currency());
                    h.setString(5, e.companyCurrency());
                    h.setString(6, e.reference());
                    h.setString(7, e.description());
                    h.executeUpdate();
                    long id;
                    try (ResultSet keys = h.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    for (int n = 0; n < e.lines().size(); n++) {
                        JournalLine l = e.lines().get(n);
                        boolean debit = l.side() == JournalLine.Side.DEBIT;
                        try (PreparedStatement p = c.prepareStatement("INSERT INTO erp.journal_line (entry_id,"
                                + " line_no, account_code, debit, credit, company_debit, company_credit, partner_type,"
                                + " partner_code, line_text) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                            p.setLong(1, id);
                            p.setInt(2, n + 1);
                            p.setString(3, l.account());
                            p.setBigDecimal(4, debit ? l.amount() : BigDecimal.ZERO);
                            p.setBigDecimal(5, debit ? BigDecimal.ZERO : l.amount());
                            p.setBigDecimal(6, debit ? l.amount() : BigDecimal.ZERO);
                            p.setBigDecimal(7, debit ? BigDecimal.ZERO : l.amount());
                            p.setString(8, l.partner() == null ? null : l.partner().type().name());
                            p.setString(9, l.partner() == null ? null : l.partner().code());
                            p.setString(10, l.text());
                            p.executeUpdate();
                        }
                        for (CostObject co : l.costObjects()) {
                            try (PreparedStatement p = c.prepareStatement("INSERT INTO erp.journal_line_cost_object"
                                    + " (entry_id, line_no, dimension, code) VALUES (?,?,?,?)")) {
                                p.setLong(1, id);
                                p.setInt(2, n + 1);
                                p.setString(3, co.dimension());
                                p.setString(4, co.code());
                                p.executeUpdate();
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("naive baseline failed", e);
        }
        return meter.done((long) entries * lines);
    }

    private static void check(DataSource ds, int entries, int lines) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(debit) - SUM(credit) FROM erp.journal_line")) {
            rs.next();
            if (rs.getLong(1) != (long) entries * lines || rs.getBigDecimal(2).signum() != 0) {
                throw new IllegalStateException("bench check failed: " + rs.getLong(1) + " lines, imbalance "
                        + rs.getBigDecimal(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ Tryton

    private static void tryton(PrintStream out, Options o, Path tmp) {
        Clock clock = Clock.systemUTC();
        HttpClient http = HttpClient.newHttpClient();
        try (TrytonServer server = TrytonServer.start(Path.of(System.getProperty("java.io.tmpdir"),
                "tryton-erp-bench"), clock)) {
            int best = 0;
            double bestRate = 0;
            for (int batch : o.trytonBatches()) {
                ErpConfig.Tryton cfg = withBatch(server.newDatabase("bench_sweep_" + batch), batch);
                try (ErpAdapter a = new TrytonErpAdapter(cfg, http)) {
                    post(a, 20, o.linesPerEntry());   // login, caches, server warm-up
                    Result r = post(a, o.trytonSweepEntries(), o.linesPerEntry(), 20);
                    out.println("tryton batch=" + batch + " lines/s=" + r.linesPerSecond() + " entries="
                            + o.trytonSweepEntries());
                    if (r.perSecond > bestRate) {
                        bestRate = r.perSecond;
                        best = batch;
                    }
                }
            }
            ErpConfig.Tryton cfg = withBatch(server.newDatabase("bench_best"), best);
            Result r;
            try (ErpAdapter a = new TrytonErpAdapter(cfg, http)) {
                r = post(a, o.trytonEntries(), o.linesPerEntry());
            }
            out.println("tryton lines/s=" + r.linesPerSecond() + " seconds=" + r.seconds() + " entries="
                    + o.trytonEntries() + " best-batch-size=" + best);
            out.println("tryton entries=" + o.trytonEntries() + " peak-heap-mb=" + r.peakHeapMb());
            int naiveEntries = Math.max(20, o.trytonSweepEntries() / 2);
            Result naive = naiveTryton(withBatch(server.newDatabase("bench_naive"), 1), http, naiveEntries,
                    o.linesPerEntry());
            out.println("tryton-naive lines/s=" + naive.linesPerSecond() + " entries=" + naiveEntries);
            out.println("tryton ratio-to-naive=" + String.format("%.1f", r.perSecond / naive.perSecond));
        }
    }

    private static ErpConfig.Tryton withBatch(ErpConfig.Tryton c, int batch) {
        return new ErpConfig.Tryton(c.url(), c.database(), c.user(), c.password(), c.companyId(), c.journal(),
                batch, c.timeout(), c.companies());
    }

    /** One RPC per line: create the move, then each line, then post. */
    private static Result naiveTryton(ErpConfig.Tryton cfg, HttpClient http, int entries, int lines) {
        Map<String, Object> ctx = Map.of("company", cfg.companyId());
        try (TrytonRpc rpc = new TrytonRpc(http, cfg.databaseUri(), cfg.user(), cfg.password(), cfg.timeout())) {
            long journal = rpc.model("account.journal", "search", ctx, List.of(List.of("code", "=", "MISC")), 0, 1,
                    null).path(0).asLong();
            LocalDate today = LocalDate.now();
            long period = rpc.model("account.period", "search", ctx, List.of(List.of("type", "=", "standard"),
                    List.of("start_date", "<=", today), List.of("end_date", ">=", today)), 0, 1, null).path(0).asLong();
            Map<String, Long> ids = new java.util.HashMap<>();
            for (JsonNode a : rpc.model("account.account", "search_read", ctx, List.of(), 0, null, null,
                    List.of("code"))) {
                ids.put("a" + a.path("code").asString(""), a.path("id").asLong());
            }
            for (JsonNode a : rpc.model("analytic_account.account", "search_read", ctx, List.of(), 0, null, null,
                    List.of("code"))) {
                ids.put("c" + a.path("code").asString(""), a.path("id").asLong());
            }
            for (JsonNode a : rpc.model("party.party", "search_read", ctx, List.of(), 0, null, null,
                    List.of("code"))) {
                ids.put("p" + a.path("code").asString(""), a.path("id").asLong());
            }
            Meter meter = new Meter();
            for (int i = 0; i < entries; i++) {
                JournalEntry e = entry(i, lines);
                if (rpc.model("account.move", "search_count", ctx, List.of(List.of("description", "=",
                        "[" + e.idempotencyKey() + "]"))).asInt() > 0) {
                    continue;
                }
                long move = rpc.model("account.move", "create", ctx, List.of(Map.of("journal", journal,
                        "period", period, "date", today, "description", "[" + e.idempotencyKey() + "]")))
                        .path(0).asLong();
                for (JournalLine l : e.lines()) {
                    boolean debit = l.side() == JournalLine.Side.DEBIT;
                    Map<String, Object> v = new java.util.LinkedHashMap<>();
                    v.put("move", move);
                    v.put("account", ids.get("a" + l.account()));
                    v.put("debit", debit ? l.amount() : BigDecimal.ZERO);
                    v.put("credit", debit ? BigDecimal.ZERO : l.amount());
                    if (l.partner() != null) {
                        v.put("party", ids.get("p" + l.partner().code()));
                    }
                    for (CostObject co : l.costObjects()) {
                        v.put("analytic_lines", List.of(List.of("create", List.of(Map.of("account",
                                ids.get("c" + co.code()), "debit", v.get("debit"), "credit", v.get("credit"),
                                "date", today)))));
                    }
                    rpc.model("account.move.line", "create", ctx, List.of(v));
                }
                rpc.model("account.move", "post", ctx, List.of(move));
            }
            return meter.done((long) entries * lines);
        }
    }

    // ------------------------------------------------------------------ common

    /**
     * @param peakHeapBytes  highest heap use seen (live data plus garbage not yet collected)
     * @param liveHeapBytes  highest heap use right after a garbage collection: what the run really keeps
     */
    private record Result(double perSecond, double elapsedSeconds, long peakHeapBytes, long liveHeapBytes) {
        String linesPerSecond() {
            return String.valueOf(Math.round(perSecond));
        }

        String seconds() {
            return String.format("%.2f", elapsedSeconds);
        }

        String peakHeapMb() {
            return peakHeapBytes / (1 << 20) + " live-after-gc-mb="
                    + (liveHeapBytes == 0 ? "no-gc-during-run" : String.valueOf(liveHeapBytes / (1 << 20)));
        }
    }

    /** Wall time, peak heap (heap pools' peak usage) and peak live heap (heap used after each GC) of one run. */
    private static final class Meter implements NotificationListener {
        private final long t0;
        private final AtomicLong liveAfterGc = new AtomicLong();

        Meter() {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(this, null, null);
            }
            t0 = System.nanoTime();
        }

        @Override
        public void handleNotification(Notification n, Object handback) {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                long used = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo()
                        .getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                liveAfterGc.accumulateAndGet(used, Math::max);
            }
        }

        Result done(long lines) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(this);
                } catch (ListenerNotFoundException ignored) {
                    // not registered on this collector
                }
            }
            return new Result(lines / seconds, seconds, peak, liveAfterGc.get());
        }
    }

    private static Result post(ErpAdapter adapter, int entries, int lines) {
        return post(adapter, entries, lines, 0);
    }

    /** Posts entries {@code first..first+entries-1}, generated and handed over {@value #CHUNK} at a time. */
    private static Result post(ErpAdapter adapter, int entries, int lines, int first) {
        Meter meter = new Meter();
        for (int from = first; from < first + entries; from += CHUNK) {
            List<JournalEntry> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(first + entries, from + CHUNK); i++) {
                chunk.add(entry(i, lines));
            }
            for (ErpPosting.BatchResult r : adapter.postAll(chunk)) {
                r.get();   // any failure aborts the bench
            }
        }
        return meter.done((long) entries * lines);
    }

    private static final String[] EXPENSE = {"6000", "6010", "6020", "6040"};
    private static final String[] COST_CENTERS = {"CC1100", "CC1200", "CC1300"};

    /** Entry {@code i}: {@code lines - 1} expense lines with cost centers and one employee payable; deterministic. */
    static JournalEntry entry(int i, int lines) {
        Random random = new Random(i);
        List<JournalLine> out = new ArrayList<>(lines);
        BigDecimal total = BigDecimal.ZERO;
        for (int n = 0; n < lines - 1; n++) {
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(50_000), 2);
            total = total.add(amount);
            out.add(JournalLine.debit(EXPENSE[n % EXPENSE.length], amount, "Expense line " + (n + 1))
                    .withCostObjects(CostObject.costCenter(COST_CENTERS[random.nextInt(COST_CENTERS.length)])));
        }
        out.add(JournalLine.credit("2100", total, "Employee payable")
                .withPartner(Partner.employee("E100" + (1 + i % 3), null)));
        return new JournalEntry("BENCH-" + i, "CB01", LocalDate.now(), "EUR", "EUR", "RPT-" + i,
                "Bench expense report " + i, out);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("erp-posting-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

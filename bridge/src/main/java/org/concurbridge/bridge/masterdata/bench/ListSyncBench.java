package org.concurbridge.bridge.masterdata.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpAdapters;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.jobs.ProgressListener;
import org.concurbridge.bridge.jobs.RunProgress;
import org.concurbridge.bridge.masterdata.MasterDataTargets;
import org.concurbridge.bridge.masterdata.concur.ConcurTargets;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMapping;
import org.concurbridge.bridge.masterdata.store.MasterDataStore;
import org.concurbridge.bridge.masterdata.sync.ListSync;
import org.concurbridge.bridge.masterdata.sync.SyncReport;
import org.concurbridge.bridge.masterdata.sync.SyncSettings;
import org.concurbridge.bridge.masterdata.sync.VendorSync;
import org.concurbridge.bridge.store.PostgresSessions;
import org.concurbridge.client.ClientCredentials;
import org.concurbridge.client.CompanyTokenManager;
import org.concurbridge.client.ConcurClient;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.Edition;
import org.concurbridge.client.Geolocations;
import org.concurbridge.client.OAuthClient;
import org.concurbridge.client.Secret;
import org.concurbridge.client.TokenGrant;
import org.concurbridge.client.TokenStore;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.RecordedRequest;
import org.concurbridge.sandbox.SandboxProduct;
import org.concurbridge.sandbox.faults.FaultRule;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * {@code bench list-sync}: master data ERP → Concur at scale, through the real engines ({@link ListSync},
 * {@link VendorSync}), the real store and the SQL adapter on one embedded PostgreSQL database, and the real Concur
 * client over loopback HTTP to the in-process sandbox, which waits a simulated latency before every List v4 and
 * Vendor v3.1 call (a sandbox fault rule: {@code delay}). A 3-level connected list (1 ‰ level 1, 0.99 % level 2, the
 * rest level 3) and a vendor master (every supplier with a bank account): first load, a resync after a share of the
 * items changed in the ERP, and a resync with nothing changed. Prints one {@code key=value} per line: Concur calls
 * (reads, writes) against the minimum, wall time against the lower bound {@code calls × latency ÷ concurrency}, heap
 * after a full GC as the run goes, CPU of this process, and the time spent in store and ERP statements.
 */
public final class ListSyncBench {

    /** The engines make one Concur call at a time per connection (docs/masterdata.md). */
    public static final int CONCURRENCY = 1;
    /** List Item Bulk v4: parts per call (the documented maximum). */
    public static final int LIST_BULK_MAX = 250;
    /** Vendor v3.1 and Vendor Bank: records per call (the maximum the client sends, docs/decisions.md). */
    public static final int VENDOR_BATCH_MAX = 1000;
    private static final String DIMENSION = "BENCH";
    private static final String LIST = "Bench Cost Objects";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * @param items     list items (3 levels)
     * @param vendors   ERP suppliers → Concur vendors (0: no vendor runs)
     * @param latency   simulated latency per Concur call
     * @param changed   share of items and vendors changed before the resync (0.01 = 1 %)
     * @param heapAt    item counts at which the heap is measured after a full GC (during the first load)
     */
    public record Options(int items, int vendors, Duration latency, double changed, List<Integer> heapAt) {
        public static Options defaults() {
            return new Options(100_000, 50_000, Duration.ofMillis(20), 0.01, List.of(25_000, 50_000, 100_000));
        }
    }

    private final PrintStream out;
    private final Options o;

    private ListSyncBench(PrintStream out, Options o) {
        this.out = out;
        this.o = o;
    }

    public static void run(PrintStream out, Options o) {
        new ListSyncBench(out, o).run();
    }

    private void print(String key, Object value) {
        out.println(key + "=" + (value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : value));
    }

    private void run() {
        print("list-sync.items", o.items());
        print("list-sync.vendors", o.vendors());
        print("list-sync.latency-ms", o.latency().toMillis());
        print("list-sync.concurrency", CONCURRENCY);
        print("list-sync.sandbox", "in-process");
        print("list-sync.database", "embedded-postgresql");
        print("list-sync.cores", Runtime.getRuntime().availableProcessors());
        print("list-sync.max-heap-mb", Runtime.getRuntime().maxMemory() >> 20);
        print("list-sync.load-average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on").start();
             ConcurSandbox sb = ConcurSandbox.builder().port(0).seed(7L).build().start()) {
            HikariDataSource ds = database(pg, "md_bench_" + System.nanoTime() % 100000);
            try (ErpAdapter erp = ErpAdapters.create(ErpConfig.parse(Map.of()), ds, HttpClient.newHttpClient(),
                    Clock.systemUTC())) {
                Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
                String company = UUID.randomUUID().toString();
                sb.addCompany(company, "Bench company", "CTE", "us", SandboxProduct.defaults());
                ConcurClient concur = client(sb, company);
                MasterDataTargets targets = ConcurTargets.over(concur);
                Timed timed = new Timed(ds);
                MasterDataStore store = new MasterDataStore(timed);
                MasterDataMapping mapping = MasterDataMapping.parse("""
                        name: bench
                        lists:
                          - name: %s
                            dimension: %s
                            maxLevels: 3
                            create: true
                        vendors:
                          addressCode: postalCode
                        """.formatted(LIST, DIMENSION), "bench mapping");
                Instant base = Instant.now().minus(Duration.ofHours(3));
                Levels levels = Levels.of(o.items());
                long t0 = System.nanoTime();
                insertCostObjects(ds, levels, base);
                insertSuppliers(ds, o.vendors(), base);
                print("list-sync.erp-seed-seconds", (System.nanoTime() - t0) / 1e9);
                sb.faults().add(FaultRule.on("*", "/list/**").delay(o.latency()));
                sb.faults().add(FaultRule.on("*", "/api/**").delay(o.latency()));

                TimedErp timedErp = new TimedErp(erp);
                Runner lists = (progress) -> new ListSync(company, Edition.PROFESSIONAL, mapping, timedErp,
                        targets.lists(company), store, Clock.systemUTC(), SyncSettings.DEFAULTS, progress)
                        .run(false, false);
                Runner vendors = (progress) -> new VendorSync(company, mapping, timedErp, targets.vendors(company), store,
                        Clock.systemUTC(), SyncSettings.DEFAULTS, progress).run(false, false);

                // lists: first load (heap measured as it goes), a resync after changes, one with nothing changed
                int[] min = levels.calls(LIST_BULK_MAX);
                Phase first = phase(sb, timed, timedErp, "lists.first-load", lists, "/list/", true,
                        2 + 1 + min[0] + min[1] + min[2], o.items());
                check(sb.lists().liveItems(sb.lists().listByName(company, LIST).orElseThrow().id()).size() == o.items(),
                        "the sandbox's list does not hold " + o.items() + " items");
                int[] changedPerLevel = changeCostObjects(ds, levels, o.changed());
                Instant settle = Instant.now().plusSeconds(3); // the SQL adapter leaves rows younger than 2 s for later
                sleepUntil(settle);
                phase(sb, timed, timedErp, "lists.resync-changed", lists, "/list/", false,
                        1 + ceil(changedPerLevel[0], LIST_BULK_MAX) + ceil(changedPerLevel[1], LIST_BULK_MAX)
                                + ceil(changedPerLevel[2], LIST_BULK_MAX), changedPerLevel[0] + changedPerLevel[1]
                                + changedPerLevel[2]);
                check(changedNamesArrived(sb, company), "a renamed item did not reach the sandbox");
                phase(sb, timed, timedErp, "lists.resync-unchanged", lists, "/list/", false, 1, 0);

                if (o.vendors() > 0) {
                    phase(sb, timed, timedErp, "vendors.first-load", vendors, "/api/", false,
                            1 + 2 * ceil(o.vendors(), VENDOR_BATCH_MAX), o.vendors());
                    check(sb.vendors().count(company) == o.vendors(), "the sandbox does not hold " + o.vendors()
                            + " vendors");
                    int changedVendors = changeSuppliers(ds, o.vendors(), o.changed());
                    sleepUntil(Instant.now().plusSeconds(3));
                    phase(sb, timed, timedErp, "vendors.resync-changed", vendors, "/api/", false,
                            2 * ceil(changedVendors, VENDOR_BATCH_MAX), changedVendors);
                    phase(sb, timed, timedErp, "vendors.resync-unchanged", vendors, "/api/", false, 0, 0);
                }
            } finally {
                ds.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed", e);
        }
    }

    @FunctionalInterface
    private interface Runner {
        SyncReport run(ProgressListener progress);
    }

    private record Phase(int calls, int writes, double seconds) {
    }

    /** One run: its figures printed under {@code name.}. */
    private Phase phase(ConcurSandbox sb, Timed timed, TimedErp erp, String name, Runner runner, String pathPrefix,
                        boolean sampleHeap, int minimumCalls, int changedItems) {
        sb.clearRequests();
        timed.reset();
        erp.reset();
        List<Integer> marks = new ArrayList<>(sampleHeap ? o.heapAt().stream().filter(n -> n <= o.items()).toList()
                : List.of());
        List<String> heap = new ArrayList<>();
        int[] nextRead = {0};
        int[] nextPushed = {0};
        ProgressListener progress = p -> {
            if (!sampleHeap) {
                return;
            }
            // the heap after a full GC when the run has read (then pushed) 25k, 50k, ... items
            nextRead[0] = sample(marks, nextRead[0], p.read(), "read", heap);
            nextPushed[0] = sample(marks, nextPushed[0], p.posted(), "pushed", heap);
        };
        System.gc();
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        SyncReport report = runner.run(progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpu0;
        check(report.ok(), name + " failed: " + report.message());
        List<RecordedRequest> calls = sb.requests().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
        int writes = (int) calls.stream().filter(r -> WRITES.contains(r.method())).count();
        int reads = calls.size() - writes;
        double bound = calls.size() * o.latency().toMillis() / 1000.0 / CONCURRENCY;
        print(name + ".changed-items", changedItems);
        print(name + ".concur-calls", calls.size());
        print(name + ".concur-reads", reads);
        print(name + ".concur-writes", writes);
        print(name + ".minimum-calls", minimumCalls);
        print(name + ".calls-ratio", minimumCalls == 0 ? (calls.isEmpty() ? 1.0 : Double.POSITIVE_INFINITY)
                : (double) calls.size() / minimumCalls);
        print(name + ".seconds", seconds);
        print(name + ".lower-bound-seconds", bound);
        print(name + ".time-ratio", bound == 0 ? 0.0 : seconds / bound);
        print(name + ".created", report.targets().stream().mapToInt(t -> t.counts().created()).sum());
        print(name + ".updated", report.targets().stream().mapToInt(t -> t.counts().updated()).sum());
        print(name + ".deleted", report.targets().stream().mapToInt(t -> t.counts().deleted()).sum());
        print(name + ".failed", report.targets().stream().mapToInt(t -> t.counts().failed()).sum());
        print(name + ".erp-read", report.erpRead());
        print(name + ".process-cpu-seconds", cpu / 1e9);
        print(name + ".store-statements", timed.statements());
        print(name + ".store-statement-seconds", timed.seconds());
        List<String> top = timed.top(4);
        for (int i = 0; i < top.size(); i++) {
            print(name + ".store-top-" + (i + 1), top.get(i));
        }
        print(name + ".erp-reads", erp.calls());
        print(name + ".erp-read-seconds", erp.seconds());
        print(name + ".concur-call-seconds-with-latency", calls.size() * o.latency().toMillis() / 1000.0);
        heap.forEach(out::println);
        return new Phase(calls.size(), writes, seconds);
    }

    private static int sample(List<Integer> marks, int next, Integer count, String what, List<String> heap) {
        while (count != null && next < marks.size() && count >= marks.get(next)) {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            heap.add("lists.first-load.heap-after-gc-mb." + what + "-" + marks.get(next) + "="
                    + ((rt.totalMemory() - rt.freeMemory()) >> 20));
            next++;
        }
        return next;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private boolean changedNamesArrived(ConcurSandbox sb, String company) {
        String id = sb.lists().listByName(company, LIST).orElseThrow().id();
        return sb.lists().liveItems(id).stream().anyMatch(i -> i.value().endsWith(" v2"));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private static int ceil(int n, int per) {
        return (n + per - 1) / per;
    }

    private static void sleepUntil(Instant t) {
        try {
            long ms = Duration.between(Instant.now(), t).toMillis();
            if (ms > 0) {
                Thread.sleep(ms);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ------------------------------------------------------------------ the ERP's data

    /** How many items per level: 1 ‰ at level 1, 0.99 % at level 2 (at least one each), the rest at level 3. */
    record Levels(int l1, int l2, int l3) {
        static Levels of(int items) {
            if (items < 3) {
                throw new IllegalArgumentException("at least 3 items (one per level)");
            }
            int l1 = Math.max(1, Math.round(items * 0.0001f));
            int l2 = Math.max(1, Math.round(items * 0.0099f));
            return new Levels(l1, l2, items - l1 - l2);
        }

        int[] calls(int per) {
            return new int[] {ceil(l1, per), ceil(l2, per), ceil(l3, per)};
        }

        String code(int level, int i) {
            return switch (level) {
                case 1 -> "E%03d".formatted(i);
                case 2 -> "D%05d".formatted(i);
                default -> "P%07d".formatted(i);
            };
        }

        String parent(int level, int i) {
            return switch (level) {
                case 1 -> null;
                case 2 -> code(1, i % l1);
                default -> code(2, i % l2);
            };
        }

        int count(int level) {
            return level == 1 ? l1 : level == 2 ? l2 : l3;
        }
    }

    private static void insertCostObjects(HikariDataSource ds, Levels levels, Instant base) {
        long n = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO erp.cost_object (dimension, code, name, parent_code, active, updated_at)"
                        + " VALUES (?, ?, ?, ?, TRUE, ?)")) {
            c.setAutoCommit(false);
            for (int level = 1; level <= 3; level++) {
                for (int i = 0; i < levels.count(level); i++) {
                    ps.setString(1, DIMENSION);
                    ps.setString(2, levels.code(level, i));
                    ps.setString(3, "Level " + level + " item " + i);
                    ps.setString(4, levels.parent(level, i));
                    ps.setObject(5, OffsetDateTime.ofInstant(base.plusMillis(n++), ZoneOffset.UTC));
                    ps.addBatch();
                    if (n % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Renames a seeded random share of the items; returns how many per level. */
    private static int[] changeCostObjects(HikariDataSource ds, Levels levels, double share) {
        int total = levels.l1() + levels.l2() + levels.l3();
        int want = Math.max(1, (int) Math.round(total * share));
        Random random = new Random(11);
        java.util.BitSet picked = new java.util.BitSet(total);
        int[] per = new int[3];
        Instant at = Instant.now().minusSeconds(1);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE erp.cost_object SET name = name || ' v2', updated_at = ? WHERE dimension = ? AND code = ?")) {
            c.setAutoCommit(false);
            while (picked.cardinality() < want) {
                int k = random.nextInt(total);
                if (picked.get(k)) {
                    continue;
                }
                picked.set(k);
                int level = k < levels.l1() ? 1 : k < levels.l1() + levels.l2() ? 2 : 3;
                int i = level == 1 ? k : level == 2 ? k - levels.l1() : k - levels.l1() - levels.l2();
                per[level - 1]++;
                ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.setString(2, DIMENSION);
                ps.setString(3, levels.code(level, i));
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return per;
    }

    private static void insertSuppliers(HikariDataSource ds, int count, Instant base) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO erp.supplier (code, name, tax_id, payment_terms, currency, street, city, postal_code,"
                        + " region, country, bank_account_number, bank_bic, bank_name, active, updated_at)"
                        + " VALUES (?, ?, ?, 'NET30', 'EUR', ?, 'Berlin', ?, 'BE', 'DE', ?, 'COBADEFFXXX',"
                        + " 'Bench Bank', TRUE, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                ps.setString(1, "S%07d".formatted(i));
                ps.setString(2, "Supplier " + i);
                ps.setString(3, "DE%09d".formatted(i));
                ps.setString(4, "Hauptstr. " + (i % 200 + 1));
                ps.setString(5, "%05d".formatted(10000 + i % 90000));
                ps.setString(6, "DE89370400440%09d".formatted(i));
                ps.setObject(7, OffsetDateTime.ofInstant(base.plusMillis(i), ZoneOffset.UTC));
                ps.addBatch();
                if ((i + 1) % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int changeSuppliers(HikariDataSource ds, int count, double share) {
        int want = Math.max(1, (int) Math.round(count * share));
        Random random = new Random(13);
        java.util.BitSet picked = new java.util.BitSet(count);
        Instant at = Instant.now().minusSeconds(1);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE erp.supplier SET name = name || ' v2', updated_at = ? WHERE code = ?")) {
            c.setAutoCommit(false);
            while (picked.cardinality() < want) {
                int k = random.nextInt(count);
                if (picked.get(k)) {
                    continue;
                }
                picked.set(k);
                ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.setString(2, "S%07d".formatted(k));
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return want;
    }

    // ------------------------------------------------------------------ set-up

    /** The ERP's master-data reads, timed. */
    private static final class TimedErp implements org.concurbridge.bridge.erp.ErpMasterData {
        private final org.concurbridge.bridge.erp.ErpMasterData erp;
        private long nanos;
        private int calls;

        TimedErp(org.concurbridge.bridge.erp.ErpMasterData erp) {
            this.erp = erp;
        }

        void reset() {
            nanos = 0;
            calls = 0;
        }

        double seconds() {
            return nanos / 1e9;
        }

        int calls() {
            return calls;
        }

        private <T> T timed(java.util.function.Supplier<T> read) {
            long t0 = System.nanoTime();
            try {
                return read.get();
            } finally {
                nanos += System.nanoTime() - t0;
                calls++;
            }
        }

        @Override
        public List<org.concurbridge.bridge.erp.Changed<org.concurbridge.bridge.erp.Supplier>> suppliers(
                org.concurbridge.bridge.erp.Checkpoint after, int limit) {
            return timed(() -> erp.suppliers(after, limit));
        }

        @Override
        public List<org.concurbridge.bridge.erp.Changed<org.concurbridge.bridge.erp.CostObjectNode>> costObjects(
                org.concurbridge.bridge.erp.Checkpoint after, int limit) {
            return timed(() -> erp.costObjects(after, limit));
        }

        @Override
        public List<org.concurbridge.bridge.erp.Changed<org.concurbridge.bridge.erp.PurchaseOrder>> purchaseOrders(
                org.concurbridge.bridge.erp.Checkpoint after, int limit) {
            return erp.purchaseOrders(after, limit);
        }

        @Override
        public List<org.concurbridge.bridge.erp.Changed<org.concurbridge.bridge.erp.GoodsReceipt>> goodsReceipts(
                org.concurbridge.bridge.erp.Checkpoint after, int limit) {
            return erp.goodsReceipts(after, limit);
        }

        @Override
        public Map<String, org.concurbridge.bridge.erp.PaymentStatus> paymentStatus(
                java.util.Collection<String> idempotencyKeys) {
            return erp.paymentStatus(idempotencyKeys);
        }
    }

    private static HikariDataSource database(EmbeddedPostgres pg, String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name);
        hc.setUsername("postgres");
        hc.setMaximumPoolSize(4);
        PostgresSessions.configure(hc);
        return new HikariDataSource(hc);
    }

    private static ConcurClient client(ConcurSandbox sb, String company) {
        String clientId = UUID.randomUUID().toString();
        String clientSecret = UUID.randomUUID().toString();
        sb.registerApp(clientId, clientSecret, "http://localhost/concur/connect");
        Geolocations sandbox = Geolocations.concur().withSandbox(sb.geolocation("us"));
        OAuthClient oauth = OAuthClient.builder()
                .credentials(new ClientCredentials(clientId, Secret.of(clientSecret))).geolocations(sandbox).build();
        TokenGrant grant = oauth.exchangeRequestToken(sb.geolocation("us"), company,
                Secret.of(sb.companyRequestToken(company)));
        return ConcurClient.builder().credentials(new CompanyTokenManager(oauth, new MemoryTokenStore(grant),
                Clock.systemUTC(), Duration.ofMinutes(5))).geolocations(sandbox).build();
    }

    /** The benchmark's connection keeps its grant in memory. */
    private static final class MemoryTokenStore implements TokenStore {
        private volatile TokenGrant grant;

        MemoryTokenStore(TokenGrant grant) {
            this.grant = grant;
        }

        @Override
        public StoredToken load() {
            return new StoredToken(grant.refreshToken(), grant.geolocation(), grant.refreshExpiresAt());
        }

        @Override
        public void save(TokenGrant g) {
            this.grant = g;
        }

        @Override
        public void markInvalid(ConcurException.Authentication reason) {
            throw reason;
        }
    }
}

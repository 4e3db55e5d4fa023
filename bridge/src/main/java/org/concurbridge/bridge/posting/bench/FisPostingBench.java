package org.concurbridge.bridge.posting.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpAdapters;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.posting.pipeline.FisPostingPipeline;
import org.concurbridge.client.ClientCredentials;
import org.concurbridge.client.CompanyTokenManager;
import org.concurbridge.client.ConcurClient;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.Geolocations;
import org.concurbridge.client.OAuthClient;
import org.concurbridge.client.Secret;
import org.concurbridge.client.TokenGrant;
import org.concurbridge.client.TokenStore;
import org.concurbridge.client.fis.FisClient;
import org.concurbridge.sandbox.SandboxDemo;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code bench fis-posting}: generated FIS documents end to end — the sandbox (its own JVM by default) over loopback
 * with a simulated latency per FIS call, the posting ledger and the SQL adapter on an embedded PostgreSQL — through the same
 * {@link FisPostingPipeline} the {@code fis-posting} job runs. Prints wall time, FIS calls, ERP adapter calls and the
 * ratio to the lower bound {@code calls × latency ÷ concurrency} (one FIS request in flight per connection), and the
 * heap the run added at several sizes.
 */
public final class FisPostingBench {

    /** One FIS request in flight per connection: a run makes its FIS calls one after the other (docs/posting.md). */
    public static final int CONCURRENCY = 1;
    private static final String SYNCHRONOUS_COMMIT = System.getProperty("fisbench.synchronous-commit", "on");

    /** Where the sandbox runs: a JVM of its own (as Concur is another machine), or this one. */
    public enum Where { PROCESS, IN_PROCESS }

    /**
     * @param documents  documents of the main run (the 10,000)
     * @param heapSizes  sizes at which the run is repeated to show the heap does not grow with N
     * @param latency    simulated latency per FIS call
     * @param pageSize   FIS page size (acknowledgements and confirmations go in batches of the same size)
     * @param sandbox    where the sandbox runs: its own JVM (default), or this one
     */
    public record Options(int documents, List<Integer> heapSizes, Duration latency, int pageSize,
                          Where sandbox) {
        public static Options defaults() {
            return new Options(10_000, List.of(2_500, 5_000), Duration.ofMillis(20), 100, Where.PROCESS);
        }
    }

    /** What one run measured. */
    public record Result(int documents, double seconds, int concurCalls, int erpCalls, double lowerBoundSeconds,
                         long heapBeforeMb, long peakHeapMb, long heapAfterGcMb) {
        public double ratio() {
            return seconds / lowerBoundSeconds;
        }
    }

    private FisPostingBench() {
    }

    public static void run(PrintStream out, Options o) {
        out.println("fis-posting: documents=" + o.documents() + " latency-ms=" + o.latency().toMillis()
                + " page-size=" + o.pageSize() + " concurrency=" + CONCURRENCY + " sandbox="
                + o.sandbox().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " max-heap-mb="
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " cores=" + Runtime.getRuntime().availableProcessors()
                + " load-average=" + String.format(java.util.Locale.ROOT, "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        // durable commits, as on a production server (the embedded default does not wait for the WAL flush)
        // one sandbox for every run, as Concur's servers stay up: the smaller runs warm it (and the bridge) up
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", SYNCHRONOUS_COMMIT).start();
             BenchSandbox sb = BenchSandbox.start(o.sandbox(), 7L)) {
            for (int size : o.heapSizes()) {
                print(out, once(pg, sb, size, o));
            }
            print(out, once(pg, sb, o.documents(), o));
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed", e);
        }
    }

    private static void print(PrintStream out, Result r) {
        out.printf(java.util.Locale.ROOT, "fis-posting documents=%d seconds=%.2f concur-calls=%d erp-calls=%d"
                        + " lower-bound-seconds=%.2f ratio=%.2f heap-before-mb=%d peak-heap-mb=%d"
                        + " heap-after-gc-mb=%d%n",
                r.documents(), r.seconds(), r.concurCalls(), r.erpCalls(), r.lowerBoundSeconds(), r.ratio(),
                r.heapBeforeMb(), r.peakHeapMb(), r.heapAfterGcMb());
    }

    /** One run of {@code documents} new documents into a fresh database, through the given sandbox. */
    static Result once(EmbeddedPostgres pg, BenchSandbox sb, int documents, Options o) {
        String company = SandboxDemo.PROFESSIONAL_COMPANY;
        String clientId = UUID.randomUUID().toString();
        String clientSecret = UUID.randomUUID().toString();
        HikariDataSource ds = BenchSupport.database(pg, "fis_bench_" + documents + "_" + System.nanoTime() % 100000);
        int confirmedBefore = sb.postingConfirmed(company);
        try (ErpAdapter erp = ErpAdapters.create(ErpConfig.parse(Map.of()), ds, HttpClient.newHttpClient(),
                     Clock.systemUTC())) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            sb.registerApp(clientId, clientSecret, "http://localhost/concur/connect");
            OAuthClient oauth = OAuthClient.builder()
                    .credentials(new ClientCredentials(clientId, Secret.of(clientSecret)))
                    .geolocations(Geolocations.concur().withSandbox(sb.geolocation("glz"))).build();
            TokenGrant grant = oauth.exchangeRequestToken(sb.geolocation("glz"), company,
                    Secret.of(sb.companyRequestToken(company)));
            ConcurClient concur = ConcurClient.builder().credentials(new CompanyTokenManager(oauth,
                    new MemoryTokenStore(grant), Clock.systemUTC(), Duration.ofMinutes(5)))
                    .geolocations(Geolocations.concur().withSandbox(sb.geolocation("glz"))).build();
            FisClient fis = concur.fis().withPageSize(o.pageSize()).withBatchSize(o.pageSize());

            List<String> ids = sb.generate(company, 42L + documents, documents);
            JdbcClient jdbc = JdbcClient.create(ds);
            for (int from = 0; from < ids.size(); from += 500) {
                ErpReferenceData.createFor(jdbc, ids.subList(from, Math.min(ids.size(), from + 500)).stream()
                        .map(sb::document).toList(), java.util.Set.of());
            }
            sb.latency(o.latency());
            ids = null;

            PostingLedger ledger = new PostingLedger(ds, Clock.systemUTC());
            FisPostingPipeline pipeline = new FisPostingPipeline(company, fis, erp, ledger, PostingMapping.none(),
                    Clock.systemUTC(), new FisPostingPipeline.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                    documents * 2), s -> { });
            System.gc();
            long before = usedHeap();
            BenchSupport.resetPeaks();
            long start = System.nanoTime();
            FisPostingPipeline.Stats stats = pipeline.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = BenchSupport.peakHeap();
            System.gc(); // what the run keeps (the pipeline and its ledger are still referenced), without garbage
            long after = usedHeap();
            java.lang.ref.Reference.reachabilityFence(pipeline);
            int confirmed = sb.postingConfirmed(company) - confirmedBefore;
            if (confirmed != documents || stats.confirmed() != documents) {
                throw new IllegalStateException("expected " + documents + " confirmed documents, sandbox has "
                        + confirmed + ", run: " + stats);
            }
            double bound = stats.concurCalls() * o.latency().toMillis() / 1000.0 / CONCURRENCY;
            return new Result(documents, seconds, stats.concurCalls(), stats.erpCalls(), bound, before >> 20,
                    peak >> 20, after >> 20);
        } finally {
            ds.close();
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
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

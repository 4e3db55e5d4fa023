package org.concurbridge.bridge.posting.extractjob;

import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpAdapters;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.posting.exactlyonce.NonDedupingErpConfiguration;
import org.concurbridge.bridge.posting.extract.ExtractJournalBuilder;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.sandbox.SandboxDemo;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Child JVM of {@link ExtractPostingKillIT}: posts an SAE file through {@link ExtractPoster} (50 reports a chunk)
 * into PostgreSQL, through an ERP without duplicate protection of its own that answers each post 300 ms after
 * committing it ({@link NonDedupingErpConfiguration}), until done or killed. Arguments: JDBC URL, user, password, file.
 */
public final class ExtractKillRun {

    private ExtractKillRun() {
    }

    public static void main(String[] args) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        ds.setUser(args[1]);
        ds.setPassword(args[2]);
        Clock clock = Clock.systemUTC();
        try (ErpAdapter sql = ErpAdapters.create(ErpConfig.parse(Map.of()), ds, HttpClient.newHttpClient(), clock)) {
            ErpAdapter erp = NonDedupingErpConfiguration.wrap(sql, JdbcClient.create(ds), 0.0, 300);
            ExtractPoster poster = new ExtractPoster(SandboxDemo.PROFESSIONAL_COMPANY, erp, new PostingLedger(ds, clock),
                    PostingMapping.none(), clock, false, Duration.ofMillis(100), 50);
            ExtractPoster.Outcome outcome = poster.post(ExtractJournalBuilder.Format.SAE, Path.of(args[3]), false);
            System.out.println("done held=" + outcome.held() + " counts=" + outcome.counts());
        }
    }
}

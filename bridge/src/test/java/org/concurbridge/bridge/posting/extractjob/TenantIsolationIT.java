package org.concurbridge.bridge.posting.extractjob;

import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpAdapters;
import org.concurbridge.bridge.erp.ErpConfig;
import org.concurbridge.bridge.posting.bench.SaePostingBench;
import org.concurbridge.bridge.posting.extract.ExtractJournalBuilder;
import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.LedgerState;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two companies whose extract batch ids and report keys collide (Concur numbers them per company), posting into one
 * shared ERP through one ledger: each company's reports are recorded, posted and numbered on their own; neither is
 * taken for the other's.
 */
class TenantIsolationIT {
    static final String A = "0a0a0a0a-0000-4000-8000-00000000000a";
    static final String B = "0b0b0b0b-0000-4000-8000-00000000000b";

    @TempDir
    Path dir;

    @Test
    void aConnectionPostsOnlyIntoTheErpCompaniesItsMappingNames() throws Exception {
        DataSource ds = TestDatabases.h2("allowlist");
        Path file = dir.resolve("sae.txt");
        SaePostingBench.prepare(List.of(ds), 4, file);
        Clock clock = Clock.systemUTC();
        PostingLedger ledger = new PostingLedger(ds, clock);
        JdbcClient jdbc = JdbcClient.create(ds);
        try (ErpAdapter erp = ErpAdapters.create(ErpConfig.parse(Map.of()), ds, HttpClient.newHttpClient(), clock)) {
            // no companies section: the ledger code in Concur's data would pick the ERP company; required, nothing posts
            ExtractPoster.Outcome none = new ExtractPoster(A, erp, ledger, PostingMapping.none().requiringCompanies(),
                    clock, false, Duration.ofSeconds(30)).post(ExtractJournalBuilder.Format.SAE, file, false);
            assertThat(none.counts().posted()).isZero();
            assertThat(none.counts().quarantined()).isEqualTo(none.counts().documents()).isPositive();
            assertThat(ledger.list(A, LedgerState.FAILED, 100)).allSatisfy(r -> assertThat(r.errorText())
                    .contains("company"));
            assertThat(jdbc.sql("select count(*) from erp.journal_entry").query(Long.class).single()).isZero();

            // a companies section naming one ERP company: everything of this connection goes there, nowhere else
            String allowed = "ERP01";
            PostingMapping mapping = PostingMapping.parse("companies:\n  - company: " + allowed + "\n", "test")
                    .requiringCompanies();
            assertThat(mapping.erpCompanies()).containsExactly(allowed);
            ExtractPoster.Outcome mapped = new ExtractPoster(B, erp, ledger, mapping, clock, false,
                    Duration.ofSeconds(30)).post(ExtractJournalBuilder.Format.SAE, file, false);
            assertThat(mapped.counts().posted()).as(mapped.counts().toString()).isPositive();
            assertThat(jdbc.sql("select distinct company from erp.journal_entry").query(String.class).list())
                    .containsExactly(allowed);
        }
    }

    @Test
    void collidingBatchIdsAndReportKeysOfTwoCompaniesPostSeparately() throws Exception {
        DataSource ds = TestDatabases.h2("tenants");
        Path file = dir.resolve("sae.txt");
        SaePostingBench.prepare(List.of(ds), 6, file);   // the same file, so the same batch id and report keys
        Clock clock = Clock.systemUTC();
        PostingLedger ledger = new PostingLedger(ds, clock);
        try (ErpAdapter erp = ErpAdapters.create(ErpConfig.parse(Map.of()), ds, HttpClient.newHttpClient(), clock)) {
            for (String company : List.of(A, B)) {
                ExtractPoster.Outcome outcome = new ExtractPoster(company, erp, ledger, PostingMapping.none(), clock,
                        false, Duration.ofSeconds(30)).post(ExtractJournalBuilder.Format.SAE, file, false);
                assertThat(outcome.held()).as(outcome.reason()).isFalse();
                assertThat(outcome.counts().posted()).as("company " + company + ": " + outcome.counts())
                        .isEqualTo(outcome.counts().documents()).isPositive();
            }
        }
        List<LedgerDocument> a = ledger.list(A, LedgerState.POSTED, 100);
        List<LedgerDocument> b = ledger.list(B, LedgerState.POSTED, 100);
        assertThat(a).hasSameSizeAs(b).isNotEmpty();
        assertThat(a.stream().map(LedgerDocument::sourceDocId).collect(Collectors.toSet()))
                .as("the same batch id and report keys").isEqualTo(b.stream().map(LedgerDocument::sourceDocId)
                        .collect(Collectors.toSet()));
        Set<String> numbersA = a.stream().map(LedgerDocument::erpDocumentNumber).collect(Collectors.toSet());
        Set<String> numbersB = b.stream().map(LedgerDocument::erpDocumentNumber).collect(Collectors.toSet());
        assertThat(numbersA).doesNotContainAnyElementsOf(numbersB);
        long entries = JdbcClient.create(ds).sql("select count(*) from erp.journal_entry").query(Long.class).single();
        assertThat(entries).as("one ERP entry per company and report").isEqualTo(a.size() + b.size());
    }
}

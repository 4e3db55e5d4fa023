package org.concurbridge.bridge.posting.extractjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.concurbridge.bridge.connect.ConcurClients;
import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.jobs.JobOutcome;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.posting.bench.ErpReferenceData;
import org.concurbridge.bridge.posting.extract.ExtractBuild;
import org.concurbridge.bridge.posting.extract.ExtractJournalBuilder;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.posting.pipeline.JournalEntries;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.testsupport.ErpBooks;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.sandbox.SandboxDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code extract-posting} on a real customer's file shape (the repository's fixture
 * {@code extracts/sae-real-customer.txt}), served by the in-process sandbox over loopback as an Extracts v1 job's file
 * and posted into the SQL adapter (H2): renamed payment types post by what the columns mean, the cash advance issuance
 * posts as the advance, the company-billed card owes the whole bill and the employee the personal part; the same file
 * with a wrong header is held whole and posts nothing.
 */
@SpringBootTest(properties = {"bridge.jobs.enabled=false", "bridge.extracts.enabled=true",
        "bridge.extracts.poll-initial=10s", "bridge.extracts.poll-max=40s",
        "bridge.extracts.work-dir=target/extract-posting-real-it"})
@Import(SandboxClockSleeper.class)
class RealCustomerExtractPostingIT {

    static final SandboxForTests concur = SandboxClockSleeper.CONCUR;
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;

    @Autowired
    ExtractPostingJob job;
    @Autowired
    QuickConnectService quickConnect;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    ConcurClients clients;
    @Autowired
    ExtractDeliveries deliveries;
    @Autowired
    JdbcClient jdbc;

    ErpBooks books;

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "extract-posting-real-h2");
    }

    @BeforeEach
    void connect() {
        books = new ErpBooks(jdbc);
        concur.sandbox().extracts().timing(Duration.ZERO, Duration.ZERO);
        concur.connectOnce(quickConnect, connections, clients, COMPANY);
        job.run(COMPANY);   // drains what earlier tests left extractable
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    static String fixture() throws IOException {
        try (InputStream in = RealCustomerExtractPostingIT.class.getResourceAsStream(
                "/extracts/sae-real-customer.txt")) {
            assertThat(in).as("fixture extracts/sae-real-customer.txt").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The ERP knows every account and employee the file's journals name (as a customer's ERP would). */
    private void erpKnowsTheFile(String file) {
        ExtractBuild b = new ExtractJournalBuilder(PostingMapping.none()).build(ExtractJournalBuilder.Format.SAE,
                new java.io.ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "fixture.txt");
        ErpReferenceData.createForEntries(jdbc, b.postable().stream()
                .map(d -> JournalEntries.toEntry(d, "k", LocalDate.of(2026, 1, 1))).toList(), Set.of());
    }

    private static Map<String, String> nets(String... accountAmount) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (int i = 0; i < accountAmount.length; i += 2) {
            m.put(accountAmount[i], new BigDecimal(accountAmount[i + 1]).stripTrailingZeros().toPlainString());
        }
        return m;
    }

    private static Map<String, String> sorted(Map<String, BigDecimal> in) {
        Map<String, String> m = new java.util.TreeMap<>();
        in.forEach((k, v) -> m.put(k, v.stripTrailingZeros().toPlainString()));
        return m;
    }

    @Test
    void aRealCustomersFilePostsEveryReportAndTheAdvanceByWhatTheColumnsMean() throws IOException {
        String file = fixture();
        erpKnowsTheFile(file);
        concur.sandbox().extracts().serveNextJob(COMPANY, "extract_CES_SAE_v3_9001.txt", file);

        JobResult result = job.run(COMPANY);

        assertThat(result.outcome()).as(result.message()).isEqualTo(JobOutcome.OK);
        for (String key : List.of(key("13231"), key("13232"), key("CA-4711"))) {
            assertThat(books.documents(key)).as(key).isEqualTo(1);
            assertThat(books.imbalance(key)).as(key).isZero();
        }
        assertThat(sorted(books.nets(key("13231")))).isEqualTo(nets("6200", "600.11", "6300", "230.03",
                "EMPL", "-830.14"));
        // the card is owed the whole bill, the employee owes the personal part
        assertThat(sorted(books.nets(key("13232")))).isEqualTo(nets("474230", "400", "CBCP", "-500",
                "EMPL", "100"));
        assertThat(sorted(books.nets(key("CA-4711")))).isEqualTo(nets("1410", "700", "EMPL", "-700"));
    }

    /** The ERP key of a report of batch 9001: company-qualified (tenant isolation). */
    private static String key(String report) {
        return ExtractPoster.erpKey(COMPANY, "sae:9001:" + report);
    }

    @Test
    void theSameFileWithAWrongHeaderIsHeldWholeAndNothingPosts() throws IOException {
        String file = fixture().replaceFirst("EXTRACT\\|2026-11-30\\|6\\|", "EXTRACT|2026-11-30|7|")
                .replace("|9001\r\n", "|9002\r\n").replace("DETAIL|9001|", "DETAIL|9002|");
        erpKnowsTheFile(file);
        int before = books.totalDocuments();
        concur.sandbox().extracts().serveNextJob(COMPANY, "extract_CES_SAE_v3_9002.txt", file);

        JobResult result = job.run(COMPANY);

        assertThat(result.outcome()).isEqualTo(JobOutcome.FAILED);
        assertThat(result.message()).contains("held");
        assertThat(books.totalDocuments()).isEqualTo(before);
        assertThat(deliveries.list(COMPANY, 5)).anySatisfy(d -> {
            assertThat(d.state()).isEqualTo(ExtractDeliveries.State.HELD);
            assertThat(d.detail()).contains("TRUNCATED").contains("line 1 column 3");
        });
    }
}

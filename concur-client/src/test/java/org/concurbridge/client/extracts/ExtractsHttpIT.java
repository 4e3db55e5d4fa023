package org.concurbridge.client.extracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.concurbridge.client.AccessToken;
import org.concurbridge.client.CompanyCredentials;
import org.concurbridge.client.ConcurClient;
import org.concurbridge.client.Geolocations;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.RetryPolicy;
import org.concurbridge.client.Secret;
import org.concurbridge.client.paymentbatch.CloseResult;
import org.concurbridge.client.paymentbatch.PaymentBatch;
import org.concurbridge.client.paymentbatch.PaymentBatchClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@link ExtractsClient} and {@link PaymentBatchClient} over real loopback HTTP against scripted answers shaped like
 * the official examples: the wire (methods, paths, headers, bodies) and the typed results of the documented statuses.
 * (The end-to-end ITs against the concur-sandbox live with the bridge's extract job once the sandbox serves these
 * APIs.)
 */
class ExtractsHttpIT {

    private static final String NS = "http://www.concursolutions.com/api/expense/extract/2010/02";

    private HttpServer server;
    private String base;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private ConcurClient concur;

    @TempDir
    Path tmp;

    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Answer xml(int status, String xml) {
            return new Answer(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        CompanyCredentials creds = new CompanyCredentials() {
            @Override
            public AccessToken current() {
                return new AccessToken(Secret.of("tok-123"), URI.create(base + "/us"), Instant.now().plusSeconds(3600));
            }

            @Override
            public void invalidate() {
            }
        };
        concur = ConcurClient.builder().credentials(creds)
                .retryPolicy(RetryPolicy.builder().sleeper(waits::add).build())
                .geolocations(Geolocations.concur().withSandbox(URI.create(base))).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String key = ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath();
        seen.add(key + " accept=" + ex.getRequestHeaders().getFirst("Accept") + " auth="
                + ex.getRequestHeaders().getFirst("Authorization"));
        bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Answer a = answers.getOrDefault(key, Answer.xml(404, "<Error><Message>not found</Message></Error>"));
        ex.getResponseHeaders().add("Content-Type", a.contentType());
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(a.body());
        }
    }

    private String def() {
        return base + "/us/api/expense/extract/v1.0/D$1";
    }

    private ExtractDefinition definition() {
        return new ExtractDefinition(def(), "Standard Accounting Extract", def() + "/job");
    }

    @Test
    void definitionsAreReadWithXmlAcceptAndTheBearerToken() {
        answers.put("GET /us/api/expense/extract/v1.0/", Answer.xml(200, "<definitions xmlns=\"" + NS + "\">"
                + "<definition><id>" + def() + "</id><job-link>" + def() + "/job</job-link>"
                + "<name>Standard Accounting Extract</name></definition></definitions>"));
        ExtractsClient extracts = concur.extracts();
        assertThat(extracts.definitionNamed("Standard Accounting Extract")).map(ExtractDefinition::id).contains(def());
        assertThat(extracts.definitionNamed("Payment Request Accounting Extract")).isEmpty();
        assertThat(seen.get(0)).isEqualTo("GET /us/api/expense/extract/v1.0/ accept=application/xml auth=Bearer tok-123");
    }

    @Test
    void startJobPostsTheDefinitionIdAndReturnsTheCreatedJobAndLocation() {
        String job = def() + "/job/J$1";
        answers.put("POST /us/api/expense/extract/v1.0/D$1/job", new Answer(201, "application/xml",
                ("<job xmlns=\"" + NS + "\"><id>" + job + "</id><status-link> " + job + "/status</status-link>"
                        + "<start-time>2026-11-30T09:00:00Z</start-time><status>Queued</status></job>")
                        .getBytes(StandardCharsets.UTF_8), Map.of("Location", job)));
        JobStart start = concur.extracts().startJob(definition());
        assertThat(start).isInstanceOfSatisfying(JobStart.Created.class, c -> {
            assertThat(c.location()).isEqualTo(job);
            assertThat(c.job().status()).isEqualTo(JobStatus.QUEUED);
        });
        assertThat(bodies.get(0)).isEqualTo("<definition xmlns=\"" + NS + "\"><id>" + def() + "</id></definition>");
    }

    @Test
    void conflictOnStartJobIsAlreadyRunningAndNotRetried() {
        answers.put("POST /us/api/expense/extract/v1.0/D$1/job", Answer.xml(409, "<Error/>"));
        assertThat(concur.extracts().startJob(definition())).isInstanceOf(JobStart.AlreadyRunning.class);
        assertThat(seen).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void statusFollowsTheStatusLinkAndTheFileStreamsToDiskAsCsv() throws IOException {
        String job = def() + "/job/J$1";
        answers.put("GET /us/api/expense/extract/v1.0/D$1/job/J$1/status", Answer.xml(200, "<job><id>" + job
                + "</id><status>Completed</status><stop-time>2026-11-30T09:01:00</stop-time><file-link>" + job
                + "/file</file-link></job>"));
        byte[] csv = "EXTRACT|2026-11-30|0|0.00|1\n".getBytes(StandardCharsets.UTF_8);
        answers.put("GET /us/api/expense/extract/v1.0/D$1/job/J$1/file", new Answer(200, "text/csv", csv, Map.of()));
        ExtractsClient extracts = concur.extracts();
        ExtractJob done = extracts.status(new ExtractJob(job, job + "/status", null, null, JobStatus.QUEUED,
                "Queued", null));
        assertThat(done.fileReady()).isTrue();
        ExtractFile file = extracts.download(done, tmp.resolve("sae.csv"));
        assertThat(file.kind()).isEqualTo(ExtractFile.Kind.CSV);
        assertThat(file.bytes()).isEqualTo(csv.length);
        assertThat(Files.readAllBytes(file.file())).isEqualTo(csv);
    }

    @Test
    void aZipDeliveryIsRecognisedByItsContentType() {
        String job = def() + "/job/J$2";
        answers.put("GET /us/api/expense/extract/v1.0/D$1/job/J$2/file",
                new Answer(200, "application/zip", new byte[] {'P', 'K', 3, 4}, Map.of()));
        ExtractFile file = concur.extracts().download(new ExtractJob(job, null, null, null, JobStatus.COMPLETED,
                "Completed", job + "/file"), tmp.resolve("x.zip"));
        assertThat(file.kind()).isEqualTo(ExtractFile.Kind.ZIP);
    }

    @Test
    void anUnknownDefinitionIsPermanentAndAJobWithoutFileCannotBeDownloaded() {
        assertThatThrownBy(() -> concur.extracts().definition(def()))
                .isInstanceOfSatisfying(ConcurException.Permanent.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
        assertThatThrownBy(() -> concur.extracts().download(new ExtractJob("j", null, null, null, JobStatus.FAILED,
                "Failed", null), tmp.resolve("f"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Failed");
    }

    @Test
    void aFailedDownloadWritesNoFileAndIsRetriedThenThrown() {
        String job = def() + "/job/J$3";
        answers.put("GET /us/api/expense/extract/v1.0/D$1/job/J$3/file", Answer.xml(503, "<Error/>"));
        Path target = tmp.resolve("never.csv");
        assertThatThrownBy(() -> concur.extracts().download(new ExtractJob(job, null, null, null,
                JobStatus.COMPLETED, "Completed", job + "/file"), target))
                .isInstanceOf(ConcurException.Retriable.class);
        assertThat(waits).hasSize(3);
        assertThat(target).doesNotExist();
    }

    @Test
    void paymentBatchesListCloseAsyncThenSyncForTheFileUrlAndDownload() throws IOException {
        String batchUrl = base + "/us/api/expense/paymentbatch/v1.1/batch/ENC1";
        answers.put("GET /us/api/expense/paymentbatch/v1.1/batchlist/OPEN", Answer.xml(200,
                "<BatchList><BatchSummary><BatchName>USD: Employees</BatchName><BatchID>b-1</BatchID>"
                        + "<BatchTotal>334.21</BatchTotal><Currency>USD</Currency><Count>10</Count>"
                        + "<Type>Employee</Type><Batch-URL>" + batchUrl + "</Batch-URL></BatchSummary></BatchList>"));
        answers.put("POST /us/api/expense/paymentbatch/v1.2/batch/ENC1/close", Answer.xml(200,
                "<CloseBatchResponse><Status>SUCCESS</Status><JobQueueKey>q1</JobQueueKey></CloseBatchResponse>"));
        answers.put("POST /us/api/expense/paymentbatch/v1.1/batch/ENC1/close", Answer.xml(200,
                "<BatchStatus><BatchStatus>CLOSED</BatchStatus><File-Url>http:// " + base.substring(7)
                        + "/us/api/expense/paymentbatch/v1.1/batch/RUN1/file</File-Url><Status>SUCCESS</Status>"
                        + "</BatchStatus>"));
        answers.put("GET /us/api/expense/paymentbatch/v1.1/batch/RUN1/file",
                new Answer(200, "text/csv", "EXTRACT|x\n".getBytes(StandardCharsets.UTF_8), Map.of()));
        PaymentBatchClient pb = concur.paymentBatches();
        PaymentBatch batch = pb.batches(PaymentBatch.BatchState.OPEN).get(0);
        assertThat(pb.closeAsync(batch)).isInstanceOfSatisfying(CloseResult.Accepted.class,
                a -> assertThat(a.jobQueueKey()).isEqualTo("q1"));
        CloseResult.Accepted sync = (CloseResult.Accepted) pb.close(batch);
        assertThat(sync.batchStatus()).isEqualTo("CLOSED");
        ExtractFile file = pb.download(sync.fileUrl(), tmp.resolve("batch.csv"));
        assertThat(Files.readString(file.file())).isEqualTo("EXTRACT|x\n");
    }

    @Test
    void closingABatchWithNoReportsIsTheTypedResultWithoutRetries() {
        answers.put("POST /us/api/expense/paymentbatch/v1.1/batch/ENC2/close", Answer.xml(500, "<Error/>"));
        PaymentBatch batch = new PaymentBatch("empty", "b-2", null, "USD", 0, "Employee", null,
                base + "/us/api/expense/paymentbatch/v1.1/batch/ENC2", PaymentBatch.BatchState.OPEN);
        assertThat(concur.paymentBatches().close(batch)).isInstanceOfSatisfying(CloseResult.NoReports.class,
                n -> assertThat(n.message()).contains("no reports").contains("b-2"));
        assertThat(seen).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void legacyHostLinksHaveTheirPathSentToTheGeolocationNeverToTheirHost() {
        String legacy = "https://www.concursolutions.com/api/expense/extract/v1.0/D$1";
        answers.put("GET /us/api/expense/extract/v1.0/D$1", Answer.xml(200, "<definition xmlns=\"" + NS + "\"><id>"
                + legacy + "</id><name>SAE</name><job-link>" + legacy + "/job</job-link></definition>"));
        answers.put("GET /us/api/expense/paymentbatch/v1.1/batch/RUN1/file",
                new Answer(200, "text/csv", "EXTRACT|x\n".getBytes(StandardCharsets.UTF_8), Map.of()));
        ExtractDefinition d = concur.extracts().definition(legacy);
        assertThat(d.jobLink()).isEqualTo(legacy + "/job");
        concur.paymentBatches().download("http:// www.concursolutions.com/api/expense/paymentbatch/v1.1/batch/RUN1/file",
                tmp.resolve("f.csv"));
        assertThat(seen).containsExactly(
                "GET /us/api/expense/extract/v1.0/D$1 accept=application/xml auth=Bearer tok-123",
                "GET /us/api/expense/paymentbatch/v1.1/batch/RUN1/file accept=text/csv, application/zip auth=Bearer tok-123");
    }

    @Test
    void aPlainHttpLinkNeverCarriesTheTokenOverHttpWhenTheGeolocationIsHttps() {
        CompanyCredentials https = new CompanyCredentials() {
            @Override
            public AccessToken current() {
                return new AccessToken(Secret.of("t"), URI.create("https://127.0.0.1:1"), Instant.now().plusSeconds(60));
            }

            @Override
            public void invalidate() {
            }
        };
        ConcurClient c = ConcurClient.builder().credentials(https).retryPolicy(RetryPolicy.noRetries())
                .geolocations(Geolocations.concur().withSandbox(URI.create("https://127.0.0.1:1"))
                        .withSandbox(URI.create(base))).build();
        // the http link's host is the stub (allowed): still, only the https geolocation is contacted (and is down)
        assertThatThrownBy(() -> c.extracts().definition(def())).isInstanceOf(ConcurException.class);
        assertThat(seen).isEmpty();
    }
}

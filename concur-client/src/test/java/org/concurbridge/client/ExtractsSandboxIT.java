package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.concurbridge.client.extract.ExtractZip;
import org.concurbridge.client.extracts.ExtractDefinition;
import org.concurbridge.client.extracts.ExtractFile;
import org.concurbridge.client.extracts.ExtractJob;
import org.concurbridge.client.extracts.ExtractsClient;
import org.concurbridge.client.extracts.JobStart;
import org.concurbridge.client.extracts.JobStatus;
import org.concurbridge.client.paymentbatch.CloseResult;
import org.concurbridge.client.paymentbatch.PaymentBatch;
import org.concurbridge.client.paymentbatch.PaymentBatchClient;
import org.concurbridge.sandbox.RecordedRequest;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ExtractsClient} and {@link PaymentBatchClient} against the sandbox over loopback HTTP. The sandbox prints its
 * links on the legacy {@code www.concursolutions.com} host (and {@code File-Url} over plain http) like the samples:
 * every call here reaching the sandbox proves the client sent each link's path to the company's geolocation.
 */
class ExtractsSandboxIT extends SandboxTestSupport {

    @TempDir
    Path tmp;

    private static final java.util.concurrent.atomic.AtomicLong SEEDS = new java.util.concurrent.atomic.AtomicLong(4242L);

    /** Batch ids are logged: a seed per test keeps them off the UUID stream other tests' tokens came from. */
    @Override
    long seed() {
        return SEEDS.incrementAndGet();
    }

    @Test
    void professionalJobGoesQueuedToCompletedOnTheSandboxClockAndItsSaeFileDownloads() throws IOException {
        String company = SandboxDemo.PROFESSIONAL_COMPANY;
        sandbox.fis().generate(company, 5L, 4, List.of(FisUseCase.MILEAGE));
        ExtractsClient extracts = concur(managerFor(company)).extracts();
        ExtractDefinition sae = extracts.definitionNamed("Standard Accounting Extract").orElseThrow();
        assertThat(extracts.definitions()).extracting(ExtractDefinition::name)
                .contains("Payment Request Accounting Extract", "AMEX Remittance - US");

        JobStart start = extracts.startJob(sae);
        assertThat(start).isInstanceOf(JobStart.Created.class);
        ExtractJob job = ((JobStart.Created) start).job();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(sae.jobLink()).as("links on the legacy host, like the samples")
                .startsWith("https://www.concursolutions.com/api/expense/extract/v1.0/");
        assertThat(job.statusLink()).startsWith("https://www.concursolutions.com/api/expense/extract/v1.0/");
        assertThat(extracts.startJob(sae)).isInstanceOf(JobStart.AlreadyRunning.class);
        assertThat(extracts.jobs(sae)).extracting(ExtractJob::id).contains(job.id());

        sandbox.clock().advance(Duration.ofMinutes(5));
        ExtractJob done = extracts.status(job);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.fileLink()).startsWith("https://www.concursolutions.com/");
        ExtractFile file = extracts.download(done, tmp.resolve("sae.csv"));
        assertThat(file.kind()).isEqualTo(ExtractFile.Kind.CSV);
        assertThat(Files.readString(file.file())).startsWith("EXTRACT|");
    }

    @Test
    void aDefinitionWithSeveralFilesDownloadsAZipOfExtractMembers() {
        String company = SandboxDemo.PROFESSIONAL_COMPANY;
        sandbox.fis().generate(company, 6L, 6, List.of(FisUseCase.CASH, FisUseCase.FOREIGN_CURRENCY));
        ExtractsClient extracts = concur(managerFor(company)).extracts();
        ExtractDefinition zip = extracts.definitionNamed("Standard Accounting Extract - By Currency").orElseThrow();
        ExtractJob job = ((JobStart.Created) extracts.startJob(zip)).job();
        sandbox.clock().advance(Duration.ofMinutes(5));
        ExtractFile file = extracts.download(extracts.status(job), tmp.resolve("sae.zip"));
        assertThat(file.kind()).isEqualTo(ExtractFile.Kind.ZIP);
        try (ExtractZip z = ExtractZip.open(file.file())) {
            assertThat(z.members()).isNotEmpty();
        }
    }

    @Test
    void standardBatchIsClosedAsynchronouslyThenItsFileUrlAndFileAreFetched() throws IOException {
        String company = SandboxDemo.STANDARD_COMPANY;
        sandbox.fis().generate(company, 7L, 3, List.of(FisUseCase.MILEAGE));
        PaymentBatchClient batches = concur(managerFor(company)).paymentBatches();
        PaymentBatch open = batches.batches(PaymentBatch.BatchState.OPEN).stream()
                .filter(b -> b.count() != null && b.count() > 0).findFirst().orElseThrow();

        assertThat(batches.closeAsync(open)).isInstanceOf(CloseResult.Accepted.class);
        sandbox.clock().advance(Duration.ofMinutes(5));
        assertThat(batches.batches(PaymentBatch.BatchState.CLOSED)).extracting(PaymentBatch::batchId)
                .contains(open.batchId());
        assertThat(open.batchUrl()).startsWith("https://www.concursolutions.com/api/expense/paymentbatch/v1.1/batch/");
        CloseResult.Accepted closed = (CloseResult.Accepted) batches.close(open);
        assertThat(closed.fileUrl()).as("plain http on the legacy host, like the close sample")
                .startsWith("http://www.concursolutions.com/api/expense/paymentbatch/v1.1/batch/");
        ExtractFile file = batches.download(closed.fileUrl(), tmp.resolve("batch.csv"));
        assertThat(Files.readString(file.file())).startsWith("EXTRACT|");
    }

    @Test
    void closingABatchWithoutReportsIsTheTypedNoReportsResult() {
        String company = SandboxDemo.STANDARD_COMPANY;
        PaymentBatchClient batches = concur(managerFor(company)).paymentBatches();
        List<PaymentBatch> empty = batches.batches(PaymentBatch.BatchState.OPEN).stream()
                .filter(b -> b.count() != null && b.count() == 0).toList();
        if (empty.isEmpty()) {
            sandbox.fis().generate(company, 8L, 1, List.of(FisUseCase.MILEAGE));
            PaymentBatch b = batches.batches(PaymentBatch.BatchState.OPEN).get(0);
            sandbox.paymentBatches().closeByHand(company, b.currency());
            empty = batches.batches(PaymentBatch.BatchState.OPEN).stream()
                    .filter(x -> x.count() != null && x.count() == 0).toList();
        }
        assertThat(empty).isNotEmpty();
        assertThat(batches.close(empty.get(0))).isInstanceOf(CloseResult.NoReports.class);
    }

    @Test
    void anExpiredOrRevokedTokenAnswered403OnTheClassicApisIsRefreshedOnceAndRetried() {
        String pro = SandboxDemo.PROFESSIONAL_COMPANY;
        ExtractsClient extracts = concur(managerFor(pro)).extracts();
        assertThat(extracts.definitions()).isNotEmpty();
        sandbox.revokeAccessTokens(pro);
        sandbox.clearRequests();
        assertThat(extracts.definitions()).isNotEmpty();
        assertThat(sandbox.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.status())
                .containsExactly("GET /api/expense/extract/v1.0/ 403", "POST /oauth2/v0/token 200",
                        "GET /api/expense/extract/v1.0/ 200");

        String standard = SandboxDemo.STANDARD_COMPANY;
        PaymentBatchClient batches = concur(managerFor(standard)).paymentBatches();
        batches.batches(null);
        sandbox.revokeAccessTokens(standard);
        sandbox.clearRequests();
        batches.batches(null);
        assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactly(403, 200, 200);
    }

    @Test
    void a500ClosingABatchThatHoldsReportsIsAFailureNotNoReports() {
        String company = SandboxDemo.STANDARD_COMPANY;
        sandbox.fis().generate(company, 9L, 2, List.of(FisUseCase.MILEAGE));
        PaymentBatchClient batches = concur(managerFor(company), RetryPolicy.noRetries()).paymentBatches();
        PaymentBatch open = batches.batches(PaymentBatch.BatchState.OPEN).stream()
                .filter(b -> b.count() != null && b.count() > 0).findFirst().orElseThrow();
        sandbox.faults().add(org.concurbridge.sandbox.faults.FaultRule.on("POST",
                "/api/expense/paymentbatch/v1.1/batch/*/close").status(500).times(1));

        ConcurException.Retriable e = org.assertj.core.api.Assertions.catchThrowableOfType(
                ConcurException.Retriable.class, () -> batches.close(open));
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.getMessage()).contains("could not be closed").contains(open.batchId());
        assertThat(batches.close(open)).as("the next attempt closes it").isInstanceOf(CloseResult.Accepted.class);
    }
}

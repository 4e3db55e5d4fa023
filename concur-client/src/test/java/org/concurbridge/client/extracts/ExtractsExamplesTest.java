package org.concurbridge.client.extracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.concurbridge.client.MalformedResponseException;
import org.concurbridge.client.Xml;
import org.junit.jupiter.api.Test;

/** Every official Extracts v1 XML example parses into the typed values, quirks included. */
class ExtractsExamplesTest {

    private static final String DEF = "https://www.concursolutions.com/api/expense/extract/v1.0/"
            + "nYoPK$pZmcowMRUqcl5bnDAwwsMydyt$xd";

    static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/concur-api/examples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/concur-api/examples not found above " + Path.of("").toAbsolutePath());
    }

    private static byte[] example(String name) throws IOException {
        return Files.readAllBytes(examples().resolve("extracts-v1").resolve(name));
    }

    @Test
    void definitionListGivesThreeDefinitionsAndRepairsJobLinksWithoutJob() throws IOException {
        List<ExtractDefinition> defs = ExtractsClient.parseDefinitions(Xml.parse(example("get-definitions-response.xml")));
        assertThat(defs).extracting(ExtractDefinition::name)
                .containsExactly("Standard Accounting Extract", "European Extract", "Asian Extract");
        assertThat(defs.get(0).id()).isEqualTo(DEF);
        assertThat(defs.get(0).jobsLink()).isEqualTo(DEF + "/job");
        assertThat(defs.get(1).jobLink()).doesNotEndWith("/job");
        assertThat(defs.get(1).jobsLink()).isEqualTo(defs.get(1).id() + "/job");
        assertThat(ExtractsClient.byName(defs, " standard accounting extract ")).contains(defs.get(0));
        assertThat(ExtractsClient.byName(defs, "Payment Request Accounting Extract")).isEmpty();
    }

    @Test
    void singleDefinitionInItsOwnElementOrder() throws IOException {
        ExtractDefinition d = ExtractsClient.parseDefinition(Xml.parse(example("get-definition-response.xml")));
        assertThat(d.name()).isEqualTo("AMEX Remittance - US");
        assertThat(d.jobsLink()).isEqualTo(d.jobLink()).endsWith("$pef6DmIj3/job");
    }

    @Test
    void jobListReadsQueuedAndCompleteJobsWithTheirTimesAndFileLinks() throws IOException {
        List<ExtractJob> jobs = ExtractsClient.parseJobs(Xml.parse(example("get-jobs-response.xml")));
        assertThat(jobs).extracting(ExtractJob::status)
                .containsExactly(JobStatus.QUEUED, JobStatus.COMPLETED, JobStatus.COMPLETED);
        assertThat(jobs.get(0).stopTime()).isNull();
        assertThat(jobs.get(0).fileLink()).isNull();
        assertThat(jobs.get(0).fileReady()).isFalse();
        assertThat(jobs.get(1).fileReady()).isTrue();
        assertThat(jobs.get(1).rawStatus()).isEqualTo("Complete");
        assertThat(jobs.get(1).startTime()).isEqualTo(Instant.parse("2010-01-13T18:30:02Z"));
        assertThat(jobs.get(1).stopTime()).isEqualTo(Instant.parse("2010-01-13T18:30:50Z"));
        assertThat(jobs.get(2).statusLink()).startsWith("https://www.concursolutions.com/api/extract/v1.0/");
    }

    @Test
    void jobDetailToleratesTheStrayBracketAndTheLeadingSpace() throws IOException {
        ExtractJob job = ExtractsClient.parseJob(Xml.parse(example("get-job-response.xml")));
        assertThat(job.id()).endsWith("pD21jyd>");
        assertThat(job.fileLink()).startsWith("https://").endsWith("/file");
        assertThat(job.startTime()).isEqualTo(Instant.parse("2010-01-12T18:30:01Z"));   // no zone: UTC
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void jobStatusReadsFractionalTimesAndCompleted() throws IOException {
        ExtractJob job = ExtractsClient.parseJob(Xml.parse(example("get-job-status-response.xml")));
        assertThat(job.rawStatus()).isEqualTo("Completed");
        assertThat(job.startTime()).isEqualTo(Instant.parse("2011-08-25T14:25:22.580Z"));
        assertThat(job.stopTime()).isEqualTo(Instant.parse("2011-08-25T14:25:23.537Z"));
        assertThat(job.pollLink()).isEqualTo(job.statusLink());
    }

    @Test
    void postJobResponseIsQueuedWithoutFile() throws IOException {
        ExtractJob job = ExtractsClient.parseJob(Xml.parse(example("post-job-response.xml")));
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.statusLink()).startsWith("https://");   // leading space trimmed
        assertThat(job.fileReady()).isFalse();
    }

    @Test
    void postJobRequestExampleIsTheBodyWeSendInSubstance() throws IOException {
        ExtractDefinition d = ExtractsClient.parseDefinition(Xml.parse(example("post-job-request.xml")));
        assertThat(d.id()).isEqualTo(DEF);
        assertThat(d.jobsLink()).isEqualTo(DEF + "/job");
    }

    @Test
    void statusWordsMapIgnoringCaseAndUnknownIsNeverGuessed() {
        assertThat(JobStatus.of("complete")).isEqualTo(JobStatus.COMPLETED);
        assertThat(JobStatus.of("Running")).isEqualTo(JobStatus.RUNNING);
        assertThat(JobStatus.of("Failed").terminal()).isTrue();
        assertThat(JobStatus.of("Paused")).isEqualTo(JobStatus.UNKNOWN);
        assertThat(JobStatus.of(null)).isEqualTo(JobStatus.UNKNOWN);
    }

    @Test
    void aJobWithoutIdOrWithABadTimeIsMalformed() {
        assertThatThrownBy(() -> ExtractsClient.parseJob(Xml.parse("<job><status>Queued</status></job>".getBytes())))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("<id>");
        assertThatThrownBy(() -> ExtractsClient.parseJob(Xml.parse(
                "<job><id>x</id><start-time>yesterday</start-time></job>".getBytes())))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("start-time");
        assertThatThrownBy(() -> Xml.parse("not xml".getBytes())).isInstanceOf(MalformedResponseException.class);
    }
}

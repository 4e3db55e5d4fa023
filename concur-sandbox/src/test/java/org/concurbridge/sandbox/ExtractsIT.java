package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.concurbridge.sandbox.extract.ExtractDefinition;
import org.concurbridge.sandbox.extract.ExtractFiles;
import org.concurbridge.sandbox.extract.ExtractJob;
import org.concurbridge.sandbox.extract.Extracts;
import org.concurbridge.sandbox.extract.FileFault;
import org.concurbridge.sandbox.faults.FaultRule;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Extracts v1 over real HTTP: definitions, job creation (201 + Location, 409), job status on the sandbox clock, jobs
 * list, csv and zip files built from the FIS documents, failed jobs, faults, scope / edition / company isolation, and
 * the structure of the official examples (examples/extracts-v1).
 */
class ExtractsIT {

    private static final Http HTTP = new Http();
    private static final String NS = Extracts.NAMESPACE;

    private ConcurSandbox sb;
    private String company;
    private String token;

    @BeforeEach
    void start() {
        sb = ConcurSandbox.builder().seed(21L).clock(SandboxClock.fixed(Instant.parse("2026-03-02T08:00:00Z")))
                .build().start();
        company = SandboxDemo.PROFESSIONAL_COMPANY;
        token = FisApiITSupport.token(sb, HTTP, company);
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    /**
     * A link the sandbox returned: on the legacy host like the samples ({@link LegacyLinks}), its path sent to the
     * company's geolocation as a client must.
     */
    private URI link(String legacy) {
        assertThat(legacy).startsWith(LegacyLinks.HTTPS + "/api/");
        return at(sb.geolocation("us"), legacy.substring(LegacyLinks.HTTPS.length()));
    }

    private URI api(String path) {
        return at(sb.geolocation("us"), "/api/expense/extract/v1.0" + path);
    }

    private Map<String, Element> definitionsByName(String bearer) {
        HttpResponse<String> r = HTTP.get(api("/"), bearer);
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Element> out = new LinkedHashMap<>();
        for (Element d : XmlDoc.children(XmlDoc.parse(r.body()), "definition")) {
            out.put(XmlDoc.text(d, "name"), d);
        }
        return out;
    }

    private String jobLink(String name) {
        return XmlDoc.text(definitionsByName(token).get(name), "job-link");
    }

    private HttpResponse<String> postJob(String jobLink, String bearer) {
        String definitionUri = jobLink.substring(0, jobLink.length() - "/job".length());
        return HTTP.send(HttpRequest.newBuilder(link(jobLink)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<definition xmlns=\"" + NS + "\"><id>" + definitionUri
                        + "</id></definition>")).build());
    }

    private HttpResponse<byte[]> getBytes(String uri) throws IOException, InterruptedException {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(link(uri))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void definitionsAreListedInTheDocumentedNamespaceWithFullUris() {
        HttpResponse<String> r = HTTP.get(api("/"), token);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        Element root = XmlDoc.parse(r.body());
        assertThat(root.getLocalName()).isEqualTo("definitions");
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        Map<String, Element> defs = definitionsByName(token);
        assertThat(defs.keySet()).contains(ExtractDefinition.SAE, ExtractDefinition.PRAE,
                ExtractDefinition.SAE_BY_CURRENCY, "European Extract", "AMEX Remittance - US");
        for (Element d : defs.values()) {
            assertThat(XmlDoc.childNames(d)).containsExactly("id", "job-link", "name");
            String id = XmlDoc.text(d, "id");
            assertThat(id).startsWith(LegacyLinks.HTTPS + "/api/expense/extract/v1.0/n");
            assertThat(XmlDoc.text(d, "job-link")).isEqualTo(id + "/job");
            HttpResponse<String> one = HTTP.get(link(id), token);
            assertThat(one.statusCode()).isEqualTo(200);
            Element def = XmlDoc.parse(one.body());
            assertThat(def.getLocalName()).isEqualTo("definition");
            assertThat(XmlDoc.childNames(def)).containsExactly("id", "name", "job-link");
            assertThat(XmlDoc.text(def, "name")).isEqualTo(XmlDoc.text(d, "name"));
        }
        assertThat(HTTP.get(api(""), token).statusCode()).as("without the trailing slash").isEqualTo(200);
        assertThat(HTTP.get(api("/nDoesNotExist$p1"), token).statusCode()).isEqualTo(404);
    }

    @Test
    void aJobIsQueuedThenRunningThenCompletedOnTheSandboxClockAndServesItsCsv() {
        List<String> ids = sb.fis().generate(company, 42L, 6, List.of(FisUseCase.CASH, FisUseCase.VAT_SINGLE,
                FisUseCase.CASH_ADVANCE_ISSUED));
        String jobLink = jobLink(ExtractDefinition.SAE);
        HttpResponse<String> created = postJob(jobLink, token);
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        Element job = XmlDoc.parse(created.body());
        assertThat(job.getNamespaceURI()).isEqualTo(NS);
        assertThat(XmlDoc.childNames(job)).containsExactly("id", "status-link", "start-time", "status");
        assertThat(XmlDoc.text(job, "id")).isEqualTo(location).startsWith(jobLink + "/");
        assertThat(XmlDoc.text(job, "status")).isEqualTo("Queued");
        assertThat(XmlDoc.text(job, "start-time")).isEqualTo("2026-03-02T08:00:00Z");

        HttpResponse<String> otherDefinition = HTTP.send(HttpRequest.newBuilder(link(jobLink))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<definition xmlns=\"" + NS + "\"><id>"
                        + jobLink(ExtractDefinition.PRAE).replace("/job", "") + "</id></definition>")).build());
        assertThat(otherDefinition.statusCode()).isEqualTo(400);
        assertThat(XmlDoc.text(XmlDoc.parse(otherDefinition.body()), "Message")).contains("not the definition");
        HttpResponse<String> again = postJob(jobLink, token);
        assertThat(again.statusCode()).as("409 while queued").isEqualTo(409);
        Element error = XmlDoc.parse(again.body());
        assertThat(error.getLocalName()).isEqualTo("Error");
        assertThat(XmlDoc.childNames(error)).containsExactly("Message", "Server-Time", "Id");

        String statusLink = XmlDoc.text(job, "status-link");
        sb.clock().advance(Duration.ofSeconds(30));
        Element running = XmlDoc.parse(HTTP.get(link(statusLink), token).body());
        assertThat(XmlDoc.text(running, "status")).isEqualTo("Running");
        assertThat(XmlDoc.childNames(running)).doesNotContain("stop-time", "file-link");
        assertThat(postJob(jobLink, token).statusCode()).as("409 while running").isEqualTo(409);
        assertThat(HTTP.get(link(location + "/file"), token).statusCode()).isEqualTo(404);

        sb.clock().advance(Duration.ofSeconds(60));
        Element done = XmlDoc.parse(HTTP.get(link(location), token).body());
        assertThat(XmlDoc.childNames(done)).containsExactly("id", "status-link", "start-time", "stop-time", "status",
                "file-link");
        assertThat(XmlDoc.text(done, "status")).isEqualTo("Completed");
        assertThat(XmlDoc.text(done, "stop-time")).isEqualTo("2026-03-02T08:01:30Z");
        HttpResponse<String> file = HTTP.get(link(XmlDoc.text(done, "file-link")), token);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = file.body().split("\n");
        assertThat(lines[0]).startsWith("EXTRACT|2026-03-02|" + (lines.length - 1) + "|");
        String jobId = location.substring(location.lastIndexOf('/') + 1);
        ExtractJob view = sb.extracts().job(jobId);
        assertThat(view.documents()).extracting(d -> d.fisId()).containsExactlyElementsOf(ids);
        assertThat(sb.extracts().expectedJournals(jobId)).hasSize(ids.size())
                .containsOnlyKeys(view.documents().stream().map(d -> d.reportKey()).toList());
        assertThat(sb.extracts().expectedJournals(jobId).get(view.documents().get(0).reportKey()))
                .isEqualTo(sb.fis().expectedJournal(ids.get(0)).orElseThrow());
        assertThat(file.body()).isEqualTo(new String(sb.extracts().jobFile(jobId), StandardCharsets.UTF_8));

        // The next job covers only what became extractable since: nothing, then two new reports.
        Element second = XmlDoc.parse(postJob(jobLink, token).body());
        sb.clock().advance(Duration.ofSeconds(90));
        HttpResponse<String> empty = HTTP.get(link(XmlDoc.text(second, "id") + "/file"), token);
        assertThat(empty.body()).isEqualTo("EXTRACT|2026-03-02|0|0.0000|2\n");
        List<String> newer = sb.fis().generate(company, 43L, 2, List.of(FisUseCase.CASH));
        String third = postJob(jobLink, token).headers().firstValue("Location").orElseThrow();
        sb.clock().advance(Duration.ofSeconds(90));
        assertThat(sb.extracts().job(third.substring(third.lastIndexOf('/') + 1)).documents())
                .extracting(d -> d.fisId()).containsExactlyElementsOf(newer);
    }

    @Test
    void theJobsListShowsTheLastHundredJobsNewestFirst() {
        sb.extracts().timing(Duration.ZERO, Duration.ZERO);
        String jobLink = jobLink(ExtractDefinition.PRAE);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            created.add(postJob(jobLink, token).headers().firstValue("Location").orElseThrow());
        }
        postJob(jobLink(ExtractDefinition.SAE), token);
        Element jobs = XmlDoc.parse(HTTP.get(link(jobLink), token).body());
        assertThat(jobs.getLocalName()).isEqualTo("jobs");
        List<Element> list = XmlDoc.children(jobs, "job");
        assertThat(list).hasSize(100);
        assertThat(XmlDoc.text(list.get(0), "id")).isEqualTo(created.get(100));
        assertThat(XmlDoc.text(list.get(99), "id")).isEqualTo(created.get(1));
        assertThat(list).allMatch(j -> "Completed".equals(XmlDoc.text(j, "status")));
    }

    @Test
    void theSeveralFilesDefinitionAnswersAZipWithOneSaePerCurrency() throws Exception {
        sb.extracts().timing(Duration.ZERO, Duration.ZERO);
        sb.fis().generate(company, 1L, 12, List.of(FisUseCase.VAT_SINGLE, FisUseCase.FOREIGN_CURRENCY,
                FisUseCase.ALLOWANCE_TAXABLE));
        String location = postJob(jobLink(ExtractDefinition.SAE_BY_CURRENCY), token).headers()
                .firstValue("Location").orElseThrow();
        HttpResponse<byte[]> zip = getBytes(location + "/file");
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        Map<String, String> members = unzip(zip.body());
        assertThat(members.keySet()).containsExactlyInAnyOrder("extract_CES_SAE_v3_1_EUR.txt",
                "extract_CES_SAE_v3_1_GBP.txt", "extract_CES_SAE_v3_1_USD.txt");
        int rows = 0;
        for (Map.Entry<String, String> m : members.entrySet()) {
            String currency = m.getKey().substring(m.getKey().length() - 7, m.getKey().length() - 4);
            String[] lines = m.getValue().split("\n");
            assertThat(lines[0]).startsWith("EXTRACT|").endsWith("|1");
            for (int i = 1; i < lines.length; i++) {
                assertThat(lines[i].split("\\|", -1)[21]).as("reimbursement currency").isEqualTo(currency);
            }
            rows += lines.length - 1;
        }
        String jobId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(rows).isEqualTo(sb.extracts().job(jobId).documents().stream().mapToInt(d -> d.rows()).sum());
    }

    @Test
    void aFailedJobHasNoFileAndItsDocumentsGoIntoTheNextJob() {
        sb.extracts().timing(Duration.ZERO, Duration.ofSeconds(10));
        List<String> ids = sb.fis().generate(company, 2L, 3, List.of(FisUseCase.CASH));
        sb.extracts().failNextJob(company);
        String jobLink = jobLink(ExtractDefinition.SAE);
        String failed = postJob(jobLink, token).headers().firstValue("Location").orElseThrow();
        sb.clock().advance(Duration.ofSeconds(10));
        Element job = XmlDoc.parse(HTTP.get(link(failed + "/status"), token).body());
        assertThat(XmlDoc.text(job, "status")).isEqualTo("Failed");
        assertThat(XmlDoc.childNames(job)).contains("stop-time").doesNotContain("file-link");
        assertThat(HTTP.get(link(failed + "/file"), token).statusCode()).isEqualTo(404);

        String next = postJob(jobLink, token).headers().firstValue("Location").orElseThrow();
        sb.clock().advance(Duration.ofSeconds(10));
        assertThat(sb.extracts().job(next.substring(next.lastIndexOf('/') + 1)).documents())
                .extracting(d -> d.fisId()).containsExactlyElementsOf(ids);
    }

    @Test
    void fileFaultsAreServedOverHttp() throws Exception {
        sb.extracts().timing(Duration.ZERO, Duration.ZERO);
        sb.fis().generate(company, 3L, 4, List.of(FisUseCase.CASH));
        sb.extracts().faultNextJob(company, FileFault.unexpectedZipMember());
        String location = postJob(jobLink(ExtractDefinition.SAE), token).headers().firstValue("Location")
                .orElseThrow();
        HttpResponse<byte[]> zip = getBytes(location + "/file");
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        assertThat(unzip(zip.body()).keySet()).containsExactly("extract_CES_SAE_v3_1.txt",
                ExtractFiles.UNEXPECTED_MEMBER);

        String jobId = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> admin = HTTP.postJson(at(sb.baseUri(), "/admin/extracts/jobs/" + jobId + "/fault"),
                "{\"kind\":\"wrong_totals\"}");
        assertThat(admin.statusCode()).isEqualTo(200);
        HttpResponse<String> csv = HTTP.get(link(location + "/file"), token);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\n");
        assertThat(lines[0].split("\\|")[2]).isEqualTo(Integer.toString(lines.length));

        assertThat(HTTP.postJson(at(sb.baseUri(), "/admin/extracts/jobs/" + jobId + "/fault"), "{\"kind\":\"x\"}")
                .statusCode()).isEqualTo(400);
        assertThat(HTTP.postJson(at(sb.baseUri(), "/admin/extracts/jobs/nope/fault"), "{}").statusCode())
                .isEqualTo(404);

        sb.faults().add(FaultRule.on("GET", "/api/expense/extract/v1.0/*/job/*/file").status(503).times(1));
        assertThat(HTTP.get(link(location + "/file"), token).statusCode()).isEqualTo(503);
        String whole = HTTP.get(link(location + "/file"), token).body();
        sb.faults().add(FaultRule.on("GET", "/api/expense/extract/v1.0/*/job/*/file").malformed().times(1));
        HttpResponse<String> cut = HTTP.get(link(location + "/file"), token);
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.body()).hasSize(whole.length() / 2);
        assertThat(whole).startsWith(cut.body());
        assertThat(sb.requests()).extracting(RecordedRequest::path)
                .contains("/api/expense/extract/v1.0/" + location.split("/")[7] + "/job/" + jobId + "/file");
    }

    @Test
    void callersNeedAnExtrctTokenOfAProfessionalCompanyAndSeeOnlyTheirOwnDefinitionsAndJobs() {
        assertThat(HTTP.get(api("/"), null).statusCode()).isEqualTo(401);
        // an expired or revoked token is 403 on the classic APIs (only a missing header is 401)
        assertThat(sb.revokeAccessTokens(company)).isPositive();
        HttpResponse<String> expired = HTTP.get(api("/"), token);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(XmlDoc.text(XmlDoc.parse(expired.body()), "Message")).contains("expired or revoked");
        token = FisApiITSupport.token(sb, HTTP, company);
        assertThat(HTTP.get(at(sb.geolocation("eu"), "/api/expense/extract/v1.0/"), token).statusCode())
                .as("another data center redirects home").isEqualTo(301);

        sb.registerApp("no-extract-app", "secret", "http://localhost/x", "openid company.read FISVC");
        Map<String, String> form = Http.passwordGrant(company, sb.companyRequestToken(company));
        form.put("client_id", "no-extract-app");
        form.put("client_secret", "secret");
        String noScope = json(HTTP.postForm(at(sb.geolocation("glz"), "/oauth2/v0/token"), form))
                .get("access_token").asString();
        HttpResponse<String> forbidden = HTTP.get(api("/"), noScope);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(XmlDoc.text(XmlDoc.parse(forbidden.body()), "Message")).contains("EXTRCT");

        String standard = FisApiITSupport.token(sb, HTTP, SandboxDemo.STANDARD_COMPANY);
        HttpResponse<String> standardAnswer = HTTP.get(at(sb.geolocation("eu"), "/api/expense/extract/v1.0/"),
                standard);
        assertThat(standardAnswer.statusCode()).isEqualTo(403);
        assertThat(standardAnswer.body()).contains("Payment Batches");

        String other = sb.addCompany("Other Pro", "CTE", "us").uuid();
        String otherToken = FisApiITSupport.token(sb, HTTP, other);
        String mine = jobLink(ExtractDefinition.SAE);
        assertThat(XmlDoc.text(definitionsByName(otherToken).get(ExtractDefinition.SAE), "job-link"))
                .isNotEqualTo(mine);
        assertThat(HTTP.get(link(mine), otherToken).statusCode()).isEqualTo(404);
        assertThat(postJob(mine, otherToken).statusCode()).isEqualTo(404);
        String job = postJob(mine, token).headers().firstValue("Location").orElseThrow();
        assertThat(HTTP.get(link(job), otherToken).statusCode()).isEqualTo(404);
        assertThat(sb.extracts().jobs(other)).isEmpty();
    }

    @Test
    void responsesHaveTheElementsOfTheOfficialExamples() throws Exception {
        Path examples = ConformanceIT.locateExamples().resolve("extracts-v1");
        Element exampleDefinitions = XmlDoc.parse(Files.readString(examples.resolve("get-definitions-response.xml")));
        Element exampleDefinition = XmlDoc.parse(Files.readString(examples.resolve("get-definition-response.xml")));
        Element examplePosted = XmlDoc.parse(Files.readString(examples.resolve("post-job-response.xml")));
        Element exampleDone = XmlDoc.parse(Files.readString(examples.resolve("get-job-status-response.xml")));
        Element exampleRequest = XmlDoc.parse(Files.readString(examples.resolve("post-job-request.xml")));

        Element defs = XmlDoc.parse(HTTP.get(api("/"), token).body());
        assertThat(defs.getNamespaceURI()).isEqualTo(exampleDefinitions.getNamespaceURI());
        assertThat(XmlDoc.childNames(XmlDoc.children(defs).get(0)))
                .containsExactlyElementsOf(XmlDoc.childNames(XmlDoc.children(exampleDefinitions).get(0)));
        String id = XmlDoc.text(XmlDoc.children(defs).get(0), "id");
        Element def = XmlDoc.parse(HTTP.get(link(id), token).body());
        assertThat(def.getNamespaceURI()).isEqualTo(exampleDefinition.getNamespaceURI());
        assertThat(XmlDoc.childNames(def)).containsExactlyElementsOf(XmlDoc.childNames(exampleDefinition));

        // The official request body (with our definition URI in <id>) is accepted.
        String request = Files.readString(examples.resolve("post-job-request.xml"))
                .replace(XmlDoc.text(exampleRequest, "id"), id);
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(link(id + "/job"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(request)).build());
        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(XmlDoc.childNames(XmlDoc.parse(posted.body()))).containsExactlyElementsOf(
                XmlDoc.childNames(examplePosted));
        sb.clock().advance(Duration.ofMinutes(5));
        Element done = XmlDoc.parse(HTTP.get(link(posted.headers().firstValue("Location").orElseThrow()
                + "/status"), token).body());
        assertThat(done.getNamespaceURI()).isEqualTo(exampleDone.getNamespaceURI());
        assertThat(XmlDoc.childNames(done)).containsExactlyElementsOf(XmlDoc.childNames(exampleDone));
        assertThat(XmlDoc.text(done, "status")).isEqualTo(XmlDoc.text(exampleDone, "status"));
    }

    @Test
    void theAdminApiStartsJobsAndShowsTheirDocumentsAndExpectedJournals() {
        sb.extracts().timing(Duration.ZERO, Duration.ZERO);
        sb.fis().generate(company, 4L, 2, List.of(FisUseCase.ALLOCATION));
        HttpResponse<String> started = HTTP.postJson(at(sb.baseUri(), "/admin/extracts/companies/" + company
                + "/jobs?definition=" + java.net.URLEncoder.encode(ExtractDefinition.SAE, StandardCharsets.UTF_8)), "");
        assertThat(started.statusCode()).isEqualTo(201);
        String jobId = json(started).get("id").asString();
        assertThat(json(started).get("documents")).hasSize(2);
        HttpResponse<String> journals = HTTP.get(at(sb.baseUri(), "/admin/extracts/jobs/" + jobId
                + "/expected-journals"), null);
        assertThat(json(journals).properties()).hasSize(2);
        assertThat(json(HTTP.get(at(sb.baseUri(), "/admin/extracts/companies/" + company + "/definitions"), null)))
                .hasSize(6);
        assertThat(HTTP.postJson(at(sb.baseUri(), "/admin/extracts/companies/" + company
                + "/jobs?definition=Nope"), "").statusCode()).isEqualTo(404);
        assertThat(HTTP.postJson(at(sb.baseUri(), "/admin/extracts/companies/" + company + "/next-job/fail"), "")
                .statusCode()).isEqualTo(200);
        assertThat(HTTP.postJson(at(sb.baseUri(), "/admin/extracts/timing?queuedSeconds=5&runningSeconds=7"), "")
                .statusCode()).isEqualTo(200);
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}

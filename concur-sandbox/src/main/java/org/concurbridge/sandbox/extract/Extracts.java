package org.concurbridge.sandbox.extract;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concurbridge.sandbox.LegacyLinks;
import org.concurbridge.sandbox.SandboxCompany;
import org.concurbridge.sandbox.SandboxExchange;
import org.concurbridge.sandbox.SandboxModule;
import org.concurbridge.sandbox.SandboxRoutes;
import org.concurbridge.sandbox.SandboxState;
import org.concurbridge.sandbox.fis.ExpectedJournal;
import org.concurbridge.sandbox.fis.Fis;
import org.concurbridge.sandbox.fis.FisDocType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts v1 (extracts-v1.md): definitions, jobs moving Queued → Running → Completed/Failed on the sandbox clock, and
 * the files of completed jobs, generated from the company's FIS documents (SAE for expense reports and cash advances,
 * PRAE for invoices). A job covers the documents that became extractable since the previous job of its definition.
 * Java API {@code sb.extracts()}; admin API under {@code /admin/extracts} (docs/sandbox.md).
 */
public final class Extracts implements SandboxModule {

    public static final String NAMESPACE = "http://www.concursolutions.com/api/expense/extract/2010/02";
    static final String BASE = "/api/expense/extract/v1.0";
    private static final Logger log = LoggerFactory.getLogger(Extracts.class);
    private static final Set<FisDocType> SAE_TYPES = EnumSet.of(FisDocType.EXPENSE, FisDocType.CASH_ADVANCE);
    private static final Set<FisDocType> PRAE_TYPES = EnumSet.of(FisDocType.INVOICE);
    private static final Pattern BODY_ID = Pattern.compile("<(?:\\w+:)?id>([^<]*)</(?:\\w+:)?id>");

    private final ExtractFiles files;
    private SandboxState state;
    private volatile Duration queued = Duration.ofSeconds(30);
    private volatile Duration running = Duration.ofSeconds(60);
    /** All state below is guarded by {@code this}. */
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, Set<String>> taken = new HashMap<>();
    private final Map<String, Long> batchIds = new HashMap<>();
    private final Map<String, Pending> next = new HashMap<>();

    /** What the next job of a company gets: a failure, a file fault, or a file given by a test (served as is). */
    private record Pending(boolean fail, FileFault fault, ExtractFile file) {
        Pending(boolean fail, FileFault fault) {
            this(fail, fault, null);
        }
    }

    private static final class Job {
        final String id;
        final SandboxCompany company;
        final ExtractDefinition definition;
        final Instant created;
        final Duration queued;
        final Duration running;
        final long batchId;
        final List<String> fisIds;
        final boolean fails;
        volatile FileFault fault;
        ExtractFile given;

        Job(String id, SandboxCompany company, ExtractDefinition definition, Instant created, Duration queued,
            Duration running, long batchId, List<String> fisIds, boolean fails, FileFault fault) {
            this.id = id;
            this.company = company;
            this.definition = definition;
            this.created = created;
            this.queued = queued;
            this.running = running;
            this.batchId = batchId;
            this.fisIds = fisIds;
            this.fails = fails;
            this.fault = fault;
        }

        Instant stop() {
            return created.plus(queued).plus(running);
        }

        String status(Instant now) {
            if (now.isBefore(created.plus(queued))) {
                return ExtractJob.QUEUED;
            }
            if (now.isBefore(stop())) {
                return ExtractJob.RUNNING;
            }
            return fails ? ExtractJob.FAILED : ExtractJob.COMPLETED;
        }

        boolean pending(Instant now) {
            String s = status(now);
            return ExtractJob.QUEUED.equals(s) || ExtractJob.RUNNING.equals(s);
        }
    }

    public Extracts(Fis fis) {
        this.files = new ExtractFiles(Objects.requireNonNull(fis, "fis"));
    }

    @Override
    public void register(SandboxRoutes routes, SandboxState sandboxState) {
        this.state = sandboxState;
        routes.geo(GET, BASE, ex -> xml(ex, this::definitionsResponse));
        routes.geo(GET, BASE + "/{definitionId}", ex -> xml(ex, this::definitionResponse));
        routes.geo(GET, BASE + "/{definitionId}/job", ex -> xml(ex, this::jobsResponse));
        routes.geo(POST, BASE + "/{definitionId}/job", ex -> xml(ex, this::createJob));
        routes.geo(GET, BASE + "/{definitionId}/job/{jobId}", ex -> xml(ex, this::jobResponse));
        routes.geo(GET, BASE + "/{definitionId}/job/{jobId}/status", ex -> xml(ex, this::jobResponse));
        routes.geo(GET, BASE + "/{definitionId}/job/{jobId}/file", ex -> xml(ex, this::fileResponse));
        new ExtractsAdmin(this).register(routes);
    }

    // =================================================================== Java API

    /** The company's definitions (the same names for every company, ids per company). */
    public List<ExtractDefinition> definitions(String companyUuid) {
        return ExtractDefinition.standardSet(company(companyUuid).uuid());
    }

    public ExtractDefinition definition(String companyUuid, String name) {
        return definitions(companyUuid).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no extract definition named '" + name + "'"));
    }

    /**
     * Starts a job as the POST does (Queued now, Running after the queue time, done after the run time); throws
     * {@link IllegalStateException} while another job of the definition is queued or running. Returns the job id.
     */
    public String startJob(String companyUuid, String definitionName) {
        SandboxCompany company = company(companyUuid);
        ExtractDefinition d = definition(company.uuid(), definitionName);
        Job job = create(company, d);
        if (job == null) {
            throw new IllegalStateException("a job of '" + definitionName + "' is already queued or running");
        }
        return job.id;
    }

    /** The company's jobs, newest first. */
    public List<ExtractJob> jobs(String companyUuid) {
        String uuid = company(companyUuid).uuid();
        List<Job> list;
        synchronized (this) {
            list = jobs.values().stream().filter(j -> j.company.uuid().equals(uuid)).toList();
        }
        List<ExtractJob> out = new ArrayList<>();
        for (int i = list.size() - 1; i >= 0; i--) {
            out.add(view(list.get(i)));
        }
        return out;
    }

    public ExtractJob job(String jobId) {
        return view(requireJob(jobId));
    }

    /** The files a job serves (one, or several for a zip definition), generated from its documents now. */
    public List<ExtractFile> jobFiles(String jobId) {
        return render(requireJob(jobId));
    }

    /** The body the file endpoint serves for a completed job: CSV bytes (UTF-8) or a zip. */
    public byte[] jobFile(String jobId) {
        Job job = requireJob(jobId);
        List<ExtractFile> rendered = render(job);
        return zipped(job) ? ExtractFiles.zip(rendered, isZipFault(job.fault))
                : rendered.get(0).content().getBytes(StandardCharsets.UTF_8);
    }

    /** Expected journal per report key of the job's documents (the journals the bridge must post from its file). */
    public Map<String, ExpectedJournal> expectedJournals(String jobId) {
        return files.expectedJournals(job(jobId).documents());
    }

    /** A fault for an existing job's file ({@code null} removes it). */
    public void fault(String jobId, FileFault fault) {
        requireJob(jobId).fault = fault;
    }

    /** The next job the company starts gets this file fault. */
    public synchronized void faultNextJob(String companyUuid, FileFault fault) {
        next.put(company(companyUuid).uuid(), new Pending(false, Objects.requireNonNull(fault, "fault")));
    }

    /**
     * The next job the company starts serves this file, byte for byte (a customer's real-world file written by a
     * test), instead of one generated from the company's documents; those stay for the following job.
     */
    public synchronized void serveNextJob(String companyUuid, String fileName, String content) {
        next.put(company(companyUuid).uuid(), new Pending(false, null, new ExtractFile(Objects.requireNonNull(fileName,
                "fileName"), Objects.requireNonNull(content, "content"), 0, BigDecimal.ZERO, List.of())));
    }

    /** The next job the company starts ends Failed (no file); its documents stay for the following job. */
    public synchronized void failNextJob(String companyUuid) {
        next.put(company(companyUuid).uuid(), new Pending(true, null));
    }

    /** How long new jobs stay Queued, then Running, on the sandbox clock (default 30 s and 60 s). */
    public void timing(Duration queuedFor, Duration runningFor) {
        if (queuedFor.isNegative() || runningFor.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        this.queued = queuedFor;
        this.running = runningFor;
    }

    // =================================================================== HTTP API

    private static final ClassicCaller.Rules RULES = new ClassicCaller.Rules(NAMESPACE, "EXTRCT", false,
            "Extracts are not available to Concur Expense Standard Edition companies; use"
                    + " Payment Batches.");

    private static void xml(SandboxExchange ex, Consumer<ClassicCaller> handler) {
        ClassicCaller.serve(ex, RULES, handler);
    }

    /** Links are printed on the legacy host like the samples ({@link LegacyLinks}); the path is served here. */
    private String base(ClassicCaller c) {
        return LegacyLinks.HTTPS + BASE;
    }

    private void definitionsResponse(ClassicCaller c) {
        Xml x = Xml.root("definitions", NAMESPACE);
        for (ExtractDefinition d : definitions(c.company().uuid())) {
            String uri = base(c) + "/" + d.id();
            x.open("definition").el("id", uri).el("job-link", uri + "/job").el("name", d.name()).close("definition");
        }
        Xml.send(c.ex().ctx(), 200, x.end("definitions"));
    }

    private void definitionResponse(ClassicCaller c) {
        ExtractDefinition d = requireDefinition(c);
        String uri = base(c) + "/" + d.id();
        Xml.send(c.ex().ctx(), 200, Xml.root("definition", NAMESPACE).el("id", uri).el("name", d.name())
                .el("job-link", uri + "/job").end("definition"));
    }

    private void jobsResponse(ClassicCaller c) {
        ExtractDefinition d = requireDefinition(c);
        List<Job> list;
        synchronized (this) {
            list = jobs.values().stream().filter(j -> j.company.uuid().equals(c.company().uuid())
                    && j.definition.id().equals(d.id())).toList();
        }
        Xml x = Xml.root("jobs", NAMESPACE);
        Instant now = state.clock().instant();
        for (int i = list.size() - 1, n = 0; i >= 0 && n < 100; i--, n++) {
            jobElement(x.open("job"), c, list.get(i), now).close("job");
        }
        Xml.send(c.ex().ctx(), 200, x.end("jobs"));
    }

    private void createJob(ClassicCaller c) {
        ExtractDefinition d = requireDefinition(c);
        String body = c.ex().ctx().body();
        if (!body.isBlank() && !body.contains("<definition")) {
            throw new Xml.Failure(400, NAMESPACE, "The request body must be <definition><id>{definition URI}</id>"
                    + "</definition>.");
        }
        Matcher id = BODY_ID.matcher(body);
        if (id.find() && !id.group(1).trim().endsWith("/" + d.id())) {
            throw new Xml.Failure(400, NAMESPACE, "The <id> of the request body (" + id.group(1).trim()
                    + ") is not the definition of the URI.");
        }
        Job job = create(c.company(), d);
        if (job == null) {
            throw new Xml.Failure(409, NAMESPACE, "A job for the extract definition '" + d.name()
                    + "' is already queued or running.");
        }
        String uri = base(c) + "/" + d.id() + "/job/" + job.id;
        c.ex().ctx().header("Location", uri);
        Xml.send(c.ex().ctx(), 201, jobElement(Xml.root("job", NAMESPACE), c, job, state.clock().instant())
                .end("job"));
    }

    private void jobResponse(ClassicCaller c) {
        Job job = requireJob(c);
        Xml.send(c.ex().ctx(), 200, jobElement(Xml.root("job", NAMESPACE), c, job, state.clock().instant())
                .end("job"));
    }

    private void fileResponse(ClassicCaller c) {
        Job job = requireJob(c);
        String status = job.status(state.clock().instant());
        if (!ExtractJob.COMPLETED.equals(status)) {
            throw new Xml.Failure(404, NAMESPACE, "The job is " + status + "; it has no file.");
        }
        byte[] body = jobFile(job.id);
        boolean zip = zipped(job);
        c.ex().ctx().status(200).contentType(zip ? "application/zip" : "text/csv").result(body);
        log.info("extract.file company={} job={} definition={} bytes={} fault={}", c.company().uuid(), job.id,
                job.definition.name(), body.length, job.fault == null ? "-" : job.fault.kind());
    }

    /** {@code id}, {@code status-link}, {@code start-time}, {@code stop-time} and {@code file-link} once done. */
    private Xml jobElement(Xml x, ClassicCaller c, Job job, Instant now) {
        String uri = base(c) + "/" + job.definition.id() + "/job/" + job.id;
        String status = job.status(now);
        x.el("id", uri).el("status-link", uri + "/status").el("start-time", Xml.time(job.created));
        if (!job.pending(now)) {
            x.el("stop-time", Xml.time(job.stop()));
        }
        x.el("status", status);
        if (ExtractJob.COMPLETED.equals(status)) {
            x.el("file-link", uri + "/file");
        }
        return x;
    }

    private ExtractDefinition requireDefinition(ClassicCaller c) {
        String id = c.ex().ctx().pathParam("definitionId");
        return definitions(c.company().uuid()).stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new Xml.Failure(404, NAMESPACE, "The extract definition id is invalid."));
    }

    private Job requireJob(ClassicCaller c) {
        ExtractDefinition d = requireDefinition(c);
        Job job;
        synchronized (this) {
            job = jobs.get(c.ex().ctx().pathParam("jobId"));
        }
        if (job == null || !job.company.uuid().equals(c.company().uuid()) || !job.definition.id().equals(d.id())) {
            throw new Xml.Failure(404, NAMESPACE, "The job id is invalid.");
        }
        return job;
    }

    // =================================================================== state

    /** A new job, or null while another job of the definition is queued or running. */
    private synchronized Job create(SandboxCompany company, ExtractDefinition d) {
        Instant now = state.clock().instant();
        for (Job j : jobs.values()) {
            if (j.company.uuid().equals(company.uuid()) && j.definition.id().equals(d.id()) && j.pending(now)) {
                return null;
            }
        }
        Pending p = next.remove(company.uuid());
        boolean fails = p != null && p.fail();
        String key = company.uuid() + "/" + d.id();
        Set<String> done = taken.computeIfAbsent(key, k -> new HashSet<>());
        List<String> ids = p != null && p.file() != null ? List.of() : switch (d.output()) {
            case SAE_FILE, SAE_ZIP_BY_CURRENCY -> files.extractable(company.uuid(), SAE_TYPES, done);
            case PRAE_FILE -> files.extractable(company.uuid(), PRAE_TYPES, done);
            case OTHER -> List.of();
        };
        if (!fails) {
            done.addAll(ids);
        }
        long batchId = batchIds.merge(company.uuid(), 1L, Long::sum);
        String id = ExtractFiles.newId(state.newUuid());
        Job job = new Job(id, company, d, now, queued, running, batchId, List.copyOf(ids), fails,
                p == null ? null : p.fault());
        job.given = p == null ? null : p.file();
        jobs.put(id, job);
        log.info("extract.job company={} definition={} job={} documents={} batchId={} fails={}", company.uuid(),
                d.name(), id, ids.size(), batchId, fails);
        return job;
    }

    private List<ExtractFile> render(Job job) {
        if (job.given != null) {
            return List.of(job.given);
        }
        LocalDate date = LocalDate.ofInstant(job.created, ZoneOffset.UTC);
        FileFault fault = job.fault;
        return switch (job.definition.output()) {
            case SAE_FILE -> List.of(files.sae("extract_CES_SAE_v3_" + job.batchId + ".txt", job.batchId, date,
                    job.fisIds, fault));
            case PRAE_FILE -> List.of(files.prae("extract_PRAE_" + job.batchId + ".txt", job.batchId, date,
                    job.fisIds, fault));
            case SAE_ZIP_BY_CURRENCY -> byCurrency(job, date, fault);
            case OTHER -> List.of(new ExtractFile(job.definition.name().replaceAll("[^A-Za-z0-9]+", "_") + ".csv",
                    "100,AAA,BBBB,CCCC\n", 0, BigDecimal.ZERO, List.of()));
        };
    }

    /** One SAE file per reimbursement currency (the order of first appearance). */
    private List<ExtractFile> byCurrency(Job job, LocalDate date, FileFault fault) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String id : job.fisIds) {
            groups.computeIfAbsent(files.currency(id), k -> new ArrayList<>()).add(id);
        }
        if (groups.isEmpty()) {
            groups.put("USD", List.of());
        }
        List<ExtractFile> out = new ArrayList<>();
        groups.forEach((currency, ids) -> out.add(files.sae("extract_CES_SAE_v3_" + job.batchId + "_" + currency
                + ".txt", job.batchId, date, ids, fault)));
        return out;
    }

    /** A zip for the several-files definition, or for any definition given an UNEXPECTED_ZIP_MEMBER fault. */
    private static boolean zipped(Job job) {
        return job.definition.output() == ExtractDefinition.Output.SAE_ZIP_BY_CURRENCY || isZipFault(job.fault);
    }

    private static boolean isZipFault(FileFault fault) {
        return fault != null && fault.kind() == FileFault.Kind.UNEXPECTED_ZIP_MEMBER;
    }

    private ExtractJob view(Job job) {
        Instant now = state.clock().instant();
        String status = job.status(now);
        List<ExtractedDocument> docs = job.definition.accounting()
                ? render(job).stream().flatMap(f -> f.documents().stream()).toList() : List.of();
        return new ExtractJob(job.id, job.company.uuid(), job.definition.id(), job.definition.name(), status,
                job.created, job.pending(now) ? null : job.stop(), job.batchId, docs, job.fault);
    }

    private synchronized Job requireJob(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw new IllegalArgumentException("no extract job " + jobId);
        }
        return job;
    }

    private SandboxCompany company(String uuid) {
        return state.company(uuid).orElseThrow(() -> new IllegalArgumentException("no company " + uuid));
    }
}

package org.concurbridge.client.extracts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.concurbridge.client.ApiCalls;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.MalformedResponseException;
import org.concurbridge.client.Xml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * Extracts v1 for one company (extracts-v1.md): the extract definitions, their jobs and the job files (SAE, PRAE…).
 * XML only. Links Concur returns ({@code job-link}, {@code status-link}, {@code file-link}) are followed as given.
 * Obtained from {@code ConcurClient.extracts()}; immutable and thread-safe.
 *
 * <p>Failures are {@link ConcurException}s classified once by the client (404 unknown definition or job →
 * {@code Permanent}; 5xx/429/network → {@code Retriable}, retried by the client's policy); the one documented business
 * answer, 409 on job creation, is the typed {@link JobStart.AlreadyRunning}.
 */
public final class ExtractsClient {

    /** The base path: the definition list. */
    public static final String BASE = "/api/expense/extract/v1.0/";
    static final String NAMESPACE = "http://www.concursolutions.com/api/expense/extract/2010/02";

    private static final Logger log = LoggerFactory.getLogger(ExtractsClient.class);

    private final ApiCalls calls;

    private ExtractsClient(ApiCalls calls) {
        this.calls = calls;
    }

    /** Used by {@code ConcurClient.extracts()}. */
    public static ExtractsClient over(ApiCalls calls) {
        return new ExtractsClient(Objects.requireNonNull(calls, "calls"));
    }

    /** {@code GET /api/expense/extract/v1.0/}: every definition of the company. */
    public List<ExtractDefinition> definitions() {
        List<ExtractDefinition> defs = calls.xml("extractDefinitions", "GET", BASE, null, Set.of(),
                r -> parseDefinitions(r.xml()));
        log.info("concur.extracts op=definitions count={}", defs.size());
        return defs;
    }

    /** The definition named exactly {@code name} (ignoring case and surrounding blanks), if any. */
    public Optional<ExtractDefinition> definitionNamed(String name) {
        return byName(definitions(), name);
    }

    static Optional<ExtractDefinition> byName(List<ExtractDefinition> defs, String name) {
        String wanted = name.trim();
        return defs.stream().filter(d -> d.name() != null && d.name().trim().equalsIgnoreCase(wanted)).findFirst();
    }

    /** {@code GET {definition id}}: one definition ({@code 404} → {@code Permanent}). */
    public ExtractDefinition definition(String definitionLink) {
        return calls.xml("extractDefinition", "GET", definitionLink, null, Set.of(), r -> parseDefinition(r.xml()));
    }

    /**
     * {@code POST {job-link}} with {@code <definition><id>…</id></definition>}: {@code 201} →
     * {@link JobStart.Created}; {@code 409} → {@link JobStart.AlreadyRunning}.
     */
    public JobStart startJob(ExtractDefinition definition) {
        byte[] body = ("<definition xmlns=\"" + NAMESPACE + "\"><id>" + escape(definition.id())
                + "</id></definition>").getBytes(StandardCharsets.UTF_8);
        JobStart start = calls.xml("extractStartJob", "POST", definition.jobsLink(), body, Set.of(409), r -> {
            if (r.status() == 409) {
                return new JobStart.AlreadyRunning(definition, "a job of definition '" + definition.name()
                        + "' is already queued or running (HTTP 409)", r.correlationId());
            }
            ExtractJob job = parseJob(r.xml());
            return new JobStart.Created(job, r.location() == null ? job.id() : r.location().trim());
        });
        if (start instanceof JobStart.Created c) {
            log.info("concur.extracts op=startJob definition=\"{}\" job={} status={}", definition.name(),
                    c.location(), c.job().status());
        } else {
            log.info("concur.extracts op=startJob definition=\"{}\" result=already-running correlationId={}",
                    definition.name(), ((JobStart.AlreadyRunning) start).correlationId());
        }
        return start;
    }

    /** {@code GET {job-link}}: the definition's last 100 jobs, as Concur orders them. */
    public List<ExtractJob> jobs(ExtractDefinition definition) {
        return calls.xml("extractJobs", "GET", definition.jobsLink(), null, Set.of(), r -> parseJobs(r.xml()));
    }

    /** {@code GET {status-link}}: the job's current state. */
    public ExtractJob status(ExtractJob job) {
        return calls.xml("extractJobStatus", "GET", job.pollLink(), null, Set.of(), r -> parseJob(r.xml()));
    }

    /**
     * {@code GET {file-link}} streamed to {@code target}: one CSV, or a zip when the definition produces several
     * files.
     *
     * @throws IllegalStateException when the job has no file (not completed, or failed)
     */
    public ExtractFile download(ExtractJob job, Path target) {
        if (job.fileLink() == null) {
            throw new IllegalStateException("job " + job.id() + " has no file (status " + job.rawStatus() + ")");
        }
        ExtractFile file = ExtractFile.of(calls.download("extractFile", job.fileLink(),
                "text/csv, application/zip", target));
        log.info("concur.extracts op=file job={} kind={} bytes={}", job.id(), file.kind(), file.bytes());
        return file;
    }

    static List<ExtractDefinition> parseDefinitions(JsonNode root) {
        return Xml.children(root, "definition").stream().map(ExtractsClient::parseDefinition).toList();
    }

    static ExtractDefinition parseDefinition(JsonNode d) {
        return new ExtractDefinition(Xml.required(d, "id"), Xml.text(d, "name"), Xml.text(d, "job-link"));
    }

    static List<ExtractJob> parseJobs(JsonNode root) {
        return Xml.children(root, "job").stream().map(ExtractsClient::parseJob).toList();
    }

    static ExtractJob parseJob(JsonNode j) {
        String raw = Xml.text(j, "status");
        return new ExtractJob(Xml.required(j, "id"), Xml.text(j, "status-link"), instant(j, "start-time"),
                instant(j, "stop-time"), JobStatus.of(raw), raw, Xml.text(j, "file-link"));
    }

    /** UTC timestamps as the samples print them: with {@code Z} or an offset, or without a zone (then UTC). */
    static Instant instant(JsonNode parent, String name) {
        String v = Xml.text(parent, name);
        if (v == null) {
            return null;
        }
        try {
            boolean zoned = v.endsWith("Z") || v.endsWith("z") || v.matches(".*[+-]\\d\\d:?\\d\\d$");
            return zoned ? OffsetDateTime.parse(v.toUpperCase(java.util.Locale.ROOT)).toInstant()
                    : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException("element <" + name + "> is not a timestamp: '" + v + "'", e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

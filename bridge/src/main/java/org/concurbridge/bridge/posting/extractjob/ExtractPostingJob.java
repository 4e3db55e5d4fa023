package org.concurbridge.bridge.posting.extractjob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.connect.ConcurClients;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.jobs.ConnectionJob;
import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.jobs.ProgressListener;
import org.concurbridge.bridge.jobs.RunProgress;
import org.concurbridge.bridge.posting.extract.ExtractJournalBuilder;
import org.concurbridge.bridge.posting.extractjob.ExtractDeliveries.Delivery;
import org.concurbridge.bridge.posting.extractjob.ExtractDeliveries.Origin;
import org.concurbridge.bridge.posting.extractjob.ExtractDeliveries.State;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.mapping.MappingException;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.posting.pipeline.ConnectionMappings;
import org.concurbridge.bridge.store.Connection;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.client.ConcurClient;
import org.concurbridge.client.ConcurException;
import org.concurbridge.client.Edition;
import org.concurbridge.client.Sleeper;
import org.concurbridge.client.extracts.ExtractDefinition;
import org.concurbridge.client.extracts.ExtractFile;
import org.concurbridge.client.extracts.ExtractJob;
import org.concurbridge.client.extracts.ExtractsClient;
import org.concurbridge.client.extracts.JobStart;
import org.concurbridge.client.paymentbatch.CloseResult;
import org.concurbridge.client.paymentbatch.PaymentBatch;
import org.concurbridge.client.paymentbatch.PaymentBatchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code extract-posting}: posting from extract files, per edition (docs/extracts.md).
 * <ul>
 *   <li><b>Professional</b> (Extracts v1): per configured definition name (SAE, and PRAE when configured), the jobs
 *       recorded as STARTED are polled first (a crash between start and posting); then the completed jobs not yet
 *       processed (on the first run only the latest one; later every one started after the last recorded); when
 *       there is none, a job is started (a 409 adopts the job already running). Jobs are polled with backoff up to
 *       {@code bridge.extracts.poll-timeout}; one still running stays STARTED for the next run.</li>
 *   <li><b>Standard</b> (Payment Batches): every CLOSED batch not yet processed (a batch closed by hand is not
 *       missed), then every OPEN batch with payment demands is closed (v1.2, asynchronously), watched until it is
 *       closed, and its file URL obtained with the v1.1 close. A batch with no reports is reported, not failed.</li>
 * </ul>
 * Each file is posted by {@link ExtractPoster} through the posting ledger and the ERP adapter; each job/batch is
 * recorded in {@link ExtractDeliveries} so it is processed once.
 */
@Component
public class ExtractPostingJob implements ConnectionJob {

    public static final String NAME = "extract-posting";
    private static final Logger log = LoggerFactory.getLogger(ExtractPostingJob.class);

    private final ConcurClients clients;
    private final ConnectionRepository connections;
    private final ErpAdapter erp;
    private final PostingLedger ledger;
    private final ConnectionMappings mappings;
    private final ExtractDeliveries deliveries;
    private final Clock clock;
    private final BridgeProperties.Extracts settings;
    private final BridgeProperties.Posting posting;
    private final Sleeper sleeper;

    ExtractPostingJob(ConcurClients clients, ConnectionRepository connections, ErpAdapter erp, PostingLedger ledger,
                      ConnectionMappings mappings, ExtractDeliveries deliveries, Clock clock,
                      BridgeProperties properties, ObjectProvider<Sleeper> sleeper) {
        this.clients = clients;
        this.connections = connections;
        this.erp = erp;
        this.ledger = ledger;
        this.mappings = mappings;
        this.deliveries = deliveries;
        this.clock = clock;
        this.settings = properties.extracts();
        this.posting = properties.posting();
        this.sleeper = sleeper.getIfAvailable(Sleeper::system);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    /** What one run did, for the run history; {@link #report} sends the figures so far to the job runner. */
    static final class Stats {
        private final ProgressListener progress;
        int files;
        int documents;
        int posted;
        int quarantined;
        int alreadyPosted;
        int held;
        int pending;
        int noReports;
        final List<String> problems = new ArrayList<>();

        Stats(ProgressListener progress) {
            this.progress = progress;
        }

        /** Reports where the run is (once per job, batch or file: never per document). */
        void report(String phase) {
            progress.progress(new RunProgress(phase, documents, null, posted, null, quarantined));
        }

        /** Reports the run's figures plus those of the file being posted (once per chunk of reports). */
        void report(String phase, ExtractDeliveries.Counts inFile) {
            progress.progress(new RunProgress(phase, documents + inFile.documents(), null, posted + inFile.posted(),
                    null, quarantined + inFile.quarantined()));
        }

        @Override
        public String toString() {
            return "files=" + files + " documents=" + documents + " posted=" + posted + " quarantined=" + quarantined
                    + " alreadyPosted=" + alreadyPosted + " held=" + held + " pending=" + pending
                    + " noReports=" + noReports + (problems.isEmpty() ? "" : " problems=" + problems);
        }
    }

    @Override
    public JobResult run(String companyUuid) {
        return run(companyUuid, ProgressListener.NONE);
    }

    /** Reports the figures per extract job, payment batch and file (and the final ones) to {@code progress}. */
    @Override
    public JobResult run(String companyUuid, ProgressListener progress) {
        if (!settings.enabled()) {
            return JobResult.skipped("posting from extract files is off (bridge.extracts.enabled)");
        }
        Optional<Connection> connection = connections.find(companyUuid);
        if (connection.isEmpty()) {
            return JobResult.skipped("connection no longer exists"); // disconnected while the run was due
        }
        Optional<String> held = mappings.held(companyUuid);
        if (held.isPresent()) {
            return JobResult.skipped(held.get());
        }
        PostingMapping mapping;
        try {
            mapping = mappings.mapping(companyUuid);
        } catch (MappingException e) {
            return JobResult.failed("the posting mapping is invalid, nothing was fetched: " + e.getMessage());
        }
        Edition edition = connection.get().edition();
        ExtractPoster poster = new ExtractPoster(companyUuid, erp, ledger, mapping, clock,
                settings.holdFileOnRowProblem(), posting.retryBackoff());
        Stats stats = new Stats(progress);
        ConcurClient concur = clients.client(companyUuid);
        try {
            for (String source : List.of("SAE", "PRAE")) {
                stats.posted += poster.postDue(ledger.due(companyUuid, source, posting.maxDocumentsPerRun()));
            }
            stats.report("retries posted");
            switch (edition) {
                case PROFESSIONAL -> professional(companyUuid, concur.extracts(), poster, stats);
                case STANDARD -> standard(companyUuid, concur.paymentBatches(), poster, stats);
                default -> {
                    return JobResult.skipped("the company's edition is unknown: extracts are fetched for "
                            + "Professional (Extracts v1) and Standard (Payment Batches) only");
                }
            }
        } catch (ConcurException.Authentication e) {
            if (e.isClientCredentialFault()) {
                return JobResult.appCredentialsRejected(e);
            }
            return JobResult.failed("SAP Concur refused the connection's token; reconnect the company: "
                    + e.getMessage());
        } catch (ConcurException e) {
            return JobResult.concurUnavailable("SAP Concur did not answer; the next run resumes: " + e.getMessage()
                    + " (" + stats + ")", e);
        } catch (ErpException e) {
            return JobResult.failed("the ERP refused the run; the next run resumes: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JobResult.failed("interrupted while waiting for an extract; the next run resumes");
        }
        stats.report("done");
        log.info("event=extract_run company={} edition={} {}", companyUuid, edition, stats);
        return stats.problems.isEmpty() && stats.held == 0 ? JobResult.ok(stats.toString())
                : JobResult.failed(stats.toString());
    }

    // ------------------------------------------------------------------ Professional: Extracts v1

    private void professional(String company, ExtractsClient extracts, ExtractPoster poster, Stats stats)
            throws InterruptedException {
        List<ExtractDefinition> definitions = extracts.definitions();
        List<String> names = new ArrayList<>(List.of(settings.saeDefinition()));
        if (!settings.praeDefinition().isBlank()) {
            names.add(settings.praeDefinition());
        }
        for (String name : names) {
            ExtractJournalBuilder.Format format = name.equals(settings.saeDefinition())
                    ? ExtractJournalBuilder.Format.SAE : ExtractJournalBuilder.Format.PRAE;
            Optional<ExtractDefinition> def = definitions.stream()
                    .filter(d -> d.name() != null && d.name().trim().equalsIgnoreCase(name.trim())).findFirst();
            if (def.isEmpty()) {
                stats.problems.add("unknown extract definition name '" + name + "' (bridge.extracts."
                        + (format == ExtractJournalBuilder.Format.SAE ? "sae" : "prae") + "-definition); the "
                        + "company has: " + definitions.stream().map(ExtractDefinition::name).toList());
                continue;
            }
            definition(company, extracts, def.get(), format, poster, stats);
        }
    }

    private void definition(String company, ExtractsClient extracts, ExtractDefinition def,
                            ExtractJournalBuilder.Format format, ExtractPoster poster, Stats stats)
            throws InterruptedException {
        boolean firstRun = !deliveries.any(company, Origin.JOB, def.name());
        List<ExtractJob> jobs = extracts.jobs(def);
        Instant lastRecorded = deliveries.inState(company, format.name(), State.PROCESSED).stream()
                .map(Delivery::startedAt).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
        List<ExtractJob> todo = new ArrayList<>();
        for (ExtractJob j : jobs) {
            Optional<Delivery> known = deliveries.find(company, Origin.JOB, j.id());
            if (known.isPresent() && known.get().state() != State.STARTED) {
                continue;
            }
            boolean newer = lastRecorded == null || j.startTime() == null || j.startTime().isAfter(lastRecorded);
            if (known.isPresent() || !j.status().terminal() || newer) {
                todo.add(j);
            }
        }
        todo.sort(Comparator.comparing(ExtractJob::startTime, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (firstRun) {
            // first run: the latest completed job only (older ones predate the bridge), and any pending one
            List<ExtractJob> completed = todo.stream().filter(ExtractJob::fileReady).toList();
            todo.removeIf(j -> j.status().terminal() && (completed.isEmpty() || j != completed.get(completed.size() - 1)));
        }
        boolean anyPendingOrReady = todo.stream().anyMatch(j -> !j.status().terminal() || j.fileReady());
        if (!anyPendingOrReady && settings.startJobs()) {
            JobStart start = extracts.startJob(def);
            if (start instanceof JobStart.Created c) {
                todo.add(c.job());
            } else {
                extracts.jobs(def).stream().filter(j -> !j.status().terminal()).forEach(todo::add);
            }
        }
        for (ExtractJob j : todo) {
            Delivery d = deliveries.started(company, Origin.JOB, j.id(), def.name(), format.name(), j.startTime());
            stats.report(format + " job " + j.id() + ": waiting for the file");
            ExtractJob done = poll(extracts, j);
            if (!done.status().terminal()) {
                stats.pending++;
                continue;
            }
            if (!done.fileReady()) {
                deliveries.finish(d.id(), State.FAILED, null, "the extract job ended " + done.rawStatus()
                        + " in SAP Concur (no file); its reports come with the next job");
                stats.problems.add("job " + done.id() + " of '" + def.name() + "' failed in SAP Concur");
                continue;
            }
            Path target = target(company, "job-" + d.id());
            ExtractFile file = extracts.download(done, target);
            process(d, format, file, poster, stats);
        }
    }

    private ExtractJob poll(ExtractsClient extracts, ExtractJob job) throws InterruptedException {
        ExtractJob current = job;
        Duration wait = settings.pollInitial();
        Duration waited = Duration.ZERO;
        while (!current.status().terminal()) {
            if (waited.compareTo(settings.pollTimeout()) >= 0) {
                return current;
            }
            sleeper.sleep(wait);
            waited = waited.plus(wait);
            wait = nextWait(wait);
            current = extracts.status(current);
        }
        return current;
    }

    // ------------------------------------------------------------------ Standard: Payment Batches

    private void standard(String company, PaymentBatchClient batches, ExtractPoster poster, Stats stats)
            throws InterruptedException {
        for (PaymentBatch b : batches.batches(PaymentBatch.BatchState.CLOSED)) {
            fetchClosed(company, batches, b, poster, stats);
        }
        if (!settings.closeBatches()) {
            return;
        }
        for (PaymentBatch b : batches.batches(PaymentBatch.BatchState.OPEN)) {
            if (b.count() != null && b.count() == 0) {
                continue;
            }
            stats.report("closing payment batch " + b.batchId());
            CloseResult r = batches.closeAsync(b);
            if (r instanceof CloseResult.NoReports n) {
                stats.noReports++;
                log.info("event=extract_batch_no_reports company={} batch={} message=\"{}\"", company, b.batchId(),
                        n.message());
                continue;
            }
            Optional<PaymentBatch> closed = waitClosed(batches, b);
            if (closed.isEmpty()) {
                stats.pending++;    // picked up as a CLOSED batch by a later run
                continue;
            }
            fetchClosed(company, batches, closed.get(), poster, stats);
        }
    }

    private Optional<PaymentBatch> waitClosed(PaymentBatchClient batches, PaymentBatch batch)
            throws InterruptedException {
        Duration wait = settings.pollInitial();
        Duration waited = Duration.ZERO;
        while (true) {
            Optional<PaymentBatch> closed = batches.batches(PaymentBatch.BatchState.CLOSED).stream()
                    .filter(c -> c.batchId().equals(batch.batchId())).findFirst();
            if (closed.isPresent() || waited.compareTo(settings.pollTimeout()) >= 0) {
                return closed;
            }
            sleeper.sleep(wait);
            waited = waited.plus(wait);
            wait = nextWait(wait);
        }
    }

    /** The next poll wait: doubled, at most {@code poll-max}. */
    private Duration nextWait(Duration wait) {
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(settings.pollMax()) > 0 ? settings.pollMax() : doubled;
    }

    private void fetchClosed(String company, PaymentBatchClient batches, PaymentBatch b, ExtractPoster poster,
                             Stats stats) {
        Optional<Delivery> known = deliveries.find(company, Origin.BATCH, b.batchId());
        if (known.isPresent() && known.get().state() != State.STARTED) {
            return;
        }
        Delivery d = deliveries.started(company, Origin.BATCH, b.batchId(), b.name(), "SAE", null);
        CloseResult r = batches.close(b);    // v1.1 on a closed batch: (re)generates the file, gives its URL
        if (r instanceof CloseResult.NoReports n) {
            deliveries.finish(d.id(), State.PROCESSED, new ExtractDeliveries.Counts(null, 0, 0, 0, 0), n.message());
            stats.noReports++;
            return;
        }
        CloseResult.Accepted a = (CloseResult.Accepted) r;
        if (a.fileUrl() == null) {
            stats.problems.add("batch " + b.batchId() + ": SAP Concur gave no file URL (status " + a.status() + ")");
            return;
        }
        ExtractFile file = batches.download(a.fileUrl(), target(company, "batch-" + d.id()));
        process(d, ExtractJournalBuilder.Format.SAE, file, poster, stats);
    }

    // ------------------------------------------------------------------ both

    private void process(Delivery d, ExtractJournalBuilder.Format format, ExtractFile file, ExtractPoster poster,
                         Stats stats) {
        stats.files++;
        String where = format + " " + d.origin().name().toLowerCase(java.util.Locale.ROOT) + " " + d.originId();
        stats.report(where + ": posting file " + stats.files);
        int n = stats.files;
        ExtractPoster.Outcome o = poster.post(format, file.file(), file.kind() == ExtractFile.Kind.ZIP,
                c -> stats.report(where + ": posting file " + n + ", " + c.documents() + " report(s) so far", c));
        if (o.held()) {
            stats.held++;
            deliveries.finish(d.id(), State.HELD, null, "held whole, nothing posted: " + o.reason());
            stats.problems.add(d.origin() + " " + d.originId() + " held: " + o.reason());
            stats.report(where + ": file " + stats.files + " held");
            return;
        }
        ExtractDeliveries.Counts c = o.counts();
        stats.documents += c.documents();
        stats.posted += c.posted();
        stats.quarantined += c.quarantined();
        stats.alreadyPosted += c.alreadyPosted();
        deliveries.finish(d.id(), State.PROCESSED, c, c.quarantined() == 0 ? null
                : c.quarantined() + " report(s) quarantined (see the posting ledger)");
        if (c.quarantined() > 0) {
            stats.problems.add(c.quarantined() + " report(s) of " + format + " batch " + c.batchId()
                    + " quarantined");
        }
        stats.report(where + ": file " + stats.files + " posted");
    }

    /** Deletes the directory's files older than {@code bridge.extracts.retention}. */
    private void deleteExpired(Path dir) throws IOException {
        java.time.Instant cutoff = clock.instant().minus(settings.retention());
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(f);
                    log.info("event=extract_file_deleted file={} reason=retention", f);
                }
            }
        }
    }

    private Path target(String company, String name) {
        try {
            Path dir = settings.workDir().resolve(company.replaceAll("[^A-Za-z0-9_-]", "_"));
            Files.createDirectories(dir);
            if (Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
            deleteExpired(dir);
            return dir.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the extract work directory " + settings.workDir(), e);
        }
    }
}

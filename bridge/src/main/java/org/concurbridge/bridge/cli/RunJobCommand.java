package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.jobs.ConnectionJobs;
import org.concurbridge.bridge.jobs.JobOutcome;
import org.concurbridge.bridge.jobs.JobRun;
import org.concurbridge.bridge.jobs.RunProgress;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.client.Sleeper;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Asks the running service(s) to run a job now (the scheduler on any instance picks it up), then follows the run in
 * the shared store: a line per progress report, and the final outcome. Exit status 0 for OK or SKIPPED, 1 for FAILED
 * or INTERRUPTED, 75 when no instance started it in time (it stays due).
 */
@Command(name = "run-job", mixinStandardHelpOptions = true,
        description = {"Run a connection's job now (fis-posting, extract-posting, profile-refresh, ...) and follow it:"
                + " a running bridge instance executes it; its progress is printed as it goes.",
                "Exit status: 0 OK or skipped, 1 failed or interrupted, 75 no instance started it in time."})
final class RunJobCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Job name.")
    String job;

    @Parameters(index = "1", description = "Company UUID.")
    String companyUuid;

    @Option(names = "--no-wait", description = "Only mark the job due; do not follow the run.")
    boolean noWait;

    @Option(names = "--start-timeout", defaultValue = "2m", converter = DurationConverter.class,
            description = "How long to wait for an instance to start the run (default ${DEFAULT-VALUE}).")
    Duration startTimeout;

    @Option(names = "--poll", defaultValue = "1s", converter = DurationConverter.class,
            description = "How often to read the run's progress (default ${DEFAULT-VALUE}).")
    Duration poll;

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    Sleeper sleeper = Sleeper.system();

    @Override
    public Integer call() throws InterruptedException {
        try (ConfigurableApplicationContext ctx = Contexts.tool(springArgs.toArray(String[]::new))) {
            if (ctx.getBean(ConnectionRepository.class).find(companyUuid).isEmpty()) {
                throw new IllegalArgumentException("No connection for company " + companyUuid);
            }
            ConnectionJobs jobs = ctx.getBean(ConnectionJobs.class);
            long before = jobs.lastRunId(job, companyUuid);
            boolean due = jobs.runNow(job, companyUuid);
            boolean running = !due && jobs.run(before).filter(JobRun::running).isPresent();
            if (noWait) {
                System.out.println("Job " + job + " for " + companyUuid + " is due now; a running bridge executes it"
                        + " within its polling interval. See `erp-bridge connections` or the dashboard for the"
                        + " result.");
                return 0;
            }
            System.out.println(running ? "Job " + job + " for " + companyUuid + " is running already; following"
                    + " that run." : "Job " + job + " for " + companyUuid + " is due now; waiting for a bridge"
                    + " instance to start it (at most " + human(startTimeout) + ")...");
            // the run to follow: the one running now (id before), else the next one to start (id above before)
            return follow(jobs, ctx.getBean(Clock.class), running ? before - 1 : before);
        }
    }

    /** Prints the progress of the first run after {@code afterId} as the store shows it until it ends; the exit status. */
    private int follow(ConnectionJobs jobs, Clock clock, long afterId) throws InterruptedException {
        Instant deadline = clock.instant().plus(startTimeout);
        Optional<JobRun> run = jobs.firstRunAfter(job, companyUuid, afterId);
        while (run.isEmpty()) {
            if (clock.instant().isAfter(deadline)) {
                System.out.println("No bridge instance started the job within " + human(startTimeout) + "; it stays"
                        + " due and runs when an instance is up (`erp-bridge serve`).");
                return CliErrors.RETRY_LATER;
            }
            sleeper.sleep(poll);
            run = jobs.firstRunAfter(job, companyUuid, afterId);
        }
        long id = run.get().id();
        System.out.println("Run " + id + " started on " + run.get().instance() + " at " + run.get().startedAt());
        String last = null;
        while (true) {
            JobRun r = jobs.run(id).orElseThrow();
            RunProgress p = r.progress();
            String line = p == null ? null
                    : "[" + seconds(Duration.between(r.startedAt(), r.progressAt())) + "] " + p.summary();
            if (line != null && !line.equals(last)) {
                System.out.println(line);
                last = line;
            }
            if (!r.running()) {
                System.out.println(r.outcome() + " after " + seconds(r.elapsed(clock.instant())) + ": "
                        + Objects.requireNonNullElse(r.message(), ""));
                return r.outcome() == JobOutcome.OK || r.outcome() == JobOutcome.SKIPPED ? 0 : CliErrors.FAILED;
            }
            sleeper.sleep(poll);
        }
    }

    /** {@code 2m}, {@code 0.3s}. */
    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** Spring-style durations ({@code 500ms}, {@code 30s}, {@code 2m}) and ISO-8601. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return org.springframework.boot.convert.DurationStyle.detectAndParse(value);
        }
    }
}

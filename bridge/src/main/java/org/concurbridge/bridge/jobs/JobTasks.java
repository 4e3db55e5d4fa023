package org.concurbridge.bridge.jobs;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.store.Connection;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.store.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One db-scheduler {@link CustomTask} per {@link ConnectionJob}, with the company UUID as the task instance id. After a
 * run the task reschedules itself one interval later ({@code OnCompleteReschedule} with {@code FixedDelay}); after a
 * failure it retries when SAP Concur asked ({@link JobResult#retryAfter()}: its {@code Retry-After}, zero included, or
 * 5 minutes after a 503/time-out), otherwise with a doubling backoff capped at the interval; a run whose company was disconnected removes the
 * schedule. Every run is recorded in {@code job_runs} before and after it executes, and its progress reports while it
 * runs.
 */
final class JobTasks {
    private static final Logger log = LoggerFactory.getLogger(JobTasks.class);

    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final JobRunRepository runs;
    private final ConnectionRepository connections;
    private final Clock clock;
    private final String instance;
    private final Duration retryBackoff;

    record Entry(ConnectionJob job, Duration interval, CustomTask<Void> task) {
    }

    JobTasks(List<ConnectionJob> jobs, BridgeProperties.Jobs settings, String instance, JobRunRepository runs,
             ConnectionRepository connections, Clock clock) {
        this.runs = runs;
        this.connections = connections;
        this.clock = clock;
        this.instance = instance;
        this.retryBackoff = settings.retryBackoff();
        for (ConnectionJob job : jobs) {
            if (byName.containsKey(job.name())) {
                throw new IllegalStateException("two connection jobs are named " + job.name());
            }
            Duration interval = settings.intervals().getOrDefault(job.name(), job.interval());
            byName.put(job.name(), new Entry(job, interval, task(job, interval)));
        }
        for (String name : settings.intervals().keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalStateException("bridge.jobs.intervals." + name + " names no job; jobs: "
                        + byName.keySet());
            }
        }
    }

    Collection<Entry> all() {
        return byName.values();
    }

    List<Task<?>> tasks() {
        return byName.values().stream().<Task<?>>map(Entry::task).toList();
    }

    Optional<Entry> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private CustomTask<Void> task(ConnectionJob job, Duration interval) {
        return Tasks.custom(job.name(), Void.class)
                .onFailure(new CappedBackoff(retryBackoff, interval))
                .onDeadExecutionRevive()
                .execute((taskInstance, context) -> execute(job, interval, taskInstance.getId()));
    }

    private CompletionHandler<Void> execute(ConnectionJob job, Duration interval, String companyUuid) {
        MDC.put("job", job.name());
        MDC.put("company", companyUuid);
        try {
            Optional<Connection> connection = connections.find(companyUuid);
            if (connection.isEmpty()) {
                log.info("event=job_unscheduled reason=\"company no longer connected\"");
                return new CompletionHandler.OnCompleteRemove<>();
            }
            long runId = runs.started(job.name(), companyUuid, instance, clock.instant());
            JobResult result = connection.get().state() == ConnectionState.NEEDS_RECONNECT
                    ? JobResult.skipped("connection needs reconnecting: " + connection.get().stateReason())
                    : runGuarded(job, companyUuid, progress -> recordProgress(runId, progress));
            runs.finished(runId, clock.instant(), result);
            if (result.outcome() == JobOutcome.FAILED) {
                throw new JobFailedException(result.message(), result.retryAfter());
            }
            log.info("event=job_done outcome={} message=\"{}\"", result.outcome(), result.message());
            if (connections.find(companyUuid).isEmpty()) {
                log.info("event=job_unscheduled reason=\"company disconnected during the run\"");
                return new CompletionHandler.OnCompleteRemove<>();
            }
            return new CompletionHandler.OnCompleteReschedule<>(FixedDelay.of(interval));
        } finally {
            MDC.remove("job");
            MDC.remove("company");
        }
    }

    /** Stores a progress report; a failure to store it is logged and never fails the run. */
    private void recordProgress(long runId, RunProgress progress) {
        try {
            runs.progress(runId, progress, clock.instant());
        } catch (RuntimeException e) {
            log.warn("event=job_progress_not_stored run={} error=\"{}\"", runId, e.toString());
        }
    }

    private static JobResult runGuarded(ConnectionJob job, String companyUuid, ProgressListener progress) {
        try {
            JobResult result = job.run(companyUuid, progress);
            return result == null ? JobResult.failed("job returned no result") : result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JobResult.failed("interrupted (shutdown)");
        } catch (Exception | LinkageError e) {
            return new JobResult(JobOutcome.FAILED, e.getClass().getName() + ": " + e.getMessage(),
                    JobResult.wait(e));
        }
    }

    /** A failed run: the run history holds the details; db-scheduler sees this and calls the failure handler. */
    static final class JobFailedException extends RuntimeException {
        /** SAP Concur's requested wait ({@link JobResult#retryAfter()}), or null. */
        final Duration retryAfter;

        JobFailedException(String message, Duration retryAfter) {
            super(message, null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    /** Retry after {@code first}, doubling per consecutive failure, never later than {@code cap} (the interval). */
    static final class CappedBackoff implements FailureHandler<Void> {
        private final Duration first;
        private final Duration cap;

        CappedBackoff(Duration first, Duration cap) {
            this.first = first;
            this.cap = cap;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
            int failures = complete.getExecution().consecutiveFailures + 1;
            Duration concur = complete.getCause().filter(JobFailedException.class::isInstance)
                    .map(c -> ((JobFailedException) c).retryAfter).orElse(null);
            Duration delay = concur == null ? delay(failures) : delay(failures, concur);
            Instant next = complete.getTimeDone().plus(delay);
            log.warn("event=job_failed job={} company={} consecutiveFailures={} retryAt={} retryAfterFrom={}"
                            + " message=\"{}\"", complete.getExecution().getTaskName(),
                    complete.getExecution().getId(), failures, next, concur != null ? "concur" : "backoff",
                    complete.getCause().map(Throwable::getMessage).orElse(""));
            operations.reschedule(complete, next);
        }

        /**
         * With SAP Concur's requested wait: that wait after a first failure (a {@code Retry-After: 0} runs again at
         * once); after further consecutive failures never less than the backoff of one failure fewer, so that a
         * repeated {@code 0} (the client already honoured it in-process) cannot run the job in a loop.
         */
        Duration delay(int consecutiveFailures, Duration concur) {
            if (consecutiveFailures <= 1) {
                return concur;
            }
            Duration floor = delay(consecutiveFailures - 1);
            return concur.compareTo(floor) >= 0 ? concur : floor;
        }

        Duration delay(int consecutiveFailures) {
            int doublings = Math.min(consecutiveFailures - 1, 30);
            Duration delay = first.multipliedBy(1L << doublings);
            return delay.compareTo(cap) > 0 ? cap : delay;
        }
    }
}

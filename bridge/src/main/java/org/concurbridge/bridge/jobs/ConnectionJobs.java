package org.concurbridge.bridge.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Schedules the {@link ConnectionJob}s of connected companies on db-scheduler (shared by every bridge instance on the
 * same database) and reads their run history.
 */
public class ConnectionJobs {
    private static final Logger log = LoggerFactory.getLogger(ConnectionJobs.class);

    private final SchedulerClient scheduler;
    private final JobTasks tasks;
    private final JobRunRepository runs;
    private final ConnectionRepository connections;
    private final Clock clock;
    private final Duration deadAfter;

    /**
     * @param deadAfter how long without a scheduler heartbeat makes a run dead: db-scheduler's own rule (heartbeat
     *                  interval × missed-heartbeats limit), so a run shows as interrupted when the scheduler would
     *                  revive it
     */
    ConnectionJobs(SchedulerClient scheduler, JobTasks tasks, JobRunRepository runs, ConnectionRepository connections,
                   Clock clock, Duration deadAfter) {
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.runs = runs;
        this.connections = connections;
        this.clock = clock;
        this.deadAfter = deadAfter;
    }

    /** Names of all jobs, in registration order. */
    public List<String> jobNames() {
        return tasks.all().stream().map(e -> e.job().name()).toList();
    }

    /**
     * Schedules every job for the company (first run one interval from now; existing schedules are kept). Call after a
     * connect; idempotent.
     */
    public void schedule(String companyUuid) {
        for (JobTasks.Entry e : tasks.all()) {
            if (scheduler.scheduleIfNotExists(e.task().instance(companyUuid), clock.instant().plus(e.interval()))) {
                log.info("event=job_scheduled job={} company={} interval={}", e.job().name(), companyUuid,
                        e.interval());
            }
        }
    }

    /**
     * Removes the company's schedules (call on disconnect). A run in progress finishes, then finds the company gone
     * and removes its own schedule.
     */
    public void cancel(String companyUuid) {
        for (JobTasks.Entry e : tasks.all()) {
            try {
                scheduler.cancel(TaskInstanceId.of(e.job().name(), companyUuid));
            } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException ignored) {
                // not scheduled, or running now (it unschedules itself when the connection is gone)
            }
        }
        log.info("event=jobs_cancelled company={}", companyUuid);
    }

    /**
     * Runs the job for the company as soon as possible: at once when this instance has a free thread, else within the
     * poll interval on any instance.
     *
     * @return false when the job is running right now (the request is then redundant)
     * @throws IllegalArgumentException for an unknown job name
     */
    public boolean runNow(String job, String companyUuid) {
        JobTasks.Entry e = tasks.find(job).orElseThrow(() ->
                new IllegalArgumentException("unknown job " + job + "; jobs: " + jobNames()));
        try {
            boolean done = scheduler.reschedule(TaskInstanceId.of(job, companyUuid), clock.instant());
            if (done) {
                log.info("event=job_run_now job={} company={}", job, companyUuid);
            }
            return done;
        } catch (TaskInstanceCurrentlyExecutingException running) {
            return false;
        } catch (TaskInstanceNotFoundException notScheduled) {
            scheduler.scheduleIfNotExists(e.task().instance(companyUuid), clock.instant());
            log.info("event=job_run_now job={} company={} note=\"was not scheduled\"", job, companyUuid);
            return true;
        }
    }

    /** The company's most recent runs, newest first. */
    public List<JobRun> history(String companyUuid, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000, got " + limit);
        }
        return runs.history(companyUuid, limit, staleBefore());
    }

    /** The latest run of each of the company's jobs, by job name (jobs that never ran for it are left out). */
    public Map<String, JobRun> latestRuns(String companyUuid) {
        return runs.latestPerJob(companyUuid, staleBefore()).stream()
                .collect(Collectors.toMap(JobRun::job, r -> r));
    }

    /** One run of the history, as {@link #history} shows it. */
    public Optional<JobRun> run(long id) {
        return runs.find(id, staleBefore());
    }

    /** The id of the job's latest run for the company (0: none yet); {@link #firstRunAfter} finds the next one. */
    public long lastRunId(String job, String companyUuid) {
        return runs.lastId(job, companyUuid);
    }

    /** The job's first run for the company after the run {@code afterId}, once one has started. */
    public Optional<JobRun> firstRunAfter(String job, String companyUuid, long afterId) {
        return runs.firstAfter(job, companyUuid, afterId).flatMap(this::run);
    }

    /** How long a run may go without a scheduler heartbeat before it counts as interrupted. */
    public Duration deadAfter() {
        return deadAfter;
    }

    private Instant staleBefore() {
        return clock.instant().minus(deadAfter);
    }

    /** The company's job schedules, in job registration order (jobs not scheduled are left out). */
    public List<ScheduledJob> scheduled(String companyUuid) {
        Map<String, JobRunRepository.Picked> picked = runs.picked(companyUuid).stream()
                .collect(Collectors.toMap(JobRunRepository.Picked::job, p -> p));
        Instant staleBefore = staleBefore();
        List<ScheduledJob> out = new ArrayList<>();
        for (JobTasks.Entry e : tasks.all()) {
            String job = e.job().name();
            JobRunRepository.Picked p = picked.get(job);
            String dead = p == null ? null : p.deadReason(staleBefore);
            scheduler.getScheduledExecution(TaskInstanceId.of(job, companyUuid))
                    .map(x -> new ScheduledJob(job, companyUuid, x.getExecutionTime(), p != null && dead == null,
                            p == null ? null : p.by(), dead, x.getConsecutiveFailures(), x.getLastSuccess(),
                            x.getLastFailure()))
                    .ifPresent(out::add);
        }
        return out;
    }

    /**
     * The jobs running now, by company (companies running none are left out), by the rule of the run history: picked
     * by an instance whose heartbeat is fresh.
     */
    public Map<String, List<String>> runningNow() {
        Instant staleBefore = staleBefore();
        return runs.picked(null).stream()
                .filter(p -> p.deadReason(staleBefore) == null)
                .collect(Collectors.groupingBy(JobRunRepository.Picked::companyUuid, TreeMap::new,
                        Collectors.mapping(JobRunRepository.Picked::job, Collectors.toList())));
    }

    /**
     * Makes the schedules match the stored connections: every job of every connection scheduled, schedules of
     * companies no longer connected removed. Runs at startup (a new release may bring new jobs).
     */
    void reconcile() {
        Set<String> connected = connections.findAll().stream().map(c -> c.companyUuid()).collect(Collectors.toSet());
        connected.forEach(this::schedule);
        for (JobTasks.Entry e : tasks.all()) {
            scheduler.fetchScheduledExecutionsForTask(e.job().name(), Void.class, x -> {
                String company = x.getTaskInstance().getId();
                if (!connected.contains(company) && !x.isPicked()) {
                    try {
                        scheduler.cancel(x.getTaskInstance());
                    } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException ignored) {
                        // gone or running meanwhile: the run removes its own schedule
                    }
                }
            });
        }
    }
}

package org.concurbridge.bridge.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;

/**
 * db-scheduler wired by hand (its Spring Boot starter does nothing on Boot 4): the scheduler on the store's data
 * source, its metrics in Micrometer, started once the application is ready and stopped (waiting at most
 * {@code bridge.jobs.shutdown-max-wait} for running jobs) before the data source closes.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(JobsConfiguration.class);
    /** A run without a heartbeat for this many heartbeat intervals is dead (db-scheduler revives it). */
    static final int MISSED_HEARTBEATS = 6;

    @Bean
    JobTasks jobTasks(ObjectProvider<ConnectionJob> jobs, BridgeProperties properties, JobRunRepository runs,
                      ConnectionRepository connections, Clock clock) {
        return new JobTasks(jobs.orderedStream().toList(), properties.jobs(), instanceName(properties.jobs()), runs,
                connections, clock);
    }

    @Bean(destroyMethod = "stop")
    @DependsOnDatabaseInitialization
    Scheduler scheduler(DataSource dataSource, JobTasks tasks, BridgeProperties properties, MeterRegistry meters,
                        Clock clock) {
        BridgeProperties.Jobs settings = properties.jobs();
        return Scheduler.create(dataSource, tasks.tasks())
                .schedulerName(new SchedulerName.Fixed(instanceName(settings)))
                .clock(clock::instant)
                .threads(settings.threads())
                // a run whose instance died (no heartbeat for 6 intervals; default 30 s) is revived after ~3 min
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .pollingInterval(settings.pollInterval())
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC() // the columns are timestamptz; this also serves H2, which has no dialect
                .shutdownMaxWait(settings.shutdownMaxWait())
                .failureLogging(LogLevel.DEBUG, false) // JobTasks logs and records failures itself
                .statsRegistry(new MicrometerStatsRegistry(meters, tasks.tasks()))
                .build();
    }

    @Bean
    ConnectionJobs connectionJobs(Scheduler scheduler, JobTasks tasks, JobRunRepository runs,
                                  ConnectionRepository connections, Clock clock, BridgeProperties properties) {
        return new ConnectionJobs(scheduler, tasks, runs, connections, clock,
                properties.jobs().heartbeatInterval().multipliedBy(MISSED_HEARTBEATS));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        BridgeProperties.Jobs settings = event.getApplicationContext().getBean(BridgeProperties.class).jobs();
        if (!settings.enabled()) {
            log.info("event=scheduler_disabled note=\"bridge.jobs.enabled=false: jobs are not executed here\"");
            return;
        }
        ConnectionJobs jobs = event.getApplicationContext().getBean(ConnectionJobs.class);
        jobs.reconcile();
        event.getApplicationContext().getBean(Scheduler.class).start();
        log.info("event=scheduler_started instance={} jobs={}", instanceName(settings), jobs.jobNames());
    }

    /** {@code bridge.jobs.instance-name}, else host name and process id. */
    static String instanceName(BridgeProperties.Jobs settings) {
        if (!settings.instanceName().isBlank()) {
            return settings.instanceName();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}

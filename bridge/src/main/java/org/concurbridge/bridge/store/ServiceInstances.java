package org.concurbridge.bridge.store;

import org.concurbridge.bridge.config.BridgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which bridge services run on this store: a service (a web application: {@code serve}, {@code demo}) writes a
 * heartbeat every {@link #BEAT} to {@code service_instances} and deletes its row when it stops. Operator commands
 * that must not run next to a service ({@code rotate-key}) ask {@link #running()}: rows seen within
 * {@link #ALIVE}. A killed service's row counts for {@link #ALIVE} more, then is ignored.
 */
@Component
public class ServiceInstances {
    static final Duration BEAT = Duration.ofSeconds(10);
    static final Duration ALIVE = Duration.ofSeconds(35);
    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);

    /** A service seen recently. */
    public record Instance(String name, Instant startedAt, Instant heartbeatAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String name;
    private ScheduledExecutorService beats;

    public ServiceInstances(JdbcClient jdbc, Clock clock, BridgeProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        String configured = properties.jobs().instanceName();
        this.name = configured.isBlank() ? host() + "-" + ProcessHandle.current().pid() : configured;
    }

    /** The services that beat within {@link #ALIVE}. */
    public List<Instance> running() {
        return jdbc.sql("select instance_name, started_at, heartbeat_at from service_instances"
                        + " where heartbeat_at > ? order by instance_name")
                .param(Timestamps.toDb(clock.instant().minus(ALIVE)))
                .query((rs, n) -> new Instance(rs.getString(1), Timestamps.fromDb(rs, "started_at"),
                        Timestamps.fromDb(rs, "heartbeat_at"))).list();
    }

    @EventListener
    void started(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
            return; // a one-shot operator command, not a service
        }
        Instant now = clock.instant();
        jdbc.sql("delete from service_instances where instance_name = ?").param(name).update();
        jdbc.sql("insert into service_instances (instance_name, started_at, heartbeat_at) values (?, ?, ?)")
                .params(name, Timestamps.toDb(now), Timestamps.toDb(now)).update();
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "service-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beats.scheduleWithFixedDelay(this::beat, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            jdbc.sql("update service_instances set heartbeat_at = ? where instance_name = ?")
                    .params(Timestamps.toDb(clock.instant()), name).update();
        } catch (RuntimeException e) {
            log.warn("event=service_heartbeat_failed instance={} reason=\"{}\"", name, e.getMessage());
        }
    }

    @EventListener
    void stopping(ContextClosedEvent event) {
        if (beats == null) {
            return;
        }
        beats.shutdownNow();
        beats = null;
        try {
            jdbc.sql("delete from service_instances where instance_name = ?").param(name).update();
        } catch (RuntimeException e) {
            log.warn("event=service_heartbeat_remove_failed instance={} reason=\"{}\"", name, e.getMessage());
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}

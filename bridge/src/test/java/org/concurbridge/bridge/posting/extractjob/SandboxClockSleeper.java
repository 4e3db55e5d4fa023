package org.concurbridge.bridge.posting.extractjob;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.client.Sleeper;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The extract job's {@link Sleeper} in the ITs: records each wait and advances the sandbox's clock by it. */
@TestConfiguration
class SandboxClockSleeper {

    static final SandboxForTests CONCUR = new SandboxForTests();
    static final List<Duration> WAITS = new CopyOnWriteArrayList<>();

    @Bean
    Sleeper sandboxAdvancingSleeper() {
        return d -> {
            WAITS.add(d);
            CONCUR.sandbox().clock().advance(d);
        };
    }
}

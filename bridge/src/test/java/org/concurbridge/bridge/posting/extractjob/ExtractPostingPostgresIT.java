package org.concurbridge.bridge.posting.extractjob;

import org.concurbridge.bridge.testsupport.PostgresStoreConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Extract posting on PostgreSQL (store and SQL adapter in one embedded PostgreSQL database). */
@SpringBootTest(properties = {"bridge.jobs.enabled=false", "bridge.extracts.enabled=true", "bridge.extracts.poll-initial=10s",
        "bridge.extracts.poll-max=40s", "bridge.extracts.work-dir=target/extract-posting-it"})
@Import({PostgresStoreConfiguration.class, SandboxClockSleeper.class})
@DirtiesContext
class ExtractPostingPostgresIT extends ExtractPostingContract {

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "extract-posting-pg");
    }
}

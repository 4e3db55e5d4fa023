package org.concurbridge.bridge.posting.extractjob;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Extract posting on H2 (store and SQL adapter in the embedded database). */
@SpringBootTest(properties = {"bridge.jobs.enabled=false", "bridge.extracts.enabled=true", "bridge.extracts.poll-initial=10s",
        "bridge.extracts.poll-max=40s", "bridge.extracts.work-dir=target/extract-posting-it"})
@Import(SandboxClockSleeper.class)
class ExtractPostingH2IT extends ExtractPostingContract {

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "extract-posting-h2");
    }
}

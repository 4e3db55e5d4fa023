package org.concurbridge.bridge.posting.extractjob;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Extract posting into a Tryton company kept in USD. */
@SpringBootTest(properties = {"bridge.jobs.enabled=false", "bridge.extracts.enabled=true",
        "bridge.extracts.poll-initial=10s", "bridge.extracts.poll-max=40s",
        "bridge.extracts.work-dir=target/extract-posting-tryton-usd-it"})
@Import(SandboxClockSleeper.class)
class ExtractPostingTrytonUsdIT extends ExtractPostingTrytonContract {

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        useTryton(registry, "USD");
    }

    @Override
    String currency() {
        return "USD";
    }
}

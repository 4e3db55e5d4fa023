package org.concurbridge.bridge.posting.pipeline;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** FIS posting into a Tryton company kept in GBP. */
@SpringBootTest(properties = "bridge.jobs.enabled=false")
class FisPostingTrytonGbpIT extends FisPostingTrytonContract {

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        useTryton(registry, "GBP");
    }

    @Override
    String trytonCurrency() {
        return "GBP";
    }
}

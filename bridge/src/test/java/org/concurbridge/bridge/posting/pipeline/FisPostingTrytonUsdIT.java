package org.concurbridge.bridge.posting.pipeline;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** FIS posting into a Tryton company kept in USD. */
@SpringBootTest(properties = "bridge.jobs.enabled=false")
class FisPostingTrytonUsdIT extends FisPostingTrytonContract {

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        useTryton(registry, "USD");
    }

    @Override
    String trytonCurrency() {
        return "USD";
    }
}

package org.concurbridge.bridge.posting.pipeline;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** FIS posting into a Tryton company kept in CAD. */
@SpringBootTest(properties = "bridge.jobs.enabled=false")
class FisPostingTrytonCadIT extends FisPostingTrytonContract {

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        useTryton(registry, "CAD");
    }

    @Override
    String trytonCurrency() {
        return "CAD";
    }
}

package org.concurbridge.bridge.posting.pipeline;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The posting pipeline on H2 (store and SQL adapter in the embedded database). */
@SpringBootTest(properties = "bridge.jobs.enabled=false")
class FisPostingH2IT extends FisPostingContract {

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "fis-posting-h2");
    }
}

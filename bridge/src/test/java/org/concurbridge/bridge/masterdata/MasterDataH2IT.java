package org.concurbridge.bridge.masterdata;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Master data end to end on H2 (store and SQL adapter in the embedded database). */
@SpringBootTest(properties = "bridge.jobs.enabled=false")
class MasterDataH2IT extends MasterDataContract {

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "master-data-h2");
    }
}

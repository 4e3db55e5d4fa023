package org.concurbridge.bridge.masterdata;

import org.concurbridge.bridge.testsupport.PostgresStoreConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Master data end to end on PostgreSQL (store and SQL adapter in one embedded PostgreSQL database). */
@SpringBootTest(properties = "bridge.jobs.enabled=false")
@Import(PostgresStoreConfiguration.class)
@DirtiesContext
class MasterDataPostgresIT extends MasterDataContract {

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "master-data-pg");
    }
}

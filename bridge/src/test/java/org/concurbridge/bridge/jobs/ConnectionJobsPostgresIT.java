package org.concurbridge.bridge.jobs;

import org.concurbridge.bridge.testsupport.PostgresStoreConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

@Import(PostgresStoreConfiguration.class)
@DirtiesContext
class ConnectionJobsPostgresIT extends ConnectionJobsContract {
}

package org.concurbridge.bridge.jobs;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties =
        "bridge.store.url=jdbc:h2:mem:jobs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
class ConnectionJobsH2IT extends ConnectionJobsContract {
}

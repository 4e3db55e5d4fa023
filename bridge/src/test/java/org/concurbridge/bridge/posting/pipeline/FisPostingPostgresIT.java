package org.concurbridge.bridge.posting.pipeline;

import org.concurbridge.bridge.testsupport.PostgresStoreConfiguration;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The posting pipeline on PostgreSQL (store and SQL adapter in one embedded PostgreSQL database). */
@SpringBootTest(properties = "bridge.jobs.enabled=false")
@Import(PostgresStoreConfiguration.class)
@DirtiesContext
class FisPostingPostgresIT extends FisPostingContract {

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "fis-posting-pg");
    }

    @Autowired
    DataSource dataSource;

    /**
     * The store's pool (here also the SQL adapter's) plans every statement with its parameters: no generic plan made
     * while the ledger and the journal were empty is kept as they grow (docs/decisions.md, "PostgreSQL plans").
     */
    @Test
    void theStoreConnectionsPlanEveryStatementWithItsParameters() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.unwrap(PGConnection.class).getPrepareThreshold()).isZero();
        }
    }
}

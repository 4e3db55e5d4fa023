package org.concurbridge.bridge.testsupport;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs a Spring Boot test's bridge store on a fresh PostgreSQL database (the stack probe's wiring that avoids noisy
 * shutdowns): {@code @Import(PostgresStoreConfiguration.class)} plus {@code @DirtiesContext} on the test class, so that
 * the context (scheduler, pool) closes before the JVM's shared server stops.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresStoreConfiguration {

    @Bean
    TestPostgres.Database bridgeTestDatabase() {
        return TestPostgres.newDatabase("bridge");
    }

    @Bean
    JdbcConnectionDetails bridgeTestConnectionDetails(TestPostgres.Database db) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return db.username();
            }

            @Override
            public String getPassword() {
                return db.password();
            }

            @Override
            public String getJdbcUrl() {
                return db.jdbcUrl();
            }
        };
    }
}

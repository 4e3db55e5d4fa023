package org.concurbridge.bridge.store;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresSessionsTest {

    private static HikariConfig pool(String url) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        return hc;
    }

    @Test
    void aPostgresPoolPlansEveryStatementWithItsParametersAndRewritesBatchedInserts() {
        HikariConfig hc = pool("jdbc:postgresql://db:5432/bridge");
        PostgresSessions.configure(hc);
        assertThat(hc.getDataSourceProperties()).containsEntry("prepareThreshold", "0")
                .containsEntry("reWriteBatchedInserts", "true");
    }

    @Test
    void whatTheOperatorSetIsKept() {
        HikariConfig inUrl = pool("jdbc:postgresql://db:5432/bridge?prepareThreshold=5");
        PostgresSessions.configure(inUrl);
        assertThat(inUrl.getDataSourceProperties()).doesNotContainKey("prepareThreshold");

        HikariConfig asProperty = pool("jdbc:postgresql://db:5432/bridge");
        asProperty.addDataSourceProperty("prepareThreshold", "3");
        asProperty.addDataSourceProperty("reWriteBatchedInserts", "false");
        PostgresSessions.configure(asProperty);
        assertThat(asProperty.getDataSourceProperties()).containsEntry("prepareThreshold", "3")
                .containsEntry("reWriteBatchedInserts", "false");
    }

    @Test
    void anotherDatabaseIsLeftAlone() {
        HikariConfig hc = pool("jdbc:h2:mem:x;MODE=PostgreSQL");
        PostgresSessions.configure(hc);
        assertThat(hc.getDataSourceProperties()).isEmpty();
    }
}

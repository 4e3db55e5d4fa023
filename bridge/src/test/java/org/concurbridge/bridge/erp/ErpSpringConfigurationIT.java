package org.concurbridge.bridge.erp;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Spring wiring creates the embedded SQL adapter on the application's DataSource from erp.* properties. */
class ErpSpringConfigurationIT {

    private static AnnotationConfigApplicationContext context(Map<String, Object> properties) {
        AnnotationConfigApplicationContext ctx = new AnnotationConfigApplicationContext();
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:spring_" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        ctx.registerBean(DataSource.class, () -> ds);
        ctx.register(ErpSpringConfiguration.class);
        ctx.refresh();
        return ctx;
    }

    @Test
    void embeddedDefaultPostsIntoTheBridgeDatabaseWithDemoMasterData() {
        try (AnnotationConfigApplicationContext ctx = context(Map.of("erp.sql.seed-demo", "true"))) {
            ErpAdapter erp = ctx.getBean(ErpAdapter.class);
            assertThat(erp.kind()).isEqualTo("sql");
            BigDecimal amount = new BigDecimal("9.90");
            PostingResult r = erp.post(new JournalEntry("spring-1", "CB01", LocalDate.now(), "EUR", "EUR", null, null,
                    List.of(JournalLine.debit("6020", amount, "Lunch"),
                            JournalLine.credit("2100", amount, null).withPartner(Partner.employee("E1002", null)))));
            assertThat(r.document().documentNumber()).startsWith("JE");
        }
    }

    @Test
    void invalidPropertiesStopTheApplicationListingEveryKey() {
        assertThatThrownBy(() -> context(Map.of("erp.adapter", "tryton", "erp.tryton.batch-size", "0")))
                .isInstanceOf(BeanCreationException.class).rootCause()
                .hasMessageContaining("erp.tryton.url").hasMessageContaining("erp.tryton.database")
                .hasMessageContaining("erp.tryton.password").hasMessageContaining("erp.tryton.batch-size");
    }
}

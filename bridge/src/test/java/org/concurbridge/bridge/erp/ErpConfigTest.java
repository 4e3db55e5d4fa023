package org.concurbridge.bridge.erp;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErpConfigTest {

    @Test
    void noKeysGiveTheEmbeddedSqlAdapter() {
        assertThat(ErpConfig.parse(Map.of())).isEqualTo(new ErpConfig.Sql(null, null, null, "erp", 1000, true, false,
                Duration.ofSeconds(2)));
    }

    @Test
    void trytonKeysAreReadWithTheirDefaults() {
        ErpConfig c = ErpConfig.parse(Map.of("erp.adapter", "tryton", "erp.tryton.url", "http://erp:8000",
                "erp.tryton.database", "prod", "erp.tryton.password", "s3cret"));
        assertThat(c).isInstanceOfSatisfying(ErpConfig.Tryton.class, t -> {
            assertThat(t.databaseUri()).isEqualTo(URI.create("http://erp:8000/prod/"));
            assertThat(t.user()).isEqualTo("admin");
            assertThat(t.companyId()).isEqualTo(1);
            assertThat(t.journal()).isEqualTo("MISC");
            assertThat(t.batchSize()).isEqualTo(10);
            assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(t.password().reveal()).isEqualTo("s3cret");
            assertThat(t.toString()).doesNotContain("s3cret");
            assertThat(t.companies()).isEmpty();
            assertThat(t.masterDataCompanyIds()).as("master data from company-id only").containsExactly(1);
        });
    }

    @Test
    void masterDataCompanyIdsAreReadInOrderDefaultToCompanyIdAndEveryBadIdIsNamed() {
        Map<String, String> base = Map.of("erp.adapter", "tryton", "erp.tryton.url", "http://erp:8000",
                "erp.tryton.database", "prod", "erp.tryton.password", "s3cret", "erp.tryton.company-id", "4");
        assertThat(((ErpConfig.Tryton) ErpConfig.parse(base)).masterDataCompanyIds()).containsExactly(4);
        Map<String, String> listed = new java.util.HashMap<>(base);
        listed.put("erp.tryton.master-data-company-ids", " 3, 1 ,7");
        assertThat(((ErpConfig.Tryton) ErpConfig.parse(listed)).masterDataCompanyIds()).containsExactly(3, 1, 7);
        listed.put("erp.tryton.master-data-company-ids", "2,x,0,2,-1");
        assertThatThrownBy(() -> ErpConfig.parse(listed))
                .isInstanceOfSatisfying(ErpConfig.InvalidException.class, e -> assertThat(e.errors())
                        .extracting(Object::toString).containsExactly(
                                "erp.tryton.master-data-company-ids='x': each entry must be a company.company id"
                                        + " (a positive whole number), e.g. 1, 2",
                                "erp.tryton.master-data-company-ids='0': each entry must be a company.company id"
                                        + " (a positive whole number), e.g. 1, 2",
                                "erp.tryton.master-data-company-ids='2': company id 2 is listed twice",
                                "erp.tryton.master-data-company-ids='-1': each entry must be a company.company id"
                                        + " (a positive whole number), e.g. 1, 2"));
    }

    @Test
    void trytonCompaniesAreCodeIdPairsAndEveryBadPairIsNamed() {
        ErpConfig c = ErpConfig.parse(Map.of("erp.adapter", "tryton", "erp.tryton.url", "http://erp:8000",
                "erp.tryton.database", "prod", "erp.tryton.password", "s3cret",
                "erp.tryton.companies", " US01=2, CA01 = 3"));
        assertThat(((ErpConfig.Tryton) c).companies()).isEqualTo(Map.of("US01", 2, "CA01", 3));
        assertThatThrownBy(() -> ErpConfig.parse(Map.of("erp.adapter", "tryton", "erp.tryton.url", "http://erp",
                "erp.tryton.database", "prod", "erp.tryton.password", "s3cret",
                "erp.tryton.companies", "US01=2,US01=4,CA01,GB01=zero")))
                .isInstanceOfSatisfying(ErpConfig.InvalidException.class, e -> assertThat(e.errors())
                        .extracting(Object::toString).containsExactly(
                                "erp.tryton.companies='US01=4': company code US01 is mapped twice",
                                "erp.tryton.companies='CA01': each entry must be <company code>=<company.company id>,"
                                        + " e.g. US01=2",
                                "erp.tryton.companies='GB01=zero': each entry must be <company code>=<company.company"
                                        + " id>, e.g. US01=2"));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> ErpConfig.parse(Map.of("erp.adapter", "tryton", "erp.tryton.url", "ftp://x",
                "erp.tryton.batch-size", "0", "erp.tryton.timeout", "30s", "erp.tryton.company-id", "one")))
                .isInstanceOfSatisfying(ErpConfig.InvalidException.class, e -> assertThat(e.errors())
                        .extracting(ErpConfig.FieldError::key).containsExactlyInAnyOrder("erp.tryton.url",
                                "erp.tryton.database", "erp.tryton.password", "erp.tryton.company-id",
                                "erp.tryton.batch-size", "erp.tryton.timeout"));
    }

    @Test
    void sqlFieldsAreValidatedAndThePasswordNeverShows() {
        assertThatThrownBy(() -> ErpConfig.parse(Map.of("erp.sql.jdbc-url", "postgres://db", "erp.sql.schema",
                "Erp; DROP", "erp.sql.migrate", "yes", "erp.sql.change-settle", "-PT1S",
                "erp.sql.password", "hunter2")))
                .hasMessageContaining("erp.sql.jdbc-url='postgres://db': must start with jdbc:")
                .hasMessageContaining("erp.sql.schema").hasMessageContaining("erp.sql.migrate='yes'")
                .hasMessageContaining("erp.sql.change-settle").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ErpConfig.parse(Map.of("erp.adapter", "sap")))
                .hasMessageContaining("erp.adapter='sap': must be sql or tryton");
    }

    @Test
    void everyKeyIsDocumented() {
        assertThat(ErpConfig.KEYS).allSatisfy(k -> assertThat(k.description()).isNotBlank());
        assertThat(ErpConfig.KEYS).extracting(ErpConfig.Key::name).doesNotHaveDuplicates();
    }
}

package org.concurbridge.bridge.web;

import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.client.Secret;
import org.concurbridge.sandbox.SandboxProduct;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The master-data side of the page tests: the SQL adapter's ERP tables (erp.cost_object, erp.supplier; shared by
 * every company of the application context, so each test starts from empty ones) and fresh sandbox companies of the
 * test's own, connected through Quick Connect.
 */
final class MasterDataFixtures {
    private static final AtomicInteger COMPANIES = new AtomicInteger();

    private final JdbcClient jdbc;
    private final SandboxForTests concur;
    /** ERP change times: one second apart, all in the past (beyond the adapter's settle window), increasing. */
    private Instant erpTime = Instant.now().minus(Duration.ofHours(2));

    MasterDataFixtures(JdbcClient jdbc, SandboxForTests concur) {
        this.jdbc = jdbc;
        this.concur = concur;
    }

    void emptyErp() {
        jdbc.sql("delete from erp.cost_object").update();
        jdbc.sql("delete from erp.supplier").update();
    }

    /** A new sandbox company connected through Quick Connect (its jobs' first runs are an interval away). */
    String company(QuickConnectService quickConnect, String marketingName, Set<SandboxProduct> products) {
        String uuid = UUID.randomUUID().toString();
        concur.sandbox().addCompany(uuid, "MD page test " + COMPANIES.incrementAndGet(), marketingName, "us", products);
        quickConnect.connect(uuid, Secret.of(concur.sandbox().companyRequestToken(uuid)), "admin-user");
        return uuid;
    }

    String professional(QuickConnectService quickConnect) {
        return company(quickConnect, "CTE", SandboxProduct.defaults());
    }

    void costObject(String dimension, String code, String name, String parent) {
        erpTime = erpTime.plusSeconds(1);
        jdbc.sql("insert into erp.cost_object (dimension, code, name, parent_code, active, updated_at)"
                        + " values (?, ?, ?, ?, true, ?)")
                .params(dimension, code, name, parent, OffsetDateTime.ofInstant(erpTime, ZoneOffset.UTC)).update();
    }

    /** A supplier in Berlin paying in EUR; {@code postalCode} becomes the vendor's address code (default mapping). */
    void supplier(String code, String name, String postalCode) {
        erpTime = erpTime.plusSeconds(1);
        jdbc.sql("insert into erp.supplier (code, name, tax_id, payment_terms, currency, street, city, postal_code,"
                        + " region, country, bank_account_number, bank_bic, bank_name, active, updated_at)"
                        + " values (?, ?, ?, 'NET30', 'EUR', 'Hauptstr. 1', 'Berlin', ?, 'BE', 'DE', ?, ?, ?, true, ?)")
                .params(code, name, "DE" + Math.abs(code.hashCode()), postalCode, "DE89370400440532013000",
                        "COBADEFFXXX", "Test Bank", OffsetDateTime.ofInstant(erpTime, ZoneOffset.UTC)).update();
    }
}

package org.concurbridge.bridge.erp;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Spring wiring of the framework-free ERP adapter: reads the {@code erp.*} keys ({@link ErpConfig#KEYS}) from the
 * environment, validates them (the application fails to start listing every invalid key), and creates the adapter
 * on the application's {@link DataSource} (used by the SQL adapter when {@code erp.sql.jdbc-url} is empty) and
 * {@link Clock} (system UTC when none is defined).
 */
@Configuration(proxyBeanMethods = false)
public class ErpSpringConfiguration {

    @Bean
    ErpConfig erpConfig(Environment environment) {
        Map<String, String> properties = new HashMap<>();
        for (ErpConfig.Key key : ErpConfig.KEYS) {
            String value = environment.getProperty(key.name());
            if (value != null) {
                properties.put(key.name(), value);
            }
        }
        return ErpConfig.parse(properties);
    }

    @Bean(destroyMethod = "close")
    ErpAdapter erpAdapter(ErpConfig config, ObjectProvider<DataSource> dataSource, ObjectProvider<Clock> clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return ErpAdapters.create(config, dataSource.getIfAvailable(), http, clock.getIfAvailable(Clock::systemUTC));
    }
}

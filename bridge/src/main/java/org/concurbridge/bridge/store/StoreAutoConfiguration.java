package org.concurbridge.bridge.store;

import org.concurbridge.bridge.config.BridgeProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * Points Boot's data source at {@code bridge.store.*}. An auto-configuration (not a plain configuration) so that a
 * {@link JdbcConnectionDetails} bean of a test or an embedding application takes precedence.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(BridgeProperties.class)
public class StoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(JdbcConnectionDetails.class)
    JdbcConnectionDetails bridgeStoreConnectionDetails(BridgeProperties properties) {
        BridgeProperties.Store store = properties.store();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return store.username();
            }

            @Override
            public String getPassword() {
                return store.password() == null ? "" : store.password().reveal();
            }

            @Override
            public String getJdbcUrl() {
                return store.url();
            }
        };
    }
}

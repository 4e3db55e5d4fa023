package org.concurbridge.bridge.store;

import com.zaxxer.hikari.HikariDataSource;
import org.concurbridge.bridge.config.BridgeProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * Points Boot's data source at {@code bridge.store.*}. An auto-configuration (not a plain configuration) so that a
 * {@link JdbcConnectionDetails} bean of a test or an embedding application takes precedence. A PostgreSQL store gets
 * the bridge's session settings ({@link PostgresSessions}); an embedded H2 file store is made owner-only and, with
 * {@code AUTO_SERVER=TRUE}, loopback-only with a generated password ({@link EmbeddedH2}).
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(BridgeProperties.class)
public class StoreAutoConfiguration {

    /** Before the pool starts (it starts on its first connection): the PostgreSQL session settings. */
    @Bean
    static BeanPostProcessor postgresSessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    PostgresSessions.configure(pool);
                }
                return bean;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(JdbcConnectionDetails.class)
    JdbcConnectionDetails bridgeStoreConnectionDetails(BridgeProperties properties) {
        BridgeProperties.Store store = properties.store();
        String password = store.password() == null ? "" : store.password().reveal();
        java.util.Optional<java.nio.file.Path> file = store.url().startsWith("jdbc:h2:")
                ? EmbeddedH2.databasePath(store.url()) : java.util.Optional.empty();
        if (file.isPresent()) {
            EmbeddedH2.ownerOnlyDirectory(file.get().toAbsolutePath().getParent());
            if (EmbeddedH2.autoServer(store.url())) {
                EmbeddedH2.requireLoopbackServer();
                if (store.password() == null) {
                    password = EmbeddedH2.password(store.passwordFile(), new java.security.SecureRandom());
                    EmbeddedH2.adoptPassword(store.url(), file.get(), store.username(), password);
                }
            }
        }
        String storePassword = password;
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return store.username();
            }

            @Override
            public String getPassword() {
                return storePassword;
            }

            @Override
            public String getJdbcUrl() {
                return store.url();
            }
        };
    }
}

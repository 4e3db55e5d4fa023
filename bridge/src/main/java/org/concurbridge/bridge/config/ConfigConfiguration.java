package org.concurbridge.bridge.config;

import org.concurbridge.client.Secret;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

import java.time.Clock;

/** Beans every capability shares: the clock and the binding of secret-valued settings. */
@Configuration(proxyBeanMethods = false)
class ConfigConfiguration {

    /** The one clock of the application; tests replace it with a {@code @Primary} controllable clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Where credentials may be sent: SAP Concur's documented hosts over https, plus the sandbox's origin only when
     * {@code bridge.concur.sandbox-uri} is set (sandbox mode: the demo and tests).
     */
    @Bean
    org.concurbridge.client.Geolocations geolocations(BridgeProperties properties) {
        return properties.concur().geolocations();
    }

    /** Binds a setting to {@link Secret} so that it prints as {@code [hidden]}; an empty value means "not set". */
    @Bean
    @ConfigurationPropertiesBinding
    static Converter<String, Secret> secretConverter() {
        return new Converter<String, Secret>() {
            @Override
            public Secret convert(String source) {
                return source.isBlank() ? null : Secret.of(source.trim());
            }
        };
    }
}

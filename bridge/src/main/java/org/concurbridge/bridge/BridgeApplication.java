package org.concurbridge.bridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The bridge service: web dashboard, Quick Connect, store and jobs in one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BridgeApplication {

    /** Starts the service with the given command-line arguments ({@code --key=value} overrides configuration). */
    public static ConfigurableApplicationContext start(String... args) {
        org.concurbridge.bridge.store.EmbeddedH2.bindServersToLoopback();
        return SpringApplication.run(BridgeApplication.class, args);
    }
}

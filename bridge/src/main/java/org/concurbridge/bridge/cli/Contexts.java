package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.BridgeApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

/** Starts the bridge's Spring context: the full service, or a quiet one for a one-shot operator command. */
final class Contexts {
    private Contexts() {
    }

    /** The web service with its scheduler (what {@code serve} and {@code demo} run). */
    static ConfigurableApplicationContext service(Map<String, Object> properties, String... args) {
        return new SpringApplicationBuilder(BridgeApplication.class)
                .properties(properties)
                .run(args);
    }

    /**
     * Store, secrets and Concur client only: no web server, no job execution (a running service may share the
     * database; this process only reads and writes rows).
     */
    static ConfigurableApplicationContext tool(String... args) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("bridge.jobs.execute", "false");
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "WARN");
        return new SpringApplicationBuilder(BridgeApplication.class)
                .web(WebApplicationType.NONE)
                .properties(props)
                .logStartupInfo(false)
                .run(args);
    }
}

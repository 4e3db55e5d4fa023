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
        return new SpringApplicationBuilder(BridgeApplication.class).run(withArgs(properties, args));
    }

    /**
     * Store, secrets and Concur client only: no web server, no job execution (a running service may share the
     * database; this process only reads and writes rows).
     */
    static ConfigurableApplicationContext tool(String... args) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("bridge.jobs.enabled", "false");
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.com.github.kagkarlsson.scheduler", "WARN");
        return new SpringApplicationBuilder(BridgeApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(withArgs(props, args));
    }

    /**
     * The command's settings as {@code --key=value} arguments, merged with the user's own (a user's
     * {@code --key=value} wins over the command's): command-line arguments outrank application.yml and environment
     * variables, and Spring joins a key given twice instead of taking the last one.
     */
    private static String[] withArgs(Map<String, Object> properties, String... args) {
        Map<String, Object> merged = new LinkedHashMap<>(properties);
        java.util.List<String> others = new java.util.ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                merged.remove(arg.substring(2, eq));
            }
            others.add(arg);
        }
        java.util.List<String> all = new java.util.ArrayList<>();
        merged.forEach((key, value) -> all.add("--" + key + "=" + value));
        all.addAll(others);
        return all.toArray(String[]::new);
    }
}

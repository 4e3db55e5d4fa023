package org.concurbridge.bridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.Map;

/** Runs the bridge service (dashboard, Quick Connect landing page, jobs) until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the bridge service: dashboard, Quick Connect landing page and scheduled jobs.",
                "Configuration: application.yml, environment variables (BRIDGE_...) or --key=value arguments;"
                        + " see docs/configuration.md."})
final class ServeCommand implements Runnable {

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    @Override
    public void run() {
        Contexts.service(Map.of(), springArgs.toArray(String[]::new));
    }
}

package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.store.Connection;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;

/** Lists the connected companies. */
@Command(name = "connections", mixinStandardHelpOptions = true, description = "List the connected companies.")
final class ConnectionsCommand implements Runnable {

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    @Override
    public void run() {
        try (ConfigurableApplicationContext ctx = Contexts.tool(springArgs.toArray(String[]::new))) {
            List<Connection> all = ctx.getBean(ConnectionRepository.class).findAll();
            if (all.isEmpty()) {
                System.out.println("No company is connected.");
                return;
            }
            System.out.printf("%-36s  %-24s  %-12s  %-16s  %-20s  %s%n",
                    "COMPANY UUID", "NAME", "EDITION", "STATE", "REFRESH EXPIRES", "GEOLOCATION");
            for (Connection c : all) {
                System.out.printf("%-36s  %-24s  %-12s  %-16s  %-20s  %s%n", c.companyUuid(),
                        Text.truncate(c.companyName(), 24), c.edition(), c.state(),
                        c.refreshExpiresAt(), c.geolocation());
                if (c.stateReason() != null) {
                    System.out.println("    reason: " + c.stateReason());
                }
            }
        }
    }
}

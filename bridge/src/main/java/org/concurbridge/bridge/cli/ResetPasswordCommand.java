package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.web.AdminAccount;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;

/** Generates a new dashboard admin password (when none is configured) and prints it once. */
@Command(name = "reset-admin-password", mixinStandardHelpOptions = true,
        description = "Generate a new dashboard administrator password, print it once and store only its hash.")
final class ResetPasswordCommand implements Runnable {

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public void run() {
        try (ConfigurableApplicationContext ctx = Contexts.tool(springArgs.toArray(String[]::new))) {
            String password = ctx.getBean(AdminAccount.class).resetGeneratedPassword();
            System.out.println("New administrator password (shown once): " + password);
        }
    }
}

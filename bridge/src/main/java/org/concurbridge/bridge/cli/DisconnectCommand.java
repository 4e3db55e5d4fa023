package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.connect.QuickConnectService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.util.List;

/** Revokes a company's tokens at Concur and deletes them here. */
@Command(name = "disconnect", mixinStandardHelpOptions = true,
        description = "Disconnect a company: revoke its tokens at SAP Concur, stop its jobs and delete its secrets.")
final class DisconnectCommand implements Runnable {

    @Parameters(index = "0", description = "Company UUID.")
    String companyUuid;

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    @Override
    public void run() {
        try (ConfigurableApplicationContext ctx = Contexts.tool(springArgs.toArray(String[]::new))) {
            QuickConnectService.DisconnectOutcome outcome = ctx.getBean(QuickConnectService.class).disconnect(companyUuid);
            System.out.println("Disconnected " + outcome.connection().companyName() + " (" + companyUuid + ")"
                    + (outcome.revoked() ? ": tokens revoked at SAP Concur." : ". " + outcome.problem()));
        }
    }
}

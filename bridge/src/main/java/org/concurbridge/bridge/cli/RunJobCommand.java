package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.jobs.ConnectionJobs;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.util.List;

/** Asks the running service(s) to run a job now (the scheduler on any instance picks it up). */
@Command(name = "run-job", mixinStandardHelpOptions = true,
        description = "Run a connection's job now (token-refresh, profile-refresh, ...); a running bridge picks it up.")
final class RunJobCommand implements Runnable {

    @Parameters(index = "0", description = "Job name.")
    String job;

    @Parameters(index = "1", description = "Company UUID.")
    String companyUuid;

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    @Override
    public void run() {
        try (ConfigurableApplicationContext ctx = Contexts.tool(springArgs.toArray(String[]::new))) {
            if (ctx.getBean(ConnectionRepository.class).find(companyUuid).isEmpty()) {
                throw new IllegalArgumentException("No connection for company " + companyUuid);
            }
            ctx.getBean(ConnectionJobs.class).runNow(job, companyUuid);
            System.out.println("Job " + job + " for " + companyUuid + " is due now; a running bridge executes it"
                    + " within its polling interval. See `erp-bridge connections` or the dashboard for the result.");
        }
    }
}

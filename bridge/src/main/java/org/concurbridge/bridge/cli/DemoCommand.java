package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.posting.bench.ErpReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import javax.sql.DataSource;
import java.util.Set;
import org.concurbridge.bridge.posting.extractjob.ExtractPostingJob;
import org.concurbridge.bridge.posting.pipeline.FisPostingJob;
import org.concurbridge.bridge.store.Connection;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.fis.FisDocType;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's first command: starts the Concur sandbox with its demo companies and the bridge on its embedded
 * defaults, connects the demo companies through the real Quick Connect flow, and prints what it did.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the Concur sandbox and the bridge on embedded defaults, connect the demo companies through"
                + " Quick Connect and print the dashboard URL.",
                "With --once: one full cycle, print the summary and exit (for scripts)."})
final class DemoCommand implements Runnable {
    static final int DEMO_DOCUMENTS = 25;
    /** Expense reports the Standard demo company has waiting in its open payment batch. */
    static final int DEMO_BATCH_REPORTS = 10;

    @Option(names = "--port", defaultValue = "8080", description = "Bridge port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--sandbox-port", defaultValue = "8089", description = "Sandbox port (default: ${DEFAULT-VALUE}).")
    int sandboxPort;

    @Option(names = "--once", description = "Run one full cycle, print the summary and exit.")
    boolean once;

    @Option(names = "--data-dir", defaultValue = "./demo-data", description = "The demo's own directory: database,"
            + " key, logs and extract files (default: ${DEFAULT-VALUE}); never the production ./data.")
    java.nio.file.Path dataDir;

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    @Override
    public void run() {
        quietSandboxStartup();
        System.out.println("Starting the Concur sandbox on port " + sandboxPort + " ...");
        String bridgeBase = "http://localhost:" + port;
        ConcurSandbox sandbox = ConcurSandbox.builder().port(sandboxPort).seed(42L)
                .demoConnectUri(bridgeBase + "/concur/connect").build().start();
        // approved expense reports, cash advances and invoices waiting in Concur's Financial Integration Service
        List<String> documentIds = sandbox.fis().generate(SandboxDemo.PROFESSIONAL_COMPANY, 42L, DEMO_DOCUMENTS, List.of());
        // the Standard edition has no FIS here: its approved expense reports wait in the open payment batch, and
        // reach the ERP through the batch's SAE file
        List<String> batchReportIds = sandbox.fis().generate(SandboxDemo.STANDARD_COMPANY, 43L, DEMO_BATCH_REPORTS,
                Arrays.stream(FisUseCase.values()).filter(u -> u.docType() == FisDocType.EXPENSE).toList());
        sandbox.paymentBatches().closeTime(Duration.ofSeconds(1));
        String adminPassword = randomPassword();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", port);
        // the demo's own store, key, logs and files, and its own embedded ERP: command-line arguments outrank the
        // environment, so a production bridge's BRIDGE_* / ERP_* settings on this machine are never used
        String dir = dataDir.toAbsolutePath().normalize().toString();
        props.put("bridge.store.url", "jdbc:h2:file:" + dir + "/bridge;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
        props.put("bridge.store.username", "sa");
        props.put("bridge.store.password", "");
        props.put("bridge.store.password-file", dir + "/store.password");
        props.put("bridge.secrets.key", "");
        props.put("bridge.secrets.key-file", dir + "/secret.key");
        props.put("logging.file.name", dir + "/logs/bridge.log");
        props.put("bridge.extracts.work-dir", dir + "/extracts");
        props.put("erp.adapter", "sql");
        props.put("erp.sql.jdbc-url", "");
        props.put("erp.sql.user", "");
        props.put("erp.sql.password", "");
        props.put("erp.sql.schema", "erp");
        props.put("erp.sql.migrate", "true");
        props.put("erp.sql.seed-demo", "true"); // demo chart of accounts, suppliers, cost objects, POs in schema erp
        props.put("bridge.extracts.enabled", "true");     // posting from extract files too (payment batches, SAE)
        props.put("bridge.extracts.poll-initial", "500ms");
        props.put("bridge.extracts.poll-max", "2s");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.com.github.kagkarlsson.scheduler", "WARN");
        props.put("logging.level.org.concurbridge.sandbox", "WARN");
        props.put("bridge.concur.client-id", SandboxDemo.CLIENT_ID);
        props.put("bridge.concur.client-secret", SandboxDemo.CLIENT_SECRET);
        props.put("bridge.concur.token-base-uri", sandbox.geolocation("glz").toString());
        props.put("bridge.concur.sandbox-uri", sandbox.geolocation("glz").toString()); // sandbox mode
        props.put("bridge.admin.username", "admin");
        props.put("bridge.admin.password", adminPassword);
        ConfigurableApplicationContext ctx;
        try {
            System.out.println("Starting the bridge on port " + port + " (embedded H2 database, key and embedded ERP"
                    + " under " + dir + ") ...");
            ctx = Contexts.service(props, springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        try {
            QuickConnectWalk walk = new QuickConnectWalk();
            for (String company : List.of(SandboxDemo.PROFESSIONAL_COMPANY, SandboxDemo.STANDARD_COMPANY)) {
                System.out.println("Quick Connect for company " + company + ": App Center Connect -> landing page ->"
                        + " admin sign-in -> confirm -> token exchange -> company profile ...");
                walk.connect(sandbox.baseUri().resolve("/appcenter"), company, SandboxDemo.CLIENT_ID, "admin", adminPassword);
            }
            ConnectionRepository connections = ctx.getBean(ConnectionRepository.class);
            System.out.println();
            System.out.println("Concur ERP Bridge demo");
            System.out.println("  Concur sandbox:  " + sandbox.baseUri() + "  (App Center: " + sandbox.baseUri() + "/appcenter)");
            for (String company : List.of(SandboxDemo.PROFESSIONAL_COMPANY, SandboxDemo.STANDARD_COMPANY)) {
                Connection c = connections.find(company).orElseThrow(() ->
                        new IllegalStateException("Quick Connect finished but company " + company + " is not stored"));
                System.out.println("  connected:       " + c.companyName() + "  uuid=" + c.companyUuid()
                        + "  edition=" + c.edition() + "  geolocation=" + c.geolocation()
                        + "  refresh token expires " + c.refreshExpiresAt() + "  state=" + c.state());
            }
            System.out.println("Posting the " + DEMO_DOCUMENTS + " approved documents waiting in FIS for "
                    + SandboxDemo.PROFESSIONAL_COMPANY + " into the embedded ERP (interface tables, schema erp) ...");
            // the demo ERP knows the Concur codes these documents use (accounts, employees, tax codes, cost objects),
            // as the ERP of a company that configured Concur with its own codes; otherwise: erp-bridge mapping set
            List<String> allIds = new java.util.ArrayList<>(documentIds);
            allIds.addAll(batchReportIds);
            ErpReferenceData.createFor(JdbcClient.create(ctx.getBean(DataSource.class)),
                    allIds.stream().map(id -> sandbox.fis().document(id).toString()).toList(), Set.of());
            JobResult posting = ctx.getBean(FisPostingJob.class).run(SandboxDemo.PROFESSIONAL_COMPANY);
            System.out.println("  FIS posting:     " + posting.outcome() + " " + posting.message());
            System.out.println("  documents:       " + bridgeBase + "/connections/" + SandboxDemo.PROFESSIONAL_COMPANY
                    + "/documents");
            System.out.println("Posting the " + DEMO_BATCH_REPORTS + " expense reports in the open payment batch of "
                    + SandboxDemo.STANDARD_COMPANY + " (Standard edition): close the batch, download its SAE file,"
                    + " post each report ...");
            JobResult batch = ctx.getBean(ExtractPostingJob.class).run(SandboxDemo.STANDARD_COMPANY);
            System.out.println("  extract posting: " + batch.outcome() + " " + batch.message());
            System.out.println("  documents:       " + bridgeBase + "/connections/" + SandboxDemo.STANDARD_COMPANY
                    + "/documents");
            System.out.println("  dashboard:       " + bridgeBase + "/   (sign in as admin / " + adminPassword + ")");
            if (once) {
                System.out.println("Demo cycle complete.");
                return;
            }
            System.out.println("Press Ctrl-C to stop.");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("demo Quick Connect failed: " + e.getMessage(), e);
        } finally {
            if (once) {
                ctx.close();
                sandbox.close();
            }
        }
    }

    /**
     * The sandbox starts before the bridge configures logging, at the logging library's default level: its start-up
     * lines would bury the demo's output. The bridge's own configuration takes over when it starts.
     */
    private static void quietSandboxStartup() {
        for (String name : List.of("org.eclipse.jetty", "io.javalin", "org.concurbridge.sandbox")) {
            if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger
                    && logger.getLevel() == null) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package org.concurbridge.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox standalone until interrupted:
 * {@code java -cp ... org.concurbridge.sandbox.SandboxMain [--port 8090] [--host 127.0.0.1] [--seed N]
 * [--connect-uri URL] [--fis-documents N] [--standard-documents N] [--fis-latency-ms N]}. {@code --fis-documents}
 * generates that many FIS documents (every use case, seeded by {@code --seed}) for the Professional demo company (FIS
 * and Extracts v1); {@code --standard-documents} as many for the Standard demo company (its payment batches);
 * {@code --fis-latency-ms} adds a simulated latency to every FIS call.
 */
public final class SandboxMain {

    public static final int DEFAULT_PORT = 8090;
    private static final String USAGE = "usage: SandboxMain [--port N] [--host ADDRESS] [--seed N] [--connect-uri URL]"
            + " [--fis-documents N] [--standard-documents N] [--fis-latency-ms N]";

    /** Settings applied after the sandbox has started. */
    record Extras(int fisDocuments, int fisLatencyMillis, int standardDocuments) {
    }

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurSandbox.Builder builder = ConcurSandbox.builder().port(DEFAULT_PORT);
        Extras extras;
        try {
            extras = parse(args, builder);
        } catch (IllegalArgumentException e) {
            System.err.println("sandbox: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        ConcurSandbox sandbox = builder.build().start();
        apply(extras, sandbox);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        printSummary(sandbox, System.out);
        stopped.await();
    }

    static Extras parse(String[] args, ConcurSandbox.Builder builder) {
        int fisDocuments = 0;
        int fisLatency = 0;
        int standardDocuments = 0;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--port" -> builder.port(number(name, value));
                case "--host" -> builder.host(value);
                case "--seed" -> builder.seed(Long.parseLong(value));
                case "--connect-uri" -> builder.demoConnectUri(value);
                case "--fis-documents" -> fisDocuments = number(name, value);
                case "--fis-latency-ms" -> fisLatency = number(name, value);
                case "--standard-documents" -> standardDocuments = number(name, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (fisDocuments < 0 || fisLatency < 0 || standardDocuments < 0) {
            throw new IllegalArgumentException("--fis-documents, --standard-documents and --fis-latency-ms must not be"
                    + " negative");
        }
        return new Extras(fisDocuments, fisLatency, standardDocuments);
    }

    static void apply(Extras extras, ConcurSandbox sandbox) {
        if (extras.fisDocuments() > 0) {
            sandbox.fis().generate(SandboxDemo.PROFESSIONAL_COMPANY, sandbox.seed(), extras.fisDocuments(), List.of());
        }
        if (extras.standardDocuments() > 0) {
            sandbox.fis().generate(SandboxDemo.STANDARD_COMPANY, sandbox.seed(), extras.standardDocuments(), List.of());
        }
        sandbox.fis().latency(Duration.ofMillis(extras.fisLatencyMillis()));
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number (got " + value + ")");
        }
    }

    /** The demo credentials are printed on purpose: they are public sandbox constants, not secrets. */
    static void printSummary(ConcurSandbox sandbox, PrintStream out) {
        out.println("Concur sandbox listening at " + sandbox.baseUri() + " (seed " + sandbox.seed() + ")");
        out.println("  App Center:        " + sandbox.baseUri() + "/appcenter");
        out.println("  token endpoint:    " + sandbox.geolocation(SandboxState.GLZ) + "/oauth2/v0/token");
        out.println("  admin API:         " + sandbox.baseUri() + "/admin/companies");
        out.println("  FIS documents:     " + sandbox.fis().documents(SandboxDemo.PROFESSIONAL_COMPANY).size()
                + " for the Professional company (" + sandbox.baseUri() + "/admin/fis/companies/"
                + SandboxDemo.PROFESSIONAL_COMPANY + "/counts), latency " + sandbox.fis().latency().toMillis()
                + " ms");
        out.println("  extracts:          " + sandbox.geolocation("us") + "/api/expense/extract/v1.0/ (Professional),"
                + " payment batches: " + sandbox.geolocation("eu") + "/api/expense/paymentbatch/v1.1/batchlist/OPEN ("
                + sandbox.fis().documents(SandboxDemo.STANDARD_COMPANY).size() + " documents for the Standard company)");
        out.println("  lists:             " + sandbox.geolocation("us") + "/list/v4/lists (held now: "
                + sandbox.baseUri() + "/admin/lists/companies/" + SandboxDemo.PROFESSIONAL_COMPANY + "/lists)");
        out.println("  demo client id:    " + SandboxDemo.CLIENT_ID);
        out.println("  demo client secret:" + " " + SandboxDemo.CLIENT_SECRET);
        for (SandboxCompany c : sandbox.companies()) {
            out.println("  company " + c.uuid() + "  " + c.name() + " (" + c.marketingName() + ", geo "
                    + c.geo() + " = " + sandbox.geolocation(c.geo()) + ")");
        }
    }
}

package org.concurbridge.sandbox;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox standalone until interrupted:
 * {@code java -cp ... org.concurbridge.sandbox.SandboxMain [--port 8090] [--host 127.0.0.1] [--seed N]
 * [--connect-uri URL]}.
 */
public final class SandboxMain {

    public static final int DEFAULT_PORT = 8090;

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurSandbox.Builder builder = ConcurSandbox.builder().port(DEFAULT_PORT);
        try {
            parse(args, builder);
        } catch (IllegalArgumentException e) {
            System.err.println("sandbox: " + e.getMessage());
            System.err.println("usage: SandboxMain [--port N] [--host ADDRESS] [--seed N] [--connect-uri URL]");
            System.exit(2);
            return;
        }
        ConcurSandbox sandbox = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        printSummary(sandbox, System.out);
        stopped.await();
    }

    static void parse(String[] args, ConcurSandbox.Builder builder) {
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
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
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
        out.println("  demo client id:    " + SandboxDemo.CLIENT_ID);
        out.println("  demo client secret:" + " " + SandboxDemo.CLIENT_SECRET);
        for (SandboxCompany c : sandbox.companies()) {
            out.println("  company " + c.uuid() + "  " + c.name() + " (" + c.marketingName() + ", geo "
                    + c.geo() + " = " + sandbox.geolocation(c.geo()) + ")");
        }
    }
}

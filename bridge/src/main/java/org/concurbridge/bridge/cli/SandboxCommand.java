package org.concurbridge.bridge.cli;

import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.SandboxDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.CountDownLatch;

/** Starts the Concur sandbox (emulator) on its own, for rehearsals and for other processes' tests. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Start the Concur sandbox (a stateful emulator of the SAP Concur APIs) and wait until Ctrl-C.")
final class SandboxCommand implements Runnable {

    @Option(names = "--port", defaultValue = "8089", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--connect-uri", defaultValue = "http://localhost:8080/concur/connect",
            description = "Quick Connect landing page of the demo app (default: ${DEFAULT-VALUE}).")
    String connectUri;

    @Override
    public void run() {
        ConcurSandbox sandbox = ConcurSandbox.builder().port(port).seed(seed).demoConnectUri(connectUri).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        System.out.println("Concur sandbox listening on " + sandbox.baseUri());
        System.out.println("  App Center:        " + sandbox.baseUri() + "/appcenter");
        System.out.println("  token endpoint:    " + sandbox.geolocation("glz") + "/oauth2/v0/token");
        System.out.println("  demo client id:    " + SandboxDemo.CLIENT_ID);
        System.out.println("  demo client secret " + SandboxDemo.CLIENT_SECRET + " (sandbox only)");
        System.out.println("  Professional co.:  " + SandboxDemo.PROFESSIONAL_COMPANY);
        System.out.println("  Standard co.:      " + SandboxDemo.STANDARD_COMPANY);
        System.out.println("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

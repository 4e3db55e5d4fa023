package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.store.Connection;
import org.concurbridge.client.Secret;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;

import java.util.List;

/** The manual connect path: a Company UUID and a Company Request Token generated in Concur's Authentication Admin. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Connect a company with its Company UUID and a Company Request Token (valid 24 hours).",
                "The token is read from standard input or prompted for, so that it stays out of the shell history."})
final class ConnectCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--company", required = true, description = "Company UUID shown next to the request token.")
    String companyUuid;

    @Option(names = "--request-token", interactive = true, arity = "0..1",
            description = "Company Request Token; without a value it is prompted for (or read from stdin).")
    char[] requestToken;

    @Option(names = "--user", defaultValue = "cli", description = "Who connects (recorded with the connection).")
    String user;

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    @Override
    public void run() {
        String token = requestToken == null ? readStdin() : new String(requestToken);
        List<String> problems = QuickConnectService.validate(companyUuid, token);
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join(" ", problems));
        }
        try (ConfigurableApplicationContext ctx = Contexts.tool(springArgs.toArray(String[]::new))) {
            Connection c = ctx.getBean(QuickConnectService.class).connect(companyUuid, Secret.of(token.trim()), user);
            System.out.println("Connected " + c.companyName() + " (" + c.companyUuid() + ")");
            System.out.println("  edition:      " + c.edition() + " (marketingName " + c.marketingName() + ")");
            System.out.println("  geolocation:  " + c.geolocation());
            System.out.println("  refresh token expires " + c.refreshExpiresAt());
        }
    }

    private static String readStdin() {
        java.io.Console console = System.console();
        if (console != null) {
            char[] read = console.readPassword("Company Request Token: ");
            return read == null ? null : new String(read);
        }
        try {
            return new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not read the request token from standard input", e);
        }
    }
}

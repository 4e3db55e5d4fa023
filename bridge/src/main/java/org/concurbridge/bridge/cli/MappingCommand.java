package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.posting.pipeline.ConnectionMappings;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The posting mapping of a connection: {@code mapping set --company UUID FILE}, {@code mapping show --company UUID}. */
@Command(name = "mapping", mixinStandardHelpOptions = true,
        description = "Show or set a connection's posting mapping (Concur codes -> ERP accounts, cost objects, ...).",
        subcommands = {MappingCommand.Set.class, MappingCommand.Show.class})
final class MappingCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "Missing subcommand: set or show");
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Validate a YAML/JSON mapping file and store it for the connection. Documents already"
                    + " posted keep the mapping they were built with.")
    static final class Set implements Runnable {
        @Option(names = "--company", required = true, description = "Company UUID of the connection.")
        String companyUuid;

        @Parameters(index = "0", description = "Mapping file (YAML or JSON).")
        Path file;

        @Unmatched
        List<String> springArgs = new java.util.ArrayList<>();

        @Override
        public void run() {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read mapping file " + file, e);
            }
            try (ConfigurableApplicationContext ctx = Contexts.tool(springArgs.toArray(String[]::new))) {
                if (ctx.getBean(ConnectionRepository.class).find(companyUuid).isEmpty()) {
                    throw new IllegalArgumentException("No connection for company " + companyUuid);
                }
                var mapping = ctx.getBean(ConnectionMappings.class).set(companyUuid, text, "cli:" + file);
                System.out.println("Mapping for " + companyUuid + " stored: version " + mapping.version());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the connection's mapping.")
    static final class Show implements Runnable {
        @Option(names = "--company", required = true, description = "Company UUID of the connection.")
        String companyUuid;

        @Unmatched
        List<String> springArgs = new java.util.ArrayList<>();

        @Override
        public void run() {
            try (ConfigurableApplicationContext ctx = Contexts.tool(springArgs.toArray(String[]::new))) {
                var stored = ctx.getBean(ConnectionMappings.class).stored(companyUuid);
                if (stored.isEmpty()) {
                    System.out.println("# no mapping for " + companyUuid + ": Concur's own codes are posted");
                    return;
                }
                System.out.println("# source: " + stored.get().source() + ", version " + stored.get().mapping().version()
                        + (stored.get().updatedAt() == null ? "" : ", updated " + stored.get().updatedAt() + " by "
                        + stored.get().updatedBy()));
                System.out.print(stored.get().text());
            }
        }
    }
}

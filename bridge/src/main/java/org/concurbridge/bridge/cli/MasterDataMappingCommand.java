package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.masterdata.mapping.MasterDataMappings;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The master-data mapping of a connection: {@code masterdata-mapping set --company UUID FILE|-} and
 * {@code masterdata-mapping show --company UUID}. An invalid mapping is refused with every field error (exit 2).
 */
@Command(name = "masterdata-mapping", mixinStandardHelpOptions = true,
        description = "Show or set a connection's master-data mapping (ERP dimensions -> Concur lists and levels, code"
                + " rules, supplier -> vendor fields).",
        subcommands = {MasterDataMappingCommand.Set.class, MasterDataMappingCommand.Show.class})
final class MasterDataMappingCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "Missing subcommand: set or show");
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Validate a YAML/JSON master-data mapping and store it for the connection (- reads stdin).")
    static final class Set implements Runnable {
        @Option(names = "--company", required = true, description = "Company UUID of the connection.")
        String companyUuid;

        @Parameters(index = "0", description = "Mapping file (YAML or JSON), or - for standard input.")
        String file;

        @Unmatched
        List<String> springArgs = new java.util.ArrayList<>();

        @Override
        public void run() {
            String text;
            try {
                text = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read mapping file " + file, e);
            }
            try (ConfigurableApplicationContext ctx = Contexts.tool(springArgs.toArray(String[]::new))) {
                if (ctx.getBean(ConnectionRepository.class).find(companyUuid).isEmpty()) {
                    throw new IllegalArgumentException("No connection for company " + companyUuid);
                }
                var mapping = ctx.getBean(MasterDataMappings.class).set(companyUuid, text,
                        "cli:" + (file.equals("-") ? "stdin" : file));
                System.out.println("Master-data mapping for " + companyUuid + " stored: version " + mapping.version()
                        + "; lists: " + mapping.lists().stream().map(l -> l.name()).toList()
                        + "; vendors " + (mapping.vendors().enabled() ? "on" : "off"));
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the connection's master-data mapping.")
    static final class Show implements Runnable {
        @Option(names = "--company", required = true, description = "Company UUID of the connection.")
        String companyUuid;

        @Unmatched
        List<String> springArgs = new java.util.ArrayList<>();

        @Override
        public void run() {
            try (ConfigurableApplicationContext ctx = Contexts.tool(springArgs.toArray(String[]::new))) {
                var stored = ctx.getBean(MasterDataMappings.class).stored(companyUuid);
                System.out.println("# source: " + stored.source() + (stored.updatedAt() == null ? ""
                        : ", updated " + stored.updatedAt() + " by " + stored.updatedBy()));
                System.out.print(stored.text());
            }
        }
    }
}

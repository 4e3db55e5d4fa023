package org.concurbridge.bridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code erp-bridge} command line: one entry point for the service, the demo, the sandbox and operator tasks. */
@Command(name = "erp-bridge",
        mixinStandardHelpOptions = true,
        versionProvider = BridgeCli.Version.class,
        description = "Concur ERP Bridge: connects SAP Concur Expense and Invoice to your ERP.",
        subcommands = {
                ServeCommand.class,
                DemoCommand.class,
                SandboxCommand.class,
                ConnectCommand.class,
                ConnectionsCommand.class,
                DisconnectCommand.class,
                RunJobCommand.class,
                PreviewCommand.class,
                MappingCommand.class,
                MasterDataMappingCommand.class,
                SyncCommand.class,
                BenchCommand.class,
                RotateKeyCommand.class,
                ResetPasswordCommand.class,
                CommandLine.HelpCommand.class
        })
public final class BridgeCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with the exit codes and error handling every command shares. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BridgeCli());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("erp-bridge: " + CliErrors.describe(ex));
            return CliErrors.exitCode(ex);
        });
        return cli;
    }

    /** Whether the command leaves a service running after {@code execute} returns. */
    public static boolean keepsRunning(String[] args) {
        return args.length > 0 && args[0].equals("serve");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BridgeCli.class.getPackage().getImplementationVersion();
            return new String[] {"Concur ERP Bridge " + (v == null ? "(development build)" : v)};
        }
    }
}

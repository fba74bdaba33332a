package dev.candor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code candor} command. */
@Command(name = "candor", mixinStandardHelpOptions = true, version = "Candor 0.1.0",
        description = "Privacy-first, transparent personalization engine.%n",
        subcommands = {ServeCommand.class, DemoCommand.class, ImportCommand.class, EvaluateCommand.class, UserCommand.class, AuditCommand.class, KeysCommand.class, TrustCommand.class, CommandLine.HelpCommand.class},
        commandListHeading = "%nCommands:%n")
public final class CandorCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@return a command line configured like the one {@code main} runs (for tests)} */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CandorCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("candor: " + Errors.describe(ex)));
            return 1;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}

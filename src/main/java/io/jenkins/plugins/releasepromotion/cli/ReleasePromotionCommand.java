package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.changelog.ChangelogException;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerLockedException;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code release-promotion}: the engine as a command for release managers and for any CI. */
@Command(
        name = "release-promotion",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Promotes release tags from staging to production: checked, recorded, reversible.",
        subcommands = {ConfigCommand.class, CheckCommand.class, HistoryCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:unexpected error (--debug shows the stack trace)",
            "2:usage or configuration error",
            "3:refused by a gate",
            "4:deploy failed",
            "5:verification failed",
            "6:rolled back",
            "7:rejected or expired approval"
        })
public final class ReleasePromotionCommand implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of unexpected errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line, with the exit codes and error handling of this command. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new ReleasePromotionCommand());
        line.setExecutionExceptionHandler(ReleasePromotionCommand::handle);
        line.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("release-promotion: " + e.getMessage());
            e.getCommandLine()
                    .getErr()
                    .println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                            + " --help' for the options.");
            return ExitCode.USAGE_OR_CONFIGURATION;
        });
        return line;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    private static int handle(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        PrintWriter err = line.getErr();
        if (isUserMistake(e)) {
            err.println("release-promotion: " + e.getMessage());
            return ExitCode.USAGE_OR_CONFIGURATION;
        }
        boolean debug = parsed.matchedOption("--debug") != null
                || parsed.subcommands().stream().anyMatch(p -> p.matchedOption("--debug") != null);
        err.println("release-promotion: unexpected error: " + e + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            e.printStackTrace(err);
        }
        return ExitCode.UNEXPECTED;
    }

    private static boolean isUserMistake(Exception e) {
        return e instanceof ConfigException
                || e instanceof IllegalArgumentException
                || e instanceof GitFactsException
                || e instanceof CredentialsException
                || e instanceof ChangelogException
                || e instanceof LedgerLockedException;
    }
}

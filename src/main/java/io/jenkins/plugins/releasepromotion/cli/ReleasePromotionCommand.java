package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.changelog.ChangelogException;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.config.Durations;
import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerLockedException;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerUnavailableException;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresRefusedException;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresUnavailableException;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
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
        subcommands = {
            StatusCommand.class,
            CheckCommand.class,
            PromoteCommand.class,
            ApprovalCommand.class,
            VerifyCommand.class,
            RollbackCommand.class,
            HistoryCommand.class,
            ReportCommand.class,
            MetricsCommand.class,
            LedgerCommand.class,
            ConfigCommand.class,
            DemoCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:unexpected error (--debug shows the stack trace)",
            "2:usage or configuration error, or the ledger cannot be reached",
            "3:refused by a gate",
            "4:deploy failed",
            "5:verification failed",
            "6:rolled back",
            "7:rejected, expired or superseded approval",
            "8:the ledger's chain is broken (ledger verify)"
        })
public final class ReleasePromotionCommand implements Runnable {
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of unexpected errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Terminal terminal;
    private final Map<String, String> environment;

    private ReleasePromotionCommand(Terminal terminal, Map<String, String> environment) {
        this.terminal = terminal;
        this.environment = Map.copyOf(environment);
    }

    /** Where questions are asked: the console, or none. */
    Terminal terminal() {
        return terminal;
    }

    /** The process environment, where credentials come from. */
    Map<String, String> environment() {
        return environment;
    }

    /** Where warnings go: standard error. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line of this process: its console and environment. */
    public static CommandLine commandLine() {
        return commandLine(Terminal.system(), System.getenv());
    }

    /** The command line, with the exit codes and error handling of this command. */
    static CommandLine commandLine(Terminal terminal, Map<String, String> environment) {
        CommandLine line = new CommandLine(new ReleasePromotionCommand(terminal, environment));
        line.registerConverter(Duration.class, ReleasePromotionCommand::duration);
        line.registerConverter(Instant.class, ReleasePromotionCommand::instant);
        line.registerConverter(String.class, OptionText::plain);
        // Help in plain text: every line the command prints passes the terminal filter, which would show colours
        // as escapes.
        line.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        line.setExecutionStrategy(parsed -> {
            filtered(line);
            return new CommandLine.RunLast().execute(parsed);
        });
        line.setExecutionExceptionHandler(ReleasePromotionCommand::handle);
        line.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = TerminalWriter.over(e.getCommandLine().getErr());
            err.println("release-promotion: " + e.getMessage());
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?");
            }
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCode.USAGE_OR_CONFIGURATION;
        });
        return line;
    }

    /**
     * Puts the terminal filter under standard output and error as they are when the command runs (a caller may have
     * replaced them after {@link #commandLine}); picocli hands them on to every subcommand.
     */
    private static void filtered(CommandLine line) {
        line.setOut(TerminalWriter.over(line.getOut()));
        line.setErr(TerminalWriter.over(line.getErr()));
    }

    /** Every duration option reads as the configuration does; a wrong one is one line naming the accepted forms. */
    private static Duration duration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + OptionText.plain(text)
                    + "' is not a time: write it as ISO-8601 in UTC, like 2026-11-30T12:00:00Z");
        }
    }

    public static void main(String[] args) {
        // The SSH library logs through SLF4J; a command line has no logging set up, and says so only when asked.
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        GitSystemConfig.install();
        System.exit(commandLine().execute(args));
    }

    private static int handle(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        PrintWriter err = TerminalWriter.over(line.getErr());
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
                || e instanceof LedgerLockedException
                || e instanceof LedgerUnavailableException
                || e instanceof PostgresUnavailableException
                || e instanceof PostgresRefusedException;
    }
}

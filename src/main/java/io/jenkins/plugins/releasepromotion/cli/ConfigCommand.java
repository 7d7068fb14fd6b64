package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.PatternWarnings;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code config validate} and {@code config init}: check the configuration, or write a starter one. */
@Command(
        name = "config",
        description = "Work with the configuration.",
        mixinStandardHelpOptions = true,
        subcommands = {ConfigCommand.Validate.class, ConfigCommand.Init.class})
final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = "Check the configuration; every problem is printed with its field path.")
    static final class Validate implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ReleaseConfig config;
            try {
                config = options.loadConfig();
            } catch (ConfigException e) {
                e.getMessage()
                        .lines()
                        .forEach(line -> spec.commandLine().getErr().println("release-promotion: " + line.strip()));
                return ExitCode.USAGE_OR_CONFIGURATION;
            }
            PatternWarnings.of(config)
                    .forEach(line -> spec.commandLine().getErr().println("release-promotion: warning: " + line));
            spec.commandLine()
                    .getOut()
                    .println("The configuration " + options.configFile() + " is valid: "
                            + config.environments().size()
                            + " environments ("
                            + config.environments().stream()
                                    .map(ConfigCommand::describe)
                                    .collect(Collectors.joining(", "))
                            + ").");
            return ExitCode.SUCCESS;
        }
    }

    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = "Write a commented starter configuration for this repository: its main branch, changelog"
                    + " and tags as found, a staging environment with slots and a production one over SSH, with"
                    + " blanks to fill in.")
    static final class Init implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--force", description = "Overwrite an existing configuration file.")
        boolean force;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path file = options.configFile();
            if (Files.exists(file) && !force) {
                throw new IllegalArgumentException(file + " already exists; edit it, check it with 'release-promotion"
                        + " config validate', or give --force to write a new one over it");
            }
            write(file, StarterConfig.of(options.repo()));
            spec.commandLine()
                    .getOut()
                    .println("Wrote " + file + ". Fill in every \"<fill in: ...>\" in it, then run: release-promotion"
                            + " config validate");
            return ExitCode.SUCCESS;
        }

        private static void write(Path file, String text) {
            try {
                Files.writeString(
                        file,
                        text,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    static String describe(EnvironmentConfig env) {
        String method = env.deploy() == null ? "no deploy" : env.deploy().ssh() != null ? "ssh" : "script";
        return env.name() + ": " + (env.hasSlots() ? env.slots() + " slots, " : "") + method;
    }
}

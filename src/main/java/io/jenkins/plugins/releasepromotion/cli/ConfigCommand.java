package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code config validate}: checks the configuration and names every problem by its field path. */
@Command(
        name = "config",
        description = "Work with the configuration.",
        mixinStandardHelpOptions = true,
        subcommands = ConfigCommand.Validate.class)
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
                e.problems().forEach(p -> spec.commandLine().getErr().println("release-promotion: " + p));
                return ExitCode.USAGE_OR_CONFIGURATION;
            }
            spec.commandLine()
                    .getOut()
                    .println("The configuration is valid: "
                            + config.environments().size()
                            + " environments ("
                            + config.environments().stream()
                                    .map(ConfigCommand::describe)
                                    .collect(Collectors.joining(", "))
                            + ").");
            return ExitCode.SUCCESS;
        }
    }

    static String describe(EnvironmentConfig env) {
        String method = env.deploy() == null ? "no deploy" : env.deploy().ssh() != null ? "ssh" : "script";
        return env.name() + ": " + (env.hasSlots() ? env.slots() + " slots, " : "") + method;
    }
}

package io.jenkins.plugins.releasepromotion.cli;

import picocli.CommandLine.Option;

/** Where an operation goes: an environment, and a slot when the environment has slots. */
final class TargetOptions {
    @Option(
            names = {"--env", "-e"},
            required = true,
            paramLabel = "NAME",
            description = "The environment, as named in the configuration.")
    String environment;

    @Option(
            names = "--slot",
            paramLabel = "N",
            description = "The slot, counted from 1, for an environment with slots.")
    Integer slot;
}

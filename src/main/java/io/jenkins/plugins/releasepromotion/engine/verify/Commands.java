package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.util.List;
import java.util.Map;

/** Runs the command of a {@code logs} or {@code migrations} check where the deploy runs, within the check's timeout. */
final class Commands {
    private Commands() {}

    /** Why the check's command cannot run at all, or {@code null} when it can. */
    static String unusable(CheckConfig config, CheckContext context) {
        if (config.command().isEmpty()) {
            return config.name() + " has no command; set command, e.g. [docker, compose, logs, --tail=200]";
        }
        return context.runner() != null
                ? null
                : config.name() + " runs " + config.command().get(0) + " where the deploy runs, but this"
                        + " verification has no place to run commands; verify from the pipeline that deploys, or"
                        + " remove the check";
    }

    /**
     * @throws CommandException with one line when the command could not be started at all
     */
    static CommandResult run(CheckConfig config, CheckContext context, LogSink output) {
        return context.runner().run(new Command(config.command(), null, Map.of(), config.timeout()), output);
    }

    /** Why a command that ran did not succeed, with the last line it printed. */
    static String failure(CheckConfig config, CommandResult result) {
        String program = config.command().get(0);
        if (result.timedOut()) {
            return program + " did not finish within " + Times.text(config.timeout()) + " and was stopped";
        }
        List<String> output = result.output();
        return program + " exited with status " + result.exitCode()
                + (output.isEmpty() ? "" : ": " + output.get(output.size() - 1));
    }
}

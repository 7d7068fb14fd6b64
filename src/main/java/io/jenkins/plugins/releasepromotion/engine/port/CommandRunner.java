package io.jenkins.plugins.releasepromotion.engine.port;

/**
 * Runs commands where a deploy happens: locally in the workspace (script deploys) or on the deploy host (ssh
 * deploys). Output is streamed line by line to the sink, masked; failures to start or connect are a
 * {@link CommandException} with one clear line.
 */
public interface CommandRunner {
    CommandResult run(Command command, LogSink log);
}

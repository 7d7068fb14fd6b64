package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command runner port over local processes, for commands that end quickly. */
final class LocalRunner implements CommandRunner {
    final List<Command> ran = new ArrayList<>();

    @Override
    public CommandResult run(Command command, LogSink log) {
        ran.add(command);
        try {
            Process process =
                    new ProcessBuilder(command.argv()).redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    log.line(line);
                    output.add(line);
                }
            }
            boolean finished = process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new CommandResult(finished ? process.exitValue() : -1, !finished, Duration.ZERO, output);
        } catch (IOException e) {
            throw new CommandException("Cannot run " + command.argv().get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("Interrupted", e);
        }
    }
}

package io.jenkins.plugins.releasepromotion.engine.port;

import java.time.Duration;
import java.util.List;

/**
 * How a command ended.
 *
 * @param exitCode the exit status; {@code -1} when it timed out or the connection dropped
 * @param timedOut it ran past its timeout and was stopped (with its whole process tree)
 * @param output the last lines it printed (stdout and stderr, masked), for messages and checks
 */
public record CommandResult(int exitCode, boolean timedOut, Duration duration, List<String> output) {

    public CommandResult {
        output = List.copyOf(output);
    }

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}

package io.jenkins.plugins.releasepromotion.engine.port;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command as an argv list, never a shell string: each element is one argument.
 *
 * @param workingDirectory where it runs; {@code null} for the runner's default
 * @param environment variables added to the runner's environment
 */
public record Command(List<String> argv, String workingDirectory, Map<String, String> environment, Duration timeout) {

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("A command needs at least the program to run.");
        }
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
    }
}

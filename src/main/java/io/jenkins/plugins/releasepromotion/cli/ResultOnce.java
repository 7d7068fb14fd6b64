package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engine's lines for the terminal, less its closing {@code OUTCOME: message} line: the command prints the result
 * itself, once, on standard output. A line of that shape is held until another follows it (an automatic rollback's
 * outcome is progress, not the result); the last one is the result and is never shown here.
 */
final class ResultOnce implements LogSink {
    private static final Set<String> PREFIXES =
            Arrays.stream(Outcome.values()).map(o -> o.name() + ": ").collect(Collectors.toUnmodifiableSet());

    private final LogSink target;
    private String held;

    private ResultOnce(LogSink target) {
        this.target = target;
    }

    static LogSink around(LogSink target) {
        return new ResultOnce(target);
    }

    @Override
    public synchronized void line(String text) {
        if (held != null) {
            target.line(held);
            held = null;
        }
        if (PREFIXES.stream().anyMatch(text::startsWith)) {
            held = text;
        } else {
            target.line(text);
        }
    }
}

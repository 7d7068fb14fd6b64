package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A log that keeps every line, and lets a test wait for one while a command still runs. */
final class CapturedLog implements LogSink {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void line(String text) {
        lines.add(text);
        notifyAll();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits until a line equal to {@code expected} arrives; fails after {@code limit}. */
    synchronized void await(String expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!lines.contains(expected)) {
            long left = deadline - System.nanoTime();
            assertThat(left)
                    .as("line '%s' within %s; got %s", expected, limit, lines)
                    .isPositive();
            wait(Math.max(1, left / 1_000_000));
        }
    }
}

package io.jenkins.plugins.releasepromotion.engine.verify;

import java.time.Duration;

/**
 * Waits between attempts and polls. A port so that retries and DAG polling can be driven by a clock in tests, and a
 * Jenkins step can wait without holding anything but its thread.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Really waits; an interrupt (an aborted build) ends the wait at once. */
    static Sleeper real() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}

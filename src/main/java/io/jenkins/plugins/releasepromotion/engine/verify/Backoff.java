package io.jenkins.plugins.releasepromotion.engine.verify;

import java.time.Duration;
import java.util.Random;

/**
 * The wait before a retry: the configured backoff, doubling with each failure, varied by up to 20% either way so that
 * several verifications do not hit a recovering application in step, and never longer than {@link #CAP} ({@link
 * #HEALTH_CAP} for a health check, or the configured backoff if that is longer).
 */
final class Backoff {
    static final Duration CAP = Duration.ofSeconds(30);

    /**
     * A starting application is waited for, not spared: its health endpoint is cheap, and a doubling wait would learn
     * that it is up long after it is (at 16 s, not before 31 s). Past this the health check asks at a steady pace.
     */
    static final Duration HEALTH_CAP = Duration.ofSeconds(5);

    static final double JITTER = 0.2;

    private final Duration base;
    private final Random random;
    private final Duration cap;

    Backoff(Duration base, Random random) {
        this(base, random, CAP);
    }

    Backoff(Duration base, Random random, Duration cap) {
        this.base = base;
        this.random = random;
        this.cap = cap.compareTo(base) < 0 ? base : cap;
    }

    /** The wait after the {@code failures}-th failure in a row (counted from 1). */
    Duration afterFailure(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        double millis = Math.min((double) base.toMillis() * (1L << doublings), cap.toMillis() * 2.0);
        double jittered = millis * (1 + JITTER * (2 * random.nextDouble() - 1));
        return Duration.ofMillis(Math.min(Math.round(jittered), cap.toMillis()));
    }

    /** The pause between two successes of a check that needs several in a row: the plain backoff. */
    Duration betweenSuccesses() {
        return base;
    }
}

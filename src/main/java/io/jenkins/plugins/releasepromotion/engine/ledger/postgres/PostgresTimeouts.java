package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the shared ledger waits for its database: to connect, for one statement, and for a row or table lock
 * another session holds. A server that stops answering altogether is given up on a little after the statement
 * timeout, when the socket read times out.
 */
public record PostgresTimeouts(Duration connect, Duration statement, Duration lock) {

    public PostgresTimeouts {
        positive(connect, "connect");
        positive(statement, "statement");
        positive(lock, "lock");
    }

    /** 10 seconds to connect, 30 for a statement, 10 for a lock. */
    public static PostgresTimeouts defaults() {
        return new PostgresTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /** The driver's socket read timeout, in whole seconds: past the statement timeout, so the server speaks first. */
    int socketSeconds() {
        return seconds(statement.plusSeconds(10));
    }

    int connectSeconds() {
        return seconds(connect);
    }

    static int seconds(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (d.toMillis() + 999) / 1000));
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(
                    "The ledger's " + what + " timeout is " + d + "; give it a positive duration.");
        }
    }
}

package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.util.function.Supplier;

/**
 * Runs ledger I/O with the thread's interrupt set aside and restored afterwards. A file channel refuses to work on an
 * interrupted thread (and so does the PostgreSQL driver while it connects), and a stopped build or command is exactly when the record of how its operation ended must still
 * be written, read and its lock released.
 */
public final class Uninterrupted {
    private Uninterrupted() {}

    public static <T> T call(Supplier<T> work) {
        boolean interrupted = Thread.interrupted();
        try {
            return work.get();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}

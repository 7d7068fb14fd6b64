package io.jenkins.plugins.releasepromotion.engine.port;

/**
 * Where the engine writes lines for the person reading the console: the CLI's terminal, a Jenkins build log. Callers
 * pass text that may hold a secret through a {@link MaskingLogSink}.
 */
@FunctionalInterface
public interface LogSink {
    void line(String text);

    /**
     * A sink that hands {@code target} one line at a time, whichever thread writes it: for work that runs on several
     * threads at once, when the target may not be safe for that.
     */
    static LogSink serialized(LogSink target) {
        Object lock = new Object();
        return text -> {
            synchronized (lock) {
                target.line(text);
            }
        };
    }

    /** A sink that drops everything. */
    static LogSink discard() {
        return text -> {};
    }
}

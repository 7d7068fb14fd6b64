package io.jenkins.plugins.releasepromotion.engine.port;

/**
 * Where the engine writes lines for the person reading the console: the CLI's terminal, a Jenkins build log. Callers
 * pass text that may hold a secret through a {@link MaskingLogSink}.
 */
@FunctionalInterface
public interface LogSink {
    void line(String text);

    /** A sink that drops everything. */
    static LogSink discard() {
        return text -> {};
    }
}

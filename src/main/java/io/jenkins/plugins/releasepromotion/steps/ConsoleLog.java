package io.jenkins.plugins.releasepromotion.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.releasepromotion.engine.model.TerminalText;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;

/**
 * Lines in the build log, each with the plugin's prefix, every secret of the operation masked and every control
 * character shown as an escape: a log is read in a browser, as plain text and through plugins that render escape
 * sequences, and Jenkins itself hides what lies between its own note markers.
 */
final class ConsoleLog implements LogSink {
    static final String PREFIX = "[release-promotion] ";

    private final TaskListener listener;
    private final Secrets secrets;

    ConsoleLog(TaskListener listener, Secrets secrets) {
        this.listener = listener;
        this.secrets = secrets;
    }

    /**
     * An expected failure, as one line of the build log: Jenkins prints an {@code AbortException}'s message there
     * as it is ({@code WorkflowRun#finish} in workflow-job: {@code listener.error(t.getMessage())}).
     */
    static AbortException abort(String message) {
        return new AbortException(PREFIX + TerminalText.of(message));
    }

    @Override
    public void line(String text) {
        String masked = secrets.mask(text == null ? "" : text);
        for (String line : masked.split("\n", -1)) {
            listener.getLogger().println(PREFIX + TerminalText.of(line));
        }
    }
}

package io.jenkins.plugins.releasepromotion.steps;

import hudson.model.TaskListener;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;

/** Lines in the build log, each with the plugin's prefix and every secret of the operation masked. */
final class ConsoleLog implements LogSink {
    static final String PREFIX = "[release-promotion] ";

    private final TaskListener listener;
    private final Secrets secrets;

    ConsoleLog(TaskListener listener, Secrets secrets) {
        this.listener = listener;
        this.secrets = secrets;
    }

    @Override
    public void line(String text) {
        String masked = secrets.mask(text == null ? "" : text);
        for (String line : masked.split("\n", -1)) {
            listener.getLogger().println(PREFIX + line);
        }
    }
}

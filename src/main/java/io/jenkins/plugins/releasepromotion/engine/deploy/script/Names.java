package io.jenkins.plugins.releasepromotion.engine.deploy.script;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.time.Duration;
import java.util.Locale;

/** How programs and durations read in log lines and messages, wherever a command runs. */
public final class Names {

    private Names() {}

    /** Untrusted text for a one-line message: secrets masked first, then escaped and shortened. */
    public static String display(String text, Secrets secrets) {
        return DisplayText.of(secrets.mask(text));
    }

    /** {@code 15m}, {@code 1h30m}, {@code 0.5s}: as durations are written in the configuration. */
    public static String duration(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}

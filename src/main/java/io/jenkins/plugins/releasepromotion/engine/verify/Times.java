package io.jenkins.plugins.releasepromotion.engine.verify;

import java.time.Duration;
import java.util.Locale;

/** Durations for people: {@code 1.2 s} for the short ones, {@code 3m12s} and {@code 20m} for the long ones. */
public final class Times {
    private Times() {}

    public static String text(Duration duration) {
        if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        StringBuilder out = new StringBuilder();
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (seconds > 0) {
            out.append(seconds).append('s');
        }
        return out.toString();
    }
}

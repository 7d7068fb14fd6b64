package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Deployed;
import java.time.Duration;

/** Wording shared by the gates' messages. */
final class Text {
    private Text() {}

    static String shortCommit(String commit) {
        return commit == null ? "(unknown)" : commit.substring(0, Math.min(7, commit.length()));
    }

    static String where(String environment, Integer slot) {
        return slot == null ? environment : environment + " slot " + slot;
    }

    static String where(Deployed deployed) {
        return where(deployed.environment(), deployed.slot());
    }

    static String age(Duration duration) {
        long hours = duration.toHours();
        if (hours >= 48) {
            return duration.toDays() + " days";
        }
        if (hours >= 1) {
            return hours + " hours";
        }
        return Math.max(0, duration.toMinutes()) + " minutes";
    }
}

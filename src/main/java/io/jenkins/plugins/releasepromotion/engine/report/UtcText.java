package io.jenkins.plugins.releasepromotion.engine.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** When something happened, as the release record shows it: to the minute, in UTC. */
public final class UtcText {
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private UtcText() {}

    /** {@code 2026-11-30 12:00 UTC}; empty for {@code null}. */
    public static String of(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }
}

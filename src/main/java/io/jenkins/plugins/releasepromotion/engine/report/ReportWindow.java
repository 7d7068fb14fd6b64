package io.jenkins.plugins.releasepromotion.engine.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time a report looks at: from {@code since} to {@code until}, cut into weeks counted back from {@code until}
 * (week 0 is the oldest, possibly shorter, week; the last week ends at {@code until}), so every week of a trend is a
 * whole seven days but the first.
 */
public record ReportWindow(Instant since, Instant until) {
    public static final Duration WEEK = Duration.ofDays(7);

    public ReportWindow {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (!since.isBefore(until)) {
            throw new IllegalArgumentException("A report's window must start before it ends (from " + since + " to "
                    + until + "); give a positive duration, e.g. --since 12w.");
        }
    }

    /** The window of {@code length} that ends at {@code until}. */
    public static ReportWindow last(Duration length, Instant until) {
        return new ReportWindow(until.minus(length), until);
    }

    public boolean contains(Instant at) {
        return at != null && !at.isBefore(since) && !at.isAfter(until);
    }

    public Duration length() {
        return Duration.between(since, until);
    }

    /** How many weeks the trend shows: at least one, the oldest one possibly shorter. */
    public int weeks() {
        long millis = length().toMillis();
        long week = WEEK.toMillis();
        return (int) Math.max(1, (millis + week - 1) / week);
    }

    /** The week {@code at} falls in, 0 for the oldest; {@code -1} outside the window. */
    public int week(Instant at) {
        if (!contains(at)) {
            return -1;
        }
        long back = Duration.between(at, until).toMillis() / WEEK.toMillis();
        return (int) Math.max(0, weeks() - 1 - back);
    }

    /** The first instant of week {@code index} (the window's start for the oldest). */
    public Instant weekStart(int index) {
        Instant start = until.minus(WEEK.multipliedBy(weeks() - index));
        return start.isBefore(since) ? since : start;
    }
}

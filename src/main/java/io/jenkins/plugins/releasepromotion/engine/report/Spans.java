package io.jenkins.plugins.releasepromotion.engine.report;

/** Durations as a person reads them on the page: {@code 45s}, {@code 12m 5s}, {@code 3h 20m}, {@code 2d 4h}. */
public final class Spans {
    private Spans() {}

    public static String of(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3_600) {
            return pair(s / 60, "m", s % 60, "s");
        }
        if (s < 86_400) {
            return pair(s / 3_600, "h", s % 3_600 / 60, "m");
        }
        return pair(s / 86_400, "d", s % 86_400 / 3_600, "h");
    }

    private static String pair(long big, String bigUnit, long small, String smallUnit) {
        return small == 0 ? big + bigUnit : big + bigUnit + " " + small + smallUnit;
    }
}

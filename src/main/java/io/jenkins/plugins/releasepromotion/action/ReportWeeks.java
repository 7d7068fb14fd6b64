package io.jenkins.plugins.releasepromotion.action;

import io.jenkins.plugins.releasepromotion.engine.report.ReportWindow;
import java.time.Duration;

/**
 * How many weeks the Releases page covers: {@value #DEFAULT} unless {@code ?weeks=N} asks for 1 to {@value #MOST}. A
 * value outside the rule gives the default and a one-line notice naming it, never an error page.
 *
 * @param notice why the asked value was not taken; {@code null} when it was, or none was asked
 */
public record ReportWeeks(int weeks, String notice) {
    static final int DEFAULT = 12;
    static final int MOST = 104;
    private static final int SHOWN = 24;

    /** @param parameter the {@code weeks} query parameter; {@code null} when the address has none */
    public static ReportWeeks of(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return new ReportWeeks(DEFAULT, null);
        }
        String value = parameter.strip();
        if (value.matches("[0-9]{1,3}")) {
            int weeks = Integer.parseInt(value);
            if (weeks >= 1 && weeks <= MOST) {
                return new ReportWeeks(weeks, null);
            }
        }
        String shown = (value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value).replaceAll("\\p{Cntrl}", "?");
        return new ReportWeeks(
                DEFAULT, Messages.ReleasesPage_WeeksRefused(shown, String.valueOf(MOST), String.valueOf(DEFAULT)));
    }

    /** The window's length. */
    public Duration length() {
        return ReportWindow.WEEK.multipliedBy(weeks);
    }
}

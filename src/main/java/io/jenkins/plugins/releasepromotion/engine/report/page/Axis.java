package io.jenkins.plugins.releasepromotion.engine.report.page;

import static io.jenkins.plugins.releasepromotion.engine.report.page.TimelineSection.num;

import io.jenkins.plugins.releasepromotion.engine.report.ReportWindow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The time axis above the lanes: a tick at the start of every week, a date on every few. */
final class Axis {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("MMM d").withZone(ZoneOffset.UTC);
    private static final int MOST_LABELS = 12;

    private Axis() {}

    static void write(Html html, TimelineSection.Geometry g) {
        ReportWindow window = g.window();
        int weeks = window.weeks();
        int every = Math.max(1, (weeks + MOST_LABELS - 1) / MOST_LABELS);
        int bottom = g.tipTop() - 8;
        html.open("g", "class", "rp-axis", "aria-hidden", "true");
        for (int week = 0; week <= weeks; week++) {
            Instant at = week == weeks ? window.until() : window.weekStart(week);
            double x = g.x(at);
            html.open("line", "x1", num(x), "x2", num(x), "y1", num(TimelineSection.TOP - 6), "y2", num(bottom))
                    .close("line");
            if (week % every == 0 || week == weeks) {
                String anchor = week == weeks ? "end" : week == 0 ? "start" : "middle";
                html.element(
                        "text",
                        week == weeks ? "now" : DAY.format(at),
                        "x",
                        num(x),
                        "y",
                        num(TimelineSection.TOP - 12),
                        "text-anchor",
                        anchor);
            }
        }
        html.close("g");
    }
}

package io.jenkins.plugins.releasepromotion.engine.report.page;

import static io.jenkins.plugins.releasepromotion.engine.report.page.TimelineSection.num;

import io.jenkins.plugins.releasepromotion.engine.report.Figure;
import io.jenkins.plugins.releasepromotion.engine.report.ReportWindow;
import java.util.List;

/** A figure week by week: a bar per week, its value in the bar's title; a grey stub for a week without data. */
final class TrendChart {
    private static final int WIDTH = 260;
    private static final int HEIGHT = 48;

    private TrendChart() {}

    static void write(Html html, Figure figure, ReportWindow window) {
        List<Double> weekly = figure.weekly();
        double max = weekly.stream()
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        double step = WIDTH / (double) Math.max(1, weekly.size());
        html.open(
                "svg",
                "class",
                "rp-trend",
                "width",
                num(WIDTH),
                "height",
                num(HEIGHT),
                "viewBox",
                "0 0 " + WIDTH + " " + HEIGHT,
                "role",
                "img",
                "aria-label",
                figure.name() + " week by week");
        for (int week = 0; week < weekly.size(); week++) {
            Double value = weekly.get(week);
            double barHeight = value == null ? 2 : max == 0 ? 2 : Math.max(2, value / max * (HEIGHT - 4));
            String title = "Week from " + Html.when(window.weekStart(week)) + ": "
                    + (value == null ? "no data" : FigureText.of(figure.unit(), value));
            html.open(
                            "rect",
                            "class",
                            value == null ? "rp-none" : "rp-bar",
                            "x",
                            num(week * step + 1),
                            "y",
                            num(HEIGHT - barHeight),
                            "width",
                            num(Math.max(1, step - 2)),
                            "height",
                            num(barHeight))
                    .element("title", title)
                    .close("rect");
        }
        html.close("svg");
    }
}

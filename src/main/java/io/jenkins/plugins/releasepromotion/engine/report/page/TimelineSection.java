package io.jenkins.plugins.releasepromotion.engine.report.page;

import io.jenkins.plugins.releasepromotion.engine.report.Lane;
import io.jenkins.plugins.releasepromotion.engine.report.Mark;
import io.jenkins.plugins.releasepromotion.engine.report.ReportWindow;
import java.util.Comparator;
import java.util.List;

/**
 * The timeline: one lane per environment on a time axis, a mark per finished deployment, verification and rollback,
 * and the tags followed from lane to lane. A mark's details show on hover and on keyboard focus, in a strip below the
 * lanes where no mark is drawn over them; the page needs no script for it.
 */
final class TimelineSection {
    static final int WIDTH = 960;
    static final int LEFT = 140;
    static final int RIGHT = 24;
    static final int TOP = 34;
    static final int LANE = 44;
    static final int TIP_WIDTH = 470;

    private TimelineSection() {}

    static void write(Html html, List<Lane> lanes, ReportWindow window) {
        html.open("section", "id", "timeline", "aria-labelledby", "timeline-title")
                .element("h2", "Timeline", "id", "timeline-title")
                .element(
                        "p",
                        "From " + Html.when(window.since()) + " to " + Html.when(window.until())
                                + ". Hover over a mark, or move to it with the Tab key, to read its details.",
                        "class",
                        "rp-muted");
        Legend.write(html);
        Geometry g = new Geometry(window, lanes.size());
        html.open("div", "class", "rp-scroll")
                .open(
                        "svg",
                        "class",
                        "rp-timeline",
                        "width",
                        num(WIDTH),
                        "height",
                        num(g.height()),
                        "viewBox",
                        "0 0 " + WIDTH + " " + g.height(),
                        "role",
                        "group",
                        "aria-label",
                        "Timeline of " + lanes.size() + " environments");
        Axis.write(html, g);
        for (int i = 0; i < lanes.size(); i++) {
            laneBackground(html, lanes.get(i), g.laneY(i));
        }
        html.element(
                "text",
                "Hover over a mark, or reach it with the Tab key: its details show here.",
                "class",
                "rp-tip-hint",
                "x",
                num(LEFT),
                "y",
                num(g.tipTop() + MarkShape.LINE_HEIGHT));
        Followed.write(html, lanes, g);
        for (int i = 0; i < lanes.size(); i++) {
            int y = g.laneY(i);
            html.open(
                    "g",
                    "class",
                    "rp-lane-marks",
                    "data-environment",
                    lanes.get(i).environment());
            for (Mark mark : drawingOrder(lanes.get(i).marks())) {
                MarkShape.write(html, mark, g.x(mark.at()), y, g);
            }
            html.close("g");
        }
        html.close("svg").close("div");
        for (Lane lane : lanes) {
            if (lane.older()) {
                html.element(
                        "p",
                        lane.environment() + ": the lane draws the newest " + Lane.MARKS + " marks of the"
                                + " window; the history command lists the older ones.",
                        "class",
                        "rp-omitted rp-muted");
            }
        }
        html.close("section");
    }

    private static void laneBackground(Html html, Lane lane, int y) {
        html.element("text", lane.environment(), "class", "rp-lane-name", "x", "8", "y", num(y + 5))
                .open(
                        "line",
                        "class",
                        "rp-lane-line",
                        "x1",
                        num(LEFT),
                        "x2",
                        num(WIDTH - RIGHT),
                        "y1",
                        num(y),
                        "y2",
                        num(y))
                .close("line");
        if (lane.marks().isEmpty()) {
            html.element("text", "nothing in the window", "class", "rp-muted", "x", num(LEFT + 8), "y", num(y - 6));
        }
    }

    /**
     * Later shapes cover earlier ones: verifications first, then rollbacks, then deployments, and within each the
     * failures last, so a failed deployment is never hidden under the verification made minutes after it.
     */
    private static List<Mark> drawingOrder(List<Mark> marks) {
        return marks.stream()
                .sorted(Comparator.comparingInt((Mark m) -> switch (m.kind()) {
                            case VERIFICATION, APPROVAL -> 0;
                            case ROLLBACK -> 1;
                            case DEPLOYMENT -> 2;
                        })
                        .thenComparing(m -> m.sort() == Mark.Sort.FAILURE)
                        .thenComparing(Mark::at))
                .toList();
    }

    static String num(double value) {
        return Long.toString(Math.round(value));
    }

    /** Where things go in the drawing. */
    record Geometry(ReportWindow window, int lanes) {
        int laneY(int index) {
            return TOP + LANE / 2 + index * LANE;
        }

        /** The top of the strip where a mark's details show. */
        int tipTop() {
            return TOP + lanes * LANE + 8;
        }

        int height() {
            return tipTop() + MarkShape.TIP_HEIGHT + 6;
        }

        double x(java.time.Instant at) {
            double span = window.length().toMillis();
            double offset = java.time.Duration.between(window.since(), at).toMillis();
            return LEFT + Math.max(0, Math.min(1, offset / span)) * (WIDTH - LEFT - RIGHT);
        }
    }
}

package io.jenkins.plugins.releasepromotion.engine.report.page;

import static io.jenkins.plugins.releasepromotion.engine.report.page.TimelineSection.num;

import io.jenkins.plugins.releasepromotion.engine.report.Mark;
import java.util.ArrayList;
import java.util.List;

/**
 * One mark on the timeline: a shape for its kind, focusable, with its details in a group the stylesheet shows on
 * hover and on focus. The same details are the mark's accessible name.
 */
final class MarkShape {
    static final int LINES = 6;
    static final int LINE_HEIGHT = 17;
    static final int TIP_HEIGHT = 12 + LINES * LINE_HEIGHT;
    private static final int LONGEST_LINE = 66;

    private MarkShape() {}

    static void write(Html html, Mark mark, double x, int y, TimelineSection.Geometry g) {
        List<String> lines = lines(mark);
        html.open(
                "g",
                "class",
                "rp-mark " + Outcomes.sortClass(mark),
                "tabindex",
                "0",
                "role",
                "img",
                "aria-label",
                String.join(". ", lines),
                "data-record",
                mark.id());
        shape(html, Outcomes.kind(mark), x, y);
        tip(html, lines, x, y, g.tipTop());
        html.close("g");
    }

    /** The shape of a kind of operation: a circle, a square, a triangle pointing back. */
    static void shape(Html html, String kind, double x, double y) {
        switch (kind) {
            case "verification" ->
                html.open("rect", "class", "rp-shape", "x", num(x - 5), "y", num(y - 5), "width", "10", "height", "10")
                        .close("rect");
            case "rollback" ->
                html.open(
                                "path",
                                "class",
                                "rp-shape",
                                "d",
                                "M" + num(x - 7) + " " + num(y) + " L" + num(x + 6) + " " + num(y - 7) + " L"
                                        + num(x + 6) + " " + num(y + 7) + " Z")
                        .close("path");
            default ->
                html.open("circle", "class", "rp-shape", "cx", num(x), "cy", num(y), "r", "6")
                        .close("circle");
        }
    }

    private static void tip(Html html, List<String> lines, double x, int y, int top) {
        double left = Math.max(
                4,
                Math.min(x - TimelineSection.TIP_WIDTH / 2.0, TimelineSection.WIDTH - TimelineSection.TIP_WIDTH - 4));
        html.open("g", "class", "rp-tip", "aria-hidden", "true")
                .open("line", "x1", num(x), "x2", num(x), "y1", num(y + 8), "y2", num(top))
                .close("line")
                .open(
                        "rect",
                        "x",
                        num(left),
                        "y",
                        num(top),
                        "width",
                        num(TimelineSection.TIP_WIDTH),
                        "height",
                        num(TIP_HEIGHT),
                        "rx",
                        "4")
                .close("rect");
        for (int i = 0; i < lines.size(); i++) {
            html.element(
                    "text",
                    cut(lines.get(i)),
                    "class",
                    i == 0 ? "rp-tip-head" : null,
                    "x",
                    num(left + 10),
                    "y",
                    num(top + 8 + (i + 1) * LINE_HEIGHT - 4));
        }
        html.close("g");
    }

    /** What a person reads about the mark, most telling first. */
    static List<String> lines(Mark mark) {
        List<String> lines = new ArrayList<>();
        String kind = Outcomes.kind(mark);
        lines.add(Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " of " + mark.tag() + ": "
                + mark.outcome());
        lines.add(mark.where() + (mark.commit() == null ? "" : ", commit " + mark.shortCommit()));
        lines.add(Html.when(mark.at()) + " by " + mark.actor());
        if (mark.breakGlassReason() != null) {
            lines.add("Break-glass: " + mark.breakGlassReason());
        } else if (!mark.approvers().isEmpty()) {
            lines.add("Approved by " + String.join(", ", mark.approvers()));
        }
        if (mark.note() != null) {
            lines.add(mark.note());
        }
        if (mark.reason() != null && lines.size() < LINES) {
            lines.add("Reason: " + mark.reason());
        }
        return lines.subList(0, Math.min(LINES, lines.size()));
    }

    private static String cut(String line) {
        String flat = line.replaceAll("\\s+", " ");
        return flat.length() <= LONGEST_LINE ? flat : flat.substring(0, LONGEST_LINE - 1) + "…";
    }
}

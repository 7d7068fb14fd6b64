package io.jenkins.plugins.releasepromotion.engine.report.page;

import io.jenkins.plugins.releasepromotion.engine.report.DeliveryFigures;
import io.jenkins.plugins.releasepromotion.engine.report.Figure;
import io.jenkins.plugins.releasepromotion.engine.report.FigureRow;
import io.jenkins.plugins.releasepromotion.engine.report.Mark;

/** Production's four delivery figures, each with its definition, its weekly trend and its records a click away. */
final class FiguresSection {
    private FiguresSection() {}

    static void write(Html html, DeliveryFigures figures) {
        html.open("section", "id", "figures", "aria-labelledby", "figures-title")
                .element("h2", "Delivery figures for production", "id", "figures-title")
                .element(
                        "p",
                        "Over the window, from " + Html.when(figures.window().since()) + " to "
                                + Html.when(figures.window().until()) + ", every environment of kind production.",
                        "class",
                        "rp-muted")
                .open("div", "class", "rp-figures");
        for (Figure figure : figures.all()) {
            figure(html, figure, figures);
        }
        html.close("div").close("section");
    }

    private static void figure(Html html, Figure figure, DeliveryFigures figures) {
        html.open(
                        "article",
                        "class",
                        "rp-figure",
                        "id",
                        "figure-" + figure.key(),
                        "aria-labelledby",
                        "figure-" + figure.key() + "-title")
                .element("h3", figure.name(), "id", "figure-" + figure.key() + "-title")
                .element("p", FigureText.of(figure.unit(), figure.value()), "class", "rp-value")
                .element("p", counted(figure), "class", "rp-counted");
        TrendChart.write(html, figure, figures.window());
        html.element("p", figure.definition(), "class", "rp-definition");
        if (figure.note() != null) {
            html.element("p", "Not counted: " + figure.note() + ".", "class", "rp-muted");
        }
        records(html, figure);
        html.close("article");
    }

    private static String counted(Figure figure) {
        int listed = figure.rows().size() + figure.omitted();
        return switch (figure.key()) {
            case "deploymentFrequency" -> figure.counted() + " successful deployments";
            case "changeFailureRate" -> figure.counted() + " changes";
            default -> "median of " + figure.counted() + (listed == figure.counted() ? "" : " (of " + listed + ")");
        };
    }

    private static void records(Html html, Figure figure) {
        int all = figure.rows().size() + figure.omitted();
        html.open("details").element("summary", "The " + all + " records it was computed from");
        if (figure.omitted() > 0) {
            html.element(
                    "p",
                    "The newest " + figure.rows().size() + " are listed; the history command lists all.",
                    "class",
                    "rp-muted");
        }
        html.open("div", "class", "rp-records-box")
                .open("table", "class", "rp-records")
                .open("thead")
                .open("tr")
                .element("th", "When")
                .element("th", "Where")
                .element("th", "Tag")
                .element("th", "Outcome")
                .element("th", "How it counts")
                .close("tr")
                .close("thead")
                .open("tbody");
        for (FigureRow row : figure.rows()) {
            Mark mark = row.record();
            html.open("tr", "data-record", mark.id())
                    .open("td")
                    .time(mark.at())
                    .close("td")
                    .element("td", mark.where())
                    .element("td", mark.tag())
                    .open("td");
            Outcomes.badge(html, mark);
            html.close("td").element("td", detail(row)).close("tr");
        }
        html.close("tbody").close("table").close("div").close("details");
    }

    private static String detail(FigureRow row) {
        Mark related = row.related();
        if (related == null) {
            return row.detail();
        }
        return row.detail() + " (" + Outcomes.kind(related) + " of " + related.tag() + " at " + Html.when(related.at())
                + ")";
    }
}

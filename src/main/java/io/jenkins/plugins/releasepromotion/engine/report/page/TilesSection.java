package io.jenkins.plugins.releasepromotion.engine.report.page;

import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.report.Mark;
import io.jenkins.plugins.releasepromotion.engine.report.Tile;
import java.util.List;
import java.util.Locale;

/** What runs where: one tile per environment and slot. */
final class TilesSection {
    private TilesSection() {}

    static void write(Html html, List<Tile> tiles, BuildLinks links) {
        html.open("section", "id", "where", "aria-labelledby", "where-title")
                .element("h2", "What runs where", "id", "where-title")
                .open("div", "class", "rp-tiles");
        tiles.forEach(tile -> tile(html, tile, links));
        html.close("div").close("section");
    }

    private static void tile(Html html, Tile tile, BuildLinks links) {
        Mark current = tile.current();
        html.open(
                        "article",
                        "class",
                        "rp-tile " + state(tile),
                        "id",
                        tile.anchor(),
                        "aria-labelledby",
                        tile.anchor() + "-title")
                .open("h3", "id", tile.anchor() + "-title")
                .text(tile.where() + " ")
                .element("span", tile.kind().name().toLowerCase(Locale.ROOT), "class", "rp-kind")
                .close("h3");
        if (current == null) {
            html.element("p", "Nothing deployed yet", "class", "rp-tag rp-muted");
        } else {
            html.open("p", "class", "rp-tag")
                    .text(current.tag())
                    .text(" ")
                    .element("code", current.shortCommit(), "title", current.commit())
                    .close("p");
        }
        html.open("dl");
        if (current != null) {
            html.element("dt", current.kind() == RecordKind.ROLLBACK ? "Rolled back" : "Deployed")
                    .open("dd")
                    .time(current.at())
                    .close("dd")
                    .element("dt", "By")
                    .element("dd", current.actor())
                    .element("dt", "Approved by")
                    .element("dd", current.approvers().isEmpty() ? "nobody" : String.join(", ", current.approvers()));
            String build = links.of(current.buildUrl());
            if (build != null) {
                html.element("dt", "Build")
                        .open("dd")
                        .element("a", current.buildUrl(), "href", build)
                        .close("dd");
            }
        }
        html.element("dt", "Last verification").open("dd");
        Mark verified = tile.lastVerification();
        if (verified == null) {
            html.text("none");
        } else {
            Outcomes.badge(html, verified);
            html.text(" " + verified.tag() + ", ").time(verified.at());
        }
        html.close("dd").close("dl");
        flags(html, tile, current);
        html.close("article");
    }

    private static void flags(Html html, Tile tile, Mark current) {
        if (current != null && current.breakGlassReason() != null) {
            html.element("p", "Break-glass: " + current.breakGlassReason(), "class", "rp-flag rp-flag-glass");
        }
        if (tile.uncertain() != null) {
            html.element("p", "Uncertain: " + tile.uncertain(), "class", "rp-flag rp-flag-uncertain");
        }
        if (tile.drift() != null) {
            html.element("p", "Drift: " + tile.drift(), "class", "rp-flag rp-flag-drift");
        }
        if (tile.problem() != null) {
            html.element("p", "Not read: " + tile.problem(), "class", "rp-flag rp-flag-problem");
        }
    }

    private static String state(Tile tile) {
        if (tile.current() == null) {
            return "rp-empty";
        }
        if (tile.uncertain() != null || tile.drift() != null) {
            return "rp-attention";
        }
        return tile.current().breakGlassReason() != null ? "rp-glass" : "rp-ok";
    }
}

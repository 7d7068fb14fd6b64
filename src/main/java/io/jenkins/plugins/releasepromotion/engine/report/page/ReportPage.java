package io.jenkins.plugins.releasepromotion.engine.report.page;

import io.jenkins.plugins.releasepromotion.engine.report.ReleaseReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The release record as a page. {@link #standalone} is one self-contained file (its stylesheet inline, no script, no
 * font, nothing fetched: its own Content-Security-Policy forbids all of it); {@link #fragment} is the same body for a
 * page that links the stylesheet {@link #STYLESHEET} itself, as Jenkins' Releases page does.
 */
public final class ReportPage {
    /** The stylesheet's name, beside this class on the class path and at the root of the plugin's static files. */
    public static final String STYLESHEET = "report.css";

    private static final String CSS = load();

    private ReportPage() {}

    /** The stylesheet's text. */
    public static String css() {
        return CSS;
    }

    /** A whole page, for a file; builds are linked where a record names an {@code http} or {@code https} address. */
    public static String standalone(ReleaseReport report) {
        String body = fragment(report, BuildLinks.ABSOLUTE);
        Html html = new Html(body.length() + CSS.length() + 1_024);
        html.markup("<!DOCTYPE html>\n")
                .open("html", "lang", "en")
                .open("head")
                .open("meta", "charset", "utf-8")
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .open("meta", "http-equiv", "Content-Security-Policy", "content", policy())
                .element("title", "Release record")
                .open("style")
                .markup(CSS)
                .close("style")
                .close("head")
                .open("body")
                .markup(body)
                .close("body")
                .close("html")
                .markup("\n");
        return html.toString();
    }

    /**
     * The page's content without a head: the stylesheet {@link #STYLESHEET} must be linked by the page around it.
     *
     * @param links how a record's build address becomes a link
     */
    public static String fragment(ReleaseReport report, BuildLinks links) {
        Html html = new Html(64 * 1_024);
        html.open("div", "class", "rp-report");
        header(html, report);
        TilesSection.write(html, report.tiles(), links);
        TimelineSection.write(html, report.lanes(), report.window());
        FiguresSection.write(html, report.figures());
        html.open("footer", "class", "rp-footer rp-muted")
                .text("Read from the ledger; every time is in UTC; each figure is defined beside it.")
                .close("footer")
                .close("div");
        return html.toString();
    }

    private static void header(Html html, ReleaseReport report) {
        html.open("header")
                .element("h1", "Release record")
                .open("p", "class", "rp-meta")
                .text("Generated ")
                .time(report.generatedAt())
                .text("; the timeline and the figures cover " + weeks(report) + ".")
                .close("p")
                .open("ul", "class", "rp-nav")
                .open("li")
                .element("a", "What runs where", "href", "#where")
                .close("li")
                .open("li")
                .element("a", "Timeline", "href", "#timeline")
                .close("li")
                .open("li")
                .element("a", "Delivery figures", "href", "#figures")
                .close("li")
                .close("ul");
        for (String warning : report.warnings()) {
            html.element("p", warning, "class", "rp-warning", "role", "alert");
        }
        html.close("header");
    }

    private static String weeks(ReleaseReport report) {
        long days = report.window().length().toDays();
        return days % 7 == 0 && days > 0 ? "the last " + days / 7 + " weeks" : "the last " + days + " days";
    }

    /** Nothing but the page's own stylesheet: no script, no request anywhere, even if a value held markup. */
    static String policy() {
        return "default-src 'none'; style-src '" + hash(CSS) + "'; img-src data:; base-uri 'none'; form-action 'none'";
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String load() {
        try (InputStream in = ReportPage.class.getResourceAsStream(STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException(STYLESHEET + " is missing beside " + ReportPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.jenkins.plugins.releasepromotion.engine.report.page;

import io.jenkins.plugins.releasepromotion.engine.report.UtcText;
import java.time.Instant;

/**
 * Markup written as it is read: elements opened and closed in order, every text and attribute value escaped. Markup
 * from a value never reaches the page: names of elements and attributes are the page's own constants, and anything
 * from the ledger or the configuration goes through {@link #escape}.
 */
final class Html {
    private final StringBuilder out;

    Html(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** Text that is safe inside an element and inside a quoted attribute value: {@code & < > " '} escaped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** When something happened, as the page shows it: minutes, in UTC. */
    static String when(Instant at) {
        return UtcText.of(at);
    }

    /** Opens {@code tag} with attributes given as name, value pairs; a pair with a {@code null} value is left out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ')
                        .append(attributes[i])
                        .append("=\"")
                        .append(escape(attributes[i + 1]))
                        .append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** A {@code <time>} element of {@code at}. */
    Html time(Instant at) {
        return element("time", when(at), "datetime", at == null ? null : at.toString());
    }

    /** The page's own markup, never a value: a constant of this package. */
    Html markup(String constant) {
        out.append(constant);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

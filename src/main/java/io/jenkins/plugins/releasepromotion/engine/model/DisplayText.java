package io.jenkins.plugins.releasepromotion.engine.model;

import java.util.Locale;

/** Renders untrusted text for a one-line message: control and non-ASCII characters escaped, long text cut. */
public final class DisplayText {
    private static final int LIMIT = 80;

    private DisplayText() {}

    public static String of(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < LIMIT; i++) {
            char ch = text.charAt(i);
            if (ch < 0x20 || ch > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        if (out.length() >= LIMIT && text.length() > LIMIT) {
            out.setLength(LIMIT);
            out.append("...");
        }
        return out.toString();
    }
}

package io.jenkins.plugins.releasepromotion.engine.model;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Text that came from outside (release notes, ledger fields, a deploy script's output), made safe to print on a
 * terminal or in a build log: every character that could move the cursor, erase, recolour, hide, link or reorder text
 * is shown as {@code \}{@code uXXXX} instead, the notation of Java and JSON, so that a JSON document stays the same
 * document. Letters of every script, accents, CJK and emoji are kept, and nothing is cut.
 *
 * <p>Shown escaped: the C0 controls except the tab (so line feed and carriage return too: a caller that prints
 * several lines splits them first), DEL, the C1 controls (U+0080-U+009F, among them the 8-bit CSI U+009B), the line
 * and paragraph separators, and the Unicode format characters (bidirectional embeddings, overrides, isolates and
 * marks, invisible operators, zero-width space, tag characters) except the zero-width joiner and non-joiner that
 * emoji and several scripts need. An escape sequence loses its ESC, so what follows it is plain text.
 */
public final class TerminalText {
    private static final char ZERO_WIDTH_NON_JOINER = '\u200c';
    private static final char ZERO_WIDTH_JOINER = '\u200d';
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final Pattern LAST_LINE_BREAK = Pattern.compile("\r?\n\\z");

    private TerminalText() {}

    /** The text as it may be printed; {@code ""} for none. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int units = Character.charCount(codePoint);
            if (unsafe(codePoint)) {
                for (int j = i; j < i + units; j++) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) text.charAt(j)));
                }
            } else {
                out.append(text, i, i + units);
            }
            i += units;
        }
        return out.toString();
    }

    /**
     * Several lines of text (release notes, a script's output), each as {@link #of} shows it. Only a line feed, or a
     * carriage return and a line feed, end a line: a carriage return elsewhere is shown, so it cannot send the
     * cursor back over what the line began with.
     */
    public static Stream<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return Stream.empty();
        }
        return LINE_BREAK
                .splitAsStream(LAST_LINE_BREAK.matcher(text).replaceFirst(""))
                .map(TerminalText::of);
    }

    /** Where the first character that {@link #of} would escape is, or -1 when there is none. */
    public static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (unsafe(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    private static boolean unsafe(int c) {
        if (c < 0x20) {
            return c != '\t';
        }
        if (c < 0x7f) {
            return false;
        }
        if (c <= 0x9f) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.FORMAT -> c != ZERO_WIDTH_JOINER && c != ZERO_WIDTH_NON_JOINER;
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}

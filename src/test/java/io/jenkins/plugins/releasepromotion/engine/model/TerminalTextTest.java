package io.jenkins.plugins.releasepromotion.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every class of character that steers a terminal is shown as an escape; everything else is kept, nothing cut. */
class TerminalTextTest {
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-f]{4})");

    @Example
    void showsEveryClassOfControlAsAnEscape() {
        String[][] table = {
            {"\u001b[2K", "\\u001b[2K"}, // erase line
            {"\u001b[1A", "\\u001b[1A"}, // cursor up
            {"\u001b[8mhidden\u001b[0m", "\\u001b[8mhidden\\u001b[0m"},
            {
                "\u001b]8;;https://evil.example/\u001b\\Release checklist\u001b]8;;\u001b\\",
                "\\u001b]8;;https://evil.example/\\u001b\\Release checklist\\u001b]8;;\\u001b\\"
            },
            {"\u001b]0;title\u0007", "\\u001b]0;title\\u0007"}, // window title, BEL terminator
            {"\u001bP+q\u001b\\", "\\u001bP+q\\u001b\\"}, // DCS
            {"a\rb", "a\\u000db"},
            {"a\nb", "a\\u000ab"},
            {"\u0000\u0008\u007f", "\\u0000\\u0008\\u007f"},
            {"\u009b2J\u0085\u009d", "\\u009b2J\\u0085\\u009d"}, // 8-bit CSI, NEL, 8-bit OSC
            {"\u202edrop table\u202c", "\\u202edrop table\\u202c"},
            {"\u2066\u2067\u2068\u2069\u202a\u202b\u202d", "\\u2066\\u2067\\u2068\\u2069\\u202a\\u202b\\u202d"},
            {"\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"}, // bidi marks
            {"a\u200bb\u00adc\ufeff\u2060", "a\\u200bb\\u00adc\\ufeff\\u2060"}, // invisible
            {"\u2028\u2029", "\\u2028\\u2029"},
            {"x\udb40\udc41y", "x\\udb40\\udc41y"}, // a tag character hides ASCII text
        };
        for (String[] row : table) {
            assertThat(TerminalText.of(row[0])).as(row[1]).isEqualTo(row[1]);
        }
    }

    @Example
    void keepsLettersAccentsCjkEmojiAndTabs() {
        String text = "Grüße, Ελληνικά, العربية, עברית, 日本語の変更, 한국어 🚀 👩\u200d💻 ❤\ufe0f\tcode";
        assertThat(TerminalText.of(text)).isSameAs(text);
        assertThat(TerminalText.of(null)).isEmpty();
    }

    @Property(tries = 500)
    void leavesNoCharacterThatSteersATerminal(@ForAll("hostile") String text) {
        TerminalText.of(text).codePoints().forEach(c -> assertThat(steers(c))
                .as("U+%04X in %s", c, TerminalText.of(text))
                .isFalse());
    }

    @Property(tries = 500)
    void cutsNothingAndChangesNothingElse(@ForAll("hostile") String text) {
        assertThat(unescape(TerminalText.of(text))).isEqualTo(text);
    }

    @Property(tries = 300)
    void filteringTwiceIsFilteringOnce(@ForAll("hostile") String text) {
        String once = TerminalText.of(text);
        assertThat(TerminalText.of(once)).isEqualTo(once);
        assertThat(TerminalText.firstUnsafe(once)).isEqualTo(-1);
    }

    /** Text mixed from letters of many scripts, emoji and every class of control, but no backslash. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<Character> controls = Arbitraries.chars()
                .range('\u0000', '\u001f')
                .range('\u007f', '\u009f')
                .range('\u2028', '\u202e')
                .range('\u2060', '\u206f')
                .with('\u200b', '\u200e', '\u200f', '\u061c', '\ufeff', '\u00ad');
        Arbitrary<String> pieces = Arbitraries.oneOf(
                controls.map(String::valueOf),
                Arbitraries.strings().alpha().numeric().withChars(" []();:#-_.").ofMaxLength(6),
                Arbitraries.of("ü", "日本", "한", "🚀", "👩\u200d💻", "ع", "\t", "\udb40\udc41", "\u001b[2K"));
        return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    }

    private static boolean steers(int c) {
        return (c < 0x20 && c != '\t')
                || (c >= 0x7f && c <= 0x9f)
                || (Character.getType(c) == Character.FORMAT && c != 0x200c && c != 0x200d)
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
    }

    private static String unescape(String shown) {
        Matcher m = ESCAPE.matcher(shown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }
}

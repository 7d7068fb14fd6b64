package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Quotes text for a POSIX shell, so that the shell reads it back as exactly one word with exactly these characters.
 * This is the only place that quotes: every value that reaches the deploy host's shell goes through it.
 */
public final class ShellQuote {

    private ShellQuote() {}

    /**
     * The text as one shell word: left as it is when it holds only characters no shell treats specially (so the log
     * reads like the commands a person would type), otherwise in single quotes, with each {@code '} written as
     * {@code '\''}. Inside single quotes a POSIX shell gives no character a meaning, not even {@code \}.
     *
     * @throws IllegalArgumentException for a NUL character, which no shell argument can hold
     */
    public static String quote(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + DisplayText.of(text)
                    + "' holds a NUL character, which no shell argument can hold; remove it.");
        }
        if (!text.isEmpty() && isPlain(text)) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The arguments as one command line that a POSIX shell splits back into exactly these arguments. */
    public static String join(List<String> argv) {
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    /**
     * Letters, digits and {@code _ @ % + : , . / -}. Left out on purpose: {@code =}, since a first word such as
     * {@code A=b} would be read as a variable assignment, and {@code ~}, which a shell expands to a home directory.
     */
    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean plain = (ch >= 'a' && ch <= 'z')
                    || (ch >= 'A' && ch <= 'Z')
                    || (ch >= '0' && ch <= '9')
                    || "_@%+:,./-".indexOf(ch) >= 0;
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}

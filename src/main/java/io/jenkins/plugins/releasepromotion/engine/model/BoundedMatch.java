package io.jenkins.plugins.releasepromotion.engine.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A match of a configured regular expression with a bounded amount of work: the text is read through a sequence
 * that counts every character the matcher looks at, and gives up past {@link #budget(int)} of them. A pattern that
 * backtracks exponentially on a crafted text (a nested quantifier such as {@code (\d+)*}) so ends in {@link TooSlow}
 * instead of holding the thread; an ordinary pattern reads each character a few times and never comes near it.
 * Counted, not timed: the same text and pattern end the same way on any machine.
 */
public final class BoundedMatch {
    private BoundedMatch() {}

    /** How many characters a match may read on a text of {@code length}: ample for any pattern without nesting. */
    public static long budget(int length) {
        return 1_000_000L + 10_000L * length;
    }

    /** A matcher over {@code text} that throws {@link TooSlow} once it has read {@link #budget(int)} characters. */
    public static Matcher matcher(Pattern pattern, String text) {
        return pattern.matcher(new Counting(text, budget(text.length())));
    }

    /** The match gave up; say which pattern and text in one line, and how to fix it. */
    public static final class TooSlow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super("the regular expression needed too many steps", null, false, false);
        }
    }

    private static final class Counting implements CharSequence {
        private final String text;
        private long left;

        Counting(String text, long budget) {
            this.text = text;
            this.left = budget;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw new TooSlow();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}

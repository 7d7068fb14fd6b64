package io.jenkins.plugins.releasepromotion.engine.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in the text of a regular expression, a repeated group that holds a repetition or an alternation: the shapes
 * that can backtrack exponentially, {@code (a+)+}, {@code (a*)*}, {@code (\d+)*}, {@code (a|a)*}, {@code (?:x+y?)+}.
 * A lexical check, not a proof: it also flags a harmless {@code (ab|cd)+}, and it misses a blow-up spread over
 * several groups, such as {@code a*a*a*b}; the bounded match ({@link BoundedMatch}) covers those at run time.
 */
public final class NestedQuantifiers {
    private static final Pattern RANGE = Pattern.compile("\\{\\d+,(\\d{0,9})}");

    private NestedQuantifiers() {}

    /** The first nested repetition in {@code regex}, e.g. {@code (\d+)*}, or {@code null} when there is none. */
    public static String find(String regex) {
        int depth = 0;
        int[] open = new int[regex.length() + 1];
        boolean[] inner = new boolean[regex.length() + 1];
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
                open[depth] = i;
                inner[depth] = false;
            } else if (c == ')' && depth > 0) {
                boolean repeatedInside = inner[depth];
                int start = open[depth];
                depth--;
                if (repeatedInside && repeated(regex, i + 1)) {
                    return regex.substring(start, Math.min(regex.length(), i + 2));
                }
                if (depth > 0) {
                    inner[depth] |= repeatedInside || repeated(regex, i + 1);
                }
            } else if (depth > 0 && (c == '|' || repeated(regex, i))) {
                inner[depth] = true;
            }
        }
        return null;
    }

    /** Whether the character at {@code at} repeats what comes before it an unbounded number of times. */
    private static boolean repeated(String regex, int at) {
        if (at >= regex.length()) {
            return false;
        }
        char c = regex.charAt(at);
        if (c == '+' || c == '*') {
            return true;
        }
        if (c == '{') {
            Matcher range = RANGE.matcher(regex).region(at, regex.length());
            return range.lookingAt() && (range.group(1).isEmpty() || Long.parseLong(range.group(1)) > 1);
        }
        return false;
    }
}

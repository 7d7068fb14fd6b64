package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.model.BoundedMatch;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scans a command's output as it streams: counts the lines that match a failure pattern and no ignore pattern, and
 * keeps the first few of them. Nothing else is kept, however long the logs are. Every match is bounded
 * ({@link BoundedMatch}); a line a pattern cannot decide within the bound counts as failing.
 */
final class LineScanner implements LogSink {
    static final int KEPT = 5;

    private final List<Pattern> failures;
    private final List<Pattern> ignores;
    private final List<String> first = new ArrayList<>();
    private int lines;
    private int matches;

    LineScanner(List<Pattern> failures, List<Pattern> ignores) {
        this.failures = List.copyOf(failures);
        this.ignores = List.copyOf(ignores);
    }

    @Override
    public void line(String text) {
        lines++;
        String slow = null;
        boolean failing;
        try {
            failing = failures.stream().anyMatch(p -> found(p, text))
                    && ignores.stream().noneMatch(p -> found(p, text));
        } catch (SlowPattern e) {
            // A line a pattern cannot decide within its bound is not cleared: it counts as failing, and says why.
            failing = true;
            slow = e.pattern;
        }
        if (failing) {
            matches++;
            if (first.size() < KEPT) {
                first.add(
                        slow == null
                                ? text
                                : "(the pattern '" + slow + "' took too long on this line; simplify it) " + text);
            }
        }
    }

    private static boolean found(Pattern pattern, String text) {
        try {
            return BoundedMatch.matcher(pattern, text).find();
        } catch (BoundedMatch.TooSlow e) {
            throw new SlowPattern(pattern.pattern());
        }
    }

    private static final class SlowPattern extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String pattern;

        SlowPattern(String pattern) {
            super(pattern, null, false, false);
            this.pattern = pattern;
        }
    }

    int lines() {
        return lines;
    }

    int matches() {
        return matches;
    }

    List<String> firstMatches() {
        return List.copyOf(first);
    }
}

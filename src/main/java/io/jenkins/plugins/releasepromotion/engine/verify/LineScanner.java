package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scans a command's output as it streams: counts the lines that match a failure pattern and no ignore pattern, and
 * keeps the first few of them. Nothing else is kept, however long the logs are.
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
        if (failures.stream().anyMatch(p -> p.matcher(text).find())
                && ignores.stream().noneMatch(p -> p.matcher(text).find())) {
            matches++;
            if (first.size() < KEPT) {
                first.add(text);
            }
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

package io.jenkins.plugins.releasepromotion.config;

import java.util.ArrayList;
import java.util.List;

/** Lists as the web form edits them: one entry per line. Configuration as Code sets the typed values directly. */
final class Lines {

    private Lines() {}

    static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (text != null) {
            text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(items::add);
        }
        return items;
    }

    static String text(List<String> items) {
        return items == null ? "" : String.join("\n", items);
    }

    static List<String> copy(List<String> items) {
        return items == null ? new ArrayList<>() : new ArrayList<>(items);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

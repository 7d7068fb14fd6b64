package io.jenkins.plugins.releasepromotion.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists and mappings as the web form edits them: one entry per line, {@code name: value} for a mapping. Configuration
 * as Code and Pipeline set the typed values directly.
 */
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

    /** {@code name: value} lines; the first {@code ": "} separates, so a value may contain a colon. */
    static Map<String, String> map(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : list(text)) {
            int at = line.indexOf(": ");
            if (at < 0) {
                map.put(line, "");
            } else {
                map.put(line.substring(0, at).strip(), line.substring(at + 2).strip());
            }
        }
        return map;
    }

    static String text(Map<String, String> map) {
        StringBuilder out = new StringBuilder();
        if (map != null) {
            map.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        }
        return out.toString().strip();
    }

    static List<String> copy(List<String> items) {
        return items == null ? new ArrayList<>() : new ArrayList<>(items);
    }

    static Map<String, String> copy(Map<String, String> map) {
        return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

package io.jenkins.plugins.releasepromotion.engine.changelog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an entry's body into its {@code ###} sections and their list items. Any section name is kept, not only Keep
 * a Changelog's six, because release notes also carry "Migration steps" or "Breaking changes". Prose stays in the
 * entry's text but is not an item.
 */
final class Sections {
    private static final Pattern SECTION = Pattern.compile("^ {0,3}###\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern ITEM = Pattern.compile("^ {0,3}(?:[-*+]|\\d{1,9}[.)])\\s+(.*\\S)\\s*$");
    private static final Pattern CONTINUATION = Pattern.compile("^(?: {2,}|\\t)\\s*(\\S.*?)\\s*$");

    private Sections() {}

    static Map<String, List<String>> of(List<String> body) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        String current = ReleaseNotes.NOTES;
        List<String> items = null;
        Fences fences = new Fences();
        for (String line : body) {
            if (fences.skip(line)) {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            Matcher item = ITEM.matcher(line);
            Matcher more = CONTINUATION.matcher(line);
            if (section.matches()) {
                current = section.group(1);
                sections.computeIfAbsent(current, k -> new ArrayList<>());
                items = null;
            } else if (item.matches()) {
                items = sections.computeIfAbsent(current, k -> new ArrayList<>());
                items.add(item.group(1));
            } else if (more.matches() && items != null && !items.isEmpty()) {
                // A wrapped or nested line belongs to the item above it.
                items.set(items.size() - 1, items.get(items.size() - 1) + "\n" + more.group(1));
            } else if (!line.isBlank()) {
                // Prose ends the list: an indented line after it is not part of the last item.
                items = null;
            }
        }
        return sections;
    }
}

package io.jenkins.plugins.releasepromotion.engine.changelog;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The changelog entry of one release.
 *
 * @param version the version as the heading names it, without a {@code v} prefix
 * @param sections the list items of each {@code ###} section, in the order written; items written before any section
 *     are under {@value #NOTES}
 * @param text the entry's body as written, without its heading, for the person who approves the release
 */
public record ReleaseNotes(String version, LocalDate date, Map<String, List<String>> sections, String text) {

    /** The section name for list items written directly under the version heading. */
    public static final String NOTES = "Notes";

    public ReleaseNotes {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        sections.forEach((name, items) -> copy.put(name, List.copyOf(items)));
        sections = Collections.unmodifiableMap(copy);
    }

    /** The items of one section, e.g. {@code "Fixed"}; empty when the entry has no such section. */
    public List<String> section(String name) {
        return sections.getOrDefault(name, List.of());
    }

    /** How many list items the entry has in all its sections. */
    public int itemCount() {
        return sections.values().stream().mapToInt(List::size).sum();
    }
}

package io.jenkins.plugins.releasepromotion.engine.changelog;

import io.jenkins.plugins.releasepromotion.engine.changelog.ChangelogException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code CHANGELOG.md} in the Keep a Changelog format: one {@code ## [X.Y.Z] - YYYY-MM-DD} heading per release,
 * {@code ###} sections with list items under it. Reading is lenient where writers differ (an en dash, a {@code v} in
 * the brackets, CRLF line endings, link definitions at the bottom) and strict where a release depends on it (a real
 * date, at least one item, one entry per version).
 */
public final class Changelog {
    public static final String FILE = "CHANGELOG.md";

    private static final Pattern ENTRY_HEADING = Pattern.compile("^ {0,3}##(?:[ \\t]+(.*))?$");
    private static final Pattern TITLE = Pattern.compile("^ {0,3}#(?:[ \\t].*)?$");
    private static final Pattern LINK_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*\\S.*$");

    private final List<ChangelogEntry> entries;

    private Changelog(List<ChangelogEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads the whole text; never fails, as problems belong to the entry a release asks for. */
    public static Changelog parse(String markdown) {
        List<ChangelogEntry> entries = new ArrayList<>();
        String heading = null;
        List<String> body = new ArrayList<>();
        Fences fences = new Fences();
        for (String line : markdown.replaceFirst("^\uFEFF", "").split("\\R", -1)) {
            boolean code = fences.skip(line);
            boolean entryHeading = !code && ENTRY_HEADING.matcher(line).matches();
            if (entryHeading || !code && TITLE.matcher(line).matches()) {
                if (heading != null) {
                    entries.add(ChangelogEntry.of(heading, body));
                }
                heading = entryHeading ? line.strip().substring(2) : null;
                body = new ArrayList<>();
            } else if (heading != null
                    && (code || !LINK_DEFINITION.matcher(line).matches())) {
                body.add(line);
            }
        }
        if (heading != null) {
            entries.add(ChangelogEntry.of(heading, body));
        }
        return new Changelog(entries);
    }

    /**
     * The release notes for {@code version} from the file's text at the release, {@code Optional.empty()} when the
     * release has no {@value #FILE}.
     */
    public static ReleaseNotes releaseNotes(Optional<String> markdown, String version) {
        if (markdown.isEmpty()) {
            throw new ChangelogException(
                    Problem.NO_CHANGELOG,
                    "the release has no " + FILE + "; add one with '## [" + DisplayText.of(version)
                            + "] - YYYY-MM-DD' and the release notes.");
        }
        return parse(markdown.get()).notesFor(version);
    }

    /** The versions that have a heading, in the order written ({@code Unreleased} included). */
    public List<String> versions() {
        return entries.stream().map(ChangelogEntry::version).toList();
    }

    /**
     * The entry for {@code version} ({@code 1.2.3} or {@code v1.2.3}).
     *
     * @throws ChangelogException when the entry is missing, empty, undated, duplicated or yanked
     */
    public ReleaseNotes notesFor(String version) {
        String wanted = ChangelogEntry.normalize(
                Objects.requireNonNull(version, "version").strip());
        String shown = DisplayText.of(wanted);
        ChangelogEntry entry = entryFor(wanted, shown);
        if (entry.yanked()) {
            throw new ChangelogException(
                    Problem.YANKED,
                    FILE + " marks " + shown + " as [YANKED]; a withdrawn release is not promoted: release a fixed"
                            + " version instead.");
        }
        ReleaseNotes notes = new ReleaseNotes(wanted, entry.date(), Sections.of(entry.body()), entry.text());
        if (notes.itemCount() == 0) {
            throw new ChangelogException(
                    Problem.EMPTY_ENTRY,
                    FILE + "'s entry for " + shown + " has no list item; add the changes as '- ...' under ### Added,"
                            + " ### Changed or ### Fixed.");
        }
        return notes;
    }

    /** The one entry for {@code wanted}; none or several is a problem the writer must fix. */
    private ChangelogEntry entryFor(String wanted, String shown) {
        List<ChangelogEntry> found =
                entries.stream().filter(e -> e.version().equals(wanted)).toList();
        if (found.isEmpty()) {
            throw missing(shown);
        }
        if (found.size() > 1) {
            throw new ChangelogException(
                    Problem.DUPLICATE_ENTRY,
                    FILE + " has " + found.size() + " entries for " + shown + "; keep one '## [" + shown
                            + "] - YYYY-MM-DD' heading and merge their notes.");
        }
        return found.get(0);
    }

    private ChangelogException missing(String shown) {
        boolean unreleased = entries.stream()
                .filter(ChangelogEntry::isUnreleased)
                .map(e -> Sections.of(e.body()))
                .flatMap(sections -> sections.values().stream())
                .anyMatch(items -> !items.isEmpty());
        if (unreleased) {
            return new ChangelogException(
                    Problem.UNRELEASED_ONLY,
                    FILE + " has no entry for " + shown + ", only notes under [Unreleased]; move the Unreleased notes"
                            + " under '## [" + shown + "] - YYYY-MM-DD'.");
        }
        return new ChangelogException(
                Problem.NO_ENTRY,
                FILE + " has no entry for " + shown + "; add '## [" + shown
                        + "] - YYYY-MM-DD' with the release notes.");
    }
}

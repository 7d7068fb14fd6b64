package io.jenkins.plugins.releasepromotion.engine.changelog;

import io.jenkins.plugins.releasepromotion.engine.changelog.ChangelogException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ## } heading and the lines under it. The heading is kept raw and checked only when its notes are asked
 * for: a bad date in an old entry must not block a release whose own entry is fine.
 *
 * @param version the bracketed label without a {@code v} prefix, e.g. {@code 1.2.3} or {@code Unreleased}
 * @param dateText what follows the dash, without a {@code [YANKED]} marker; empty when there is none
 */
record ChangelogEntry(String version, String dateText, boolean yanked, List<String> body) {
    private static final Pattern HEADING = Pattern.compile("^\\[?(?<label>[^\\]\\s]+)]?(?<rest>.*)$");
    private static final Pattern YANKED = Pattern.compile("\\[YANKED]", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    ChangelogEntry {
        body = List.copyOf(body);
    }

    /** Reads the text after {@code ## }, e.g. {@code [1.2.3] - 2025-01-22} or {@code [v1.2.3] – 2025-01-22 [YANKED]}. */
    static ChangelogEntry of(String heading, List<String> body) {
        Matcher m = HEADING.matcher(heading.strip());
        if (!m.matches()) {
            return new ChangelogEntry("", "", false, body);
        }
        String rest = m.group("rest");
        boolean yanked = YANKED.matcher(rest).find();
        String date = YANKED.matcher(rest).replaceAll("").strip().replaceFirst("^[-\u2013\u2014]\\s*", "");
        return new ChangelogEntry(normalize(m.group("label")), date.strip(), yanked, body);
    }

    /** {@code v1.2.3} and {@code 1.2.3} name the same release. */
    static String normalize(String version) {
        return version.length() > 1
                        && (version.charAt(0) == 'v' || version.charAt(0) == 'V')
                        && Character.isDigit(version.charAt(1))
                ? version.substring(1)
                : version;
    }

    boolean isUnreleased() {
        return version.equalsIgnoreCase("Unreleased");
    }

    /** The release date, or a {@link Problem#MALFORMED_DATE} that shows the heading to write. */
    LocalDate date() {
        String example = "write '## [" + DisplayText.of(version) + "] - YYYY-MM-DD'";
        if (dateText.isEmpty()) {
            throw malformed("has no date; " + example + ".");
        }
        if (!ISO_DATE.matcher(dateText).matches()) {
            throw malformed(
                    "has the date '" + DisplayText.of(dateText) + "', which is not YYYY-MM-DD; " + example + ".");
        }
        try {
            return LocalDate.parse(dateText, DATE);
        } catch (DateTimeException e) {
            throw malformed("has the date " + dateText + ", which does not exist; " + example + " with a real date.");
        }
    }

    /** The body as written, without surrounding blank lines. */
    String text() {
        int from = 0;
        int to = body.size();
        while (from < to && body.get(from).isBlank()) {
            from++;
        }
        while (to > from && body.get(to - 1).isBlank()) {
            to--;
        }
        return String.join(
                "\n", body.subList(from, to).stream().map(String::stripTrailing).toList());
    }

    private ChangelogException malformed(String problem) {
        return new ChangelogException(
                Problem.MALFORMED_DATE, "CHANGELOG.md's heading for " + DisplayText.of(version) + " " + problem);
    }
}

package io.jenkins.plugins.releasepromotion.engine.signing;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * What an approver signs: this tag, at this commit, onto this environment and slot, until this time. Its text is
 * canonical, so the same approval always has the same bytes and the signature covers exactly these five facts:
 *
 * <pre>
 * release-promotion approval 1
 * tag: v1.2.3
 * commit: 3f2c1ab9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8
 * environment: production
 * slot: none
 * not-after: 2026-12-03T10:00:00Z
 * </pre>
 *
 * <p>Lines end with a line feed (the last one too), in this order, with nothing else; {@code slot} is a number or
 * {@code none}; {@code not-after} is UTC to the second.
 */
public record ApprovalStatement(String tag, String commit, String environment, Integer slot, Instant notAfter) {
    static final String HEADER = "release-promotion approval 1";
    private static final List<String> FIELDS = List.of("tag", "commit", "environment", "slot", "not-after");

    public ApprovalStatement {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(environment, "environment");
        notAfter = Objects.requireNonNull(notAfter, "notAfter").truncatedTo(ChronoUnit.SECONDS);
    }

    /** The canonical text, the bytes that are signed. */
    public String text() {
        return HEADER + "\n"
                + "tag: " + tag + "\n"
                + "commit: " + commit + "\n"
                + "environment: " + environment + "\n"
                + "slot: " + (slot == null ? "none" : slot) + "\n"
                + "not-after: " + notAfter + "\n";
    }

    /**
     * Reads a statement in the canonical form; anything else is refused, so that what was signed is what is read.
     *
     * @throws IllegalArgumentException saying what is wrong, as the end of a sentence
     */
    public static ApprovalStatement parse(String text) {
        if (!text.endsWith("\n") || text.contains("\r")) {
            throw new IllegalArgumentException(
                    "is not a statement as 'release-promotion approval request' writes it (lines end with a line"
                            + " feed, the last one too); write it again with that command");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != FIELDS.size() + 1 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("is not an approval statement (it must start with '" + HEADER
                    + "' and have the lines tag, commit, environment, slot and not-after); write it again with"
                    + " 'release-promotion approval request'");
        }
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            String prefix = FIELDS.get(i) + ": ";
            if (!lines[i + 1].startsWith(prefix) || lines[i + 1].length() == prefix.length()) {
                throw new IllegalArgumentException("line " + (i + 2) + " is not '" + prefix + "…'; the lines are tag,"
                        + " commit, environment, slot and not-after, in that order");
            }
            values[i] = lines[i + 1].substring(prefix.length());
        }
        ApprovalStatement statement =
                new ApprovalStatement(values[0], values[1], values[2], slot(values[3]), notAfter(values[4]));
        if (!statement.text().equals(text)) {
            throw new IllegalArgumentException(
                    "is not in the canonical form; write it again with 'release-promotion approval request'");
        }
        return statement;
    }

    /** Where it approves, e.g. {@code production slot 2}. */
    public String where() {
        return slot == null ? environment : environment + " slot " + slot;
    }

    private static Integer slot(String value) {
        if (value.equals("none")) {
            return null;
        }
        if (!value.matches("[1-9][0-9]{0,5}")) {
            throw new IllegalArgumentException("slot '" + DisplayText.of(value) + "' is not a slot number or 'none'");
        }
        return Integer.valueOf(value);
    }

    private static Instant notAfter(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "not-after '" + DisplayText.of(value) + "' is not a UTC time like 2026-12-03T10:00:00Z");
        }
    }
}

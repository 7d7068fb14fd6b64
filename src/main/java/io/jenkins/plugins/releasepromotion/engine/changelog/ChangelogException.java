package io.jenkins.plugins.releasepromotion.engine.changelog;

import java.util.Objects;

/**
 * The release notes for a version cannot be taken from the changelog. The message is one line: the version, what is
 * wrong and what to write instead; {@link #problem()} is a stable code for gates and reports.
 */
public final class ChangelogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why no release notes could be read. */
    public enum Problem {
        /** The release has no CHANGELOG.md at all. */
        NO_CHANGELOG,
        NO_ENTRY,
        /** The heading is there, but no list item under it. */
        EMPTY_ENTRY,
        /** The date is missing, not written as YYYY-MM-DD, or not a real date. */
        MALFORMED_DATE,
        /** No entry for the version, but notes wait under [Unreleased]: they were not moved when tagging. */
        UNRELEASED_ONLY,
        DUPLICATE_ENTRY,
        /** The entry is marked [YANKED]: the release was withdrawn. */
        YANKED
    }

    private final Problem problem;

    ChangelogException(Problem problem, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}

package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.time.Instant;
import java.util.Objects;

/** The small value facts the gates decide on. Gathered from git, the ledger and the live application. */
public final class Facts {

    private Facts() {}

    /**
     * The name given as the tag, as the repository sees it.
     *
     * @param missingReason for {@link RefType#MISSING}: the actionable reason (e.g. a shallow checkout without tags)
     * @param committedAt the commit's time, what the lead time for changes starts from; {@code null} when not read
     */
    public record TagFact(String name, RefType type, String commit, String missingReason, Instant committedAt) {
        public TagFact {
            Objects.requireNonNull(type, "type");
        }

        /** A fact without the commit's time. */
        public TagFact(String name, RefType type, String commit, String missingReason) {
            this(name, type, commit, missingReason, null);
        }

        public static TagFact annotated(String name, String commit) {
            return new TagFact(name, RefType.ANNOTATED_TAG, commit, null);
        }
    }

    /** A tag that ran, or runs, somewhere. */
    public record Deployed(String environment, Integer slot, String tag, String commit, Instant at) {}

    /** A finished verification of a tag on an environment slot. */
    public record Verification(
            String environment, Integer slot, String tag, String commit, Outcome outcome, Instant at) {
        public boolean passed() {
            return outcome == Outcome.SUCCEEDED;
        }
    }

    /**
     * What a slot's {@code /api/version} reported just now, or why it could not be read.
     *
     * @param error why the version could not be read; {@code null} when it was
     */
    public record LiveVersion(String environment, Integer slot, String url, String tag, String commit, String error) {
        public boolean reports(String expectedTag, String expectedCommit) {
            return error == null && Objects.equals(tag, expectedTag) && Objects.equals(commit, expectedCommit);
        }
    }

    /** A changelog entry's notes, or the problem that stopped reading it. */
    public record Changelog(String notes, String problem) {
        public static Changelog notes(String notes) {
            return new Changelog(notes, null);
        }

        public static Changelog problem(String problem) {
            return new Changelog(null, problem);
        }
    }

    /** An operation that started and never finished (a crash, a killed agent). */
    public record Interrupted(String id, String tag, Integer slot, Instant startedAt, String actor) {}
}

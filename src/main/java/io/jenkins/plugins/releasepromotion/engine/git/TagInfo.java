package io.jenkins.plugins.releasepromotion.engine.git;

import java.time.Instant;
import java.util.Objects;

/**
 * A tag as the repository records it.
 *
 * @param objectId the object the tag ref points to: the tag object for an annotated tag, the commit for a lightweight
 *     one
 * @param commit the full SHA of the commit the tag peels to
 * @param taggerName {@code null} for a lightweight tag or a tag object without a tagger
 * @param taggerEmail {@code null} likewise
 * @param taggedAt {@code null} likewise
 * @param message the full tag message; {@code null} for a lightweight tag
 * @param committedAt the commit time of {@code commit} (its committer's date); {@code null} when not read
 */
public record TagInfo(
        String name,
        boolean annotated,
        String objectId,
        String commit,
        String taggerName,
        String taggerEmail,
        Instant taggedAt,
        String message,
        Instant committedAt) {

    private static final int SHORT = 7;

    public TagInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(commit, "commit");
    }

    /** The commit SHA shortened for messages, as {@code git log --oneline} shows it. */
    public String shortCommit() {
        return commit.substring(0, Math.min(SHORT, commit.length()));
    }
}

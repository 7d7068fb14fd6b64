package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.gate.Facts.TagFact;
import io.jenkins.plugins.releasepromotion.engine.gate.RefType;
import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException;
import io.jenkins.plugins.releasepromotion.engine.git.GitReader;
import io.jenkins.plugins.releasepromotion.engine.git.RefKind;
import io.jenkins.plugins.releasepromotion.engine.git.TagInfo;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.util.Optional;

/** What the name given as the tag is in the repository. Names the pattern refuses never reach git. */
final class TagFacts {
    private final GitReader git;
    private final TagPattern pattern;

    TagFacts(GitReader git, TagPattern pattern) {
        this.git = git;
        this.pattern = pattern;
    }

    TagFact read(String name) {
        if (!pattern.accepts(name)) {
            RefKind kind = name == null ? RefKind.UNKNOWN : git.classify(name);
            return switch (kind) {
                case BRANCH -> new TagFact(name, RefType.BRANCH, null, null);
                case COMMIT -> new TagFact(name, RefType.COMMIT, null, null);
                default -> new TagFact(name, RefType.MISSING, null, null);
            };
        }
        try {
            TagInfo info = git.resolveTag(name);
            return new TagFact(
                    name,
                    info.annotated() ? RefType.ANNOTATED_TAG : RefType.LIGHTWEIGHT_TAG,
                    info.commit(),
                    null,
                    info.committedAt());
        } catch (GitFactsException e) {
            return new TagFact(name, RefType.MISSING, null, e.getMessage());
        }
    }

    /** The parsed release tag when the fact is an annotated tag under the pattern. */
    Optional<ReleaseTag> release(TagFact fact) {
        if (fact.type() != RefType.ANNOTATED_TAG || !pattern.accepts(fact.name())) {
            return Optional.empty();
        }
        return Optional.of(pattern.parse(fact.name()));
    }
}

package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.gate.Facts.TagFact;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.InvalidTagException;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;

/** Only annotated release tags go anywhere: not a branch, not a bare commit, not a lightweight tag. */
final class TaggedOnlyGate {

    private TaggedOnlyGate() {}

    /** The parsed tag when it passes, {@code null} (with a refusal) when it does not. */
    static ReleaseTag check(GateFacts facts, Findings out) {
        TagFact fact = facts.tag();
        String name = DisplayText.of(fact.name());
        if (fact.type() == RefType.BRANCH) {
            out.refuse(
                    ViolationCode.NOT_A_RELEASE_TAG,
                    name + " is a branch, not a release tag; only tagged commits"
                            + " are promoted: create an annotated tag (git tag -a v1.2.3 -m \"Release v1.2.3\") and promote it.");
            return null;
        }
        if (fact.type() == RefType.COMMIT) {
            out.refuse(
                    ViolationCode.NOT_A_RELEASE_TAG,
                    name + " is a commit, not a release tag; only tagged commits"
                            + " are promoted: tag it (git tag -a v1.2.3 " + name
                            + " -m \"Release v1.2.3\") and promote the tag.");
            return null;
        }
        ReleaseTag tag;
        try {
            tag = facts.tagPattern().parse(fact.name());
        } catch (InvalidTagException e) {
            out.refuse(ViolationCode.NOT_A_RELEASE_TAG, e.getMessage());
            return null;
        }
        if (fact.type() == RefType.MISSING) {
            out.refuse(
                    ViolationCode.TAG_NOT_FOUND,
                    fact.missingReason() != null
                            ? fact.missingReason()
                            : "Tag " + name + " is not in the repository; push it (git push origin " + name
                                    + ") and fetch tags before promoting.");
            return null;
        }
        if (fact.type() == RefType.LIGHTWEIGHT_TAG) {
            out.refuse(
                    ViolationCode.LIGHTWEIGHT_TAG,
                    name + " is a lightweight tag; only annotated release tags are"
                            + " promoted: recreate it with git tag -a -f " + name + " "
                            + Text.shortCommit(fact.commit())
                            + " -m \"Release " + name + "\" and push it.");
            return null;
        }
        return tag;
    }
}

package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Deployed;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import java.math.BigInteger;

/**
 * A tag cut from main is fine. A tag off main is a hotfix: it must descend from the commit of the running tag and be
 * exactly its next patch version, so nothing is skipped and nothing unreleased sneaks in.
 */
final class HotfixLineageGate implements PromotionGate {

    @Override
    public void check(GateFacts facts, ReleaseTag tag, Findings out) {
        if (tag == null || facts.onMain()) {
            return;
        }
        String commit = Text.shortCommit(facts.tag().commit());
        Deployed base = facts.lineageBase();
        if (base == null || base.tag() == null) {
            out.refuse(
                    ViolationCode.NOT_ON_MAIN,
                    tag + " (" + commit + ") is not on " + facts.mainBranch()
                            + " and there is no running tag it could be a hotfix of; merge it to " + facts.mainBranch()
                            + " and tag it there.");
            return;
        }
        String where = Text.where(base);
        if (!facts.descendsFromBase()) {
            out.refuse(
                    ViolationCode.HOTFIX_NOT_FROM_RUNNING_TAG,
                    tag + " (" + commit + ") is not on "
                            + facts.mainBranch() + " and does not descend from " + base.tag() + " ("
                            + Text.shortCommit(base.commit()) + "), which runs on " + where
                            + "; branch the hotfix from "
                            + base.tag() + " (git checkout -b hotfix/... " + base.tag() + ").");
            return;
        }
        if (!facts.tagPattern().accepts(base.tag())) {
            return;
        }
        ReleaseTag running = facts.tagPattern().parse(base.tag());
        if (!running.isNextPatch(tag)) {
            out.refuse(
                    ViolationCode.HOTFIX_NOT_NEXT_PATCH,
                    "Hotfix " + tag + " must be the next patch release of "
                            + running + ", which runs on " + where + "; tag version " + running.major() + "."
                            + running.minor() + "."
                            + nextPatch(running) + " instead.");
        }
    }

    private static String nextPatch(ReleaseTag running) {
        return new BigInteger(running.patch()).add(BigInteger.ONE).toString();
    }
}
